"""Text responses are compressed and production serves hashed static files."""

import importlib
import sys

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_html_response_gzip_compressed(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_production_static_files_hashed(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "production-test-key")
    monkeypatch.setenv("DATABASE_URL", "postgres://portal@127.0.0.1:5432/portal")
    monkeypatch.setenv("ALLOWED_HOSTS", "muongte.laichau.gov.vn")
    monkeypatch.delitem(sys.modules, "muongte.settings.production", raising=False)

    production = importlib.import_module("muongte.settings.production")

    storage = production.STORAGES["staticfiles"]["BACKEND"]
    assert storage == "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    assert "django.middleware.gzip.GZipMiddleware" in settings.MIDDLEWARE
