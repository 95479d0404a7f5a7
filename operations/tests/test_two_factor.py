"""Two-factor sign-in to the admin with real TOTP codes."""

import base64
import re
from html import unescape

import pyotp
import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.factories import TEST_PASSWORD, UserFactory
from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, HEAD, SECRETARY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("enforce_two_factor")]


@pytest.fixture
def enforce_two_factor():
    with override_settings(TWO_FACTOR_ENFORCED=True):
        yield


def sign_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def totp_for(device):
    return pyotp.TOTP(base64.b32encode(device.bin_key).decode())


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


@pytest.mark.parametrize("role", [SECRETARY, HEAD, ADMINISTRATOR])
def test_board_must_enrol(client, role):
    user = UserFactory(username="bat-buoc", roles=[role])
    sign_in(client, user)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("operations_two_factor_setup"))


def test_superuser_must_enrol(client):
    user = UserFactory(username="sieu-quan-tri-2fa", is_superuser=True)
    sign_in(client, user)

    response = client.get(reverse("wagtailadmin_explore_root"))

    assert response["Location"].startswith(reverse("operations_two_factor_setup"))


def test_contributor_may_skip(client):
    user = UserFactory(username="ctv-tuy-chon", roles=[CONTRIBUTOR])
    sign_in(client, user)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200


def test_enrolment_with_real_code(client):
    user = UserFactory(username="thu-ky-dang-ky", roles=[SECRETARY])
    sign_in(client, user)

    page = client.get(reverse("operations_two_factor_setup"))
    html = page.content.decode()
    secret = re.search(r"<code>([A-Z2-7]+)</code>", html).group(1)
    device = TOTPDevice.objects.get(user=user)
    assert "<svg" in html
    assert "Thiết lập xác thực hai lớp" in html
    assert base64.b32encode(device.bin_key).decode() == secret
    assert device.confirmed is False

    response = client.post(
        reverse("operations_two_factor_setup"),
        {"token": pyotp.TOTP(secret).now(), "next": reverse("wagtailadmin_explore_root")},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore_root")
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_enrolment_rejects_wrong_code(client):
    user = UserFactory(username="thu-ky-sai-ma", roles=[SECRETARY])
    sign_in(client, user)
    client.get(reverse("operations_two_factor_setup"))
    device = TOTPDevice.objects.get(user=user)
    right_code = totp_for(device).now()
    wrong_code = f"{(int(right_code) + 1) % 1_000_000:06d}"

    response = client.post(reverse("operations_two_factor_setup"), {"token": wrong_code})

    assert response.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in unescape(response.content.decode())
    device.refresh_from_db()
    assert device.confirmed is False
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_device_owner_must_verify(client):
    user = UserFactory(username="ctv-co-thiet-bi", roles=[CONTRIBUTOR])
    device = confirmed_device(user)
    sign_in(client, user)

    redirected = client.get(reverse("wagtailadmin_home"))
    response = client.post(
        reverse("operations_two_factor_verify"),
        {"token": totp_for(device).now(), "next": reverse("wagtailadmin_home")},
    )

    assert redirected["Location"].startswith(reverse("operations_two_factor_verify"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_verify_rejects_wrong_code(client):
    user = UserFactory(username="truong-ban-sai-ma", roles=[HEAD])
    device = confirmed_device(user)
    sign_in(client, user)
    wrong_code = f"{(int(totp_for(device).now()) + 7) % 1_000_000:06d}"

    response = client.post(reverse("operations_two_factor_verify"), {"token": wrong_code})

    assert response.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in unescape(response.content.decode())
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_verify_throttles_guessing(client):
    user = UserFactory(username="truong-ban-do-ma", roles=[HEAD])
    device = confirmed_device(user)
    sign_in(client, user)
    wrong_code = f"{(int(totp_for(device).now()) + 7) % 1_000_000:06d}"
    for _attempt in range(3):
        client.post(reverse("operations_two_factor_verify"), {"token": wrong_code})

    response = client.post(
        reverse("operations_two_factor_verify"), {"token": totp_for(device).now()}
    )

    assert response.status_code == 200
    assert "Nhập sai mã quá nhiều lần" in unescape(response.content.decode())
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_verify_ignores_external_next(client):
    user = UserFactory(username="thu-ky-chuyen-huong", roles=[SECRETARY])
    device = confirmed_device(user)
    sign_in(client, user)

    response = client.post(
        reverse("operations_two_factor_verify"),
        {"token": totp_for(device).now(), "next": "https://example.com/gia-mao/"},
    )

    assert response["Location"] == reverse("wagtailadmin_home")


def test_unverified_user_reaches_no_admin_view(client):
    user = UserFactory(username="quan-tri-chua-xac-thuc", roles=[ADMINISTRATOR])
    confirmed_device(user)
    sign_in(client, user)

    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtaildocs:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("operations_two_factor_verify")), url


def test_unverified_user_gets_icon_sprite(client):
    user = UserFactory(username="thu-ky-bieu-tuong", roles=[SECRETARY])
    sign_in(client, user)

    response = client.get(reverse("wagtailadmin_sprite"))

    assert response.status_code == 200
    assert "<svg" in response.content.decode()


def test_anonymous_cannot_open_setup(client):
    response = client.get(reverse("operations_two_factor_setup"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not TOTPDevice.objects.exists()
