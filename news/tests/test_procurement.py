"""Projects and bidding packages: rendering, filters and validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.factories import BiddingPackageFactory, ProjectIndexPageFactory, ProjectPageFactory
from news.procurement import BiddingPackage, ProjectPage, format_vnd

pytestmark = pytest.mark.django_db


def test_project_page_shows_details_and_packages(client):
    project = ProjectPageFactory(
        title="Trường mầm non xã Tà Tổng",
        field=ProjectPage.Field.EDUCATION,
        total_investment=9_850_000_000,
        funding_source="Chương trình mục tiêu quốc gia",
        approval="Quyết định số 1234/QĐ-UBND ngày 15/3/2025",
    )
    BiddingPackageFactory(
        project=project,
        name="Gói thầu số 01: Tư vấn khảo sát, lập báo cáo kinh tế - kỹ thuật",
        selection_method=BiddingPackage.SelectionMethod.DIRECT_APPOINTMENT,
        winner="Công ty TNHH Tư vấn xây dựng Lai Châu",
        contract_price=420_000_000,
        result_decision="Quyết định số 56/QĐ-BQLDA",
        result_on=datetime.date(2025, 4, 2),
    )
    BiddingPackageFactory(
        project=project,
        name="Gói thầu số 02: Thi công xây dựng",
        notice_number="IB2500012345",
        bid_closing_at=timezone.make_aware(datetime.datetime(2025, 5, 20, 9, 0)),
    )

    response = client.get(project.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Trường mầm non xã Tà Tổng" in html
    assert "9.850.000.000 đồng" in html
    assert "Chương trình mục tiêu quốc gia" in html
    assert "2025–2027" in html
    assert "Công ty TNHH Tư vấn xây dựng Lai Châu" in html
    assert "420.000.000 đồng" in html
    assert "IB2500012345" in html
    assert "09:00 20/05/2025" in html
    assert "Chưa công bố" in html
    assert "Giáo dục" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Đường Mường Tè – Ka Lăng", "Trường mầm non Tá Bạ", "Thủy lợi Nậm Khao"}),
        ({"status": "completed"}, {"Thủy lợi Nậm Khao"}),
        ({"field": "education"}, {"Trường mầm non Tá Bạ"}),
        ({"year": "2024"}, {"Thủy lợi Nậm Khao", "Đường Mường Tè – Ka Lăng"}),
        ({"year": "2027"}, {"Trường mầm non Tá Bạ", "Đường Mường Tè – Ka Lăng"}),
        (
            {"status": "unknown", "field": "<b>"},
            {"Đường Mường Tè – Ka Lăng", "Trường mầm non Tá Bạ", "Thủy lợi Nậm Khao"},
        ),
    ],
)
def test_project_list_filters(client, query, expected):
    index = ProjectIndexPageFactory()
    ProjectPageFactory(
        parent=index, title="Đường Mường Tè – Ka Lăng", start_year=2023, end_year=None
    )
    ProjectPageFactory(
        parent=index,
        title="Trường mầm non Tá Bạ",
        field=ProjectPage.Field.EDUCATION,
        start_year=2026,
        end_year=2027,
    )
    ProjectPageFactory(
        parent=index,
        title="Thủy lợi Nậm Khao",
        field=ProjectPage.Field.IRRIGATION,
        status=ProjectPage.Status.COMPLETED,
        start_year=2022,
        end_year=2024,
    )

    response = client.get(index.url, query)

    assert response.status_code == 200
    shown = {project.title for project in response.context["projects"]}
    assert shown == expected


def test_project_list_bad_year_message(client):
    index = ProjectIndexPageFactory()
    ProjectPageFactory(parent=index, title="Đường Pa Vệ Sử")

    response = client.get(index.url, {"year": "năm ngoái"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "“năm ngoái” không phải là một năm" in html
    assert "Đường Pa Vệ Sử" in html


def test_project_end_before_start_rejected():
    project = ProjectPageFactory.build(start_year=2027, end_year=2025)

    with pytest.raises(ValidationError) as error:
        project.clean()

    assert "end_year" in error.value.message_dict


def test_package_checks_dates_and_result():
    package = BiddingPackage(
        name="Gói thầu số 03",
        selection_method=BiddingPackage.SelectionMethod.OPEN_BIDDING,
        notice_published_on=datetime.date(2025, 5, 10),
        bid_closing_at=timezone.make_aware(datetime.datetime(2025, 5, 1, 9, 0)),
        contract_price=1_000_000,
    )

    with pytest.raises(ValidationError) as error:
        package.clean()

    assert set(error.value.message_dict) == {"bid_closing_at", "winner"}


def test_format_vnd():
    assert format_vnd(14_500_000_000) == "14.500.000.000 đồng"
    assert format_vnd(0) == "0 đồng"
    assert format_vnd(None) == ""
