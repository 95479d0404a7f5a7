"""Publication deadlines: the rules, the due time stored on submission and the overdue report."""

import csv
import io
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from documents.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from editorial.deadlines import DeadlineKind, DeadlineRule, ItemDeadline, page_reference
from editorial.models import CalendarOverride
from news.factories import StatisticsIndexPageFactory, StatisticsReportPageFactory
from news.statistics_reports import StatisticsReportPage

from .helpers import act, client_for, fresh, submitted_article

pytestmark = pytest.mark.django_db


def local(text):
    return timezone.make_aware(datetime.fromisoformat(text))


def rule(kind):
    return DeadlineRule.objects.get(kind=kind)


def test_migration_stores_regulation_defaults():
    rules = {item.kind: (item.amount, item.unit) for item in DeadlineRule.objects.all()}

    assert rules[DeadlineKind.NEWS] == (8, "office_hours")
    assert rules[DeadlineKind.DISTRICT_DOCUMENT] == (2, "working_days")
    assert rules[DeadlineKind.CONFERENCE_REPORT] == (3, "calendar_days")
    assert rules[DeadlineKind.STATISTICS] == (0, "end_of_period")


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # Friday before Tết 2026: the holidays run Monday 16 to Friday 20 February.
        ("2026-02-13T15:00", "2026-02-23T15:00"),
        # Lunch break: half an hour before it, four hours after, three and a half next morning.
        ("2026-12-07T11:00", "2026-12-08T11:00"),
        # During the lunch break counting starts at 13:30.
        ("2026-12-07T12:15", "2026-12-08T11:30"),
        # Saturday 22/8/2026 is a make-up working day.
        ("2026-08-21T14:00", "2026-08-22T14:00"),
        # Event on a Sunday evening: counting starts on Monday morning.
        ("2026-12-06T20:00", "2026-12-07T17:30"),
    ],
)
def test_news_due_in_office_hours(event, expected):
    assert rule(DeadlineKind.NEWS).due_at(local(event)) == local(expected)


def test_news_due_skips_override_day_off():
    CalendarOverride.objects.create(date=date(2026, 12, 8), reason="Nghỉ thêm theo thông báo")

    assert rule(DeadlineKind.NEWS).due_at(local("2026-12-07T11:00")) == local("2026-12-09T11:00")


@pytest.mark.parametrize(
    ("issued_on", "expected"),
    [
        # Issued on the Friday before Tết: the next working days are 23 and 24 February.
        ("2026-02-13", "2026-02-24T17:30"),
        # Friday 21/8 and make-up Saturday 22/8 are the two working days.
        ("2026-08-20", "2026-08-22T17:30"),
        # 31/8 is a day off in exchange for 22/8, and 1–2/9 is National Day.
        ("2026-08-28", "2026-09-04T17:30"),
        # Across a month end and a weekend.
        ("2026-10-29", "2026-11-02T17:30"),
    ],
)
def test_district_document_due_in_working_days(issued_on, expected):
    reference = timezone.make_aware(datetime.fromisoformat(issued_on))

    assert rule(DeadlineKind.DISTRICT_DOCUMENT).due_at(reference) == local(expected)


def test_conference_report_counts_calendar_days():
    # Calendar days run through the New Year holiday.
    due = rule(DeadlineKind.CONFERENCE_REPORT).due_at(local("2026-12-30T09:00"))

    assert due == local("2027-01-02T09:00")


@pytest.mark.parametrize(
    ("period_kind", "number", "year", "expected"),
    [
        (StatisticsReportPage.PeriodKind.MONTH, 11, 2026, "2026-11-30T23:59:59"),
        (StatisticsReportPage.PeriodKind.MONTH, 2, 2028, "2028-02-29T23:59:59"),
        (StatisticsReportPage.PeriodKind.QUARTER, 4, 2026, "2026-12-31T23:59:59"),
        (StatisticsReportPage.PeriodKind.YEAR, None, 2027, "2027-12-31T23:59:59"),
    ],
)
def test_statistics_due_at_period_end(period_kind, number, year, expected):
    report = StatisticsReportPage(period_kind=period_kind, period_number=number, year=year)

    kind, reference = page_reference(report)

    assert kind == DeadlineKind.STATISTICS
    assert rule(kind).due_at(reference) == local(expected)


def test_edited_rule_changes_due_time():
    news = rule(DeadlineKind.NEWS)
    news.amount = 4
    news.save()

    assert rule(DeadlineKind.NEWS).due_at(local("2026-12-07T08:00")) == local("2026-12-07T14:00")


# Stored on entering the workflow -------------------------------------------------------------


