"""Every error, whoever raised it, has one body: {"error": {"code", "message", "fields"}} in Chinese."""

from __future__ import annotations

import pytest
from rest_framework.settings import api_settings

from marketplace.enums import PostingStatus
from tests.factories import JobPostingFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def test_invalid_input_is_400_with_chinese_messages_per_field(anon):
    response = anon.post("/api/auth/signup", {"phone": "12345", "role": "boss"}, format="json")

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid"
    assert error["message"] == "提交的内容有误，请按提示修改。"
    assert error["fields"]["phone"] == ["请输入11位中国大陆手机号码。"]
    assert error["fields"]["password"] == ["该字段是必填项。"]
    assert "role" in error["fields"]


def test_one_kind_of_error_gives_its_own_code(anon):
    response = anon.post("/api/auth/sms-code", {}, format="json")

    error = error_of(response)
    assert (response.status_code, error["code"]) == (400, "required")
    assert error["fields"] == {"phone": ["该字段是必填项。"]}


def test_malformed_json_is_400_parse_error(anon):
    response = anon.post("/api/auth/login", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert error_of(response) == {"code": "parse_error", "message": "请求内容格式不正确。", "fields": {}}


def test_anonymous_is_401_and_asked_to_sign_in(anon):
    response = anon.get("/api/auth/me")

    assert response.status_code == 401
    assert error_of(response) == {"code": "not_authenticated", "message": "请先登录。", "fields": {}}
    assert response.headers["WWW-Authenticate"]


def test_service_permission_refusal_is_403_with_its_message(make_client, seeker):
    response = make_client(seeker).get("/api/moderation/postings/")

    assert response.status_code == 403
    assert error_of(response) == {"code": "permission_denied", "message": "您没有权限进行此操作。", "fields": {}}


def test_signed_in_write_without_csrf_token_is_403_csrf_failed(make_client, seeker):
    client = make_client(enforce_csrf_checks=True)
    client.force_login(seeker)

    response = client.patch("/api/profile/", {"name": "李梅"}, format="json")

    assert response.status_code == 403
    assert error_of(response)["code"] == "csrf_failed"


def test_unknown_object_is_404(anon):
    response = anon.get("/api/postings/999999/")

    assert response.status_code == 404
    assert error_of(response) == {"code": "not_found", "message": "找不到该内容。", "fields": {}}


def test_wrong_method_is_405(anon):
    response = anon.delete("/api/occupations/families/")

    assert response.status_code == 405
    assert error_of(response) == {"code": "method_not_allowed", "message": "不支持该请求方式。", "fields": {}}


def test_unsupported_content_type_is_415(make_client, employer_user, employer):
    response = make_client(employer_user).post(f"/api/employers/{employer.pk}/logo", {"logo": "x"}, format="json")

    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"


def test_state_conflict_from_a_service_is_409_with_the_service_code(make_client, employer_user, employer):
    closed = JobPostingFactory(employer=employer, status=PostingStatus.CLOSED)

    response = make_client(employer_user).post(f"/api/postings/{closed.pk}/pause")

    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "posting_bad_transition"
    assert error["message"] == "岗位当前状态为“已结束”，不能变为“暂停”。"


def test_throttled_is_429_with_retry_after(anon):
    rate = api_settings.DEFAULT_THROTTLE_RATES["login"]
    allowed = int(rate.split("/")[0])
    for _ in range(allowed):
        assert anon.post("/api/auth/login", {"phone": "13900000000", "password": "x"}, format="json").status_code == 400

    response = anon.post("/api/auth/login", {"phone": "13900000000", "password": "x"}, format="json")

    assert response.status_code == 429
    assert error_of(response) == {"code": "throttled", "message": "操作太频繁，请稍后再试。", "fields": {}}
    assert int(response.headers["Retry-After"]) > 0


def test_an_id_that_is_not_a_number_is_the_api_404_not_a_web_page(anon):
    response = anon.get("/api/postings/abc/")

    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert error_of(response) == {"code": "not_found", "message": "找不到该内容。", "fields": {}}


def test_a_nul_character_in_a_body_is_refused_in_chinese_rather_than_reaching_postgresql(make_client, seeker):
    client = make_client(seeker)

    availability = client.put("/api/me/availability", {"county": "凯里市", "families": ["\x00"]}, format="json")
    form = client.post("/api/profile/experiences", {"employer_name": "厂\x00", "title": "普工"})

    for response in (availability, form):
        assert response.status_code == 400
        assert error_of(response)["code"] == "nul_character"
        assert error_of(response)["message"] == "提交的内容含有无法识别的字符，请删除后再试。"


def test_a_nul_character_in_any_repeated_form_value_is_refused_not_only_in_the_last(make_client, seeker):
    body = "county=%E5%87%AF%E9%87%8C%E5%B8%82&families=%00&families=construction"

    response = make_client(seeker).generic(
        "PUT", "/api/me/availability", body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400
    assert error_of(response)["code"] == "nul_character"


def test_a_nul_character_in_the_query_string_is_refused_on_api_and_pages(anon, client):
    api = anon.get("/api/postings/", {"county": "凯里\x00市"})
    page = client.get("/jobs/", {"q": "\x00"})

    assert api.status_code == 400 and error_of(api)["code"] == "nul_character"
    assert page.status_code == 400 and "无法识别的字符" in page.content.decode()


def test_a_malformed_multipart_body_gets_the_api_error_shape_in_chinese(make_client, seeker):
    response = make_client(seeker).generic(
        "POST", "/api/profile/certificates", b"--broken\r\nnot a part", content_type="multipart/form-data; boundary=x"
    )

    assert response.status_code == 400
    assert "\u4e00" <= error_of(response)["message"][0] <= "\u9fff"
