"""Every role page opens for its role, sends anonymous visitors to login, and refuses other roles in Chinese."""

import pytest

from marketplace.enums import Role

pytestmark = pytest.mark.django_db

S, E, T, B = Role.SEEKER, Role.EMPLOYER, Role.STATION, Role.BUREAU

PAGES = [
    ("/me/", {S}),
    ("/me/profile/step/1/", {S}),
    ("/me/profile/step/3/", {S}),
    ("/me/applications/", {S}),
    ("/employer/", {E}),
    ("/employer/postings/new/", {E, T}),
    ("/station/", {T}),
    ("/station/import/", {T, B}),
    ("/station/roster/", {T, B}),
    ("/station/roster/new/", {T}),
    ("/station/roster/import/", {T}),
    ("/station/trips/new/", {T, B}),
    ("/station/proxy/", {T, B}),
    ("/bureau/assist/", {T, B}),
    ("/station/dispatches/", {T}),
    ("/me/proxy/", {S}),
    ("/bureau/", {B}),
    ("/bureau/moderation/", {B}),
    ("/bureau/employers/", {B}),
    ("/bureau/blacklist/", {B}),
    ("/bureau/dashboard/", {B}),
    ("/bureau/dashboard/targets/", {B}),
    ("/bureau/dashboard/training/", {B}),
    ("/bureau/audit/", {B}),
    ("/bureau/households/", {B, T}),
    ("/bureau/training/", {B}),
    ("/bureau/disputes/", {B}),
    ("/bureau/arrears/", {B}),
    ("/arrears/new/", {S, T, B}),
    ("/me/arrears/", {S}),
]
# Pages whose only form is a GET filter (or none): no CSRF token to find.
WITHOUT_POST_FORM = {
    "/bureau/",
    "/station/roster/",
    "/me/proxy/",
    "/bureau/dashboard/",
    "/bureau/dashboard/training/",
    "/bureau/audit/",
}


@pytest.mark.parametrize(("url", "allowed"), PAGES)
def test_role_pages_open_for_their_roles_and_refuse_the_others(client, users, url, allowed):
    for role, user in users.items():
        client.force_login(user)
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (url, role)
            assert "csrfmiddlewaretoken" in response.content.decode() or url in WITHOUT_POST_FORM
        else:
            assert response.status_code == 403, (url, role)
            assert "没有权限访问此页面" in response.content.decode()


@pytest.mark.parametrize(("url", "allowed"), PAGES)
def test_anonymous_visitors_are_sent_to_login_and_back(client, url, allowed):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={url}"


def test_public_pages_open_for_everyone(client, users, posting, search_index):
    for url in ("/", "/jobs/", f"/jobs/{posting.pk}/", "/login/", "/signup/"):
        assert client.get(url).status_code == 200, url
    client.force_login(users[S])
    assert client.get(f"/jobs/{posting.pk}/").status_code == 200


def test_an_unknown_page_gets_the_chinese_404(client):
    response = client.get("/jobs/999999/")

    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


def test_the_top_bar_offers_jobs_and_login_or_my_page(client, seeker):
    html = client.get("/").content.decode()
    assert 'href="/jobs/"' in html and "找工作" in html
    assert 'href="/login/"' in html

    client.force_login(seeker)
    html = client.get("/").content.decode()
    assert 'href="/me/"' in html and "我的" in html
    assert "退出登录" in html


def tab_bar(html: str) -> list[tuple[str, str, bool]]:
    """(href, word, current) of each tab of the bottom bar."""
    import re

    bar = re.search(r'<nav class="tabbar".*?</nav>', html, re.S).group(0)
    tabs = re.findall(r'<a href="([^"]+)"([^>]*)>\s*<svg.*?</svg><span>([^<]+)</span>', bar, re.S)
    return [(href, word, 'aria-current="page"' in attrs) for href, attrs, word in tabs]


@pytest.mark.parametrize(
    ("role", "path", "tabs", "current"),
    [
        (None, "/jobs/", ["首页", "找工作", "零工", "登录"], "找工作"),
        (S, "/me/applications/", ["首页", "找工作", "零工", "消息", "我的"], "我的"),
        (E, "/gigs/", ["首页", "岗位", "零工", "消息", "我的"], "零工"),
        (B, "/bureau/dashboard/", ["首页", "岗位", "零工", "消息", "工作台"], "工作台"),
        (T, "/notifications/", ["首页", "岗位", "零工", "消息", "工作台"], "消息"),
    ],
)
def test_the_tab_bar_holds_each_roles_tabs_with_icons_and_marks_where_the_person_is(
    client, users, role, path, tabs, current
):
    if role:
        client.force_login(users[role])

    shown = tab_bar(client.get(path).content.decode())

    assert [word for _href, word, _current in shown] == tabs
    assert [word for _href, word, is_current in shown if is_current] == [current]


def test_forms_are_protected_against_cross_site_posts(users, posting):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users[S])

    response = client.post(f"/jobs/{posting.pk}/apply/")

    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()
