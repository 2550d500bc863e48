"""Quality checks: every removed or flagged record is listed; only clear defects are removed."""
from __future__ import annotations

import csv
import json

import pytest

from cli import main
from tools.data.formats import read_dataset
from tools.quality.minhash import jaccard, near_duplicates, shingles
from tools.quality.perplexity import flag_outliers
from tools.quality.quality import check_quality

ROWS = [
    ("水的化学式是什么？", "水的化学式是H2O，由两个氢原子和一个氧原子组成。"),                 # 2 kept
    ("水的化学式是什么？", "水的化学式是H2O，由两个氢原子和一个氧原子组成。"),                 # 3 exact duplicate
    ("水的化学式是什么?", "水的化学式是H2O，由两个氢原子和一个氧原子组成的。"),               # 4 near duplicate
    ("天空为什么是蓝色的", "天空为什么是蓝色的"),                                             # 5 answer == question
    ("你叫什么名字？", "我是{{name}}，由{{author}}开发。"),                                    # 6 placeholder
    ("乱码了吗？", "è¿™æ˜¯ä¹±ç \u00a0"),                                                     # 7 mojibake
    ("另一个乱码", "锟斤拷锟斤拷"),                                                             # 8 garbled
    ("一打是几个？", "十"),                                                                     # 9 short: flagged, kept
    ("光速是多少？", "约每秒30万公里。"),                                                       # 10 kept
    ("空答案", ""),                                                                             # 11 unreadable (reader)
]


def _csv(tmp_path, rows=ROWS):
    path = tmp_path / "qa.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["question", "answer"])
        writer.writerows(rows)
    return path


