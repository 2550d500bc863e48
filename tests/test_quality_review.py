"""Quality as the manual describes it: duplicates and conflicts judged on question and answer apart,
placeholders filled rather than deleted, a review file a person edits and applies, rules applied
in bulk, and the model scores (reward model, LLM judge) that inform the review."""
from __future__ import annotations

import csv
import json

import pytest

from cli import main
from tools.data.formats import read_dataset
from tools.errors import UserError
from tools.quality.qrules import garbled
from tools.quality.quality import check_quality


def _jsonl(tmp_path, rows, name="qa.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps({"question": q, "answer": a}, ensure_ascii=False) + "\n" for q, a in rows),
                    encoding="utf-8")
    return path


def _rules(report) -> dict[str, set]:
    out: dict[str, set] = {}
    for f in report.findings:
        out.setdefault(f.where, set()).add(f.rule)
    return out


def _review_rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_rows(path, rows) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_conflicting_answers_are_flagged_on_the_shared_file(shared_copy):
    report = check_quality(shared_copy("qianfan/qa_pair.csv"))
    rules = _rules(report)
    # 世界上最长的河流: 亚马逊河 (line 17, "是哪条") vs 尼罗河 (line 51, "是什么"); line 76 repeats 亚马逊河.
    assert rules["qa_pair.csv:17"] == {"conflict"} and rules["qa_pair.csv:51"] == {"conflict"}
    assert rules["qa_pair.csv:76"] == {"near_duplicate"}
    assert {f.where for f in report.findings if f.action == "removed"} == {"qa_pair.csv:47", "qa_pair.csv:79"}
    conflict = next(f for f in report.findings if f.where == "qa_pair.csv:51")
    assert "qa_pair.csv:17" in conflict.reason and "答案不同" in conflict.reason_zh


def test_same_context_different_question_is_not_a_duplicate(tmp_path):
    passage = "在国际奶粉价格下降压力下,国内奶价仍有下降空间,乳制品企业的原料成本随之回落,行业利润有望修复。"
    rows = [
        (f"下文中市场价格下降导致市场价格下降事件对应的结果涉及的产品是？{passage}", "奶"),
        (f"下文中市场价格下降导致市场价格下降事件对应的结果涉及的地区是？{passage}", "国内"),
        (f"下文中市场价格下降导致市场价格下降事件对应的原因涉及的地区是？{passage}", "国际"),
    ]
    report = check_quality(_jsonl(tmp_path, rows))
    assert not [f for f in report.findings if f.rule in ("near_duplicate", "conflict", "exact_duplicate")]
    assert report.kept == 3


def test_templated_augmentations_are_grouped_not_removed(tmp_path):
    from tools.augment.augment import augment_instructions

    pairs = [("今天的天气很好", "The weather is nice today."), ("我喜欢读书", "I like reading."),
             ("火车晚点了", "The train is late."), ("请把门关上", "Please close the door."),
             ("他在学习数学", "He is studying maths."), ("这家餐厅很贵", "This restaurant is expensive."),
             ("明天会下雨吗", "Will it rain tomorrow?"), ("我的猫很胖", "My cat is fat."),
             ("会议推迟到周五", "The meeting is moved to Friday."), ("她会说三种语言", "She speaks three languages."),
             ("超市九点关门", "The supermarket closes at nine."), ("这本书是新的", "This book is new.")]
    rows = [(f"把下面的中文翻译成英文：{zh}", en) for zh, en in pairs]
    augmented = augment_instructions(_jsonl(tmp_path, rows), n_samples=12).output
    report = check_quality(augmented)
    data = report.to_dict()
    assert data["read"] == 24 and data["kept"] == 24 and data["removed"] == 0 and data["flagged"] == 0
    assert data["grouped"] == 24 and data["groups"] == 12  # each original with its reworded copy


