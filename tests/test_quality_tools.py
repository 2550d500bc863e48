"""The assistant's quality tools: the check offers the review, a drop rule waits for the person's
confirmation (nothing deleted before), a keep rule applies at once, placeholders are asked for."""
from __future__ import annotations

import json

from assistant.envelope import ToolResult
from assistant.paths import import_upload
from assistant.quality_tools import apply_quality_rule, fill_placeholders
from assistant.toolset import TOOL_NAMES, check_quality
from tools import workspace
from tools.data.formats import read_dataset

ROWS = [("水的化学式是什么？", "H2O"), ("水的化学式是什么？", "H2O"), ("一打是几个？", "十"), ("光速是多少？", "约每秒30万公里。"),
        ("世界上最长的河流是哪条？", "亚马逊河"), ("世界上最长的河流是什么？", "尼罗河"), ("你是谁？", "我是{{name}}。")]


def _upload(tmp_path) -> str:
    path = tmp_path / "qa.jsonl"
    path.write_text("".join(json.dumps({"question": q, "answer": a}, ensure_ascii=False) + "\n" for q, a in ROWS),
                    encoding="utf-8")
    return str(import_upload(path))


def _call(tool, **args) -> ToolResult:
    return ToolResult.parse(tool.invoke(args))


def test_check_counts_and_offers_the_review(tmp_path):
    result = _call(check_quality, path=_upload(tmp_path))
    assert result.ok and result.data["removed"] == 1 and result.data["flagged"] == 4
    assert "review queue" in result.summary_en and "复核队列" in result.summary_zh
    assert "name=" in result.summary_en and "占位符" in result.summary_zh  # the placeholders are offered for filling
    assert result.files[-1] == result.data["output"] and result.data["scores_csv"] in result.files


def test_drop_rule_is_a_plan_until_confirmed(tmp_path):
    assert {"apply_quality_rule", "fill_placeholders"} <= set(TOOL_NAMES)
    assert "confirmed" not in json.dumps(apply_quality_rule.tool_call_schema.model_json_schema())  # the model never sees it
    checked = _call(check_quality, path=_upload(tmp_path))
    plan = _call(apply_quality_rule, rule="重复", decision="drop", path=checked.data["output"])
    assert plan.ok and plan.pending["tool"] == "apply_quality_rule" and plan.pending["args"]["confirmed"] is True
    assert plan.data["records"] == 1 and "Confirm" in plan.summary_en and "确认" in plan.summary_zh
    assert not list(workspace.outputs_dir().glob("*.reviewed*"))  # nothing written, nothing deleted yet
    done = _call(apply_quality_rule, **plan.pending["args"])
    assert done.ok and done.data["dropped"] == 1 and done.data["kept"] == 6
    assert "assistant" in open(done.data["audit"], encoding="utf-8-sig").read()
    conflict = _call(apply_quality_rule, **{**plan.pending["args"], "rule": "conflict"})
    assert [s.answer for s in read_dataset(conflict.data["output"]).samples] == ["H2O", "十", "约每秒30万公里。", "我是{{name}}。"]


def test_drop_rule_is_consequential_for_the_guard():
    try:
        from assistant import consent
    except ImportError:  # the pending-action mechanism is not there yet: the tool itself returns the plan
        return
    assert consent.is_consequential(apply_quality_rule) and not consent.is_consequential(fill_placeholders)


def test_keep_rule_applies_at_once_and_latest_check_is_found(tmp_path):
    _call(check_quality, path=_upload(tmp_path))
    kept = _call(apply_quality_rule, rule="short_answer", decision="keep")
    assert kept.ok and kept.pending is None and kept.data["kept"] == 6  # the exact duplicate stays dropped
    unknown = _call(apply_quality_rule, rule="nonsense", decision="drop")
    assert not unknown.ok and "nonsense" in unknown.summary_en and unknown.summary_zh != unknown.summary_en


def test_fill_asks_for_values_then_fills(tmp_path):
    path = _upload(tmp_path)
    ask = _call(fill_placeholders, path=path)
    assert ask.ok and ask.data["needs_values"] == ["name"] and "name=" in ask.summary_en and not ask.files
    done = _call(fill_placeholders, path=path, values={"name": "小助手"})
    assert done.ok and done.data["changed"] == 1
    assert read_dataset(done.files[-1]).samples[-1].answer == "我是小助手。"


