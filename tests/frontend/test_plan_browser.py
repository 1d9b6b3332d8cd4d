"""The director's Monday: the dashboard on a phone in headless Chromium, charts drawn, in both font modes."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from marketplace.plan.enums import Measure
from marketplace.seed.core import DEMO_PASSWORD
from marketplace.seed.people import BUREAU_PHONE
from tests.conftest import ARTIFACTS
from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path, fits_the_phone, log_in

pytestmark = pytest.mark.browser


def test_the_dashboard_draws_every_measures_charts_at_phone_width(embedded_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = embedded_server.url
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN").new_page()
            log_in(page, base, BUREAU_PHONE, DEMO_PASSWORD, "/bureau/dashboard/")
            for mode in ("normal", "large"):
                sections = page.locator("section.plan-measure")
                assert sections.count() == len(Measure)
                for index in range(sections.count()):
                    charts = sections.nth(index).locator("svg.chart")
                    assert charts.count() >= 1  # the month trend at least; counties where there are figures
                    box = charts.first.bounding_box()
                    assert box and box["width"] > 250 and box["height"] > 30  # drawn, not collapsed
                assert page.locator("svg.chart rect").count() > 3 * len(Measure)  # bars, not empty frames
                fits_the_phone(page)
                page.screenshot(path=str(ARTIFACTS / f"plan-dashboard-{mode}.png"), full_page=True)
                if mode == "normal":
                    page.click("form.font-toggle button")
                    page.wait_for_url(f"{base}/bureau/dashboard/")
            page.click(f"#m-{Measure.TRAINING} >> text=明细")
            page.wait_for_url(f"**/bureau/dashboard/{Measure.TRAINING}/**")
            assert "条记录" in page.inner_text("main")
            fits_the_phone(page)
        finally:
            browser.close()
