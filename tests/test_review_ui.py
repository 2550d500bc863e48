"""The Data tab's review queue: record by record with reasons, scores and the partner side by side,
decisions one by one (with edits) or by rule, then the cleaned file and its audit log."""
from __future__ import annotations

import csv
import json

from tools.data.formats import read_dataset
from tools.quality.quality import check_quality
from ui import review

ROWS = [("水的化学式是什么？", "H2O"), ("水的化学式是什么？", "H2O"), ("一打是几个？", "十"), ("光速是多少？", "约每秒30万公里。"),
        ("世界上最长的河流是哪条？", "亚马逊河"), ("世界上最长的河流是什么？", "尼罗河")]


def _checked(tmp_path):
    path = tmp_path / "qa.jsonl"
    path.write_text("".join(json.dumps({"question": q, "answer": a}, ensure_ascii=False) + "\n" for q, a in ROWS),
                    encoding="utf-8")
    return check_quality(path)


def test_queue_shows_reasons_scores_and_partner(tmp_path):
    report = _checked(tmp_path)
    assert review.latest_report() == report.report
    state = review.start(report.report)
    assert state["items"] == [2, 3, 5, 6]
    pos, question, answer, note, reasons, scores, partner = review.view(state, "English")
    assert "1 of 4" in pos and "record 2" in pos and "drop" in pos and question == "水的化学式是什么？"
    assert "exact duplicate" in reasons and "text_quality" in scores and "qa.jsonl:1" in partner
    zh = review.view(review.move(state, 2), "中文")
    assert "第 3/4 条" in zh[0] and "答案不同" in zh[4] and "尼罗河" in zh[6]  # the conflict's partner side by side
    assert ("完全重复 (1)", "exact_duplicate") in review.rule_choices(state, "中文")


def test_one_by_one_and_by_rule_then_written_with_an_audit_log(tmp_path):
    state = review.start(_checked(tmp_path).report)
    state = review.decide(state, "keep", "水的化学式是什么？", "H2O", "a second copy is fine")   # record 2: overrides the default drop
    state = review.decide(state, "keep", "一打是几个？", "十二", "")                               # record 3: edited
    state = review.by_rule(state, "conflict", "drop")                                             # records 5 and 6
    state = review.decide(review.move(state, 1), "keep", "世界上最长的河流是什么？", "尼罗河", "the accepted answer")
    sentence, (cleaned, audit) = review.finish(state, "web:tester", "English")
    assert "kept 5 of 6" in sentence and "edited 1" in sentence
    assert [s.answer for s in read_dataset(cleaned).samples] == ["H2O", "H2O", "十二", "约每秒30万公里。", "尼罗河"]
    with open(audit, encoding="utf-8-sig", newline="") as fh:
        log = {r["record"]: r for r in csv.DictReader(fh)}
    assert log["5"]["how"] == "rule: drop all conflict" and log["5"]["decision"] == "drop"
    assert (log["6"]["how"], log["6"]["note"], log["6"]["by"]) == ("one by one", "the accepted answer", "web:tester")
    assert log["3"]["edited"] == "True"


def test_nothing_checked_yet_is_a_sentence():
    assert review.view(None, "English")[0].startswith("No quality check yet")
    assert review.finish(None, "x", "中文")[1] == []
