"""Helpers for the browser journeys (tests/test_journey_browser.py): one page driven like a
person drives it, turn by turn, with the checks every step shares.

A turn is over when the chat's status tracker is hidden again and the chat's text has stopped
changing; every step's wall time is kept for the closing note.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from test_browser import CHROME_FLAGS, css, text, wait_for

WINDOW = "--window-size=1440,1000"
# Gradio's two ways of showing a failure: a red toast ("Error" + message) and the status
# tracker's "Error" over the component whose event failed.
ERROR_BADGES = "[data-testid='toast-body'].error, .toast-body.error, [data-testid='status-tracker'] .error"
DATA_NAME = r"[\w\u4e00-\u9fff-]+(?:\.[\w-]+)*\.(?:csv|tsv|jsonl|json|xlsx|xls|txt)"
"""A data file's name as answers write it (qa_pair.qianfan.jsonl, qa_pair.few_shot.clean.jsonl …)."""


def open_page(url: str, lang: str = "zh-CN"):
    """Headless Chromium with a 1440×1000 window (the size the issue was tried at)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in CHROME_FLAGS:
        if not flag.startswith(("--window-size", "--lang")):
            options.add_argument(flag)
    options.add_argument(WINDOW)
    options.add_argument(f"--lang={lang}")
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.get(url)
    return driver


def error_badges(driver) -> list[str]:
    """The visible error toasts and badges on the whole page (every tab)."""
    script = ("return Array.from(document.querySelectorAll(arguments[0]))"
              ".filter(e => e.offsetParent !== null).map(e => e.innerText || 'Error')")
    return driver.execute_script(script, ERROR_BADGES)


def english_runs(shown: str, names: tuple[str, ...] = ()) -> list[str]:
    """Runs of 3 or more English words left once names, paths, numbers, tool names and run ids
    are taken out: in the Chinese UI each is an English sentence that should not be there."""
    rest = shown
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name, " ")
    rest = re.sub(r"```.*?```", " ", rest, flags=re.S)
    rest = re.sub(r"\S*[/\\]\S*", " ", rest)  # paths
    rest = re.sub(DATA_NAME, " ", rest)  # file names
    rest = re.sub(r"\b[a-z]+(?:_[a-z0-9]+)+\b", " ", rest)  # tool and field names: check_quality, few_shot
    rest = re.sub(r"\S*\d\S*", " ", rest)  # numbers and ids: 3e-4, r=8, p95, 20261201-…
    rest = re.sub(r"'[^'\n]{1,40}'", " ", rest)  # quoted field names: 'prompt'
    words = r"[A-Za-z][A-Za-z'’-]*"
    return [m.group(0) for m in re.finditer(rf"{words}(?:[ \t]+{words}){{2,}}", rest)]


class Page:
    """One browser session on the app."""

    def __init__(self, driver, shots: Path, name: str):
        self.driver, self.shots, self.name = driver, shots, name
        self.times: list[tuple[str, float]] = []
        self.seen: list[str] = []  # everything shown, for the language check
        self.generated: list[str] = []  # what the tuned model wrote: its words, not the UI's, left out of that check
        wait_for(driver, lambda d: css(d, "#assistant-input textarea"), "the assistant input", shots=shots)

    def without_generated(self, shown: str) -> str:
        """``shown`` with the model's replies taken out (the language check is of our strings)."""
        for said in self.generated:
            shown = shown.replace(said, " ")
        return shown

    # --- what the page shows -------------------------------------------------------------
    def chat(self) -> str:
        return text(self.driver, "#assistant-chat")

    def busy(self) -> bool:
        """The chat's status tracker shows while an event runs and gets ``hide`` after."""
        script = ("return Array.from(document.querySelectorAll('#assistant-chat .wrap'))"
                  ".some(e => !e.classList.contains('hide'))")
        return bool(self.driver.execute_script(script))

    def visible(self, selector: str) -> bool:
        return any(e.is_displayed() for e in css(self.driver, selector))

    def shot(self, label: str) -> Path:
        path = self.shots / f"{self.name}-{label}.png"
        self.driver.save_screenshot(str(path))
        return path

    def no_error_badge(self, where: str) -> None:
        badges = error_badges(self.driver)
        if badges:
            self.shot(f"error-{where}")
        assert not badges, f"{self.name}: error badge at {where}: {badges}"

    # --- what a person does --------------------------------------------------------------
    def _settled(self, before: str):
        """The turn's new text, once the chat is idle and unchanged for a second."""
        now = self.chat()
        if now == before or self.busy():
            return None
        time.sleep(1.0)
        if self.busy() or self.chat() != now:
            return None
        return now[len(before):] if now.startswith(before) else now

    def ask(self, step: str, message: str, files: tuple[str, ...] = (), timeout: float = 300) -> str:
        """Send one message (with uploads) and return the text the turn added to the chat."""
        from selenium.webdriver.common.keys import Keys

        started = time.monotonic()
        before = self.chat()
        for path in files:
            css(self.driver, "#assistant-input input[type=file]")[0].send_keys(str(path))
            wait_for(self.driver, lambda d: css(d, "#assistant-input [aria-label='File thumbnail']"), "the upload preview",
                     shots=self.shots)
        css(self.driver, "#assistant-input textarea")[0].send_keys(message + Keys.ENTER)
        added = wait_for(self.driver, lambda d: self._settled(before), f"{self.name} {step}", timeout, self.shots)
        self._done(step, started, added)
        return added

    def confirm(self, step: str, button: str = "#assistant-confirm", timeout: float = 300) -> str:
        """Press Confirm (or Cancel) under the chat and return what the action added."""
        started = time.monotonic()
        wait_for(self.driver, lambda d: self.visible(button), f"{self.name} the {button} button", 30, self.shots)
        before = self.chat()
        css(self.driver, button)[0].click()
        added = wait_for(self.driver, lambda d: self._settled(before), f"{self.name} {step}", timeout, self.shots)
        wait_for(self.driver, lambda d: not self.visible(button), f"{self.name} {button} hidden again", 30, self.shots)
        self._done(step, started, added)
        return added

    def _done(self, step: str, started: float, added: str) -> None:
        self.times.append((step, round(time.monotonic() - started, 1)))
        self.seen.append(added)
        self.no_error_badge(step)

    def open_tab(self, label: str) -> None:
        tab = next(b for b in css(self.driver, "button[role=tab]") if b.text.strip() == label)
        tab.click()

    def save_times(self) -> None:
        (self.shots / f"{self.name}-times.json").write_text(json.dumps(self.times, ensure_ascii=False, indent=1))
        print(f"\n{self.name} step times (s):", ", ".join(f"{s} {t}" for s, t in self.times))


def names_in(answer: str) -> list[str]:
    """The data file names an answer mentions, in order."""
    return re.findall(DATA_NAME, answer)


def run_id_in(answer: str) -> str | None:
    """The run id a run card or status answer names (the card writes it in code style)."""
    from tools.train.runs import list_runs

    ids = [r.run_id for r in list_runs()]
    return next((i for i in ids if i in answer), None)


def wait_run(predicate, what: str, timeout: float = 300):
    """Poll the newest run on disk (the test's workspace) until ``predicate(run)`` holds."""
    from tools.train.runs import get_run

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            run = get_run()
        except Exception:  # noqa: BLE001 - not there yet
            run = None
        if run is not None and predicate(run):
            return run
        time.sleep(0.5)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
