"""The README's first command serves the product with no external service."""

import json
import urllib.error
import urllib.request


def test_embedded_server_reports_sqlite_in_memory_layer_inline_celery_and_embedded_search(embedded_server):
    with urllib.request.urlopen(f"{embedded_server.url}/healthz", timeout=10) as response:  # noqa: S310
        body = json.load(response)

    assert body["status"] == "ok"
    assert body["mode"] == "embedded"
    checks = body["checks"]
    assert checks["database"]["vendor"] == "sqlite"
    assert checks["channel_layer"]["backend"] == "channels.layers.InMemoryChannelLayer"
    assert checks["broker"]["mode"] == "eager"
    assert checks["search"]["backend"] == "embedded"
    assert (embedded_server.var_dir / "jiuyetong.sqlite3").exists()


def test_embedded_server_serves_the_chinese_home_page_and_its_static_files(embedded_server):
    with urllib.request.urlopen(f"{embedded_server.url}/", timeout=10) as response:  # noqa: S310
        html = response.read().decode("utf-8")
    with urllib.request.urlopen(f"{embedded_server.url}/static/frontend/app.css", timeout=10) as response:  # noqa: S310
        css = response.read().decode("utf-8")

    assert '<html lang="zh-CN">' in html
    assert "最新岗位" in html
    assert "job-card" in html  # demo postings are listed
    assert ".job-card" in css


def test_a_missing_page_on_the_embedded_server_is_the_chinese_404_not_the_debug_page(embedded_server):
    try:
        urllib.request.urlopen(f"{embedded_server.url}/jobs/99999999/", timeout=10)  # noqa: S310
    except urllib.error.HTTPError as error:
        status, html = error.code, error.read().decode("utf-8")

    assert status == 404
    assert "找不到这个页面" in html and "URLconf" not in html and "Page not found" not in html
