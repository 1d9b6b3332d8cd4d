"""A phone-sized headless Chromium opens the home page served by the README's first command."""

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import ARTIFACTS
from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path

pytestmark = pytest.mark.browser


def test_home_page_on_a_phone_shows_jobs_and_a_working_live_connection(embedded_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "home-phone.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
            page.goto(embedded_server.url + "/")

            # The badge turns green only after a pong came back over the WebSocket.
            page.wait_for_selector("#live-status.ok", timeout=15000)
            assert page.inner_text("#live-status") == "实时连接正常"
            assert page.locator(".job-card").count() >= 10
            # Nothing overflows sideways at phone width.
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            page.screenshot(path=str(screenshot), full_page=False)
        finally:
            browser.close()
    assert screenshot.stat().st_size > 10_000
