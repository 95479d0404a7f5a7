"""Deadlines on the Vietnamese working calendar: office hours, working days and overrides.

The shared cases are read from ``cases/deadlines.tsv`` in the shared folder beside the
repository; the MUONGTE_SHARED_DIR environment variable overrides that folder's path.
"""

import os
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from editorial import roles
from editorial.calendar import CalendarError, WorkingCalendar, add_office_hours, add_working_days
from editorial.factories import UserFactory
from editorial.models import CalendarOverride, WorkingCalendarSettings

pytestmark = pytest.mark.django_db

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
SHARED_DIR = Path(os.environ.get("MUONGTE_SHARED_DIR", REPOSITORY_ROOT.parent / "shared"))
DEADLINE_CASES_FILE = SHARED_DIR / "cases" / "deadlines.tsv"


def load_deadline_cases():
    if not DEADLINE_CASES_FILE.is_file():
        pytest.fail(
            f"Deadline cases not found at {DEADLINE_CASES_FILE}: clone the shared folder beside "
            "the repository as ../shared, or set MUONGTE_SHARED_DIR to its path.",
            pytrace=False,
        )
    cases = []
    for line in DEADLINE_CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, start, amount, expected = line.split("\t")
            cases.append((kind, start, int(amount), expected.strip()))
    return cases


def local(text):
    """Parse "2026-12-07T09:00" or "2026-12-07" as local time in the portal's time zone."""
    if "T" not in text:
        return date.fromisoformat(text)
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.mark.parametrize(("kind", "start", "amount", "expected"), load_deadline_cases())
def test_shared_deadline_cases(kind, start, amount, expected):
    add = {"office_hours": add_office_hours, "working_days": add_working_days}[kind]

    assert add(local(start), amount) == local(expected)


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # Before the lunch break, the hour runs on after it.
        ("2026-12-07T11:00", 1, "2026-12-07T14:00"),
        # Started during the break, counting begins at 13:30.
        ("2026-12-07T12:15", 1, "2026-12-07T14:30"),
        # Before the office opens, counting begins at 07:30.
        ("2026-12-07T05:00", 4, "2026-12-07T11:30"),
        # A deadline that fills the day ends at 17:30, not at 07:30 the next day.
        ("2026-12-07T07:30", 8, "2026-12-07T17:30"),
        # Friday afternoon before Tết 2026 (16-20/2 off): the rest runs on Monday 23/2.
        ("2026-02-13T16:00", 8, "2026-02-23T16:00"),
        # Fractions of an hour.
        ("2026-12-07T17:00", 0.5, "2026-12-07T17:30"),
        ("2026-12-07T17:00", 1.5, "2026-12-08T08:30"),
    ],
)
def test_office_hours(start, hours, expected):
    assert add_office_hours(local(start), hours) == local(expected)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Saturday 22/8/2026 is worked in exchange for Monday 31/8.
        ("2026-08-21", 1, "2026-08-22T17:30"),
        ("2026-08-28", 1, "2026-09-03T17:30"),
        # Across a month end and a weekend.
        ("2026-01-30", 1, "2026-02-02T17:30"),
        # Issued on a Sunday: the first working day is Monday.
        ("2026-12-06", 1, "2026-12-07T17:30"),
        ("2026-12-06", 0, "2026-12-07T17:30"),
        # Issued during Tết.
        ("2026-02-17", 2, "2026-02-24T17:30"),
    ],
)
def test_working_days(start, days, expected):
    assert add_working_days(local(start), days) == local(expected)


def test_aware_start_counts_local_time():
    start = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội

    assert add_office_hours(start, 8) == local("2026-12-08T09:00")
    assert add_working_days(datetime(2026, 12, 6, 20, 0, tzinfo=UTC), 1) == local(
        "2026-12-08T17:30"
    )


