"""The weekly work schedule: current week by default, ISO week navigation, bad week values."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from news.factories import (
    ScheduleEntryFactory,
    WorkScheduleIndexPageFactory,
    WorkSchedulePageFactory,
)
from news.work_schedule import Week, WorkSchedulePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(monkeypatch):
    """Fix the local date the schedule counts the current week from."""

    def set_today(day):
        monkeypatch.setattr("news.work_schedule.timezone.localdate", lambda: day)

    return set_today


def nav_links(html):
    return dict(re.findall(r'href="[^"]*\?week=([0-9W-]+)" rel="(prev|next)"', html))


@pytest.mark.parametrize(
    ("value", "monday"),
    [
        ("2026-W01", datetime.date(2025, 12, 29)),
        ("2026-W53", datetime.date(2026, 12, 28)),
        ("2027-W01", datetime.date(2027, 1, 4)),
        ("2021-W1", datetime.date(2021, 1, 4)),
    ],
)
def test_week_parse(value, monday):
    assert Week.parse(value).monday == monday


@pytest.mark.parametrize(
    "value", ["2025-W53", "2026-W00", "2026-W54", "2026-13", "tuần 5", "", "2026-W01; drop"]
)
def test_week_parse_rejects(value):
    with pytest.raises(ValueError):
        Week.parse(value)


def test_week_neighbours_cross_year():
    last_of_2026 = Week.parse("2026-W53")

    assert last_of_2026.next().param == "2027-W01"
    assert last_of_2026.previous().param == "2026-W52"
    assert Week.parse("2026-W01").previous().param == "2025-W52"
    assert Week.containing(datetime.date(2026, 1, 1)).param == "2026-W01"


def test_current_week_shown_by_default(client, today):
    today(datetime.date(2026, 6, 3))
    index = WorkScheduleIndexPageFactory()
    week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2026, 6, 1))
    ScheduleEntryFactory(
        page=week,
        weekday=2,
        start_time=datetime.time(14, 0),
        leaders="Phó Chủ tịch UBND huyện Lò Văn Phúc",
        content="Kiểm tra tiến độ xây dựng trường mầm non xã Mù Cả",
        place="Xã Mù Cả",
        preparing_unit="Phòng Giáo dục và Đào tạo",
    )
    ScheduleEntryFactory(page=week, weekday=0, start_time=None, content="Tiếp công dân định kỳ")

    response = client.get(index.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tuần 23 năm 2026 (01/06/2026 – 07/06/2026)" in html
    assert "Kiểm tra tiến độ xây dựng trường mầm non xã Mù Cả" in html
    assert "Phòng Giáo dục và Đào tạo" in html
    assert "Cả ngày" in html
    assert html.index("Tiếp công dân định kỳ") < html.index("Kiểm tra tiến độ")
    assert "03/06/2026" in html
    assert nav_links(html) == {"2026-W22": "prev", "2026-W24": "next"}


def test_navigation_across_year_boundary(client, today):
    today(datetime.date(2026, 12, 30))
    index = WorkScheduleIndexPageFactory()
    last_week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2026, 12, 28))
    ScheduleEntryFactory(page=last_week, content="Tổng kết công tác năm 2026")
    first_week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2027, 1, 4))
    ScheduleEntryFactory(page=first_week, content="Hội nghị triển khai nhiệm vụ năm 2027")

    current = client.get(index.url).content.decode()
    following = client.get(index.url, {"week": "2027-W01"}).content.decode()
    back = client.get(index.url, {"week": "2026-W53"}).content.decode()

    assert "Tổng kết công tác năm 2026" in current
    assert nav_links(current) == {"2026-W52": "prev", "2027-W01": "next"}
    assert "Hội nghị triển khai nhiệm vụ năm 2027" in following
    assert "Tổng kết công tác năm 2026" not in following
    assert "04/01/2027 – 10/01/2027" in following
    assert nav_links(following) == {"2026-W53": "prev", "2027-W02": "next"}
    assert "Tổng kết công tác năm 2026" in back


def test_week_one_starting_in_december(client, today):
    today(datetime.date(2025, 12, 31))
    index = WorkScheduleIndexPageFactory()
    week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2025, 12, 29))
    ScheduleEntryFactory(page=week, weekday=3, content="Nghỉ Tết Dương lịch")

    html = client.get(index.url).content.decode()

    assert "Tuần 1 năm 2026 (29/12/2025 – 04/01/2026)" in html
    assert "Nghỉ Tết Dương lịch" in html
    assert "01/01/2026" in html
    assert nav_links(html) == {"2025-W52": "prev", "2026-W02": "next"}


@pytest.mark.parametrize(
    "bad", ["2026-W60", "2025-W53", "abc", "2026-W00", "<script>alert(1)</script>", "9" * 500]
)
def test_bad_week_shows_message_and_current_week(client, today, bad):
    today(datetime.date(2026, 6, 3))
    index = WorkScheduleIndexPageFactory()
    week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2026, 6, 1))
    ScheduleEntryFactory(page=week, content="Họp giao ban tuần")

    response = client.get(index.url, {"week": bad})

    html = response.content.decode()
    assert response.status_code == 400
    assert "không phải là một tuần hợp lệ" in html
    assert "2026-W23" in html
    assert "Họp giao ban tuần" in html
    assert "<script>alert(1)</script>" not in html


def test_week_without_page_says_so(client, today):
    today(datetime.date(2026, 6, 3))
    index = WorkScheduleIndexPageFactory()

    response = client.get(index.url, {"week": "2026-W30"})

    assert response.status_code == 200
    assert "Chưa có lịch công tác của tuần này." in response.content.decode()


def test_unpublished_week_is_hidden(client, today):
    today(datetime.date(2026, 6, 3))
    index = WorkScheduleIndexPageFactory()
    week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2026, 6, 1), live=False)
    ScheduleEntryFactory(page=week, content="Nội dung chưa duyệt")

    html = client.get(index.url).content.decode()

    assert "Nội dung chưa duyệt" not in html


def test_print_version_has_no_site_chrome(client, today):
    today(datetime.date(2026, 6, 3))
    index = WorkScheduleIndexPageFactory()
    week = WorkSchedulePageFactory(parent=index, week_start=datetime.date(2026, 6, 1))
    ScheduleEntryFactory(page=week, content="Họp giao ban tuần")

    response = client.get(index.url, {"week": "2026-W23", "print": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Họp giao ban tuần" in html
    assert "site-header" not in html
    assert 'name="robots" content="noindex"' in html


def test_week_page_renders_with_navigation(client, today):
    today(datetime.date(2026, 6, 3))
    week = WorkSchedulePageFactory(week_start=datetime.date(2026, 6, 8))
    ScheduleEntryFactory(page=week, content="Làm việc với xã Ka Lăng")

    html = client.get(week.url).content.decode()

    assert "Làm việc với xã Ka Lăng" in html
    assert nav_links(html) == {"2026-W23": "prev", "2026-W25": "next"}


def test_week_start_must_be_monday():
    week = WorkSchedulePageFactory(week_start=datetime.date(2026, 6, 8))

    week.week_start = datetime.date(2026, 6, 9)
    with pytest.raises(ValidationError) as error:
        week.clean()

    assert "week_start" in error.value.message_dict


def week_form_data(title, week_start, entries=()):
    return nested_form_data(
        {
            "title": title,
            "slug": f"lich-cong-tac-{week_start}",
            "week_start": week_start,
            "entries": inline_formset(list(entries)),
            "notes": rich_text(""),
            "comments": inline_formset([]),
        }
    )


def test_admin_creates_week_with_entries(admin_client):
    index = WorkScheduleIndexPageFactory()
    url = reverse("wagtailadmin_pages:add", args=("news", "workschedulepage", index.pk))
    entry = {
        "weekday": "2",
        "start_time": "14:00",
        "leaders": "Chủ tịch UBND huyện",
        "content": "Làm việc với xã Mù Cả",
        "place": "Xã Mù Cả",
        "preparing_unit": "Văn phòng HĐND và UBND huyện",
    }

    response = admin_client.post(
        url, week_form_data("Lịch công tác tuần 23", "2026-06-01", [entry])
    )

    assert response.status_code == 302
    page = WorkSchedulePage.objects.child_of(index).get()
    assert page.week_start == datetime.date(2026, 6, 1)
    entries = list(page.get_latest_revision_as_object().entries.all())
    assert [entry.content for entry in entries] == ["Làm việc với xã Mù Cả"]


def test_admin_rejects_second_page_for_week(admin_client):
    index = WorkScheduleIndexPageFactory()
    WorkSchedulePageFactory(parent=index, week_start=datetime.date(2026, 6, 1))
    url = reverse("wagtailadmin_pages:add", args=("news", "workschedulepage", index.pk))

    response = admin_client.post(
        url, week_form_data("Lịch công tác tuần 23 (bản hai)", "2026-06-01")
    )

    assert response.status_code == 200
    assert "Tuần này đã có trang lịch công tác." in response.content.decode()
    assert WorkSchedulePage.objects.child_of(index).count() == 1