def test_a_model_asking_to_drop_gets_a_pending_action_that_confirm_runs(tmp_path):
    from assistant.agent import Assistant
    from assistant.backends import BackendSettings
    from tests.fake_openai import FakeOpenAI, call, script, text

    path = tmp_path / "qa.jsonl"
    path.write_text("".join(json.dumps({"question": q, "answer": a}, ensure_ascii=False) + "\n" for q, a in ROWS[:3]),
                    encoding="utf-8")
    replies = [call("check_quality"), text("checked"), call("apply_quality_rule", rule="short_answer", decision="drop"),
               text("plan"), text("done")]
    with FakeOpenAI(script(replies)) as server:
        bot = Assistant(BackendSettings(kind="openai", base_url=server.base_url, api_key=server.api_key, model="fake"))
        list(bot.stream("s", "帮我检查质量", files=[str(path)], tokens=False))
        steps = list(bot.stream("s", "把短答案删掉", tokens=False))
        assert "pending" in [s.kind for s in steps] and not list(workspace.outputs_dir().glob("*.reviewed*"))
        assert bot.pending("s").details["records"] == 1
        answer = [s for s in bot.confirm("s", lang="zh") if s.kind == "answer"][-1]
    assert "删除 2 条" in answer.text  # the short answer by the rule, the exact duplicate by default
    assert len(read_dataset(next(workspace.outputs_dir().glob("*.reviewed.jsonl"))).samples) == 1


def _assistant_turn(assistant, text, files=(), session="review"):
    result = assistant.run(session, text, list(files))
    assert result["ok"], result["answer"]
    return result


def test_offline_assistant_applies_a_spoken_rule_after_consent_and_fills_spoken_values(tmp_path, shared_copy):
    """"把重复的删掉" with the file at hand becomes apply_quality_rule (a plan, then the drop on "确认"); "name=… author=…" after a
    check that found placeholders fills them; a question about dropping never acts."""
    from assistant.agent import Assistant
    from assistant.backends import BackendSettings

    assistant = Assistant(BackendSettings())
    data = shared_copy("qianfan/qa_pair.csv")
    # never checked: the rule itself, the tool checking the file first, shown as a plan that waits for consent
    planned = _assistant_turn(assistant, "把重复的删掉", [data])
    assert planned["tool_calls"][0]["name"] == "apply_quality_rule" and planned["pending"]["tool"] == "apply_quality_rule"
    assert "完全重复 2" in planned["answer"] and "duplicate" not in planned["answer"]  # one language
    assert not list(workspace.outputs_dir().glob("*.reviewed*"))  # nothing dropped before consent
    done = _assistant_turn(assistant, "确认")
    assert done["tool_calls"][0]["args"]["confirmed"] is True
    (cleaned,) = [p for p in workspace.outputs_dir().glob("qa_pair.reviewed*") if not p.name.endswith(".audit.csv")]
    assert len(read_dataset(cleaned).samples) == 83  # 86 read, 2 exact + 1 near duplicate dropped

    kept = _assistant_turn(assistant, "冲突的都保留")
    assert kept["tool_calls"][0]["args"] == {"rule": "conflict", "decision": "keep", "path": kept["tool_calls"][0]["args"]["path"]}
    asked = _assistant_turn(assistant, "should I drop the duplicates?", session="question")
    assert all(c["name"] != "apply_quality_rule" for c in asked["tool_calls"])

    identity = shared_copy("identity.json")
    checked = _assistant_turn(assistant, "帮我检查质量", [identity], session="fill")
    assert checked["tool_calls"][0]["name"] == "check_quality" and "name=" in checked["answer"]
    filled = _assistant_turn(assistant, "name=小助手 author=张三", session="fill")
    assert filled["tool_calls"] == [{"name": "fill_placeholders", "args": {
        "path": str(workspace.uploads_dir() / "identity.json"), "values": {"name": "小助手", "author": "张三"}}}]
    (step,) = [s for s in filled["steps"] if s.kind == "tool_result"]
    text = open(step.files[0], encoding="utf-8").read()
    assert "{{name}}" not in text and "小助手" in text and "张三" in text
