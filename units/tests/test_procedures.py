"""Procedure lists: public rendering with the provincial link, and bulk import from files."""

import csv
import io
import unicodedata

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook
from wagtail.models import GroupPagePermission

from home.factories import PortalSettingsFactory
from units.factories import (
    ProcedureFactory,
    ProcedureIndexPageFactory,
    ProcedureListPageFactory,
    UnitPageFactory,
)
from units.models import Procedure, ProcedureListPage
from units.procedure_import import ProcedureImportError, import_procedures

pytestmark = pytest.mark.django_db

GOOD_ROWS = [
    [
        "1.001193",
        "Đăng ký khai sinh",
        "Hộ tịch",
        "Cấp xã",
        "Ngay trong ngày",
        "Miễn lệ phí",
        "Tiếp nhận hồ sơ | Công chức Tư pháp - Hộ tịch | 0,5 ngày\nKý giấy khai sinh | Chủ tịch UBND xã",
        "thu-tuc/1.001193",
    ],
    [
        "1.000656",
        "Đăng ký kết hôn",
        "Hộ tịch",
        "cap xa",
        "03 ngày làm việc",
        "",
        "Tiếp nhận | Bộ phận Một cửa; Thẩm tra | Công chức Tư pháp - Hộ tịch | 2 ngày",
        "",
    ],
]


def make_csv(rows, headers=None):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        headers
        or [
            "Mã thủ tục",
            "Tên thủ tục",
            "Lĩnh vực",
            "Cấp thực hiện",
            "Thời hạn giải quyết",
            "Phí, lệ phí",
            "Các bước thực hiện",
            "Đường dẫn",
        ]
    )
    writer.writerows(rows)
    return io.BytesIO(buffer.getvalue().encode("utf-8"))


def make_xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Thời hạn giải quyết", "Phí, lệ phí"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def draft_procedures(page):
    fresh = ProcedureListPage.objects.get(pk=page.pk)
    return list(fresh.get_latest_revision_as_object().procedures.all())


def test_list_page_renders_steps_and_provincial_links(client):
    PortalSettingsFactory(procedures_url="https://dichvucong.laichau.gov.vn/")
    page = ProcedureListPageFactory(parent=UnitPageFactory(title="Xã Mù Cả"))
    ProcedureFactory(
        page=page,
        name="Đăng ký khai tử",
        system_path="thu-tuc/1.000689",
        steps=[
            (
                "step",
                {
                    "action": "Tiếp nhận hồ sơ",
                    "responsible": "Công chức Tư pháp - Hộ tịch",
                    "time_limit": "1 ngày",
                },
            ),
            (
                "step",
                {"action": "Ký trích lục", "responsible": "Chủ tịch UBND xã", "time_limit": ""},
            ),
        ],
    )
    ProcedureFactory(page=page, name="Chứng thực bản sao", field="Chứng thực", system_path="")

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Đăng ký khai tử" in html
    assert "Công chức Tư pháp - Hộ tịch" in html
    assert "Chủ tịch UBND xã" in html
    assert 'href="https://dichvucong.laichau.gov.vn/thu-tuc/1.000689"' in html
    assert html.count('href="https://dichvucong.laichau.gov.vn/"') >= 2
    assert "Xã Mù Cả" in html


def test_list_page_filters_by_field(client):
    page = ProcedureListPageFactory()
    ProcedureFactory(page=page, name="Đăng ký khai sinh", field="Hộ tịch")
    ProcedureFactory(page=page, name="Chứng thực chữ ký", field="Chứng thực")

    html = client.get(page.url, {"field": "Chứng thực"}).content.decode()
    unknown = client.get(page.url, {"field": "<không có>"})

    assert "Chứng thực chữ ký" in html
    assert "Đăng ký khai sinh" not in html
    assert unknown.status_code == 200
    assert "Đăng ký khai sinh" in unknown.content.decode()


def test_procedure_link_without_base_address():
    procedure = Procedure(system_path="thu-tuc/1")

    assert procedure.system_url("") == ""
    assert procedure.system_url("https://dichvucong.laichau.gov.vn") == (
        "https://dichvucong.laichau.gov.vn/thu-tuc/1"
    )


def test_system_path_rejects_other_hosts():
    procedure = ProcedureFactory.build(
        page=ProcedureListPageFactory(), system_path="https://evil.example/x"
    )

    with pytest.raises(Exception) as error:
        procedure.full_clean(exclude=["page"])

    assert "system_path" in error.value.message_dict


