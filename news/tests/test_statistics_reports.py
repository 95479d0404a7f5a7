"""Statistics reports: periods, their last day, listing by period and rendering."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from news.factories import StatisticsIndexPageFactory, StatisticsReportPageFactory
from news.statistics_reports import StatisticsReportPage
from units.factories import UnitPageFactory

pytestmark = pytest.mark.django_db
Kind = StatisticsReportPage.PeriodKind


@pytest.mark.parametrize(
    ("kind", "number", "year", "start", "end", "label"),
    [
        (
            Kind.MONTH,
            2,
            2028,
            datetime.date(2028, 2, 1),
            datetime.date(2028, 2, 29),
            "Tháng 2/2028",
        ),
        (
            Kind.MONTH,
            12,
            2026,
            datetime.date(2026, 12, 1),
            datetime.date(2026, 12, 31),
            "Tháng 12/2026",
        ),
        (
            Kind.QUARTER,
            1,
            2026,
            datetime.date(2026, 1, 1),
            datetime.date(2026, 3, 31),
            "Quý I năm 2026",
        ),
        (
            Kind.QUARTER,
            3,
            2026,
            datetime.date(2026, 7, 1),
            datetime.date(2026, 9, 30),
            "Quý III năm 2026",
        ),
        (Kind.YEAR, None, 2025, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), "Năm 2025"),
    ],
)
def test_period_bounds_and_label(kind, number, year, start, end, label):
    report = StatisticsReportPage(period_kind=kind, period_number=number, year=year)

    assert report.period_start() == start
    assert report.period_end() == end
    assert str(report.period_label) == label


@pytest.mark.parametrize(
    ("kind", "number"), [(Kind.MONTH, 13), (Kind.MONTH, None), (Kind.QUARTER, 5), (Kind.YEAR, 2)]
)
def test_invalid_period_rejected(kind, number):
    report = StatisticsReportPage(
        title="Báo cáo", period_kind=kind, period_number=number, year=2026
    )

    with pytest.raises(ValidationError) as error:
        report.clean()

    assert "period_number" in error.value.message_dict


def test_saved_report_stores_period_end():
    report = StatisticsReportPageFactory(period_kind=Kind.QUARTER, period_number=2, year=2026)

    report.refresh_from_db()
    assert report.period_ends_on == datetime.date(2026, 6, 30)


def test_list_newest_period_first_and_filters(client):
    index = StatisticsIndexPageFactory()
    StatisticsReportPageFactory(
        parent=index, title="Báo cáo năm 2025", period_kind=Kind.YEAR, period_number=None, year=2025
    )
    StatisticsReportPageFactory(
        parent=index,
        title="Báo cáo quý I/2026",
        period_kind=Kind.QUARTER,
        period_number=1,
        year=2026,
    )
    StatisticsReportPageFactory(
        parent=index,
        title="Báo cáo tháng 4/2026",
        period_kind=Kind.MONTH,
        period_number=4,
        year=2026,
    )

    response = client.get(index.url)
    quarterly = client.get(index.url, {"kind": "quarter"})
    of_2025 = client.get(index.url, {"year": "2025"})
    bad = client.get(index.url, {"year": "20x6"})

    assert [report.title for report in response.context["reports"]] == [
        "Báo cáo tháng 4/2026",
        "Báo cáo quý I/2026",
        "Báo cáo năm 2025",
    ]
    assert [report.title for report in quarterly.context["reports"]] == ["Báo cáo quý I/2026"]
    assert [report.title for report in of_2025.context["reports"]] == ["Báo cáo năm 2025"]
    assert bad.status_code == 200
    assert "“20x6” không phải là một năm" in bad.content.decode()
    assert "Quý I năm 2026" in response.content.decode()


def test_report_page_renders_table_and_unit(client):
    unit = UnitPageFactory(title="Phòng Tài chính - Kế hoạch")
    report = StatisticsReportPageFactory(
        title="Báo cáo kinh tế - xã hội quý I năm 2026",
        unit=unit,
        data=[
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [["Chỉ tiêu", "Kết quả"], ["Sản lượng lương thực", "4.120 tấn"]],
                },
            )
        ],
    )

    html = client.get(report.url).content.decode()

    assert "Quý I năm 2026 (01/01/2026 – 31/03/2026)" in html
    assert "Sản lượng lương thực" in html
    assert "4.120 tấn" in html
    assert "Phòng Tài chính - Kế hoạch" in html
