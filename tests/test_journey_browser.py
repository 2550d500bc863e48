"""The journey a new user takes, in headless Chromium (1440×1000), through the Assistant tab:
upload → inspect → convert (to qianfan) → few-shot on every record → quality → advice →
start (Confirm) → status while running → stop (Confirm) → the run in the Training tab →
chat with it in the Chat tab. Once in Chinese, once in English; and two browsers that must
not reach each other's runs.

Every step checks: no error badge anywhere on the page, the answer names the file it used,
and (Chinese) no English sentence outside names, paths and numbers. Step times go to
``$SFT_SCREENSHOTS/<journey>-times.json`` with the screenshots.
"""
from __future__ import annotations

import re

import pytest
from journey import Page, english_runs, names_in, open_page, run_id_in, wait_run
from test_app import served  # noqa: F401 - fixture
from test_browser import chromium_or_skip, css, shots, text, wait_for  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ACTIVE = ("queued", "running")
ZH = {
    "ui": "中文", "browser": "zh-CN", "training": "训练", "chat": "对话测试",
    "inspect": "这份数据有多少条?有什么问题?", "convert": "把它转成千帆格式", "few_shot": "给每条加两个few-shot示例",
    "quality": "检查一下数据质量", "advice": "这份数据epoch设置多少?", "start": "用转换后的数据开始训练,最多3步",
    "status": "训练进度如何?", "stop": "停止训练", "hello": "地球的自转周期是多久?", "too_short": "还没学到东西",
}
EN = {
    "ui": "English", "browser": "en-US", "training": "Training", "chat": "Chat",
    "inspect": "how many records does it have, any problems?", "convert": "convert it to qianfan",
    "few_shot": "add two few-shot examples to every record", "quality": "check the data quality",
    "advice": "how many epochs should I use for this data?", "start": "start training on the converted file, max 3 steps",
    "status": "how is training going?", "stop": "stop the run", "hello": "How long is a day on Earth?",
    "too_short": "too short to have learned",
}


def stop_active_runs() -> None:
    """Leave no training process behind, whatever failed."""
    from tools.train.runs import list_runs, stop_run

    for run in list_runs():
        if run.state in ACTIVE:
            stop_run(run)


def data_steps(page: Page, words: dict, data) -> list[str]:
    """Upload → inspect → convert → few-shot on every record → quality → advice; each answer
    names the file it read. Returns the files the conversation produced, oldest first."""
    added = page.ask("inspect", words["inspect"], files=(data,))
    assert "qa_pair.csv" in added and "86" in added, added
    added = page.ask("convert", words["convert"])
    made = [n for n in names_in(added) if n != "qa_pair.csv"]
    assert "qa_pair.csv" in added and made and "qianfan" in made[-1], added
    converted = made[-1]
    added = page.ask("few-shot", words["few_shot"])
    assert converted in added, f"few-shot must read the converted file {converted}: {added}"
    assert re.search(r"\b86\b", added), f"every record (86) gets examples: {added}"
    augmented = [n for n in names_in(added) if n != converted][-1]
    added = page.ask("quality", words["quality"])
    assert augmented in added, f"quality must read the newest file {augmented}: {added}"
    # The chat offers the report files too; the cleaned data is the one that is neither.
    cleaned = [n for n in names_in(added) if n != augmented and not re.search(r"\.(report|scores)\.", n)][-1]
    page.shot("1-data-steps")
    added = page.ask("advice", words["advice"])
    assert cleaned in added, f"advice must read the newest file {cleaned}: {added}"
    assert not re.search(r"(?i)epochs?\D{0,4}\d+\.\d|\d+\.\d+\s*(个\s*)?epoch", added), f"whole-number epochs: {added}"
    assert "另有" not in added and "more)" not in added, f"every reason is shown: {added}"
    page.shot("2-advice")
    return [converted, augmented, cleaned]


def run_steps(page: Page, words: dict, produced: list[str]) -> str:
    """Start (Confirm) → status while running → stop (Confirm); returns the run id."""
    added = page.ask("start", words["start"])
    assert page.visible("#assistant-confirm") and page.visible("#assistant-cancel"), "a start waits for Confirm"
    assert any(name in added for name in produced), f"the plan names the file it will train on: {added}"
    page.shot("3-pending-start")
    added = page.confirm("start-confirm")
    run_id = run_id_in(added)
    assert run_id, f"the run card names the run: {added}"
    assert page.visible("#assistant-open-run")
    page.shot("4-run-card")
    added = page.ask("status", words["status"])
    assert run_id in added, added
    # A stop after the first step leaves a checkpoint to chat with (a 3-step run may also finish first).
    wait_run(lambda r: (r.step or 0) >= 1 or r.state not in ACTIVE, "the first training step", 900)
    added = page.ask("stop", words["stop"])
    if page.visible("#assistant-confirm"):
        added += page.confirm("stop-confirm")
    assert run_id in added, added
    run = wait_run(lambda r: r.state not in ACTIVE, "the run to end", 900)
    assert run.run_id == run_id and run.state in ("stopped", "succeeded"), f"{run.state}: {run.error}"
    page.shot("5-stopped")
    return run_id