def test_submission_stores_news_deadline(economy, contributor, secretary, unit):
    article = submitted_article(economy, contributor, event_at=local("2026-02-13T15:00"))

    deadline = ItemDeadline.objects.get(page=article)

    assert deadline.kind == DeadlineKind.NEWS
    assert deadline.due_at == local("2026-02-23T15:00")
    assert deadline.unit == unit
    assert deadline.workflow_state == fresh(article).current_workflow_state
    assert not deadline.reference_from_submission


def test_submission_without_event_counts_from_submission(economy, contributor, secretary):
    before = timezone.now()

    article = submitted_article(economy, contributor, event_at=None)

    deadline = ItemDeadline.objects.get(page=article)
    assert deadline.reference_from_submission
    assert before <= deadline.reference_at <= timezone.now()
    assert deadline.due_at == rule(DeadlineKind.NEWS).due_at(deadline.reference_at)


def test_resubmission_keeps_deadline(economy, contributor, secretary):
    article = submitted_article(economy, contributor, event_at=local("2026-12-07T11:00"))
    act(client_for(secretary), article, "reject", comment="Bổ sung ảnh minh họa.")

    from .helpers import post_edit

    post_edit(client_for(contributor), fresh(article), "action-submit")

    assert ItemDeadline.objects.filter(page=article).count() == 1
    assert ItemDeadline.objects.get(page=article).due_at == local("2026-12-08T11:00")


def start_workflow(page, user):
    page.save_revision(user=user)
    page = Page.objects.get(pk=page.pk).specific
    page.get_workflow().start(page, user)
    return page


def test_legal_document_deadline_from_issue_date(home, secretary):
    library = LegalDocumentIndexPageFactory(parent=home)
    document = LegalDocumentPageFactory(parent=library, issued_on=date(2026, 8, 28), live=False)

    start_workflow(document, secretary)

    deadline = ItemDeadline.objects.get(page=document)
    assert deadline.kind == DeadlineKind.DISTRICT_DOCUMENT
    assert deadline.due_at == local("2026-09-04T17:30")
    assert deadline.unit is None


def test_statistics_deadline_from_period_end(home, secretary):
    index = StatisticsIndexPageFactory(parent=home)
    report = StatisticsReportPageFactory(
        parent=index, period_kind="month", period_number=11, year=2026, live=False
    )

    start_workflow(report, secretary)

    deadline = ItemDeadline.objects.get(page=report)
    assert deadline.kind == DeadlineKind.STATISTICS
    assert deadline.due_at == local("2026-11-30T23:59:59")


def test_board_correction_recomputes_due(economy, contributor, secretary):
    article = submitted_article(economy, contributor, event_at=local("2026-12-30T09:00"))
    deadline = ItemDeadline.objects.get(page=article)

    deadline.kind = DeadlineKind.CONFERENCE_REPORT
    deadline.save()

    assert ItemDeadline.objects.get(pk=deadline.pk).due_at == local("2027-01-02T09:00")


def test_board_correction_through_admin(economy, contributor, secretary):
    article = submitted_article(economy, contributor, event_at=local("2026-12-30T09:00"))
    deadline = ItemDeadline.objects.get(page=article)
    url = reverse("wagtailsnippets_editorial_itemdeadline:edit", args=[deadline.pk])

    response = client_for(secretary).post(
        url,
        {"kind": DeadlineKind.CONFERENCE_REPORT, "reference_at": "2026-12-30 09:00", "unit": ""},
    )

    assert response.status_code == 302
    assert ItemDeadline.objects.get(pk=deadline.pk).due_at == local("2027-01-02T09:00")


# Overdue report and dashboard ---------------------------------------------------------------

OVERDUE_TITLE = "Hội nghị tổng kết công tác dân tộc năm 2026"
FUTURE_TITLE = "Lễ hội Tết cổ truyền của người Hà Nhì"


@pytest.fixture
def tracked(economy, contributor, secretary):
    """One overdue item and one whose event lies a month ahead."""
    overdue = submitted_article(
        economy, contributor, title=OVERDUE_TITLE, event_at=local("2026-11-02T08:00")
    )
    future = submitted_article(
        economy,
        contributor,
        title=FUTURE_TITLE,
        event_at=timezone.now() + timedelta(days=30),
    )
    return overdue, future


def test_overdue_queryset(tracked):
    overdue, future = tracked

    assert list(ItemDeadline.objects.overdue().values_list("page_id", flat=True)) == [overdue.pk]
    assert not ItemDeadline.objects.due_soon().filter(page=future).exists()


