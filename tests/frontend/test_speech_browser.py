"""读给我听 and 说话输入 on a phone, with the browser's speech engines present and absent.

Headless Chromium has no voices and no microphone, so each test puts in place what a phone would
offer (or takes it away) before the page loads, and checks what the page does with it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path

pytestmark = pytest.mark.browser

A_PHONE_THAT_SPEAKS = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", { value: {
  speaking: false,
  getVoices: function () { return [{ lang: "en-US", name: "en" }, { lang: "zh-CN", name: "普通话" }]; },
  speak: function (u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); },
  cancel: function () {},
} });
"""
A_PHONE_THAT_CANNOT_SPEAK = """
Object.defineProperty(window, "speechSynthesis", { value: undefined });
Object.defineProperty(window, "SpeechRecognition", { value: undefined });
Object.defineProperty(window, "webkitSpeechRecognition", { value: undefined });
"""
A_PHONE_THAT_LISTENS = """
window.SpeechRecognition = window.webkitSpeechRecognition = function () {
  var self = this;
  this.start = function () {
    setTimeout(function () { self.onresult({ results: [[{ transcript: "电焊工" }]] }); self.onend(); }, 50);
  };
};
"""


@pytest.fixture
def open_phone(embedded_server):
    """Open the embedded server's `path` on a phone whose speech engines `script` sets up."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)

        def open_page(script: str, path: str):
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
            context.add_init_script(script)
            page = context.new_page()
            page.goto(f"{embedded_server.url}{path}")
            return page

        try:
            yield open_page
        finally:
            browser.close()


def test_a_job_card_is_read_aloud_in_chinese_and_a_phone_without_speech_says_what_to_do(open_phone):
    page = open_phone(A_PHONE_THAT_SPEAKS, "/jobs/")
    first = page.locator("article.job-card").first
    title = first.locator(".job-title").inner_text()
    first.locator("button", has_text="读给我听").click()
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "zh-CN" and spoken[0]["voice"] == "普通话"
    assert title in spoken[0]["text"] and "读给我听" not in spoken[0]["text"]

    mute = open_phone(A_PHONE_THAT_CANNOT_SPEAK, "/jobs/")
    mute.locator("article.job-card").first.locator("button", has_text="读给我听").click()
    expect(mute.locator(".speech-note").first).to_contain_text("不能朗读")


def test_the_search_box_takes_speech_where_the_phone_listens_and_offers_nothing_where_it_cannot(open_phone):
    page = open_phone(A_PHONE_THAT_LISTENS, "/jobs/")
    page.locator("button.voice", has_text="说话").click()
    expect(page.locator("#search-q")).to_have_value("电焊工")

    deaf = open_phone(A_PHONE_THAT_CANNOT_SPEAK, "/jobs/")
    assert deaf.locator("#search-q").is_visible() and deaf.locator("button.voice").count() == 0
