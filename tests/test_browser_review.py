"""A review session in a real headless Chromium: the assistant checks the quality of an upload,
then the Data tab's review queue shows the flagged records with their partner, the person drops
one, applies a rule, and writes the cleaned file with its audit log."""
from __future__ import annotations

import pytest
from test_app import served  # noqa: F401 - fixture
from test_browser import chromium_or_skip, css, open_browser, open_tab, shots, text, wait_for  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _click(driver, selector: str) -> None:
    element = css(driver, selector)[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def test_review_queue_in_the_browser(served, shared_copy, shots, workspace):  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    chromium_or_skip()
    data = shared_copy("qianfan/qa_pair.csv")
    driver = open_browser(served)
    try:
        wait_for(driver, lambda d: css(d, "#assistant-input textarea"), "the assistant input", shots=shots)
        css(driver, "#assistant-input input[type=file]")[0].send_keys(str(data))
        wait_for(driver, lambda d: css(d, "#assistant-input [aria-label='File thumbnail']"), "the upload preview", shots=shots)
        css(driver, "#assistant-input textarea")[0].send_keys("帮我检查质量" + Keys.ENTER)
        wait_for(driver, lambda d: "复核队列" in text(d, "#assistant-chat"), "the quality answer offering the review",
                 120, shots)
        open_tab(driver, "数据")
        _click(driver, "#review button")  # open the accordion
        wait_for(driver, lambda d: css(d, "#review-load"), "the review queue", shots=shots)
        _click(driver, "#review-load")
        wait_for(driver, lambda d: "第 1/7 条" in text(d, "#review-position"), "the first flagged record", 60, shots)
        _click(driver, "#review-keep")  # record 15 (氢): a short answer that is right
        wait_for(driver, lambda d: "第 2/7 条" in text(d, "#review-position"), "the second record", 60, shots)
        assert "尼罗河" in text(driver, "#review-partner") and "亚马逊河" in css(driver, "#review-answer textarea")[0].get_attribute("value")
        driver.save_screenshot(str(shots / "review-conflict.png"))
        _click(driver, "#review-drop")  # the conflict: drop 亚马逊河 (line 17)
        wait_for(driver, lambda d: "已决定 2 条" in text(d, "#review-position"), "two decisions", 60, shots)
        _click(driver, "#review-finish")
        wait_for(driver, lambda d: "已写出" in text(d, "#review-result"), "the cleaned file", 60, shots)
        assert "86 条中保留 83 条" in text(driver, "#review-result")  # 2 exact duplicates + 1 dropped by hand
        driver.save_screenshot(str(shots / "review-done.png"))
    finally:
        driver.quit()
