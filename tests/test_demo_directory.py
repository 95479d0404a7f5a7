"""The demo site has every unit, the spokesperson page, procedures, a project, a report and this week's schedule."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.demo.directory import UNITS
from home.models import NavigationMenu
from news.procurement import ProjectPage
from news.statistics_reports import StatisticsReportPage
from news.work_schedule import Week, WorkScheduleIndexPage, WorkSchedulePage
from units.models import (
    ProcedureIndexPage,
    ProcedureListPage,
    Spokesperson,
    SpokespersonIndexPage,
    UnitPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo_content", no_admin=True, stdout=io.StringIO())


def menu_page_ids():
    return {
        item.link_page_id
        for menu in NavigationMenu.objects.all()
        for item in menu.items.all()
        if item.link_page_id
    }


def test_demo_units_and_directory_pages(demo, client):
    units = {unit.title: unit for unit in UnitPage.objects.live()}

    assert set(units) == {title for title, *_rest in UNITS}
    assert sum(unit.kind == UnitPage.Kind.COMMUNE for unit in units.values()) == 13
    for unit in units.values():
        assert unit.leaders.exists(), unit.title
        assert unit.address, unit.title
        assert unit.email.endswith(".example"), unit.title
        assert not unit.leader_contacts_public, unit.title
        assert all("(tên mẫu)" in leader.name for leader in unit.leaders.all()), unit.title
        assert not any(leader.phone for leader in unit.leaders.all()), unit.title
    assert units["Xã Mù Cả"].parent_unit.title == "Ủy ban nhân dân huyện Mường Tè"

    # Each page below renders and is reachable from the main or the footer menu.
    spokespersons = SpokespersonIndexPage.objects.live().get()
    procedures = ProcedureListPage.objects.live().get()
    project = ProjectPage.objects.live().get()
    report = StatisticsReportPage.objects.live().get()
    schedule = WorkScheduleIndexPage.objects.live().get()
    linked = menu_page_ids()

    assert spokespersons.pk in linked
    assert schedule.pk in linked
    assert project.get_parent().pk in linked
    assert report.get_parent().pk in linked
    assert ProcedureIndexPage.objects.live().get().pk in linked

    spokesperson_html = client.get(spokespersons.url).content.decode()
    assert Spokesperson.objects.current().count() >= 3
    assert "Chủ tịch UBND huyện" in spokesperson_html

    procedures_html = client.get(procedures.url).content.decode()
    assert procedures.procedures.count() == 4
    assert "Đăng ký khai sinh" in procedures_html
    assert "dichvucong.laichau.gov.vn" in procedures_html

    assert project.packages.count() == 2
    assert "Gói thầu số 02" in client.get(project.url).content.decode()

    assert report.period_kind == StatisticsReportPage.PeriodKind.QUARTER
    assert report.period_ends_on < timezone.localdate()

    this_week = Week.containing(timezone.localdate())
    week_page = WorkSchedulePage.objects.live().get()
    assert week_page.week_start == this_week.monday
    schedule_html = client.get(schedule.url).content.decode()
    assert "Họp giao ban Thường trực UBND huyện" in schedule_html


def test_demo_directory_twice_changes_nothing(demo):
    counts = (
        UnitPage.objects.count(),
        Spokesperson.objects.count(),
        ProjectPage.objects.count(),
        StatisticsReportPage.objects.count(),
        WorkSchedulePage.objects.count(),
        sum(menu.items.count() for menu in NavigationMenu.objects.all()),
    )

    call_command("load_demo_content", no_admin=True, stdout=io.StringIO())

    assert counts == (
        UnitPage.objects.count(),
        Spokesperson.objects.count(),
        ProjectPage.objects.count(),
        StatisticsReportPage.objects.count(),
        WorkSchedulePage.objects.count(),
        sum(menu.items.count() for menu in NavigationMenu.objects.all()),
    )