def test_placeholders_are_flagged_kept_and_offered_for_filling(shared_copy):
    from tools.data.fill import fill_placeholders

    source = shared_copy("identity.json")
    report = check_quality(source)
    data = report.to_dict()
    assert data["kept"] == 91 and data["removed"] == 0 and data["by_rule"]["placeholder"] == 85
    filled = fill_placeholders(source, {"name": "小助手", "author": "ACME"})
    assert filled.changed == 85 and filled.missing == {} and filled.filled["name"] > 0
    samples = read_dataset(filled.output).samples
    assert len(samples) == 91 and not any("{{" in s.answer for s in samples)
    assert any("小助手" in s.answer and "ACME" in s.answer for s in samples)
    assert "placeholder" not in check_quality(filled.output).to_dict()["by_rule"]
    partial = fill_placeholders(source, {"name": "小助手"})
    assert partial.missing == {"author": 60} and "author" in partial.summary()


def test_garbled_rule_spares_accented_latin():
    assert garbled('It says "Welcome to the café"') is None
    assert garbled("It says \u201cWelcome to the café\u201d") is None  # é + ” looked like mojibake before
    assert garbled("naïve résumé – déjà vu… Señor Müller") is None
    assert garbled("cafÃ©") == "Ã©" and garbled("donâ€™t") == "â€™" and garbled("è¿™æ˜¯") is not None
    assert garbled("锟斤拷") == "锟斤拷"


def test_review_file_applied_with_edits_and_an_audit_log(tmp_path):
    from tools.quality.review import apply_review

    rows = [("水的化学式是什么？", "H2O"), ("水的化学式是什么？", "H2O"), ("一打是几个？", "十"), ("光速是多少？", "约每秒30万公里。"),
            ("世界上最长的河流是哪条？", "亚马逊河"), ("世界上最长的河流是什么？", "尼罗河")]
    source = _jsonl(tmp_path, rows)
    report = check_quality(source)
    review = _review_rows(report.report_csv)
    assert [(r["record"], r["decision"], r["rules"]) for r in review] == [
        ("2", "drop", "exact_duplicate"), ("3", "keep", "short_answer"), ("5", "keep", "conflict"), ("6", "keep", "conflict")]
    review[0]["decision"] = "keep"            # the person keeps the duplicate after all
    review[1]["answer"] = "十二"              # fixes the short answer
    review[3]["decision"], review[3]["note"] = "删除", "尼罗河是最长的河流的说法有争议,保留亚马逊河"
    _write_rows(report.report_csv, review)
    applied = apply_review(report.report_csv, by="tester")
    kept = read_dataset(applied.output).samples
    assert [s.answer for s in kept] == ["H2O", "H2O", "十二", "约每秒30万公里。", "亚马逊河"]
    assert (applied.kept, applied.dropped, applied.edited) == (5, 1, 1)
    audit = _review_rows(applied.audit)
    assert {r["record"]: (r["by"], r["decision"], r["edited"]) for r in audit} == {
        "2": ("tester", "keep", "False"), "3": ("tester", "keep", "True"), "5": ("tester", "keep", "False"),
        "6": ("tester", "drop", "False")}
    assert audit[-1]["note"].startswith("尼罗河") and audit[-1]["rules"] == "conflict"
    source.write_text(source.read_text(encoding="utf-8") + '{"question": "新", "answer": "新的"}\n', encoding="utf-8")
    with pytest.raises(UserError) as err:
        apply_review(report.report_csv)
    assert "changed" in str(err.value) and err.value.zh


def test_bad_decision_is_a_sentence_with_the_line(tmp_path):
    from tools.quality.review import apply_review

    report = check_quality(_jsonl(tmp_path, [("a?", "bb"), ("a?", "bb"), ("c?", "dd")]))
    review = _review_rows(report.report_csv)
    review[0]["decision"] = "maybe"
    _write_rows(report.report_csv, review)
    with pytest.raises(UserError, match=r"report\.csv:2: decision 'maybe'"):
        apply_review(report.report_csv)


def test_rules_apply_in_bulk(tmp_path):
    from tools.quality.review import apply_decisions, load_report, rule_decisions

    rows = [("问题一是什么？", "答案一。"), ("问题一是什么？", "答案一。"), ("一打是几个？", "十"), ("两打是几个？", "廿")]
    report = load_report(check_quality(_jsonl(tmp_path, rows)).report)
    assert set(rule_decisions(report, "short_answer", "drop")) == {3, 4}
    applied = apply_decisions(report, rule_decisions(report, "short_answer", "drop"), by="rule-test")
    assert [s.answer for s in read_dataset(applied.output).samples] == ["答案一。"]  # duplicate dropped by default too
    keep_dup = apply_decisions(report, rule_decisions(report, "duplicates", "keep"))
    assert keep_dup.kept == 4
    with pytest.raises(UserError):
        rule_decisions(report, "no_such_rule", "drop")


