"""Maintenance notices and emergency alerts: notice period, display and permissions."""

import datetime
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from editorial.factories import UserFactory
from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, HEAD, MEMBER, SECRETARY
from operations.models import MaintenanceSettings, SiteBanner, working_days_between

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()


def at(year, month, day, hour=8):
    return datetime.datetime(year, month, day, hour, tzinfo=TZ)


def test_working_days_skip_weekends_and_holidays():
    # Friday 24 April 2026 to Friday 8 May 2026: Hùng Kings' day falls on Sunday 26 April
    # and is observed on Monday 27 April; 30 April and 1 May are public holidays too.
    days = working_days_between(datetime.date(2026, 4, 24), datetime.date(2026, 5, 8))

    assert days == 7


def test_maintenance_needs_notice_period():
    now = timezone.now()
    banner = SiteBanner(
        kind=SiteBanner.MAINTENANCE,
        message="Nâng cấp máy chủ.",
        show_from=now,
        suspension_starts=now + datetime.timedelta(days=3),
        show_until=now + datetime.timedelta(days=3, hours=4),
    )

    with pytest.raises(ValidationError) as error:
        banner.full_clean()

    assert "ít nhất 7 ngày làm việc" in str(error.value.message_dict["suspension_starts"])


def test_maintenance_with_notice_is_valid():
    now = timezone.now()
    banner = SiteBanner(
        kind=SiteBanner.MAINTENANCE,
        message="Nâng cấp máy chủ.",
        show_from=now,
        suspension_starts=now + datetime.timedelta(days=21),
        show_until=now + datetime.timedelta(days=21, hours=4),
    )

    banner.full_clean()


def test_notice_period_is_a_setting():
    settings_row = MaintenanceSettings.load()
    settings_row.notice_working_days = 20
    settings_row.save()
    now = timezone.now()
    banner = SiteBanner(
        kind=SiteBanner.MAINTENANCE,
        message="Bảo trì định kỳ.",
        show_from=now,
        suspension_starts=now + datetime.timedelta(days=21),
        show_until=now + datetime.timedelta(days=21, hours=4),
    )

    with pytest.raises(ValidationError):
        banner.full_clean()


def test_alert_needs_no_notice():
    now = timezone.now()
    banner = SiteBanner(
        kind=SiteBanner.ALERT,
        message="Lũ quét tại xã Mù Cả, đề nghị người dân không qua ngầm tràn.",
        show_from=now,
        show_until=now + datetime.timedelta(hours=12),
    )

    banner.full_clean()


def test_banners_show_on_public_pages(client, home_page):
    now = timezone.now()
    SiteBanner.objects.create(
        kind=SiteBanner.ALERT,
        message="Lũ quét tại xã Mù Cả.",
        show_from=now - datetime.timedelta(hours=1),
        show_until=now + datetime.timedelta(hours=1),
    )
    SiteBanner.objects.create(
        kind=SiteBanner.MAINTENANCE,
        message="Nâng cấp máy chủ.",
        show_from=now - datetime.timedelta(days=1),
        suspension_starts=now + datetime.timedelta(days=14),
        show_until=now + datetime.timedelta(days=14, hours=4),
    )
    SiteBanner.objects.create(
        kind=SiteBanner.ALERT,
        message="Cảnh báo đã hết hạn.",
        show_from=now - datetime.timedelta(days=2),
        show_until=now - datetime.timedelta(days=1),
    )

    html = unescape(client.get(home_page.url).content.decode())

    assert "Lũ quét tại xã Mù Cả." in html
    assert 'role="alert"' in html
    assert "Nâng cấp máy chủ." in html
    assert "Cổng thông tin tạm ngừng hoạt động từ" in html
    assert "Cảnh báo đã hết hạn." not in html
    assert html.index("Lũ quét") < html.index("Nâng cấp máy chủ")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(ADMINISTRATOR, True), (HEAD, True), (SECRETARY, True), (MEMBER, False), (CONTRIBUTOR, False)],
)
def test_banner_admin_permissions(client, role, allowed):
    client.force_login(UserFactory(username="nguoi-dang-bang", roles=[role]))

    response = client.get(reverse("wagtailsnippets_operations_sitebanner:add"))

    assert (response.status_code == 200) is allowed, response.status_code
