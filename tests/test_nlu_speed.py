"""What keeps a routing step fast: the readers' answers remembered per text (``assistant/nlu/memo.py``) and the
compiled patterns kept (``assistant/nlu/rx.py``). Neither may change an answer."""
from __future__ import annotations

import re._compiler
from pathlib import Path

from assistant.nlu import acts, classifier, memo, rx, slots
from assistant.nlu.classifier import labelled_lines
from assistant.offline import plan

ROOT = Path(__file__).resolve().parents[1]


def test_an_answer_is_worked_out_once_per_text_and_again_under_another_model():
    asked = []

    @memo.remembered
    def model_in_effect(text: str) -> int:
        asked.append(text)
        return id(classifier.active())

    shipped = model_in_effect("熄火吧")
    assert model_in_effect("熄火吧") == shipped and asked == ["熄火吧"]  # remembered
    with classifier.using(None):  # the rules alone: what was remembered with the shipped model is forgotten
        assert model_in_effect("熄火吧") == id(None) and len(asked) == 2
    assert model_in_effect("熄火吧") == shipped and len(asked) == 3  # and forgotten again when the block ends
    with memo.off():
        model_in_effect("熄火吧")
        model_in_effect("熄火吧")
    assert len(asked) == 5  # the benchmark's baseline works every answer out again


def test_the_speech_act_read_under_the_rules_alone_is_not_the_one_remembered_from_the_model():
    text = "要是我把重复的都删掉的话剩下的还够不够训练"  # only the learned speech-act model hears this one asking
    memo.forget()
    with_model = acts.heard_asking(text)
    with classifier.using_act(None):
        assert acts.heard_asking(text) is False
    assert acts.heard_asking(text) == with_model


def test_a_remembered_dict_is_each_callers_own():
    text = '问题在“question”列,答案在“answer”列'
    first = slots.find_fields(text)
    first["question_field"] = "changed by a caller"
    assert slots.find_fields(text) == {"question_field": "question", "answer_field": "answer"}


def test_answers_are_the_same_remembered_or_worked_out_again():
    cases = labelled_lines(ROOT / "eval" / "dev" / "blind_round684.jsonl")[:60]
    memo.forget()
    remembered = [plan(c["text"]) for c in cases]
    with memo.off():
        again = [plan(c["text"]) for c in cases]
    assert remembered == again


def test_a_second_pass_over_a_voice_round_compiles_no_pattern(monkeypatch):
    # (re keeps 512 compiled patterns and drops the oldest first; a routing step uses more, so without rx every
    # pattern of a long message set was compiled again on each pass)
    cases = labelled_lines(ROOT / "eval" / "dev" / "blind_round684.jsonl")
    for c in cases:
        plan(c["text"])
    compiled = []
    original = re._compiler.compile
    monkeypatch.setattr(re._compiler, "compile", lambda p, flags=0: compiled.append(p) or original(p, flags))
    memo.forget()
    for c in cases:
        plan(c["text"])
    assert compiled == []
    assert rx.compiled.cache_info().maxsize >= 4096
