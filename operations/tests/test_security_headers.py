"""Security headers on the public site and the admin, session expiry, admin URL, passwords."""

import base64
import hashlib
import importlib
import re

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django.utils import timezone

from editorial.factories import UserFactory
from editorial.roles import SECRETARY

pytestmark = pytest.mark.django_db

INLINE_BLOCK = re.compile(r"<(script|style)(?:\s[^>]*)?>(.*?)</\1>", re.DOTALL)


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_csp_forbids_inline_code(client, home_page):
    response = client.get(home_page.url)

    policy = directives(response["Content-Security-Policy"])
    assert response.status_code == 200
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_public_inline_blocks_match_hashes(client, home_page):
    response = client.get(home_page.url)
    html = response.content.decode()
    policy = directives(response["Content-Security-Policy"])

    inline_blocks = [(tag, body) for tag, body in INLINE_BLOCK.findall(html) if body.strip()]
    assert inline_blocks, "the home page is expected to carry the display-options script"
    for tag, body in inline_blocks:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy[f"{tag}-src"], body


def test_admin_csp_is_scoped_to_admin(client):
    response = client.get(reverse("wagtailadmin_login"))

    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_public_headers(client, home_page):
    response = client.get(home_page.url)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_session_expires_when_idle(client):
    user = UserFactory(username="thu-ky-phien", roles=[SECRETARY])
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert client.session.get_expire_at_browser_close()

    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_admin_session_slides_on_activity(client):
    user = UserFactory(username="thu-ky-hoat-dong", roles=[SECRETARY])
    client.force_login(user)
    Session.objects.update(expire_date=timezone.now() + timezone.timedelta(seconds=60))

    client.get(reverse("wagtailadmin_home"))

    remaining = Session.objects.get().expire_date - timezone.now()
    assert remaining.total_seconds() > settings.SESSION_COOKIE_AGE - 60


@pytest.fixture
def reload_urls():
    """Rebuild the URLconf after a test changed ADMIN_URL_PATH, and again afterwards."""
    import muongte.urls

    def reload():
        clear_url_caches()
        importlib.reload(muongte.urls)

    yield reload
    reload()


def test_admin_url_is_configurable(client, reload_urls):
    with override_settings(ADMIN_URL_PATH="quan-tri-rieng/"):
        reload_urls()
        login_url = reverse("wagtailadmin_login")
        old_response = client.get("/admin/login/")
        new_response = client.get(login_url)
        policy = directives(new_response["Content-Security-Policy"])

    assert login_url == "/quan-tri-rieng/login/"
    assert old_response.status_code == 404
    assert new_response.status_code == 200
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize(
    "password",
    ["ngan-qua", "123456789012345", "password1234", "thu-ky-manh-me-1"],
)
def test_weak_passwords_rejected(password):
    user = UserFactory.build(username="thu-ky-manh-me", first_name="Hương", last_name="Trần")

    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_strong_password_accepted():
    user = UserFactory.build(username="thu-ky-manh-me")

    assert validate_password("Núi-Pu-Si-Lung-3076m", user) is None
