"""Run modes are chosen by settings and environment only, and production refuses to guess."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DOCUMENTED_PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k3Jx9-Qv7mZr2LwT8yBn4HcF6sGd1PaE5uRt0VkX-oWq3NiY7bMh",
    "DJANGO_ALLOWED_HOSTS": "jobs.example.gov.cn",
    "FIELD_ENCRYPTION_KEYS": "Vb7-e1Qd9sK2mXw4Zr8yLp3Nf6Tg0HcJ",
    "DATABASE_URL": "postgres://jiuyetong:secret@db.internal:5432/jiuyetong",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "ELASTICSEARCH_URL": "http://search.internal:9200",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in DOCUMENTED_PRODUCTION_ENV}
    base.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True
    )


def test_check_deploy_passes_under_production_settings_with_the_documented_environment():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.production", **DOCUMENTED_PRODUCTION_ENV}

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_without_elasticsearch_url_stops_with_the_variable_named():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.production", **DOCUMENTED_PRODUCTION_ENV}
    del env["ELASTICSEARCH_URL"]

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ELASTICSEARCH_URL is not set" in result.stderr


def test_production_server_refuses_to_start_when_elasticsearch_does_not_answer():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        **DOCUMENTED_PRODUCTION_ENV,
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",  # nothing listens on the discard port
        "ELASTICSEARCH_TIMEOUT": "2",
    }
    code = "import config.asgi"
    base = {k: v for k, v in os.environ.items() if k not in DOCUMENTED_PRODUCTION_ENV}

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True)

    assert result.returncode != 0
    assert "Search backend 'default' is unavailable" in result.stderr
    assert "127.0.0.1:9" in result.stderr


def test_manage_py_without_settings_runs_the_embedded_default():
    result = run_manage("diffsettings", "--all", env={})

    assert result.returncode == 0, result.stderr
    assert "django.db.backends.sqlite3" in result.stdout
    assert "channels.layers.InMemoryChannelLayer" in result.stdout
    assert "CELERY_TASK_ALWAYS_EAGER = True" in result.stdout
    assert "matching.search.embedded" in result.stdout


def test_matching_weights_that_are_not_a_json_object_stop_start_up_with_the_variable_named(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.embedded",
        "JYT_VAR_DIR": str(tmp_path),
        "MATCHING_WEIGHTS": "[1,",
    }

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "MATCHING_WEIGHTS must be a JSON object" in result.stderr


def test_matching_weights_from_the_environment_reach_the_ranking(tmp_path):
    script = "from matching.ranking import weights; print(weights()['key_group_priority'], weights()['occupation'])"
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.embedded", "JYT_VAR_DIR": str(tmp_path),
           "MATCHING_WEIGHTS": '{"key_group_priority": 2.5}'}  # fmt: skip

    result = run_manage("shell", "-c", script, env=env)

    assert result.returncode == 0, result.stderr
    from matching.ranking import DEFAULT_WEIGHTS

    assert result.stdout.split()[-2:] == ["2.5", str(DEFAULT_WEIGHTS["occupation"])]  # the rest keep their defaults
