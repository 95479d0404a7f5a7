"""The 503 page shown while the database is unreachable."""

import base64
import hashlib
import logging
import re
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection

from feedback.models import Question
from feedback.tests.helpers import question_data
from operations import outage

pytestmark = pytest.mark.django_db

STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@pytest.fixture(autouse=True)
def fresh_log_interval(monkeypatch):
    """Log every outage, so that the log checks do not depend on timing."""
    monkeypatch.setattr(outage, "LOG_INTERVAL", 0)


def page_class_of(page):
    return type(page.specific)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_view_database_error_gives_503(client, home_page, error):
    failure = error('could not connect to server: Connection refused "SECRET-DETAIL"')
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=failure):
        response = client.get(home_page.url)

    content = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "Cổng thông tin tạm thời không truy cập được" in content
    assert "vui lòng thử lại sau ít phút" in content
    assert "Traceback" not in content
    assert "SECRET-DETAIL" not in content
    assert error.__name__ not in content


def test_retry_after_follows_setting(client, home_page, settings):
    settings.DATABASE_OUTAGE_RETRY_AFTER = 120
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=OperationalError):
        response = client.get(home_page.url)

    assert response.status_code == 503
    assert response["Retry-After"] == "120"


def test_failing_cursor_gives_503(client, home_page):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("server closed")):
        response = client.get("/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B")

    assert response.status_code == 503
    assert "Cổng thông tin tạm thời không truy cập được" in response.content.decode()


def test_other_errors_are_not_503(client, home_page):
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=ValueError("hỏng")):
        with pytest.raises(ValueError):
            client.get(home_page.url)


def test_503_page_style_is_allowed_by_csp(client, home_page):
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=OperationalError):
        response = client.get(home_page.url)

    policy = response["Content-Security-Policy"]
    styles = STYLE_BLOCK.findall(response.content.decode())
    assert "<script" not in response.content.decode()
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy


def test_503_is_not_kept_by_page_cache(client, home_page):
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=OperationalError):
        assert client.get(home_page.url).status_code == 503

    assert client.get(home_page.url).status_code == 200


def test_outage_log_line_has_no_query_or_user(client, home_page, caplog):
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=OperationalError("pw")):
        with caplog.at_level(logging.ERROR, logger="operations.outage"):
            client.get(home_page.url + "?email=lothimai@example.invalid")

    records = [record for record in caplog.records if record.name == "operations.outage"]
    assert len(records) == 1
    message = records[0].getMessage()
    assert "GET /" in message
    assert "OperationalError" in message
    assert "lothimai" not in message
    assert "pw" not in message
    assert records[0].exc_info is None


def test_repeated_outages_log_once(client, home_page, caplog, monkeypatch):
    monkeypatch.setattr(outage, "LOG_INTERVAL", 3600)
    with mock.patch.object(page_class_of(home_page), "serve", side_effect=OperationalError):
        with caplog.at_level(logging.ERROR, logger="operations.outage"):
            for _ in range(3):
                assert client.get(home_page.url).status_code == 503

    records = [record for record in caplog.records if record.name == "operations.outage"]
    assert len(records) == 1


def test_question_post_during_outage_is_not_half_saved(client):
    from feedback.factories import QuestionIndexPageFactory

    qa_page = QuestionIndexPageFactory()
    # The question row is written, then the connection fails before the request ends.
    with mock.patch("feedback.workflow.logger.info", side_effect=OperationalError("gone")):
        response = client.post(qa_page.ask_url, question_data(), REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 503
    assert "chưa được lưu" in response.content.decode()
    assert Question.objects.count() == 0


def test_middleware_database_error_gives_503(client, home_page):
    """An error raised in a middleware, here while saving the session, reaches handler500."""
    client.raise_request_exception = False
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_response",
        side_effect=OperationalError("gone"),
    ):
        response = client.get(home_page.url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Cổng thông tin tạm thời không truy cập được" in response.content.decode()


def test_other_middleware_errors_give_500(client, home_page):
    client.raise_request_exception = False
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_response",
        side_effect=ValueError("hỏng"),
    ):
        response = client.get(home_page.url)

    assert response.status_code == 500
    assert "Cổng thông tin tạm thời" not in response.content.decode()
