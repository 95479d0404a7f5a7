"""The quota report in the admin: table, drill-down, exports and who may open them."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from editorial import roles
from editorial.factories import UserFactory
from units.factories import QuotaRuleFactory
from units.quotas import WorkKind

from .conftest import local_time

QUERY = {"month_from": "2026-01", "month_to": "2026-02"}


def logged_in(client, *group_names, username="thanh-vien"):
    user = UserFactory(username=username, roles=list(group_names))
    client.force_login(user)
    return client


@pytest.fixture
def quota_works(ka_lang, mu_ca, publish_work):
    """Ka Lăng meets a quota of 2 in January; Mù Cả has one video, which does not count."""
    QuotaRuleFactory(works_per_month=2, kinds=[WorkKind.ARTICLE, WorkKind.ALBUM])
    publish_work(local_time(2026, 1, 5), unit=ka_lang, title="Ka Lăng khai giảng lớp xóa mù chữ")
    publish_work(local_time(2026, 1, 31, 23, 30), unit=ka_lang, title="Ka Lăng đón Tết sớm")
    publish_work(
        local_time(2026, 1, 20),
        model="media",
        unit=mu_ca,
        title="Phóng sự: chợ phiên Mù Cả",
    )


@pytest.mark.django_db
class TestQuotaReportPage:
    def test_board_member_sees_table(self, client, quota_works, ka_lang, mu_ca):
        response = logged_in(client, roles.MEMBER).get(reverse("units_quota_report"), QUERY)

        assert response.status_code == 200
        content = response.content.decode()
        assert "Xã Ka Lăng" in content
        assert "Xã Mù Cả" in content
        assert "2 / 2" in content
        assert "0 / 2" in content
        assert "Chưa đạt: thiếu 2" in content
        chart = content.split('<svg class="board-chart"', 1)[1].split("</svg>", 1)[0]
        assert "<script" not in chart
        # Coordinates use a decimal point even though Vietnamese numbers use a comma.
        assert re.findall(r'(?:x|y|width|height)="[^"]*,[^"]*"', chart) == []
        assert chart.count('class="board-chart__column') == 12

    def test_unit_kind_filter(self, client, quota_works, culture_office):
        query = {**QUERY, "unit_kind": "specialised_office"}
        response = logged_in(client, roles.SECRETARY).get(reverse("units_quota_report"), query)

        content = response.content.decode()
        assert "Phòng Văn hóa và Thông tin" in content
        assert "Xã Ka Lăng" not in content

    def test_invalid_month_explained(self, client, ka_lang):
        query = {"month_from": "2026-13", "month_to": "2026-02"}
        response = logged_in(client, roles.HEAD).get(reverse("units_quota_report"), query)

        assert response.status_code == 200
        assert "Tháng “2026-13” không hợp lệ" in response.content.decode()

    def test_reversed_range_explained(self, client, ka_lang):
        query = {"month_from": "2026-03", "month_to": "2026-02"}
        response = logged_in(client, roles.HEAD).get(reverse("units_quota_report"), query)

        assert "Tháng đầu không được sau tháng cuối." in response.content.decode()

    def test_drill_down_lists_works(self, client, quota_works, mu_ca):
        url = reverse("units_quota_works", args=[mu_ca.pk, 2026, 1])
        response = logged_in(client, roles.DEPUTY).get(url)

        content = response.content.decode()
        assert response.status_code == 200
        assert "Phóng sự: chợ phiên Mù Cả" in content
        assert "Không: loại tác phẩm này không được tính" in content

    def test_drill_down_invalid_month_not_found(self, client, mu_ca):
        url = reverse("units_quota_works", args=[mu_ca.pk, 2026, 13])
        response = logged_in(client, roles.DEPUTY).get(url)

        assert response.status_code == 404


@pytest.mark.django_db
class TestQuotaReportPermissions:
    @pytest.mark.parametrize("export", [None, "csv", "xlsx"])
    def test_contributor_denied(self, client, quota_works, ka_lang, export):
        contributor = logged_in(client, roles.CONTRIBUTOR, username="ctv-kalang")
        query = {"export": export} if export else {}

        report = contributor.get(reverse("units_quota_report"), query)
        works = contributor.get(reverse("units_quota_works", args=[ka_lang.pk, 2026, 1]), query)

        # Wagtail turns a PermissionDenied in the admin into a redirect to the dashboard.
        assert report.status_code == 302
        assert report["Location"] == reverse("wagtailadmin_home")
        assert works.status_code == 302
        assert works["Location"] == reverse("wagtailadmin_home")
        assert report.get("Content-Disposition") is None

    def test_contributor_has_no_menu_item(self, client, ka_lang):
        response = logged_in(client, roles.CONTRIBUTOR, username="ctv-kalang").get(
            reverse("wagtailadmin_home")
        )

        assert reverse("units_quota_report") not in response.content.decode()

    @pytest.mark.parametrize("group", roles.BOARD_ROLES + [roles.ADMINISTRATOR])
    def test_board_roles_allowed(self, client, ka_lang, group):
        response = logged_in(client, group).get(reverse("units_quota_report"))

        assert response.status_code == 200


@pytest.mark.django_db
class TestQuotaReportExports:
    def test_csv_has_bom_and_counts(self, client, quota_works):
        response = logged_in(client, roles.SECRETARY).get(
            reverse("units_quota_report"), {**QUERY, "export": "csv"}
        )

        body = b"".join(response.streaming_content).decode("utf-8")
        assert body.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
        by_unit = {row["Đơn vị"]: row for row in rows}
        assert by_unit["Xã Ka Lăng"]["01/2026: số tác phẩm"] == "2"
        assert by_unit["Xã Ka Lăng"]["01/2026: định mức"] == "2"
        assert by_unit["Xã Ka Lăng"]["01/2026: tình trạng"] == "Đạt"
        assert by_unit["Xã Mù Cả"]["01/2026: số tác phẩm"] == "0"
        assert by_unit["Xã Mù Cả"]["01/2026: tình trạng"] == "Chưa đạt (thiếu 2)"
        assert by_unit["Xã Mù Cả"]["Số tháng chưa đạt"] == "2"

    def test_xlsx_reopens_with_numbers(self, client, quota_works):
        response = logged_in(client, roles.SECRETARY).get(
            reverse("units_quota_report"), {**QUERY, "export": "xlsx"}
        )

        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = list(workbook.active.iter_rows(values_only=True))
        header = rows[0]
        assert header[:3] == ("Đơn vị", "Loại đơn vị", "01/2026: số tác phẩm")
        by_unit = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
        assert by_unit["Xã Ka Lăng"]["01/2026: số tác phẩm"] == 2
        assert by_unit["Xã Ka Lăng"]["02/2026: số tác phẩm"] == 0
        assert by_unit["Xã Mù Cả"]["02/2026: định mức"] == 2

    def test_drill_down_xlsx_lists_works(self, client, quota_works, ka_lang):
        url = reverse("units_quota_works", args=[ka_lang.pk, 2026, 1])
        response = logged_in(client, roles.SECRETARY).get(url, {"export": "xlsx"})

        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = list(workbook.active.iter_rows(values_only=True))
        assert [row[0] for row in rows[1:]] == [
            "Ka Lăng khai giảng lớp xóa mù chữ",
            "Ka Lăng đón Tết sớm",
        ]
        assert rows[2][4] == datetime.datetime(2026, 1, 31, 23, 30)
