"""The whole journey in a real headless Chromium: upload, convert, train, watch the loss, chat.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). In CI
(``CI=true``) a missing browser fails the test; on a workstation it is skipped.
Screenshots of each tab go to ``$SFT_SCREENSHOTS`` (default: the test's temp dir).
"""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from test_app import served  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1100", "--lang=zh-CN"]


def chromium_or_skip() -> None:
    missing = [p for p in ("/usr/bin/chromium", "/usr/bin/chromedriver") if not shutil.which(p)]
    if missing:
        message = f"headless Chromium is not installed ({', '.join(missing)}): apt-get install chromium chromium-driver"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SFT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_browser(url: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.get(url)  # returns at the load event; Gradio's event stream stays open, so never wait for idle
    return driver


def wait_for(driver, condition, what: str, timeout: float = 60, shots: Path | None = None):
    """Poll ``condition(driver)`` until it returns something truthy; on timeout, fail with a screenshot."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition(driver)
        except Exception:  # an element re-rendered under us: try again
            value = None
        if value:
            return value
        time.sleep(0.25)
    if shots:
        driver.save_screenshot(str(shots / f"timeout-{what.replace(' ', '-')}.png"))
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def text(driver, selector: str) -> str:
    return " ".join(e.text for e in css(driver, selector))


def loss_lines(driver) -> int:
    """Line marks with data drawn in the loss plot (Gradio's plots are Vega, rendered as SVG)."""
    return sum(1 for p in css(driver, "#loss-plot g.mark-line path") if len(p.get_attribute("d") or "") > 10)


def open_tab(driver, label: str) -> None:
    tab = next(b for b in css(driver, "button[role=tab]") if b.text.strip() == label)
    tab.click()


def test_upload_convert_train_from_the_form_and_watch_it(served, shared_copy, shots, workspace):  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    chromium_or_skip()
    data = shared_copy("qianfan/qa_pair.csv")
    driver = open_browser(served)
    try:
        # Assistant: upload the CSV, ask for a conversion, get a downloadable file back.
        wait_for(driver, lambda d: css(d, "#assistant-input textarea"), "the assistant input", shots=shots)
        css(driver, "#assistant-input input[type=file]")[0].send_keys(str(data))
        wait_for(driver, lambda d: css(d, "#assistant-input [aria-label='File thumbnail']"), "the upload preview", shots=shots)
        css(driver, "#assistant-input textarea")[0].send_keys("把它转换成alpaca格式" + Keys.ENTER)
        wait_for(driver, lambda d: "qa_pair.alpaca.json" in text(d, "#assistant-chat a"), "the converted file link", shots=shots)
        assert "转换格式" in text(driver, "#assistant-chat")  # the tool's title in the UI language
        driver.save_screenshot(str(shots / "1-assistant.png"))

        # Data: the converted file is this session's current dataset, previewed a page at a time.
        open_tab(driver, "数据")
        wait_for(driver, lambda d: "alpaca.json[0]" in text(d, "#data-preview") and "第 1 / 5 页" in d.page_source, "the data preview", shots=shots)
        driver.save_screenshot(str(shots / "2-data.png"))
        css(driver, "#data-quality")[0].click()
        wait_for(driver, lambda d: "保留" in d.page_source and "report_csv" not in d.page_source, "the quality report (a table, no raw JSON)", 120, shots)
        driver.execute_script("arguments[0].scrollIntoView()", css(driver, "#data-quality")[0])
        driver.save_screenshot(str(shots / "2b-data-quality.png"))

        # Training: start a 3-step run on it and watch the loss plot appear.
        open_tab(driver, "训练")
        wait_for(driver, lambda d: "alpaca" in css(d, "#train-dataset input")[0].get_attribute("value"), "the dataset choice", shots=shots)
        steps = css(driver, "#train-max-steps input")[0]
        steps.clear()
        steps.send_keys("3")
        css(driver, "#train-start")[0].click()
        wait_for(driver, lambda d: re.search(r"步 [2-9] / ", text(d, "#run-progress")), "two logged steps", 300, shots)
        wait_for(driver, lambda d: loss_lines(d) >= 2, "the loss plot (raw and smoothed lines)", 60, shots)
        time.sleep(0.5)  # let Vega finish drawing before the picture
        driver.save_screenshot(str(shots / "3-training.png"))
    finally:
        driver.quit()  # closing the browser must not stop the run

    from tools.train.runs import get_run

    deadline = time.monotonic() + 900  # three steps, then the end-of-run evaluation, on a 2-core CPU
    while get_run().state in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(1)
    run = get_run()
    assert run.state == "succeeded", f"{run.state}: {run.error}"  # closing the browser did not stop it

    # A new browser session is someone else: the run is not listed there (runs belong to the session
    # that started them; chatting with a run's result is in the journeys, tests/test_journey_browser.py).
    driver = open_browser(served)
    try:
        wait_for(driver, lambda d: css(d, "button[role=tab]"), "the tabs", shots=shots)
        open_tab(driver, "训练")
        time.sleep(2)
        assert run.run_id not in driver.page_source, "another session's run is not shown"
        driver.save_screenshot(str(shots / "3b-training-other-session.png"))

        # The language switch relabels the page.
        next(e for e in css(driver, "#lang-switch label") if "English" in e.text).click()
        wait_for(driver, lambda d: "Training" in [b.text.strip() for b in css(d, "button[role=tab]")], "English labels", shots=shots)
        open_tab(driver, "Assistant")
        css(driver, "#backend-settings button")[0].click()  # the settings panel, closed by default
        wait_for(driver, lambda d: "offline (built in)" in d.page_source, "the backend choices in English", 10, shots)
        driver.save_screenshot(str(shots / "6-assistant-english-settings.png"))
        driver.save_screenshot(str(shots / "5-english.png"))
    finally:
        driver.quit()
