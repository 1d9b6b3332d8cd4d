"""`/healthz` tells operators, in one JSON answer, whether each real part is up."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_postgres_redis_and_elasticsearch_with_its_version(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["mode"] == "production"
    checks = body["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["database"]["vendor"] == "postgresql"
    assert checks["channel_layer"]["backend"] == "livestream.layers.RecoveringRedisChannelLayer"
    assert checks["broker"] == {**checks["broker"], "status": "ok", "mode": "worker"}
    assert checks["search"]["backend"] == "elasticsearch"
    assert checks["search"]["version"].startswith("9.")


def test_healthz_says_which_part_is_down_when_the_embedding_model_is_missing(client, settings, tmp_path):
    settings.MATCHING_EMBEDDING_MODEL = str(tmp_path / "no-model-here")

    body = client.get("/healthz").json()

    # The model is not critical: matching falls back to lexical and structured signals.
    assert body["status"] == "ok"
    assert body["checks"]["embedding_model"]["status"] == "error"
    assert "no-model-here" in body["checks"]["embedding_model"]["error"]


def test_from_outside_healthz_says_only_up_or_down_part_by_part(client, make_client, bureau_user):
    outsider = client.get("/healthz", REMOTE_ADDR="203.0.113.9").json()
    forwarded = client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.9").json()  # through our proxy
    staff = make_client(bureau_user).get("/healthz").json()

    for body in (outsider, forwarded):
        assert body["status"] == "ok"
        assert body["checks"]["search"] == {"status": "ok"}  # no engine URL, version or model path
        assert "9200" not in str(body) and "/" not in str(body["checks"])
    assert staff["checks"]["search"]["version"].startswith("9.")
