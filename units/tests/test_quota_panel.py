"""The quota panel on the admin dashboard, shown to the editorial board only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial import roles
from editorial.calendar import WorkingCalendar
from units.factories import QuotaRuleFactory, UnitPageFactory
from units.panels import days_left_in_month

from .test_quota_report import logged_in

PANEL_HEADING = "Định mức tin, bài tháng"


@pytest.mark.django_db
class TestQuotaPanel:
    def test_board_sees_units_below_quota(self, client, ka_lang, mu_ca, publish_work):
        QuotaRuleFactory(effective_from=datetime.date(2020, 1, 1))
        publish_work(timezone.now(), unit=mu_ca)

        response = logged_in(client, roles.SECRETARY).get(reverse("wagtailadmin_home"))

        content = response.content.decode()
        assert PANEL_HEADING in content
        panel = content.split(PANEL_HEADING, 1)[1].split("</section>", 1)[0]
        assert "Xã Ka Lăng" in panel
        assert "Xã Mù Cả" not in panel
        assert "1 đơn vị chưa đạt định mức" in panel
        assert "đến hết ngày" in panel

    def test_every_unit_met(self, client, ka_lang, publish_work):
        QuotaRuleFactory(effective_from=datetime.date(2020, 1, 1))
        publish_work(timezone.now(), unit=ka_lang)

        response = logged_in(client, roles.HEAD).get(reverse("wagtailadmin_home"))

        assert "Tất cả đơn vị đã đạt định mức tháng này." in response.content.decode()

    @pytest.mark.parametrize("group", [roles.CONTRIBUTOR, roles.ADMINISTRATOR])
    def test_hidden_outside_board(self, client, ka_lang, group):
        QuotaRuleFactory(effective_from=datetime.date(2020, 1, 1))

        response = logged_in(client, group).get(reverse("wagtailadmin_home"))

        assert PANEL_HEADING not in response.content.decode()


@pytest.mark.django_db
def test_days_left_counts_working_days():
    calendar = WorkingCalendar.for_site()

    # 25–31 January 2026: Sunday 25, Monday 26 to Friday 30, Saturday 31.
    assert days_left_in_month(datetime.date(2026, 1, 25), calendar) == (7, 5)
    assert days_left_in_month(datetime.date(2026, 1, 31), calendar) == (1, 0)


@pytest.mark.django_db
def test_panel_lists_ten_units_most_missing_first(client, unit_index):
    QuotaRuleFactory(effective_from=datetime.date(2020, 1, 1))
    units = [UnitPageFactory(parent=unit_index, title=f"Xã Tà Tổng {n:02d}") for n in range(12)]
    QuotaRuleFactory(unit=units[11], works_per_month=3, effective_from=datetime.date(2020, 1, 1))

    response = logged_in(client, roles.DEPUTY).get(reverse("wagtailadmin_home"))

    panel = response.content.decode().split(PANEL_HEADING, 1)[1].split("</section>", 1)[0]
    assert "12 đơn vị chưa đạt định mức" in panel
    assert panel.index("Xã Tà Tổng 11") < panel.index("Xã Tà Tổng 00")
    assert "Xã Tà Tổng 09" not in panel
    assert "báo cáo định mức liệt kê đầy đủ" in panel