def training_tab(page: Page, words: dict, run_id: str) -> str:
    """The run card's button opens the Training tab with the run selected."""
    css(page.driver, "#assistant-open-run")[0].click()
    wait_for(page.driver, lambda d: run_id in css(d, "#run-select input")[0].get_attribute("value"),
             "the run selected in the Training tab", 60, page.shots)
    wait_for(page.driver, lambda d: text(d, "#run-progress"), "the run's progress", 60, page.shots)
    assert not css(page.driver, "#run-stop")[0].is_enabled(), "an ended run cannot be stopped"
    page.no_error_badge("training tab")
    page.shot("6-training-tab")
    return text(page.driver, "#tab-training")


def chat_tab(page: Page, words: dict, run_id: str) -> str:
    """The Chat tab talks to the run; the reply ends on a whole character; a run this short says so."""
    page.open_tab(words["chat"])
    wait_for(page.driver, lambda d: run_id in css(d, "#chat-run input")[0].get_attribute("value"), "the run in the Chat tab",
             60, page.shots)
    wait_for(page.driver, lambda d: words["too_short"] in text(d, "#chat-notice"), "the too-short notice", 30, page.shots)
    css(page.driver, "#chat-message textarea")[0].send_keys(words["hello"])
    css(page.driver, "#chat-send")[0].click()
    wait_for(page.driver, lambda d: len(text(d, "#chat-tuned [data-testid=bot]").strip()) > 0, "the tuned model's reply",
             180, page.shots)
    wait_for(page.driver, lambda d: css(d, "#chat-message textarea")[0].get_attribute("value") == "", "the end of the reply",
             180, page.shots)
    reply = text(page.driver, "#chat-tuned [data-testid=bot]")
    assert "\ufffd" not in reply, f"the reply is cut at a whole character: {reply!r}"
    page.no_error_badge("chat tab")
    page.shot("7-chat-tab")
    page.generated.append(reply)  # the model's own words (after 2 steps, in whatever language it drifts to), not the UI's
    return text(page.driver, "#tab-chat").replace(reply, " ")


def journey(served_url: str, shots, data, words: dict, name: str) -> tuple[Page, str]:  # noqa: F811
    driver = open_page(served_url, words["browser"])
    page = Page(driver, shots, name)
    try:
        if words["ui"] == "English":
            next(e for e in css(driver, "#lang-switch label") if "English" in e.text).click()
            wait_for(driver, lambda d: "Training" in [b.text.strip() for b in css(d, "button[role=tab]")], "English labels")
            driver.refresh()  # the browser remembers the choice
            page = Page(driver, shots, name)
            wait_for(driver, lambda d: "Training" in [b.text.strip() for b in css(d, "button[role=tab]")],
                     "English labels after a reload", 30, shots)
        produced = data_steps(page, words, data)
        run_id = run_steps(page, words, produced)
        page.seen.append(training_tab(page, words, run_id))
        page.seen.append(chat_tab(page, words, run_id))
        page.seen.append(page.without_generated(text(driver, "body")))
        return page, run_id
    finally:
        page.save_times()
        driver.quit()
        stop_active_runs()


def test_journey_in_chinese(served, shared_copy, shots):  # noqa: F811
    chromium_or_skip()
    page, run_id = journey(served, shots, shared_copy("qianfan/qa_pair.csv"), ZH, "journey-zh")
    english = english_runs("\n".join(page.seen), names=(run_id, "sft-assistant", "SmolLM2-135M-Instruct"))
    assert not english, f"English sentences in the Chinese UI: {english}"


def test_journey_in_english(served, shared_copy, shots):  # noqa: F811
    chromium_or_skip()
    journey(served, shots, shared_copy("qianfan/qa_pair.csv"), EN, "journey-en")


def test_a_second_browser_cannot_reach_the_first_ones_run(served, shared_copy, shots):  # noqa: F811
    """Session B neither sees, stops nor resumes A's run through the assistant, and a concept
    question changes nothing."""
    from tools.train.runs import get_run

    chromium_or_skip()
    a = Page(open_page(served), shots, "two-browsers-a")
    b = None
    try:
        a.ask("start", "用这份数据开始训练,最多60步", files=(shared_copy("qianfan/qa_pair.csv"),))
        run_id = run_id_in(a.confirm("start-confirm"))
        assert run_id
        wait_run(lambda r: r.state == "running", "A's run to be running")
        b = Page(open_page(served), shots, "two-browsers-b")
        for step, message in (("status", "训练进度如何?"), ("stop", "停止训练"), ("resume", "继续训练"),
                              ("concept", "训练的时候中途停掉会怎样?")):
            added = b.ask(step, message)
            if b.visible("#assistant-confirm"):  # whatever B was offered, confirming it must not reach A's run
                added += b.confirm(f"{step}-confirm")
            assert run_id not in added, f"B {step} names A's run: {added}"
            assert get_run(run_id).state in ACTIVE, f"B's '{message}' changed A's run"
        assert not b.visible("#assistant-open-run")
        b.shot("concept")
        b.open_tab("训练")
        wait_for(b.driver, lambda d: css(d, "#run-select input"), "B's Training tab", 30, shots)
        assert run_id not in css(b.driver, "#run-select input")[0].get_attribute("value")
        assert run_id not in b.driver.page_source, "B's Training tab does not list A's run"
        b.shot("training-tab")
        a.no_error_badge("end")
    finally:
        for page in (a, b):
            if page:
                page.save_times()
                page.driver.quit()
        stop_active_runs()