def test_overview_lists_unit_procedure_pages(client):
    overview = ProcedureIndexPageFactory()
    page = ProcedureListPageFactory(parent=UnitPageFactory(title="Xã Tá Bạ"))
    ProcedureFactory(page=page)

    html = client.get(overview.url).content.decode()

    assert "Xã Tá Bạ" in html
    assert page.url in html


def test_import_good_csv_creates_draft_only():
    page = ProcedureListPageFactory()
    ProcedureFactory(page=page, name="Thủ tục cũ")
    nfd_rows = [[unicodedata.normalize("NFD", cell) for cell in row] for row in GOOD_ROWS]

    revision, count = import_procedures(page, make_csv(nfd_rows), "thu-tuc.csv")

    assert count == 2
    assert [procedure.name for procedure in page.procedures.all()] == ["Thủ tục cũ"]
    imported = draft_procedures(ProcedureListPage.objects.get(pk=page.pk))
    assert [procedure.name for procedure in imported] == ["Đăng ký khai sinh", "Đăng ký kết hôn"]
    first, second = imported
    assert unicodedata.is_normalized("NFC", first.name)
    assert first.level == Procedure.Level.COMMUNE
    assert second.level == Procedure.Level.COMMUNE
    assert first.system_path == "thu-tuc/1.001193"
    steps = [step.value for step in second.steps]
    assert [step["responsible"] for step in steps] == [
        "Bộ phận Một cửa",
        "Công chức Tư pháp - Hộ tịch",
    ]
    assert steps[1]["time_limit"] == "2 ngày"
    assert revision.user is None

    revision.publish()
    live = ProcedureListPage.objects.get(pk=page.pk)
    assert [procedure.name for procedure in live.procedures.all()] == [
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
    ]


def test_import_append_keeps_current_list():
    page = ProcedureListPageFactory()
    ProcedureFactory(page=page, name="Thủ tục cũ")

    import_procedures(page, make_csv(GOOD_ROWS[:1]), "them.csv", replace=False)

    names = [procedure.name for procedure in draft_procedures(page)]
    assert names == ["Thủ tục cũ", "Đăng ký khai sinh"]


def test_import_xlsx():
    page = ProcedureListPageFactory()
    xlsx = make_xlsx(
        [["Cấp giấy phép xây dựng", "Xây dựng", "Cấp huyện", "15 ngày", "75.000 đồng"]]
    )

    _revision, count = import_procedures(page, xlsx, "giay-phep.xlsx")

    assert count == 1
    procedure = draft_procedures(page)[0]
    assert procedure.level == Procedure.Level.DISTRICT
    assert procedure.fee == "75.000 đồng"