def test_due_soon_follows_warning_hours(tracked):
    _overdue, future = tracked
    DeadlineRule.objects.filter(kind=DeadlineKind.NEWS).update(warning_hours=2000)
    deadline = ItemDeadline.objects.get(page=future)
    deadline.save()

    assert ItemDeadline.objects.due_soon().filter(page=future).exists()


def test_report_lists_overdue_with_holder(tracked, secretary):
    url = reverse("editorial_deadline_report")

    response = client_for(secretary).get(url, {"state": "overdue"})

    assert response.status_code == 200
    content = response.content.decode()
    assert OVERDUE_TITLE in content
    assert FUTURE_TITLE not in content
    assert "Quá hạn" in content
    assert "Thư ký biên tập" in content
    assert "Trần Thu Hương" in content or "Thu Hương Trần" in content
    assert "Xã Ka Lăng" in content


def test_report_shows_author_after_return(tracked, secretary, contributor):
    overdue, _future = tracked
    act(client_for(secretary), overdue, "reject", comment="Bổ sung số liệu.")

    content = client_for(secretary).get(reverse("editorial_deadline_report")).content.decode()

    assert "Trả lại tác giả" in content
    assert "Lò Thị Hoa" in content or "Thị Hoa Lò" in content


def test_report_leaves_out_finished_items(tracked, secretary):
    overdue, _future = tracked
    overdue = fresh(overdue)
    overdue.current_workflow_state.cancel(user=secretary)

    content = client_for(secretary).get(reverse("editorial_deadline_report")).content.decode()

    assert OVERDUE_TITLE not in content
    assert FUTURE_TITLE in content


def test_report_csv_export(tracked, head):
    response = client_for(head).get(reverse("editorial_deadline_report"), {"export": "csv"})

    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][0] == "Tin, bài"
    assert rows[1][0] == OVERDUE_TITLE
    assert rows[1][1] == "Xã Ka Lăng"
    assert rows[1][5] == "Quá hạn"
    assert int(rows[1][6]) > 0


def test_report_xlsx_export(tracked, head):
    response = client_for(head).get(reverse("editorial_deadline_report"), {"export": "xlsx"})

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    titles = [row[0] for row in rows[1:]]
    assert titles == [OVERDUE_TITLE, FUTURE_TITLE]
    assert rows[1][4] == "03/11/2026 08:00"


def test_contributor_cannot_open_report(tracked, contributor):
    client = client_for(contributor)

    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(reverse("editorial_deadline_report"), params)
        assert response.status_code in (302, 403), params


def test_dashboard_panel_for_board(tracked, head, contributor):
    board_page = client_for(head).get(reverse("wagtailadmin_home")).content.decode()
    contributor_page = client_for(contributor).get(reverse("wagtailadmin_home")).content.decode()

    assert "editorial-deadlines" in board_page
    assert OVERDUE_TITLE in board_page
    assert "editorial-deadlines" not in contributor_page


# The contributor's event time ----------------------------------------------------------------


def test_contributor_gives_event_time(economy, contributor, secretary):
    article = submitted_article(economy, contributor, event_at=None)
    deadline = ItemDeadline.objects.get(page=article)
    url = reverse("editorial_event_time", args=[deadline.pk])
    dashboard = client_for(contributor).get(reverse("wagtailadmin_home")).content.decode()
    assert url in dashboard

    response = client_for(contributor).post(url, {"event_at": "2026-12-01 09:00"})

    assert response.status_code == 302
    deadline.refresh_from_db()
    assert deadline.reference_at == local("2026-12-01T09:00")
    assert not deadline.reference_from_submission
    assert deadline.due_at == local("2026-12-02T09:00")
    dashboard = client_for(contributor).get(reverse("wagtailadmin_home")).content.decode()
    assert url not in dashboard


def test_event_time_in_future_rejected(economy, contributor, secretary):
    article = submitted_article(economy, contributor, event_at=None)
    deadline = ItemDeadline.objects.get(page=article)
    future = timezone.localtime() + timedelta(days=2)

    response = client_for(contributor).post(
        reverse("editorial_event_time", args=[deadline.pk]),
        {"event_at": future.strftime("%Y-%m-%d %H:%M")},
    )

    assert response.status_code == 200
    assert "không được ở tương lai" in response.content.decode()
    deadline.refresh_from_db()
    assert deadline.reference_from_submission


def test_other_contributor_cannot_set_event(economy, contributor, other_contributor, secretary):
    article = submitted_article(economy, contributor, event_at=None)
    deadline = ItemDeadline.objects.get(page=article)
    url = reverse("editorial_event_time", args=[deadline.pk])

    response = client_for(other_contributor).post(url, {"event_at": "2026-12-01 09:00"})

    assert response.status_code in (302, 403)
    deadline.refresh_from_db()
    assert deadline.reference_from_submission
