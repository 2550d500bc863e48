"""The UI's pure pieces: step rendering, curves, progress, data preview, strings, per-session files."""
from __future__ import annotations

import json
import os

import pytest

from assistant.steps import Step
from ui import data_tab, training_tab
from ui import session as sess
from ui.i18n import STRINGS, t
from ui.render import render_turn, user_messages


def test_steps_render_as_collapsible_tool_messages_then_a_growing_answer(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("[]")
    steps = [
        Step("tool_call", name="convert_dataset", args={"path": "a.csv", "to": "alpaca"}, id="c1"),
        Step("tool_result", name="convert_dataset", id="c1", summary="86 written", duration=0.123, files=[str(out), "/w/gone.json"]),
        Step("token", text="Done"), Step("token", text=": 86"), Step("answer", text="Done: 86 records."),
    ]
    # Messages are updated in place, so look at each frame as it is yielded.
    seen = [[(m.metadata.get("title"), m.metadata.get("status"), m.content) for m in frame]
            for frame in render_turn(steps, "English")]
    assert len(seen) == len(steps)
    title, status, content = seen[0][0]
    assert title == "Convert the format" and status == "pending" and '"to": "alpaca"' in content
    assert seen[1][0][1] == "done" and seen[1][0][2].endswith("86 written")
    assert seen[1][1][2]["path"].endswith("out.json") and len(seen[1]) == 2, "one download: the file that exists"
    assert [frame[-1][2] for frame in seen[2:]] == ["Done", "Done: 86", "Done: 86 records."]
    tool = list(render_turn(steps[:2]))[-1][0]
    assert tool.metadata["duration"] == 0.12


def test_failed_tool_and_error_steps_are_visible():
    frames = list(render_turn([
        Step("tool_call", name="inspect_dataset", id="x"),
        Step("tool_result", name="inspect_dataset", id="x", ok=False, summary="文件不存在。"),
        Step("error", text="这一轮出错了。"),
    ], "中文"))
    tool, error = frames[-1]
    assert tool.metadata["title"] == "检查数据 · 未完成" and "文件不存在" in tool.content
    assert error.content == "这一轮出错了。", "a failure is a plain sentence in the answer"


def test_user_side_shows_uploads_then_text(tmp_path):
    (tmp_path / "a.csv").write_text("q,a\n")
    shown = user_messages("convert it", [str(tmp_path / "a.csv")])
    assert [m.role for m in shown] == ["user", "user"] and shown[0].content["path"].endswith("a.csv")
    assert user_messages("  ", []) == []


def test_every_string_has_both_languages():
    for key, (zh, en) in STRINGS.items():
        assert zh.strip() and en.strip(), key
    assert t("tab_training", "English") == "Training" and t("tab_training", "中文") == "训练"


def test_smoothing_is_bias_corrected_ema():
    assert training_tab.smooth([4.0]) == [4.0]  # no pull towards 0 at the start
    s = training_tab.smooth([4.0, 2.0], weight=0.5)
    assert s[1] == pytest.approx((0.5 * 0.5 * 4 + 0.5 * 2) / 0.75)


ME = {"id": "me", "files": [], "dataset": None, "backend": {"kind": "offline"}}
"""The browser session the training tab acts for in these tests; its runs carry owner "me"."""


def write_run(runs_root, run_id: str, state: dict, metrics: list[dict], owner: str = "me"):
    run = runs_root / run_id
    run.mkdir(parents=True)
    (run / "config.json").write_text(json.dumps({"base_model": "embedded", "max_steps": 10}))
    (run / "state.json").write_text(json.dumps({"run_id": run_id, "owner": owner, **state}))
    (run / "metrics.jsonl").write_text("".join(json.dumps(m) + "\n" for m in metrics) + '{"step": 9, "lo')
    return run


METRICS = [
    {"step": s, "epoch": s / 10, "loss": 3.0 - 0.2 * s, "learning_rate": 1e-3 * (1 - s / 10),
     "tokens_per_s": 600.0, "eta_s": 2 * (10 - s), "elapsed_s": 2 * s} for s in range(1, 6)
] + [{"step": 5, "eval_loss": 2.5}]


def test_training_tab_reads_a_running_run_and_keeps_polling(workspace):
    write_run(workspace / "runs", "r1", {"state": "running", "pid": os.getpid(), "step": 5, "total_steps": 10}, METRICS)
    html, loss, lr, config, timer, stop, resume = training_tab.show_run("r1", "English", ME)
    assert "step 5 / 10" in html and "600 tokens/s" in html and "ETA 0:00:10" in html and "value='50.0'" in html
    assert sorted(set(loss["series"])) == ["eval_loss", "loss", "smoothed"]
    assert len(loss[loss.series == "loss"]) == 5 and len(lr) == 5
    assert config == {"base_model": "embedded", "max_steps": 10}
    assert timer.active is True and stop.interactive is True and resume.interactive is False
    _, loss_zh, *_ = training_tab.show_run("r1", "中文", ME)
    assert sorted(set(loss_zh["series"])) == sorted(["损失", "平滑", "验证损失"])  # the legend follows the UI language
    assert set(loss_zh["series"]) | set(loss["series"]) <= set(training_tab.LOSS_COLORS)


def test_probe_plot_series_follow_the_ui_language():
    from ui.probe_panel import curve_frame

    result = {"lrs": [1e-5, 1e-4], "train_losses": [2.0, 1.5], "held_losses": [2.1, 1.6]}
    assert sorted(curve_frame(result, "中文")["series"].unique()) == sorted(["训练", "留出集"])
    assert sorted(curve_frame(result)["series"].unique()) == ["held-out", "train"]


def test_polling_stops_when_the_run_is_finished(workspace):
    write_run(workspace / "runs", "r2", {"state": "succeeded", "step": 10, "total_steps": 10}, METRICS)
    html, *_, timer, stop, resume = training_tab.show_run("r2", "English", ME)
    assert "succeeded" in html and timer.active is False
    assert stop.interactive is False and resume.interactive is False, "a finished run can be neither stopped nor resumed"
    assert training_tab.show_run(None)[4].active is False
    assert "已完成" in training_tab.show_run("r2", "中文", ME)[0]
    labels = training_tab.run_choices()
    assert labels == [("r2 · succeeded · 10/10", "r2")]


def test_data_preview_pages_through_a_real_file(shared_copy):
    path = str(shared_copy("alpaca_zh_demo.json"))
    table, page, info = data_tab.preview_page(path, 3)
    assert page == 3 and len(table) == data_tab.PAGE_SIZE and table["#"].iloc[0] == 2 * data_tab.PAGE_SIZE + 1
    assert info.startswith("page 3 / 50 · 1000 records")
    table, page, _ = data_tab.preview_page(path, 999)
    assert page == 50 and table["#"].iloc[-1] == 1000


def test_each_session_uploads_into_its_own_folder(tmp_path, workspace):
    src = tmp_path / "qa.csv"
    src.write_text("q,a\n1,2\n")
    a, b = sess.new_session(), sess.new_session()
    pa, pb = sess.import_upload(a, str(src)), sess.import_upload(b, str(src))
    assert os.path.dirname(pa) != os.path.dirname(pb)
    assert sess.data_files(a) == [pa] and sess.data_files(b) == [pb] and a["dataset"] == pa
    assert sess.import_upload(a, str(src)) == pa, "the same file attached again is the same copy"
    src.write_text("q,a\n3,4\n")
    assert sess.import_upload(a, str(src)) != pa, "a different file of the same name never overwrites the first"


def test_throttle_keeps_the_first_and_last_frames():
    from ui.render import throttled

    assert list(throttled(range(1000), every=10.0)) == [0, 999]
    assert list(throttled(range(5), every=0.0)) == [0, 1, 2, 3, 4]
    assert list(throttled([], every=1.0)) == []


def test_data_tab_summary_and_quality_review(workspace):
    path = sess.session_uploads(ME) / "qa.csv"
    path.write_text("问题,答案\n天空是什么颜色?,蓝色\n天空是什么颜色?,蓝色\n水的化学式?,H2O\n你好{{name}},我是{{name}}\n", encoding="utf-8")
    table, page, info, overview, stats, problems = data_tab.show(str(path), 1, "English", ME)
    assert len(table) == 4 and dict(overview.values.tolist())["Usable samples"] == "4"
    assert str(workspace) not in overview.to_string(), "file names only, no server paths"
    report, findings, files, session = data_tab.quality(str(path), False, dict(ME, files=[]))
    assert "| Read | 4 |" in report and "| Removed | 1 |" in report and "| By rule · exact duplicate | 1 |" in report
    assert str(workspace) not in report, "file names only"
    assert set(findings["rule"]) >= {"exact duplicate"} and findings["where"].str.startswith("qa.csv").all()
    zh_report, zh_findings, *_ = data_tab.quality(str(path), False, dict(ME, files=[]), "中文")
    assert "| 删除 | 1 |" in zh_report and "完全重复" in set(zh_findings["规则"]) and "已删除" in set(zh_findings["处理"])
    assert os.path.basename(session["dataset"]) == os.path.basename(files[0]) and all(os.path.isfile(f) for f in files)
    assert path.read_text(encoding="utf-8").count("\n") == 5, "the user's file is untouched"


def test_closing_or_clearing_a_session_forgets_its_conversation(tmp_path, workspace):
    from ui import assistant_tab

    data = tmp_path / "qa.csv"
    data.write_text("问题,答案\n1+1?,2\n2+2?,4\n", encoding="utf-8")

    def convert_it_after(reset) -> list[str]:
        s = sess.new_session()
        list(assistant_tab.assistant().stream(s["id"], "这个文件有多少条数据?", [sess.import_upload(s, str(data))]))
        reset(s)
        steps = list(assistant_tab.assistant().stream(s["id"], "把它转换成jsonl格式", []))
        return [f for step in steps for f in step.files]

    assert convert_it_after(lambda s: None), "without a reset, 'it' is the upload"
    assert convert_it_after(assistant_tab.forget) == []
    assert convert_it_after(assistant_tab.clear_conversation) == []


def test_backend_settings_apply_to_one_session_only(workspace):
    from fake_openai import FakeOpenAI, script
    from fake_openai import text as fake_text

    from ui import assistant_tab

    with FakeOpenAI(script([fake_text("hello from the endpoint")])) as server:
        a, note = assistant_tab.apply_backend("openai", server.base_url, server.api_key, "fake-model", None, "English")
        assert "fake-model" in note and a["backend"]["api_key"] == "***", "the key is never kept in page state"
        *_, (history_a, _) = assistant_tab.respond({"text": "hi", "files": []}, [], a, "English")
        b = sess.new_session()
        *_, (history_b, _) = assistant_tab.respond({"text": "我有1000条数据,epoch设置多少?", "files": []}, [], b, "中文")
    assert history_a[-1].content == "hello from the endpoint" and len(server.requests) == 1
    assert "10" in history_b[-1].content and "hello" not in history_b[-1].content
    with pytest.raises(Exception, match="base URL"):
        assistant_tab.apply_backend("openai", "", "", "", None, "English")


def test_a_poll_refreshes_the_run_list_labels(workspace):
    run = write_run(workspace / "runs", "r3", {"state": "running", "pid": os.getpid(), "step": 1, "total_steps": 10}, METRICS[:1])
    dropdown, *_, timer, _, _ = training_tab.poll("r3", "English", ME)
    assert dropdown.choices == [("r3 · running · 1/10", "r3")] and timer.active is True
    (run / "state.json").write_text(json.dumps({"run_id": "r3", "owner": "me", "state": "succeeded", "step": 10, "total_steps": 10}))
    dropdown, *_, timer, _, _ = training_tab.poll("r3", "English", ME)
    assert dropdown.choices == [("r3 · succeeded · 10/10", "r3")] and timer.active is False


def test_language_switch_covers_every_labelled_component():
    """Every component that shows a label is relabelled by the language switch, and every key it relabels
    with has a Chinese and an English text (a component added without registering stays in one language)."""
    from ui import webapp as app
    from ui.i18n import LANGS

    demo = app.build_app()
    registered = {id(c) for c, attr, _ in demo.sft_labels if attr == "label"}
    unlabelled = [(type(b).__name__, b.label) for b in demo.blocks.values()
                  if isinstance(getattr(b, "label", None), str) and b.label.strip() and id(b) not in registered]
    assert not unlabelled, unlabelled
    for _, attr, key in demo.sft_labels:
        zh, en = (app._text(attr, key, lang) for lang in LANGS)
        assert zh and en
    assert app._text("label", "tab_chat", "English") == "Chat"


def test_stop_button_ends_the_run_process_and_resume_refuses_a_finished_run(workspace):
    import subprocess
    import threading


    # A stand-in for the training process: its own session and process group, like tools/runs.launch.
    proc = subprocess.Popen(["sleep", "300"], start_new_session=True)
    threading.Thread(target=proc.wait, daemon=True).start()  # reap it, as its parent, once it ends
    try:
        write_run(workspace / "runs", "r4", {"state": "running", "pid": proc.pid, "pgid": proc.pid, "step": 1, "total_steps": 10}, METRICS[:1])
        note, _, html, *_, timer, _, _ = training_tab.stop("r4", "English", ME)
        assert proc.wait(timeout=20) is not None, "the run's process group was signalled"
        assert "stopped" in html and timer.active is False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    write_run(workspace / "runs", "r5", {"state": "succeeded", "step": 10, "total_steps": 10}, METRICS)
    note, _, html, *_ = training_tab.resume("r5", "English", ME)
    assert note.startswith('Run r5 is in state "succeeded": there is nothing to resume') and "step 10 / 10" in html, \
        "a sentence, and the run is still shown"
    assert training_tab.resume("r5", "中文", ME)[0].startswith("运行 r5 的状态是「已完成」")


def test_paths_sent_back_by_a_page_must_be_in_the_workspace(workspace):

    for sentence in (data_tab.show("/etc/passwd", 1)[2], data_tab.quality("/etc/passwd", False, None)[0],
                     training_tab.start("/etc/passwd", "", None, None, 3)[0]):
        assert "outside" in sentence, sentence


def test_welcome_examples_are_requests_the_offline_model_understands():
    """The empty chat suggests requests; each one must route to a tool (with a file attached)."""
    import re

    from assistant.offline import plan
    from ui.i18n import t

    for lang in ("中文", "English"):
        lines = [line[2:] for line in t("assistant_welcome", lang).splitlines() if line.startswith("- ")]
        examples = [part.strip() for line in lines for part in re.split(r" · | / (?=\w)", line)]
        routed = [(calls[0]["name"], calls[0]["args"].get("to")) if calls else None
                  for calls in (plan(text, ["/tmp/qa.csv"]) for text in examples)]
        assert routed == [("inspect_dataset", None), ("convert_dataset", "qianfan"), ("convert_dataset", "alpaca"),
                          ("check_quality", None), ("suggest_hyperparameters", None), ("start_training", None),
                          ("training_status", None), ("stop_training", None), ("explain", None)], (lang, examples)


def test_a_run_is_a_card_and_a_folder_is_never_a_file(tmp_path):
    run_dir = tmp_path / "runs" / "r9"
    run_dir.mkdir(parents=True)
    out = tmp_path / "qa.qianfan.jsonl"
    out.write_text("{}\n")
    steps = [Step("tool_call", name="start_training", id="s"),
             Step("tool_result", name="start_training", id="s", summary="已开始训练", files=[str(run_dir), str(out)],
                  run={"run_id": "r9", "state": "running", "step": 1, "total_steps": 3})]
    frame = list(render_turn(steps, "中文"))[-1]
    files = [m.content["path"] for m in frame if isinstance(m.content, dict)]
    assert len(files) == 1 and files[0].endswith("qa.qianfan.jsonl"), "the run folder is not offered as a file"
    assert "训练任务 `r9` · 训练中 · 第 1 / 3 步" in frame[-1].content
    assert "Run `r9` · running · step 1 / 3" in list(render_turn(steps, "English"))[-1][-1].content


def test_a_pending_action_is_a_card_and_a_failure_a_plain_sentence():
    frame = list(render_turn([Step("pending", name="stop_training", summary="Ready to stop r9."),
                              Step("answer", ok=False, text="连不上模型服务。")], "中文"))[-1]
    assert frame[0].content.startswith("**待确认 · 停止训练**") and "确认" in frame[0].content
    assert frame[1].content == "连不上模型服务。" and not frame[1].metadata
    unanswered = list(render_turn([Step("tool_call", name="check_quality", id="q"), Step("error", text="出错了。")]))[-1]
    assert unanswered[0].metadata["status"] == "done", "no spinner left turning"


def test_confirm_and_cancel_buttons_follow_the_pending_action(monkeypatch):
    from ui import assistant_tab

    class Fake:
        waiting = None

        def pending(self, sid):
            return self.waiting

        def cancel(self, sid):
            self.waiting = None

        def confirm(self, sid, lang="en", owner=None):
            yield Step("tool_call", name="stop_training", id="c")
            yield Step("tool_result", name="stop_training", id="c", summary="已停止", run={"run_id": "r1", "state": "stopped"})
            yield Step("answer", text=f"已停止({lang}, {owner})")

    fake = Fake()
    monkeypatch.setattr(assistant_tab, "assistant", lambda: fake)
    session = dict(ME, files=[])
    assert [u["visible"] for u in assistant_tab.controls(session)] == [False, False, False]
    fake.waiting = object()
    assert [u["visible"] for u in assistant_tab.controls(session)] == [True, True, False]
    *_, (history, session) = assistant_tab.confirm([], session, "中文")
    assert history[-1].content == "已停止(zh, me)" and session["run"] == "r1"
    assert assistant_tab.controls(session)[2]["visible"] is True, "the run card's button shows"
    history, _ = assistant_tab.cancel([], session, "中文")
    assert fake.waiting is None and history[-1].content == "已取消,什么都没有执行。"
    assert assistant_tab.cancel([], session, "English")[0][-1].content == "Nothing is waiting for confirmation."


def test_chat_replies_end_on_a_whole_character(embedded_model):
    from transformers import AutoTokenizer

    from tools.models.chat import whole_chars

    tokenizer = AutoTokenizer.from_pretrained(str(embedded_model))
    ids = tokenizer.encode("训练的时候中途停掉", add_special_tokens=False)
    cut = [tokenizer.decode(ids[:n]) for n in range(1, len(ids) + 1)]
    assert any(c.endswith("\ufffd") for c in cut), "the tokenizer does split characters (the case being fixed)"
    assert all("\ufffd" not in whole_chars(c) for c in cut)
    assert whole_chars("训练") == "训练"


def test_chat_tab_says_when_a_run_is_too_short_to_have_learned(workspace):
    from tools import workspace as ws
    from ui import chat_tab

    short = [{"step": 1, "epoch": 0.1, "loss": 3.0}, {"step": 3, "epoch": 0.3, "loss": 2.9}]
    flat = [{"step": s, "epoch": s / 2, "loss": 3.0 - 0.01 * s} for s in range(1, 5)]
    learned = [{"step": s, "epoch": s / 2, "loss": 3.0 / s} for s in range(1, 5)]
    for run_id, metrics in (("short", short), ("flat", flat), ("learned", learned)):
        write_run(workspace / "runs", run_id, {"state": "succeeded", "step": 4, "total_steps": 4}, metrics)
    assert "只训练了 0.3 个 epoch" in chat_tab.learned_notice("short", "中文", ME)
    assert "from 2.99 to 2.96" in chat_tab.learned_notice("flat", "English", ME)
    assert chat_tab.learned_notice("learned", "English", ME) == ""
    other = dict(ME, id="someone-else")
    assert chat_tab.learned_notice("short", "English", other) == "", "another session's run is not read"
    with ws.scoped("me"):
        assert [v for _, v in chat_tab.finished_runs()] == [], "no adapter, no checkpoint: nothing to chat with"


def test_training_form_suggests_in_placeholders_and_skips_unreadable_files(workspace):
    folder = sess.session_uploads(ME)
    good, bad = folder / "qa.csv", folder / "broken.csv"
    good.write_text("问题,答案\n" + "".join(f"问{i},答{i}\n" for i in range(100)), encoding="utf-8")
    bad.write_bytes(b"")
    session = dict(ME, files=[str(good), str(bad)])
    files, note = training_tab.dataset_choices(session, "中文")
    assert files == [("qa.csv", str(good))] and "broken.csv (无法读取)" in note
    epochs, lr = training_tab.placeholders(str(good))
    assert epochs.placeholder == "5" and lr.placeholder == "0.002" and epochs.value is None  # calibrated for the embedded model
    assert training_tab._number(0) is None and training_tab._number(3) == 3


def test_training_form_mixes_general_data_in_percent(workspace, monkeypatch):
    """The form's "mix in general data %" reaches the run as a fraction (issue 13: also in the form)."""
    import tools.train.runs
    from tools.errors import UserError

    calls = []

    def fake_start(path, **settings):
        calls.append(settings)
        raise UserError("stop here", zh="到此为止")

    monkeypatch.setattr(tools.train.runs, "start_training", fake_start)
    good = sess.session_uploads(ME) / "qa.csv"
    good.write_text("问题,答案\n" + "".join(f"问{i},答{i}\n" for i in range(20)), encoding="utf-8")
    session = dict(ME, files=[str(good)])
    assert training_tab.start(str(good), "", None, None, None, 10, "中文", session)[0] == "到此为止"
    training_tab.start(str(good), "", None, None, None, None, "English", session)
    assert calls[0]["mix_general"] == 0.1 and "mix_general" not in calls[1]


def test_the_language_check_finds_english_sentences_only():
    from journey import english_runs

    assert english_runs("已把 qa_pair.csv 转换为 qianfan:86 条,文件 /w/out/qa_pair.qianfan.jsonl。调用 check_quality。") == []
    assert english_runs("每卡 batch 8 × 梯度累积 1,LoRA r=16,运行 20261201-1-qa 训练中") == []
    assert english_runs("运行 r1 · Run is still running, step 3") == ["Run is still running"]


def test_the_training_tab_shows_the_runs_advice_in_the_ui_language():
    from ui.training_tab import shown_config

    config = {"epochs": 3, "extra": {"advice": ["Epochs 3: few samples"], "advice_zh": ["epoch 3:样本少"], "owner": "x"}}
    assert shown_config(config, "中文")["extra"]["advice"] == ["epoch 3:样本少"]
    assert shown_config(config, "English")["extra"]["advice"] == ["Epochs 3: few samples"]
    assert "advice_zh" not in shown_config(config, "English")["extra"]
    assert shown_config({"extra": {"advice": ["English only"]}}, "中文")["extra"]["advice"] == []