def test_import_xlsx_counts_empty_rows():
    page = ProcedureListPageFactory()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Thời hạn giải quyết"])
    sheet.append(["Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "1 ngày"])
    sheet.append([])
    sheet.append(["Cấp bản sao trích lục", "Hộ tịch", "Cấp thôn", "1 ngày"])
    sheet.cell(row=5000, column=1).number_format = "@"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)

    with pytest.raises(ProcedureImportError) as error:
        import_procedures(page, buffer, "co-dong-trong.xlsx")

    assert [row_error.row for row_error in error.value.errors] == [4]


def test_import_bad_rows_lists_every_error_saves_nothing():
    page = ProcedureListPageFactory()
    ProcedureFactory(page=page, name="Thủ tục cũ")
    revisions_before = page.revisions.count()
    rows = [
        GOOD_ROWS[0],
        ["", "", "Hộ tịch", "Cấp xã", "1 ngày", "", "", ""],
        ["", "Cấp bản sao", "Chứng thực", "Cấp thôn", "1 ngày", "", "", ""],
        ["", "", "", "", "", "", "", ""],
        [
            "",
            "Đăng ký tạm trú",
            "Cư trú",
            "Cấp xã",
            "3 ngày",
            "",
            "Tiếp nhận hồ sơ",
            "https://evil.example/x",
        ],
    ]

    with pytest.raises(ProcedureImportError) as error:
        import_procedures(page, make_csv(rows), "loi.csv")

    messages = [str(row_error) for row_error in error.value.errors]
    assert [row_error.row for row_error in error.value.errors] == [3, 4, 6, 6]
    assert messages[0].startswith("Dòng 3: Tên thủ tục")
    assert "“Cấp thôn”" in messages[1]
    assert "“Tiếp nhận hồ sơ”" in messages[2]
    assert "Đường dẫn" in messages[3]
    assert page.revisions.count() == revisions_before
    assert [procedure.name for procedure in draft_procedures(page)] == ["Thủ tục cũ"]


@pytest.mark.parametrize(
    ("content", "filename", "expected"),
    [
        (b"", "trong.csv", "trống"),
        (
            "Tên thủ tục,Lĩnh vực\nA,B\n".encode(),
            "thieu.csv",
            "Thiếu cột: Cấp thực hiện, Thời hạn giải quyết",
        ),
        ("Tên thủ tục;Lĩnh vực".encode("utf-16"), "sai-ma.csv", "UTF-8"),
        (b"PK\x03\x04 not a workbook", "hong.xlsx", "Excel"),
        (b"a,b", "thu-tuc.pdf", ".csv"),
        (
            "Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết\n".encode(),
            "chi-tieu-de.csv",
            "không có thủ tục",
        ),
    ],
)
def test_import_rejects_unreadable_files(content, filename, expected):
    page = ProcedureListPageFactory()

    with pytest.raises(ProcedureImportError) as error:
        import_procedures(page, io.BytesIO(content), filename)

    assert expected in str(error.value)
    assert page.revisions.count() == 0


def test_import_rejects_too_many_rows(monkeypatch):
    monkeypatch.setattr("units.procedure_import.MAX_ROWS", 2)
    page = ProcedureListPageFactory()
    rows = [["", f"Thủ tục {n}", "Hộ tịch", "Cấp xã", "1 ngày", "", "", ""] for n in range(3)]

    with pytest.raises(ProcedureImportError) as error:
        import_procedures(page, make_csv(rows), "qua-nhieu.csv")

    assert "nhiều hơn 2 thủ tục" in str(error.value)
    assert page.revisions.count() == 0


def test_semicolon_csv_is_read():
    page = ProcedureListPageFactory()
    content = "Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết\nĐăng ký khai sinh;Hộ tịch;Cấp xã;1 ngày\n"

    _revision, count = import_procedures(page, io.BytesIO(content.encode()), "excel-vn.csv")

    assert count == 1


def test_admin_import_view_reports_errors(admin_client):
    page = ProcedureListPageFactory()
    url = reverse("units_procedure_import", args=[page.pk])
    upload = SimpleUploadedFile(
        "loi.csv", make_csv([["", "", "Hộ tịch", "Cấp xã", "1 ngày", "", "", ""]]).getvalue()
    )

    response = admin_client.post(url, {"file": upload, "replace": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dòng 2: Tên thủ tục" in html
    assert page.revisions.count() == 0


def test_admin_import_view_saves_draft(admin_client):
    page = ProcedureListPageFactory()
    url = reverse("units_procedure_import", args=[page.pk])
    upload = SimpleUploadedFile("tot.csv", make_csv(GOOD_ROWS).getvalue())

    response = admin_client.post(url, {"file": upload, "replace": "1"})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert len(draft_procedures(page)) == 2
    edit_html = admin_client.get(response["Location"]).content.decode()
    assert reverse("units_procedure_import", args=[page.pk]) in edit_html


def test_admin_import_view_needs_edit_permission(client, django_user_model):
    page = ProcedureListPageFactory()
    other = ProcedureListPageFactory()
    group = Group.objects.create(name="Cộng tác viên xã")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=other, permission_type="change")
    user = django_user_model.objects.create_user("ctv", password="mat-khau-dai-123")
    user.groups.add(group)
    client.force_login(user)

    denied = client.get(reverse("units_procedure_import", args=[page.pk]))
    allowed = client.get(reverse("units_procedure_import", args=[other.pk]))

    # Wagtail's admin turns a PermissionDenied into a redirect to the dashboard.
    assert denied.status_code == 302
    assert denied["Location"] == reverse("wagtailadmin_home")
    assert allowed.status_code == 200


def test_import_command_messages(tmp_path):
    page = ProcedureListPageFactory()
    good = tmp_path / "tot.csv"
    good.write_bytes(make_csv(GOOD_ROWS).getvalue())
    bad = tmp_path / "loi.csv"
    bad.write_bytes(make_csv([["", "", "Hộ tịch", "Cấp xã", "1 ngày", "", "", ""]]).getvalue())
    stdout, stderr = io.StringIO(), io.StringIO()

    call_command("import_procedures", page.pk, str(good), stdout=stdout)
    with pytest.raises(CommandError, match="Không có thủ tục nào được nhập"):
        call_command("import_procedures", page.pk, str(bad), stdout=stdout, stderr=stderr)
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_procedures", page.pk, str(tmp_path / "khong-co.csv"))

    assert "2" in stdout.getvalue()
    assert "Dòng 2" in stderr.getvalue()
    assert len(draft_procedures(page)) == 2
