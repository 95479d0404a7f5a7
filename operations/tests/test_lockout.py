"""django-axes locks sign-in after repeated failures, with a Vietnamese page."""

from html import unescape

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

from editorial.factories import TEST_PASSWORD, UserFactory
from editorial.roles import SECRETARY

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_lockout_after_failures(client):
    UserFactory(username="thu-ky-bi-khoa", roles=[SECRETARY])
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "thu-ky-bi-khoa", "mat-khau-sai")

    response = attempt(client, "thu-ky-bi-khoa", TEST_PASSWORD)

    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in unescape(response.content.decode())
    assert "_auth_user_id" not in client.session


def test_failures_below_limit_allow_sign_in(client):
    UserFactory(username="thu-ky-go-nham", roles=[SECRETARY])
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "thu-ky-go-nham", "mat-khau-sai")

    response = attempt(client, "thu-ky-go-nham", TEST_PASSWORD)

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="thu-ky-go-nham").exists()


def test_lockout_spares_other_users(client):
    UserFactory(username="thu-ky-khac", roles=[SECRETARY])
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "nguoi-do-mat-khau", "mat-khau-sai")

    response = attempt(client, "thu-ky-khac", TEST_PASSWORD)

    assert response.status_code == 302


def test_lockout_keys_on_real_ip_behind_proxy(client, settings):
    settings.TRUST_X_REAL_IP = True
    UserFactory(username="thu-ky-sau-proxy", roles=[SECRETARY])
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "thu-ky-sau-proxy", "password": "mat-khau-sai"},
            HTTP_X_REAL_IP="203.0.113.7",
        )

    from_attacker = client.post(
        reverse("wagtailadmin_login"),
        {"username": "thu-ky-sau-proxy", "password": TEST_PASSWORD},
        HTTP_X_REAL_IP="203.0.113.7",
    )
    from_office = client.post(
        reverse("wagtailadmin_login"),
        {"username": "thu-ky-sau-proxy", "password": TEST_PASSWORD},
        HTTP_X_REAL_IP="198.51.100.20",
    )

    assert from_attacker.status_code == 429
    assert from_office.status_code == 302
    assert AccessAttempt.objects.get(username="thu-ky-sau-proxy").ip_address == "203.0.113.7"