def test_text_quality_scores_repetition_and_relevance():
    from tools.quality.scores import text_quality

    good = text_quality("为什么天空是蓝色的？", "天空是蓝色的,因为大气中的分子对短波长的蓝光散射更强,这叫瑞利散射。")
    loop = text_quality("为什么天空是蓝色的？", "好的好的好的" * 20)
    assert good["score"] > 0.9 and loop["repetition"] < 0.5 < good["repetition"]
    assert text_quality("翻译成英文：你好", "Hello")["language"] == 0.6 and text_quality("木星?", "木星")["score"] > 0.7


@pytest.mark.slow
def test_reward_model_scores_every_kept_record(tmp_path, embedded_model):
    from transformers import AutoTokenizer, LlamaConfig, LlamaForSequenceClassification

    folder = tmp_path / "reward"
    tok = AutoTokenizer.from_pretrained(str(embedded_model))
    config = LlamaConfig(vocab_size=len(tok), hidden_size=16, intermediate_size=32, num_hidden_layers=2,
                         num_attention_heads=2, num_key_value_heads=1, num_labels=1, pad_token_id=tok.pad_token_id)
    LlamaForSequenceClassification(config).save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    rows = [(f"问题{i}是什么？", f"这是第{i}个答案,内容各不相同{i * 7}。") for i in range(6)] + [("问题0是什么？", "这是第0个答案,内容各不相同0。")]
    seen = []
    report = check_quality(_jsonl(tmp_path, rows), reward_model=str(folder), progress=lambda d, t: seen.append((d, t)))
    scores = _review_rows(report.scores_csv)
    assert [bool(r["reward"]) for r in scores] == [True] * 6 + [False]  # the removed duplicate is not scored
    assert report.models["reward"]["scored"] == 6 and seen[-1] == (6, 6)
    with pytest.raises(UserError):
        check_quality(_jsonl(tmp_path, rows, "b.jsonl"), reward_model=str(tmp_path))


def test_llm_judge_scores_through_the_endpoint(tmp_path, monkeypatch):
    from tests.fake_openai import FakeOpenAI, text

    def grader(body):
        answer = body["messages"][-1]["content"]
        return text('{"score": 1, "reason": "wrong"}' if "错误" in answer else '{"score": 5, "reason": "fine"}')

    rows = [("1+1等于几？", "等于2。"), ("2+2等于几？", "错误的答案是5。"), ("3+3等于几？", "等于6。")]
    with FakeOpenAI(grader) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
        monkeypatch.setenv("SFT_LLM_MODEL", "judge")
        report = check_quality(_jsonl(tmp_path, rows), judge=True)
        assert "Score 1-5" in server.requests[0]["messages"][0]["content"]  # the stated rubric
    assert [(f.where, f.rule) for f in report.findings] == [("qa.jsonl:2", "judge_low")]
    assert [r["judge"] for r in _review_rows(report.scores_csv)] == ["5", "1", "5"]
    monkeypatch.delenv("OPENAI_BASE_URL")
    with pytest.raises(UserError):
        check_quality(_jsonl(tmp_path, rows, "b.jsonl"), judge=True)


def test_cli_apply_and_fill(tmp_path, capsys, shared_copy):
    source = _jsonl(tmp_path, [("a?", "bb"), ("a?", "bb"), ("c?", "dd")])
    assert main(["quality", str(source), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert main(["quality", "--apply", out["report_csv"], "--by", "cli", "--json"]) == 0
    applied = json.loads(capsys.readouterr().out)
    assert (applied["kept"], applied["dropped"]) == (2, 1)
    assert "cli" in open(applied["audit"], encoding="utf-8-sig").read()
    assert main(["augment", str(shared_copy("identity.json")), "fill", "name=Helper", "author=ACME", "--json"]) == 0
    filled = json.loads(capsys.readouterr().out)
    assert filled["changed"] == 85 and filled["missing"] == {}
    assert main(["augment", str(source), "fill", "name"]) == 1
    assert main(["quality"]) == 1