def test_rules_and_the_report_list_everything(tmp_path):
    report = check_quality(_csv(tmp_path))
    data = report.to_dict()
    by_where = {(f.where, f.rule): f.action for f in report.findings}
    assert by_where == {
        ("qa.csv:3", "exact_duplicate"): "removed", ("qa.csv:4", "near_duplicate"): "flagged",
        ("qa.csv:5", "answer_is_question"): "flagged", ("qa.csv:6", "placeholder"): "flagged",
        ("qa.csv:7", "garbled"): "flagged", ("qa.csv:8", "garbled"): "flagged",
        ("qa.csv:9", "short_answer"): "flagged", ("qa.csv:11", "empty_answer"): "removed",
    }
    # Only the undeniable is removed: an exact duplicate and an empty answer.
    assert (data["read"], data["kept"], data["removed"], data["flagged"]) == (10, 8, 2, 6)
    assert data["read"] == data["kept"] + data["removed"]  # nothing removed unlisted
    kept = read_dataset(data["output"]).samples
    assert [s.question for s in kept][:3] == ["水的化学式是什么？", "水的化学式是什么?", "天空为什么是蓝色的"]
    full = json.loads(open(data["report"], encoding="utf-8").read())
    assert len(full["findings"]) == 8 and "qa.csv:2" in full["findings"][1]["reason"]
    assert all(f["reason_zh"] and f["rule_name"]["zh"] for f in full["findings"])  # both languages
    with open(data["report_csv"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["where"] for r in rows] == ["qa.csv:11"] + [f"qa.csv:{n}" for n in range(3, 10)]
    dup = rows[1]
    assert (dup["decision"], dup["rules"], dup["partner_where"], dup["partner_question"]) == \
        ("drop", "exact_duplicate", "qa.csv:2", "水的化学式是什么？")
    assert rows[2]["decision"] == "keep" and rows[2]["partner_where"] == "qa.csv:2"  # the near duplicate's partner
    with open(data["scores_csv"], encoding="utf-8-sig", newline="") as fh:
        scores = list(csv.DictReader(fh))
    assert len(scores) == 9 and all(0 <= float(r["text_quality"]) <= 1 for r in scores)


def test_input_untouched_and_outputs_do_not_overwrite(tmp_path):
    path = _csv(tmp_path)
    before = path.read_bytes()
    first, second = check_quality(path), check_quality(path)
    assert path.read_bytes() == before
    assert first.output != second.output and first.report != second.report


def test_minhash_finds_near_copies_not_cousins():
    base = "请根据下面的新闻生成摘要：新华社受权于18日全文播发修改后的《中华人民共和国立法法》，共计105条。"
    near = base.replace("18日", "十八日")
    cousin = "请根据下面的新闻生成摘要：一辆小轿车，一名女司机，竟造成9死24伤。"
    assert jaccard(shingles(base), shingles(near)) > 0.8 > jaccard(shingles(base), shingles(cousin))
    found = near_duplicates([base, cousin, near, base + "。"], threshold=0.8)
    assert [(i, j) for i, j, _ in found] == [(2, 0), (3, 0)]
    assert near_duplicates([base, near], threshold=0.8, skip={0}) == []


def test_outliers_use_robust_log_scores():
    values = [10.0, 11.0, 9.5, 10.5, 12.0, 9.0, 10.2, 400.0, 1.01]
    info, flagged = flag_outliers(values)
    assert [i for i, _ in flagged] == [7, 8]
    assert "unusually high" in flagged[0][1] and "unusually low" in flagged[1][1]
    assert 9.5 < info["median"] < 11 and info["flagged"] == 2
    assert flag_outliers([1.0, 2.0])[1] == []


def test_cli_quality_json(capsys, tmp_path):
    assert main(["quality", str(_csv(tmp_path)), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kept"], out["removed"]) == (8, 2) and out["by_rule"]["garbled"] == 2
    assert main(["quality", str(_csv(tmp_path)), "--near-threshold", "1.5"]) == 1


@pytest.mark.slow
def test_perplexity_batched_matches_single_and_flags_noise(tmp_path, embedded_model):
    from tools.models.models import load_model, load_tokenizer
    from tools.quality.perplexity import perplexities

    rows = [(f"What is {a} plus {b}?", f"{a} plus {b} is {a + b}.") for a, b in [(1, 2), (3, 4), (5, 6), (7, 8), (2, 2),
                                                                                   (9, 1), (4, 4), (6, 3), (8, 2), (5, 5)]]
    rows.append(("What is 2 plus 3?", "zq xv kkp wqz jjf vvb qzx pfw xkcd qqv zzk"))
    samples = read_dataset(_csv(tmp_path, rows)).samples
    tok, model = load_tokenizer(), load_model()
    batched = perplexities(samples, model=model, tokenizer=tok, batch_size=8)
    single = perplexities(samples, model=model, tokenizer=tok, batch_size=1)
    assert all(abs(x - y) / y < 0.1 for x, y in zip(batched, single))
    assert batched[-1] > 5 * max(batched[:-1])  # noise is far less likely than arithmetic
    report = check_quality(_csv_in(tmp_path, rows), ppl=True)
    flagged = [f for f in report.findings if f.rule == "perplexity"]
    assert [f.where for f in flagged] == ["qa.csv:12"] and report.to_dict()["ppl"]["flagged"] == 1


def _csv_in(tmp_path, rows):
    folder = tmp_path / "again"
    folder.mkdir()
    return _csv(folder, rows)


def test_hashed_shingles_match_string_shingles():
    from tools.quality.minhash import jaccard_hashes, shingle_hashes

    texts = ["水的化学式是什么？H2O", "水的化学式是什么?h2o。", "What is the chemical formula of water?", "ab", ""]
    for x in texts:
        assert shingle_hashes(x).size == len(shingles(x))
        for y in texts:
            assert jaccard_hashes(shingle_hashes(x), shingle_hashes(y)) == pytest.approx(jaccard(shingles(x), shingles(y)))


def test_inspect_samples_token_lengths_on_big_files_and_speaks_chinese(tmp_path, monkeypatch, embedded_model):
    from tools.data import stats
    from tools.data.formats import inspect_dataset

    rows = [(f"问题{i}：{{{{name}}}}是谁？", f"答案{i}:{'很长的回答' * i}") for i in range(12)]
    monkeypatch.setattr(stats, "TOKEN_SAMPLE", 5)
    info = inspect_dataset(_csv(tmp_path, rows))
    assert info["count"] == 12 and info["tokens_sampled"] == 5 and info["tokens"]["answer"]["max"] > 0
    assert len(info["problems_zh"]) == len(info["problems"]) and any("占位符" in p for p in info["problems_zh"])
    monkeypatch.setattr(stats, "TOKEN_SAMPLE", 100)
    assert inspect_dataset(_csv(tmp_path, rows))["tokens_sampled"] is None  # all measured
