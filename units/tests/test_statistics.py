"""Contribution statistics: works per unit, author, section and month, and their exports."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from editorial import roles
from news.factories import SectionPageFactory
from news.models import ArticlePage

from .conftest import local_time
from .test_quota_report import logged_in

QUERY = {"month_from": "2026-01", "month_to": "2026-03"}


@pytest.fixture
def contributions(ka_lang, mu_ca, section, publish_work):
    culture = SectionPageFactory(title="Văn hóa - Xã hội")
    publish_work(local_time(2026, 1, 5), unit=ka_lang, author="Lò Thị Hoa")
    publish_work(local_time(2026, 1, 31, 23, 30), unit=ka_lang, author="Lò Thị Hoa")
    publish_work(local_time(2026, 3, 2), model="album", unit=ka_lang, author="Lò Thị Hoa")
    publish_work(local_time(2026, 2, 1, 0, 30), unit=mu_ca, author="Pờ Xuân Ba", parent=culture)
    publish_work(local_time(2026, 3, 9), unit=None, author="Nguyễn Văn An")
    publish_work(None, unit=mu_ca, author="Pờ Xuân Ba", live=False)
    hidden = publish_work(local_time(2026, 3, 10), unit=mu_ca, author="Pờ Xuân Ba")
    ArticlePage.objects.filter(pk=hidden.pk).update(is_confidential=True)


def export(client, dimension, export_format, **extra):
    response = client.get(
        reverse("units_contribution_statistics"),
        {**QUERY, **extra, "by": dimension, "export": export_format},
    )
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(body):
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.django_db
class TestContributionStatistics:
    def test_page_shows_every_dimension(self, client, contributions):
        response = logged_in(client, roles.HEAD).get(
            reverse("units_contribution_statistics"), QUERY
        )

        content = response.content.decode()
        assert response.status_code == 200
        assert "5 tác phẩm được đăng tải trong các tháng đã chọn." in content
        for heading in ("Tác phẩm theo đơn vị", "Tác phẩm theo tác giả", "Tác phẩm theo tháng"):
            assert heading in content
        assert "Văn hóa - Xã hội" in content
        assert content.count('class="board-chart"') == 4

    def test_per_unit_csv(self, client, contributions):
        body = export(logged_in(client, roles.SECRETARY), "unit", "csv")

        rows = {row["Đơn vị"]: row for row in csv_rows(body)}
        assert rows["Xã Ka Lăng"]["Tổng cộng"] == "3"
        assert rows["Xã Ka Lăng"]["Tin, bài"] == "2"
        assert rows["Xã Ka Lăng"]["Album ảnh"] == "1"
        assert rows["Xã Mù Cả"]["Tổng cộng"] == "1"
        assert rows["Chưa xác định đơn vị"]["Tổng cộng"] == "1"

    def test_per_author_xlsx(self, client, contributions):
        body = export(logged_in(client, roles.SECRETARY), "author", "xlsx")

        rows = list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
        assert rows[0][:2] == ("Tác giả", "Tổng cộng")
        totals = {row[0]: row[1] for row in rows[1:]}
        assert totals == {"Lò Thị Hoa": 3, "Pờ Xuân Ba": 1, "Nguyễn Văn An": 1}

    def test_per_month_uses_local_time(self, client, contributions):
        body = export(logged_in(client, roles.SECRETARY), "month", "xlsx")

        rows = list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
        totals = {row[0]: row[1] for row in rows[1:]}
        assert totals == {"01/2026": 2, "02/2026": 1, "03/2026": 2}

    def test_per_section_csv(self, client, contributions):
        body = export(logged_in(client, roles.SECRETARY), "section", "csv")

        totals = {row["Chuyên mục"]: row["Tổng cộng"] for row in csv_rows(body)}
        assert totals == {"Tin tức - Sự kiện": "4", "Văn hóa - Xã hội": "1"}

    def test_kind_filter(self, client, contributions):
        body = export(logged_in(client, roles.SECRETARY), "unit", "csv", kind="album")

        totals = {row["Đơn vị"]: row["Tổng cộng"] for row in csv_rows(body)}
        assert totals == {"Xã Ka Lăng": "1"}

    def test_contributor_denied(self, client, contributions):
        contributor = logged_in(client, roles.CONTRIBUTOR, username="ctv-kalang")

        page = contributor.get(reverse("units_contribution_statistics"), QUERY)
        download = contributor.get(
            reverse("units_contribution_statistics"), {**QUERY, "export": "xlsx"}
        )

        assert page.status_code == 302
        assert download.status_code == 302
        assert download.get("Content-Disposition") is None