def test_announced_day_off_and_extra_working_day():
    CalendarOverride.objects.create(date=date(2026, 12, 8), reason="Nghỉ theo thông báo")
    CalendarOverride.objects.create(
        date=date(2026, 12, 12), is_working_day=True, reason="Làm bù thứ Bảy"
    )

    assert add_office_hours(local("2026-12-07T09:00"), 8) == local("2026-12-09T09:00")
    assert add_working_days(local("2026-12-11"), 1) == local("2026-12-12T17:30")


def test_override_beats_the_public_holiday_table():
    CalendarOverride.objects.create(
        date=date(2026, 9, 2), is_working_day=True, reason="Trực ngày Quốc khánh"
    )

    assert add_working_days(local("2026-09-01"), 1) == local("2026-09-02T17:30")


def test_site_setting_sets_hours_and_weekdays():
    site = Site.objects.get(is_default_site=True)
    setting = WorkingCalendarSettings.for_site(site)
    setting.afternoon_end = time(17, 0)
    setting.working_weekdays = "0,1,2,3,4,5"
    setting.save()

    assert add_working_days(local("2026-12-04"), 1) == local("2026-12-05T17:00")
    assert add_office_hours(local("2026-12-05T16:00"), 1.5) == local("2026-12-07T08:00")


def test_negative_amounts_are_refused():
    calendar = WorkingCalendar.for_site()

    with pytest.raises(CalendarError):
        calendar.add_office_hours(local("2026-12-07T09:00"), -1)
    with pytest.raises(CalendarError):
        calendar.add_working_days(local("2026-12-07"), -1)


def test_calendar_without_working_days_raises():
    calendar = WorkingCalendar(WorkingCalendarSettings(working_weekdays=""))
    calendar.__dict__["overrides"] = {}

    with pytest.raises(CalendarError):
        calendar.add_working_days(date(2030, 1, 1), 1)


def settings_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["editorial", "workingcalendarsettings", site.pk])


def settings_form(**changes):
    data = {
        "morning_start": "07:30",
        "morning_end": "11:30",
        "afternoon_start": "13:30",
        "afternoon_end": "17:30",
        "working_weekdays": ["0", "1", "2", "3", "4"],
    }
    data.update(changes)
    return data


@pytest.fixture
def secretary():
    return UserFactory(roles=[roles.SECRETARY])


def test_secretary_sets_working_weekdays_in_the_admin(client, secretary):
    client.force_login(secretary)

    response = client.post(settings_url(), settings_form(working_weekdays=["0", "2", "5"]))

    assert response.status_code == 302
    setting = WorkingCalendarSettings.for_site(Site.objects.get(is_default_site=True))
    assert setting.weekdays == {0, 2, 5}


def test_settings_form_explains_each_mistake_in_vietnamese(client, secretary):
    client.force_login(secretary)

    no_days = client.post(settings_url(), settings_form(working_weekdays=[]))
    reversed_hours = client.post(settings_url(), settings_form(morning_end="07:00"))

    assert "Chọn ít nhất một ngày làm việc trong tuần." in no_days.content.decode()
    assert "Buổi sáng phải bắt đầu trước khi kết thúc" in reversed_hours.content.decode()
    assert not WorkingCalendarSettings.objects.exclude(working_weekdays="0,1,2,3,4").exists()


def test_contributor_cannot_change_the_calendar(client):
    contributor = UserFactory(roles=[roles.CONTRIBUTOR])
    client.force_login(contributor)

    response = client.post(settings_url(), settings_form(working_weekdays=["6"]))

    assert response.status_code in (302, 403)
    assert not WorkingCalendarSettings.objects.filter(working_weekdays="6").exists()
    assert not Group.objects.get(name=roles.CONTRIBUTOR).permissions.filter(
        codename="change_workingcalendarsettings"
    )


def test_board_keeps_the_list_of_calendar_changes(client, secretary):
    client.force_login(secretary)

    response = client.post(
        reverse("wagtailsnippets_editorial_calendaroverride:add"),
        {"date": "2027-02-12", "is_working_day": "", "reason": "Nghỉ Tết theo thông báo"},
    )

    assert response.status_code == 302
    assert CalendarOverride.objects.get(date=date(2027, 2, 12)).is_working_day is False
