"""The demo data of the board's reports: an overdue list and last month's royalty list."""

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.deadlines import ItemDeadline
from editorial.demo import build_board_reports_demo
from editorial.royalties import RoyaltyRateTable, RoyaltyRecord

from .helpers import client_for

pytestmark = pytest.mark.django_db


def build_twice():
    reports = []
    for _run in range(2):
        build_board_reports_demo(lambda label, created: reports.append((label, created)))
    return reports


def test_demo_overdue_and_royalties(news, unit, secretary):
    reports = build_twice()

    assert ItemDeadline.objects.overdue().count() == 2
    assert RoyaltyRateTable.objects.count() == 2
    assert RoyaltyRecord.objects.count() == 2
    created_on_second_run = [label for label, created in reports[len(reports) // 2 :] if created]
    assert created_on_second_run == []


def test_demo_last_month_payment_list(news, unit, secretary):
    build_board_reports_demo(lambda label, created: None)

    response = client_for(secretary).get(reverse("editorial_royalty_report"), {"export": "xlsx"})

    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    last_month = (timezone.localdate().replace(day=1) - timezone.timedelta(days=1)).strftime(
        "%m/%Y"
    )
    assert rows[1][0] == f"Tháng {last_month}"
    names = [row[1] for row in rows[4:-1]]
    # Sorted by unit, and the editor has none ("Chưa rõ đơn vị" comes first).
    assert names == ["Trần Thu Hương", "Lò Thị Hoa", "Pờ Văn Sáng"]
    assert rows[-1][4] == sum(row[4] for row in rows[4:-1])
    assert rows[-1][4] > 0


def test_demo_overdue_report_lists_items(news, unit, secretary):
    build_board_reports_demo(lambda label, created: None)

    content = client_for(secretary).get(reverse("editorial_deadline_report")).content.decode()

    assert "Xã Ka Lăng ra quân trồng rừng phòng hộ đầu nguồn" in content
    assert "Quá hạn" in content
