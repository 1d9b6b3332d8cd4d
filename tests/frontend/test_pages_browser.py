"""End to end on a phone: a seeker signs up, fills the profile with an ID number and applies; the
employer then sees the application with the ID and phone numbers masked, and invites to interview."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from marketplace.validators import id_number_check_char
from tests.conftest import ARTIFACTS
from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path, fits_the_phone, texted_code

pytestmark = pytest.mark.browser


def shot(page: Page, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def seeker_signs_up_fills_profile_and_applies(page: Page, server, *, phone: str, id_number: str, job: int) -> None:
    base = server.url
    page.goto(base + "/signup/")
    page.check("input[name=role][value=seeker]")
    page.fill("#id_phone", phone)
    page.fill("#id_password", "Dagong-2023-ok")
    page.fill("#id_display_name", "龙阿妹")
    page.click("button[name=send_code]")
    expect(page.locator(".messages")).to_contain_text("验证码已发送到")
    assert page.input_value("#id_display_name") == "龙阿妹"  # kept while the code is on its way
    page.fill("#id_code", texted_code(server, phone))
    shot(page, "pages-signup")
    page.click("main form button.btn.block")
    page.wait_for_url(base + "/me/")
    fits_the_phone(page)

    page.click("text=完善档案")
    page.wait_for_url("**/me/profile/step/1/")
    page.fill("#id_name", "龙阿妹")
    page.fill("#id_id_number", id_number)
    page.check("#id_sensitive_consent")
    page.click("button[value=next]")

    page.wait_for_url("**/step/2/")
    page.fill("#id_current_county", "凯里市")
    page.fill("#id_current_town", "鸭塘街道")
    page.fill("#id_hukou_township", "台江县施洞镇")
    page.click("button[value=next]")

    page.wait_for_url("**/step/3/")
    page.fill("[data-occ-filter]", "普工")  # the filter opens the family holding the match
    page.locator("label.check", has_text="电子厂普工").first.locator("input").check()
    page.check("input[name=wanted_job_types][value=full_time]")
    page.fill("#id_expected_pay", "4500")
    fits_the_phone(page)
    shot(page, "pages-profile-step3")
    page.click("button[value=next]")

    page.wait_for_url("**/step/4/")
    page.select_option("#id_education", "junior")
    page.fill("#id_skills", "组装 焊锡")
    page.click("button[value=next]")

    page.wait_for_url("**/step/5/")
    page.check("input[name=groups][value=poverty_relieved]")
    page.click("button[value=done]")
    page.wait_for_url(base + "/me/")
    assert "档案已保存" in page.inner_text("main")
    shot(page, "pages-me")

    page.goto(f"{base}/jobs/{job}/")
    page.click("text=一键报名")
    page.wait_for_selector("text=报名成功")
    assert page.locator("button.done", has_text="已投递").count() == 1
    fits_the_phone(page)
    shot(page, "pages-job-applied")


def employer_sees_masked_numbers_and_invites(page: Page, base: str, account, *, phone: str, id_number: str) -> None:
    page.goto(base + "/login/")
    page.fill("#id_phone", account.phone)
    page.fill("#id_password", account.password)
    page.click("main form button[type=submit]")
    page.wait_for_url(base + "/employer/")
    assert account.employer_name in page.inner_text("main")
    fits_the_phone(page)
    shot(page, "pages-employer-dashboard")

    page.goto(f"{base}/employer/postings/{account.posting_id}/applicants/")
    card = page.locator("article.applicant", has_text="龙阿妹")
    assert card.count() == 1
    html = page.content()
    masked_id = id_number[:4] + "*" * 10 + id_number[-4:]
    masked_phone = phone[:3] + "****" + phone[-4:]
    assert id_number not in html and phone not in html
    assert masked_id in html and masked_phone in html
    fits_the_phone(page)
    shot(page, "pages-employer-applicants")

    page.goto(f"{base}/employer/postings/new/")
    page.fill("#id_title", "招烧电焊师傅")  # the page asks the server which occupation this is
    page.wait_for_selector("[data-suggestions] .chip")
    assert page.locator("[data-suggestions] .chip").first.inner_text() == "电焊工"
    assert page.eval_on_selector("#id_occupation", "s => s.options[s.selectedIndex].text") == "电焊工"
    fits_the_phone(page)
    shot(page, "pages-posting-form")

    page.goto(f"{base}/employer/postings/{account.posting_id}/applicants/")
    card = page.locator("article.applicant", has_text="龙阿妹")
    card.locator("text=查看并处理").click()
    page.wait_for_url(re.compile(r".*/employer/applications/\d+/$"))
    assert id_number not in page.content() and phone not in page.content()
    page.fill("#id_note", "周三上午10点到厂里面试，带身份证")
    shot(page, "pages-employer-application")
    page.click("button[value=interview]")
    page.wait_for_url(f"**/employer/postings/{account.posting_id}/applicants/")
    assert "邀请面试" in page.locator("article.applicant", has_text="龙阿妹").inner_text()


def test_a_seeker_applies_and_the_employer_sees_masked_numbers(embedded_server, demo_employer_account):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = embedded_server.url
    phone = f"139{secrets.randbelow(10**8):08d}"
    first17 = f"52263019900315{secrets.randbelow(1000):03d}"
    id_number = first17 + id_number_check_char(first17)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            phone_like = {
                "viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True, "locale": "zh-CN",
            }  # fmt: skip
            seeker = browser.new_context(**phone_like)
            seeker_signs_up_fills_profile_and_applies(
                seeker.new_page(), embedded_server, phone=phone, id_number=id_number,
                job=demo_employer_account.posting_id,
            )  # fmt: skip
            employer = browser.new_context(**phone_like)  # a different person on a different phone
            employer_sees_masked_numbers_and_invites(
                employer.new_page(), base, demo_employer_account, phone=phone, id_number=id_number
            )
            page = seeker.new_page()
            page.goto(base + "/me/applications/")
            assert "邀请面试" in page.inner_text("main")
            shot(page, "pages-my-applications")
        finally:
            browser.close()
    assert (ARTIFACTS / "pages-employer-applicants.png").stat().st_size > 10_000
