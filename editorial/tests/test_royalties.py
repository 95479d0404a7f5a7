"""Royalties: amounts from the rate table in force, the record's checks, the monthly report."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.factories import (
    ArticlePageFactory,
    RoyaltyAddOnFactory,
    RoyaltyRateTableFactory,
    RoyaltyWorkKindFactory,
    UnitPageFactory,
)
from editorial.royalties import RoyaltyPayment, RoyaltyRecord

from .helpers import client_for

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_editorial_royaltyrecord:add"
REPORT_URL = "editorial_royalty_report"


def local(text):
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.fixture
def tables():
    """The rates before the 1/9/2026 change and the rates the agency head set from that day."""
    old = RoyaltyRateTableFactory(
        name="Bảng nhuận bút năm 2020", effective_from=date(2020, 1, 1), unit_value=1_490_000
    )
    new = RoyaltyRateTableFactory(
        name="Bảng nhuận bút theo Quyết định số 215/QĐ-UBND",
        effective_from=date(2026, 9, 1),
        unit_value=2_340_000,
    )
    return {
        "old": old,
        "new": new,
        "old_article": RoyaltyWorkKindFactory(
            table=old,
            name="Bài viết",
            coefficient_min=Decimal("1.0"),
            coefficient_max=Decimal("3.0"),
        ),
        "new_article": RoyaltyWorkKindFactory(
            table=new,
            name="Bài viết",
            coefficient_min=Decimal("2.0"),
            coefficient_max=Decimal("5.0"),
        ),
        "old_language": RoyaltyAddOnFactory(table=old, name="Tiếng dân tộc thiểu số", percent=20),
        "old_hardship": RoyaltyAddOnFactory(
            table=old, name="Địa bàn đặc biệt khó khăn", percent=10
        ),
        "new_language": RoyaltyAddOnFactory(table=new, name="Tiếng dân tộc thiểu số", percent=30),
    }


def published_work(parent, title, first_published_at):
    article = ArticlePageFactory(parent=parent, title=title, live=True)
    Page.objects.filter(pk=article.pk).update(first_published_at=first_published_at)
    return Page.objects.get(pk=article.pk).specific


@pytest.fixture
def before_change(economy):
    # 23:30 on 31/8 in Vietnam is 16:30 UTC: the local date decides the table.
    return published_work(
        economy, "Mùa hoa ban nở trắng núi rừng Mường Tè", local("2026-08-31T23:30")
    )


@pytest.fixture
def after_change(economy):
    # 00:10 on 1/9 in Vietnam is still 31/8 in UTC.
    return published_work(economy, "Người Cống giữ nghề dệt thổ cẩm", local("2026-09-01T00:10"))


def author(name, share, unit=None):
    return {
        "role": "author",
        "full_name": name,
        "unit": unit.pk if unit else "",
        "share_percent": share,
        "fixed_amount": "",
    }


def paid(role, name, amount, unit=None):
    return {
        "role": role,
        "full_name": name,
        "unit": unit.pk if unit else "",
        "share_percent": "",
        "fixed_amount": amount,
    }


def record_data(page, kind, coefficient, add_ons=(), payments=()):
    data = nested_form_data(
        {
            "page": page.pk,
            "work_kind": kind.pk,
            "coefficient": coefficient,
            "note": "",
            "payments": inline_formset(list(payments)),
        }
    )
    data["add_ons"] = [add_on.pk for add_on in add_ons]
    return data


def post_record(user, data):
    return client_for(user).post(reverse(ADD_URL), data)


def amounts(page):
    record = RoyaltyRecord.objects.get(page=page)
    return {payment.full_name: payment.amount for payment in record.payments.all()}


def test_amount_before_change(tables, before_change, secretary, unit):
    data = record_data(
        before_change,
        tables["old_article"],
        "2.5",
        add_ons=[tables["old_language"], tables["old_hardship"]],
        payments=[author("Lò Văn Minh", "60", unit), author("Pờ Thị Sa", "40", unit)],
    )

    response = post_record(secretary, data)

    assert response.status_code == 302
    record = RoyaltyRecord.objects.get(page=before_change)
    assert record.rate_table == tables["old"]
    assert record.published_on == date(2026, 8, 31)
    # 1 490 000 × 2,5 × (1 + 20 % + 10 %) = 4 842 500 đồng.
    assert record.work_amount == 4_842_500
    assert amounts(before_change) == {"Lò Văn Minh": 2_905_500, "Pờ Thị Sa": 1_937_000}
    assert record.recorded_by == secretary


def test_amount_after_change_rounds(tables, after_change, secretary):
    data = record_data(
        after_change,
        tables["new_article"],
        "2.5",
        add_ons=[tables["new_language"]],
        payments=[
            author("Lò Văn Minh", "33.33"),
            author("Pờ Thị Sa", "33.33"),
            author("Chang Văn Dìn", "33.34"),
        ],
    )

    assert post_record(secretary, data).status_code == 302

    record = RoyaltyRecord.objects.get(page=after_change)
    assert record.rate_table == tables["new"]
    assert record.published_on == date(2026, 9, 1)
    # 2 340 000 × 2,5 × 1,3 = 7 605 000; 33,33 % of it is 2 534 746,5, rounded half up.
    assert record.work_amount == 7_605_000
    assert amounts(after_change) == {
        "Lò Văn Minh": 2_534_747,
        "Pờ Thị Sa": 2_534_747,
        "Chang Văn Dìn": 2_535_507,
    }


def test_editor_and_provider_paid_amount(tables, after_change, secretary):
    data = record_data(
        after_change,
        tables["new_article"],
        "2",
        payments=[
            author("Lò Văn Minh", "100"),
            paid("editor", "Trần Thu Hương", "150000"),
            paid("provider", "Vàng A Chu", "100000"),
        ],
    )

    assert post_record(secretary, data).status_code == 302

    assert amounts(after_change) == {
        "Lò Văn Minh": 4_680_000,
        "Trần Thu Hương": 150_000,
        "Vàng A Chu": 100_000,
    }


def assert_not_saved(response, page, message):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RoyaltyRecord.objects.filter(page=page).exists()
    assert not RoyaltyPayment.objects.exists()


def test_coefficient_outside_range(tables, after_change, secretary):
    data = record_data(
        after_change, tables["new_article"], "1.5", payments=[author("Lò Văn Minh", "100")]
    )

    response = post_record(secretary, data)

    assert_not_saved(response, after_change, "Hệ số 1,5 nằm ngoài khung 2–5")


def test_kind_from_other_table(tables, after_change, secretary):
    data = record_data(
        after_change, tables["old_article"], "2.5", payments=[author("Lò Văn Minh", "100")]
    )

    response = post_record(secretary, data)

    assert_not_saved(response, after_change, "thuộc bảng nhuận bút khác")


def test_add_on_from_other_table(tables, after_change, secretary):
    data = record_data(
        after_change,
        tables["new_article"],
        "2.5",
        add_ons=[tables["old_hardship"]],
        payments=[author("Lò Văn Minh", "100")],
    )

    response = post_record(secretary, data)

    assert_not_saved(response, after_change, "Địa bàn đặc biệt khó khăn")


@pytest.mark.parametrize(("shares", "total"), [(["60", "30"], "90"), (["60", "50"], "110")])
def test_shares_must_total_hundred(tables, after_change, secretary, shares, total):
    payments = [author(f"Tác giả {index}", share) for index, share in enumerate(shares)]
    data = record_data(after_change, tables["new_article"], "2.5", payments=payments)

    response = post_record(secretary, data)

    assert_not_saved(response, after_change, f"tổng cộng {total} %")


def test_record_needs_an_author(tables, after_change, secretary):
    data = record_data(
        after_change,
        tables["new_article"],
        "2.5",
        payments=[paid("editor", "Trần Thu Hương", "1000")],
    )

    response = post_record(secretary, data)

    assert_not_saved(response, after_change, "ít nhất một tác giả")


def test_editor_needs_amount(tables, after_change, secretary):
    data = record_data(
        after_change,
        tables["new_article"],
        "2.5",
        payments=[author("Lò Văn Minh", "100"), paid("editor", "Trần Thu Hương", "")],
    )

    response = post_record(secretary, data)

    assert_not_saved(response, after_change, "Nhập số tiền trả cho người biên tập")


def test_unpublished_work_rejected(tables, economy, secretary):
    draft = ArticlePageFactory(parent=economy, title="Bản nháp chưa đăng")
    data = record_data(draft, tables["new_article"], "2.5", payments=[author("Lò Văn Minh", "100")])

    response = post_record(secretary, data)

    assert_not_saved(response, draft, "chưa được đăng")


def test_no_table_in_force(tables, economy, secretary):
    old_work = published_work(economy, "Tin cũ năm 2019", local("2019-05-10T08:00"))
    data = record_data(
        old_work, tables["old_article"], "2", payments=[author("Lò Văn Minh", "100")]
    )

    response = post_record(secretary, data)

    assert_not_saved(response, old_work, "10/05/2019")


# Monthly report ----------------------------------------------------------------------------


@pytest.fixture
def september(tables, before_change, after_change, economy, secretary, unit):
    """Records for one work of August and two works of September 2026."""
    other_unit = UnitPageFactory(parent=unit.get_parent(), title="Phòng Văn hóa và Thông tin")
    second = published_work(economy, '=HYPERLINK("x") Lễ hội Gầu Tào', local("2026-09-20T09:00"))
    kind = tables["new_article"]
    post_record(
        secretary,
        record_data(
            before_change, tables["old_article"], "2", payments=[author("Lò Văn Minh", "100", unit)]
        ),
    )
    post_record(
        secretary,
        record_data(
            after_change,
            kind,
            "2",
            payments=[author("Lò Văn Minh", "50", unit), author("Pờ Thị Sa", "50", other_unit)],
        ),
    )
    post_record(
        secretary,
        record_data(
            second,
            kind,
            "3",
            payments=[
                author("Lò Văn Minh", "100", unit),
                paid("editor", "Trần Thu Hương", "200000"),
            ],
        ),
    )
    assert RoyaltyRecord.objects.count() == 3
    return {"unit": unit, "other_unit": other_unit, "second": second}


def test_report_totals_per_person(september, secretary):
    response = client_for(secretary).get(reverse(REPORT_URL), {"month": "2026-09"})

    assert response.status_code == 200
    content = response.content.decode()
    # Lò Văn Minh: 2 340 000 × 2 × 50 % + 2 340 000 × 3 = 2 340 000 + 7 020 000.
    assert "9.360.000" in content
    assert "2.340.000" in content
    assert "200.000" in content
    assert "Mùa hoa ban" not in content
    # 9 360 000 + 2 340 000 + 200 000.
    assert "11.900.000" in content


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return workbook, list(workbook["Danh sách chi trả"].iter_rows(values_only=True))


def test_report_xlsx_payment_list(september, secretary):
    response = client_for(secretary).get(
        reverse(REPORT_URL), {"month": "2026-09", "export": "xlsx"}
    )

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="nhuan-but-2026-09.xlsx"'
    workbook, rows = xlsx_rows(response)
    assert rows[0][0] == "DANH SÁCH CHI TRẢ NHUẬN BÚT"
    assert rows[1][0] == "Tháng 09/2026"
    assert rows[3] == ("STT", "Họ và tên", "Đơn vị", "Tác phẩm", "Số tiền (đồng)", "Ký nhận")
    people = {row[1]: row for row in rows[4:-1]}
    assert people["Lò Văn Minh"][2] == "Xã Ka Lăng"
    assert people["Lò Văn Minh"][4] == 9_360_000
    assert "Người Cống giữ nghề dệt thổ cẩm" in people["Lò Văn Minh"][3]
    assert people["Lò Văn Minh"][3].count(";") == 1
    assert people["Pờ Thị Sa"][2] == "Phòng Văn hóa và Thông tin"
    assert people["Trần Thu Hương"][4] == 200_000
    assert [row[0] for row in rows[4:-1]] == [1, 2, 3]
    assert rows[-1][1] == "Tổng cộng"
    assert rows[-1][4] == 11_900_000
    assert all(row[5] in (None, "") for row in rows[4:])


def test_report_xlsx_neutralises_formulas(september, secretary):
    response = client_for(secretary).get(
        reverse(REPORT_URL), {"month": "2026-09", "export": "xlsx"}
    )

    workbook, rows = xlsx_rows(response)
    works = next(row[3] for row in rows if row[1] == "Trần Thu Hương")
    assert works == '\'=HYPERLINK("x") Lễ hội Gầu Tào'
    for row in workbook["Danh sách chi trả"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_report_xlsx_by_unit(september, secretary):
    response = client_for(secretary).get(
        reverse(REPORT_URL), {"month": "2026-09", "export": "xlsx"}
    )

    workbook, _rows = xlsx_rows(response)
    units = {
        row[0]: row[1] for row in workbook["Theo đơn vị"].iter_rows(min_row=2, values_only=True)
    }
    assert units["Xã Ka Lăng"] == 9_360_000
    assert units["Phòng Văn hóa và Thông tin"] == 2_340_000
    assert units["Chưa rõ đơn vị"] == 200_000
    assert units["Tổng cộng"] == 11_900_000


def test_report_csv(september, secretary):
    response = client_for(secretary).get(reverse(REPORT_URL), {"month": "2026-09", "export": "csv"})

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["STT", "Họ và tên", "Đơn vị", "Tác phẩm", "Số tiền (đồng)", "Ký nhận"]
    assert rows[-1][1] == "Tổng cộng"
    assert rows[-1][4] == "11900000"


def test_report_defaults_to_last_month(secretary):
    response = client_for(secretary).get(reverse(REPORT_URL))

    last_month = (timezone.localdate().replace(day=1) - timezone.timedelta(days=1)).strftime(
        "%m/%Y"
    )
    assert last_month in response.content.decode()


# Permissions -----------------------------------------------------------------------------------


def royalty_urls(record):
    return [
        reverse(REPORT_URL),
        reverse(REPORT_URL) + "?month=2026-09&export=xlsx",
        reverse(REPORT_URL) + "?month=2026-09&export=csv",
        reverse("wagtailsnippets_editorial_royaltyrecord:list"),
        reverse(ADD_URL),
        reverse("wagtailsnippets_editorial_royaltyrecord:edit", args=[record.pk]),
        reverse("wagtailsnippets_editorial_royaltyrecord:inspect", args=[record.pk]),
        reverse("wagtailsnippets_editorial_royaltyratetable:list"),
    ]


@pytest.mark.parametrize("role", ["contributor", "deputy", "member"])
def test_royalties_hidden_without_permission(september, role, request):
    user = request.getfixturevalue(role)
    client = client_for(user)

    for url in royalty_urls(RoyaltyRecord.objects.first()):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Lò Văn Minh" not in response.content.decode(errors="replace"), url


def test_secretary_and_head_see_royalties(september, secretary, head):
    for user in (secretary, head):
        client = client_for(user)
        for url in royalty_urls(RoyaltyRecord.objects.first())[:4]:
            assert client.get(url).status_code == 200, (user, url)


def test_contributor_cannot_post_record(tables, after_change, contributor):
    data = record_data(
        after_change, tables["new_article"], "2", payments=[author("Lò Thị Hoa", "100")]
    )

    response = post_record(contributor, data)

    assert response.status_code in (302, 403)
    assert not RoyaltyRecord.objects.exists()


def test_record_button_on_published_work(after_change, secretary, contributor):
    url = reverse("wagtailadmin_explore", args=[after_change.get_parent().pk])

    secretary_page = client_for(secretary).get(url).content.decode()
    contributor_page = client_for(contributor).get(url).content.decode()

    assert f"?page={after_change.pk}" in secretary_page
    assert f"?page={after_change.pk}" not in contributor_page


def test_add_form_prefills_work(tables, after_change, secretary):
    response = client_for(secretary).get(reverse(ADD_URL), {"page": after_change.pk})

    assert response.status_code == 200
    assert "Người Cống giữ nghề dệt thổ cẩm" in response.content.decode()


def test_head_edits_rate_table(tables, head):
    url = reverse("wagtailsnippets_editorial_royaltyratetable:edit", args=[tables["new"].pk])

    response = client_for(head).get(url)

    assert response.status_code == 200
    assert "Bài viết" in response.content.decode()


def test_secretary_cannot_edit_rate_table(tables, secretary):
    url = reverse("wagtailsnippets_editorial_royaltyratetable:edit", args=[tables["new"].pk])

    response = client_for(secretary).post(url, {"name": "Bảng đã sửa"})

    assert response.status_code in (302, 403)
    assert tables["new"].__class__.objects.get(pk=tables["new"].pk).name != "Bảng đã sửa"


def test_work_with_royalty_not_deleted(tables, after_change, secretary, administrator):
    data = record_data(
        after_change, tables["new_article"], "2", payments=[author("Lò Văn Minh", "100")]
    )
    assert post_record(secretary, data).status_code == 302

    response = client_for(administrator).post(
        reverse("wagtailadmin_pages:delete", args=[after_change.pk]), follow=True
    )

    assert response.status_code == 200
    assert "đã có bản ghi nhuận bút nên không thể xóa" in response.content.decode()
    assert Page.objects.filter(pk=after_change.pk).exists()
