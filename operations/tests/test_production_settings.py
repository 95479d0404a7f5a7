"""The production settings, loaded in a subprocess from fake environment values."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "ENGINE": settings.DATABASES["default"]["ENGINE"],
    "CONN_HEALTH_CHECKS": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "CACHE": settings.CACHES["default"]["BACKEND"],
    "STORAGE": settings.STORAGES["default"]["BACKEND"],
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "TWO_FACTOR_ENFORCED": settings.TWO_FACTOR_ENFORCED,
    "ADMIN_URL_PATH": settings.ADMIN_URL_PATH,
    "TASKS": settings.TASKS["default"]["BACKEND"],
    "FRONTEND_CACHE": getattr(settings, "WAGTAILFRONTENDCACHE", None),
}))
"""


def production_env(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' fixture sets DJANGO_ALLOW_ASYNC_UNSAFE for this process only.
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "AWS_STORAGE_BUCKET_NAME",
            "EMAIL_HOST",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="muongte.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        ALLOWED_HOSTS="muongte.laichau.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://muongte.laichau.gov.vn",
        MUONGTE_VAR_DIR=str(tmp_path),
    )
    env.update(extra)
    return env


def run_manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean(tmp_path):
    result = run_manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "DEBUG")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_defaults_are_safe(tmp_path):
    result = run_manage(production_env(tmp_path), "shell", "-c", PRINT_SETTINGS)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["ALLOWED_HOSTS"] == ["muongte.laichau.gov.vn"]
    assert values["CONN_HEALTH_CHECKS"] is True
    assert values["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["STORAGE"] == "django.core.files.storage.FileSystemStorage"
    assert values["TWO_FACTOR_ENFORCED"] is True
    assert values["ADMIN_URL_PATH"] == "admin/"
    assert values["TASKS"] == "django_tasks_db.DatabaseBackend"
    assert values["FRONTEND_CACHE"] is None


def test_production_services_from_environment(tmp_path):
    env = production_env(
        tmp_path,
        DATABASE_URL="postgres://muongte@127.0.0.1:5432/muongte",
        REDIS_URL="redis://127.0.0.1:6379/5",
        AWS_STORAGE_BUCKET_NAME="muongte-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        EMAIL_HOST="127.0.0.1",
        ADMIN_URL_PATH="quan-tri-rieng/",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:8081",
    )

    result = run_manage(env, "shell", "-c", PRINT_SETTINGS)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["CACHE"] == "django.core.cache.backends.redis.RedisCache"
    assert values["STORAGE"] == "storages.backends.s3.S3Storage"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["ADMIN_URL_PATH"] == "quan-tri-rieng/"
    assert values["FRONTEND_CACHE"]["nginx"]["LOCATION"] == "http://127.0.0.1:8081"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"])
def test_production_requires_variable(tmp_path, missing):
    env = production_env(tmp_path)
    del env[missing]

    result = run_manage(env, "check")

    assert result.returncode != 0
    assert f"Environment variable {missing} is required" in result.stderr


PRINT_CLIENT_IP_HEADER = """
from django.conf import settings
print(repr(settings.FEEDBACK_CLIENT_IP_HEADER))
"""


@pytest.mark.parametrize(("trusted", "header"), [("true", "'HTTP_X_REAL_IP'"), ("false", "None")])
def test_form_limits_follow_trusted_proxy(tmp_path, trusted, header):
    env = production_env(tmp_path, TRUST_X_REAL_IP=trusted)
    result = run_manage(env, "shell", "--no-imports", "-c", PRINT_CLIENT_IP_HEADER)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == header
