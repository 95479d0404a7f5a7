"""The unit directory and unit pages render in Vietnamese."""

import pytest

from news.factories import ArticlePageFactory
from units.factories import UnitIndexPageFactory, UnitPageFactory
from units.models import UnitPage

pytestmark = pytest.mark.django_db


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    return html


def test_directory_groups_live_units_by_kind(client):
    directory = UnitIndexPageFactory()
    UnitPageFactory(parent=directory, title="Xã Ka Lăng", kind=UnitPage.Kind.COMMUNE)
    UnitPageFactory(
        parent=directory, title="Phòng Văn hóa và Thông tin", kind=UnitPage.Kind.SPECIALISED_OFFICE
    )
    UnitPageFactory(parent=directory, title="Xã Pa Vệ Sử (nháp)", live=False)

    response = client.get(directory.url)
    html = get_html(client, directory)

    assert "<h1>Cơ quan, đơn vị</h1>" in html
    assert "Xã Ka Lăng" in html
    assert "Phòng Văn hóa và Thông tin" in html
    assert "Xã Pa Vệ Sử (nháp)" not in html
    labels = [str(label) for label, _units in response.context["unit_groups"]]
    assert labels == [
        str(UnitPage.Kind.SPECIALISED_OFFICE.label),
        str(UnitPage.Kind.COMMUNE.label),
    ]


def test_empty_directory_renders(client):
    directory = UnitIndexPageFactory()

    html = get_html(client, directory)

    assert "<h1>Cơ quan, đơn vị</h1>" in html


def test_unit_page_shows_contact_duties_and_news(client):
    office = UnitPageFactory(
        title="Văn phòng HĐND và UBND huyện", kind=UnitPage.Kind.COMMITTEE_OFFICE
    )
    unit = UnitPageFactory(
        parent=office.get_parent(),
        title="Phòng Tài chính - Kế hoạch",
        kind=UnitPage.Kind.SPECIALISED_OFFICE,
        parent_unit=office,
        summary="Tham mưu cho UBND huyện về tài chính, ngân sách.",
        functions="<p>Lập dự toán ngân sách huyện hằng năm.</p>",
        address="Tổ dân phố số 5, thị trấn Mường Tè",
        phone="0213 3881 222",
        email="taichinh@muongte.example",
        map_url="https://maps.example/muong-te",
    )
    ArticlePageFactory(title="Quyết toán ngân sách năm 2025", unit=unit)
    ArticlePageFactory(title="Dự toán còn nháp", unit=unit, live=False)

    html = get_html(client, unit)

    assert "<h1>Phòng Tài chính - Kế hoạch</h1>" in html
    assert "Văn phòng HĐND và UBND huyện" in html
    assert "Tham mưu cho UBND huyện về tài chính, ngân sách." in html
    assert "<p>Lập dự toán ngân sách huyện hằng năm.</p>" in html
    assert "Tổ dân phố số 5, thị trấn Mường Tè" in html
    assert 'href="tel:02133881222"' in html
    assert 'href="mailto:taichinh@muongte.example"' in html
    assert "Quyết toán ngân sách năm 2025" in html
    assert "Dự toán còn nháp" not in html


def test_unit_page_hides_unpublished_parent_unit(client):
    parent = UnitPageFactory(title="Đơn vị cấp trên còn nháp", live=False)
    unit = UnitPageFactory(parent=parent.get_parent(), parent_unit=parent)

    html = get_html(client, unit)

    assert "Đơn vị cấp trên còn nháp" not in html


def test_unit_page_shows_kind_label(client):
    unit = UnitPageFactory(kind=UnitPage.Kind.TOWN)

    response = client.get(unit.url)

    assert str(UnitPage.Kind.TOWN.label) in response.content.decode()


def test_unit_contributors_shown_to_staff_only(client):
    from editorial import roles
    from editorial.factories import ContributorProfileFactory, UserFactory

    unit = UnitPageFactory(title="Xã Ka Lăng", kind=UnitPage.Kind.COMMUNE)
    ContributorProfileFactory(
        unit=unit, user=UserFactory(username="ctv-kalang", first_name="Thị Hoa", last_name="Lò")
    )
    secretary = UserFactory(username="thuky", roles=[roles.SECRETARY])

    public_html = get_html(client, unit)
    client.force_login(secretary)
    staff_html = get_html(client, unit)

    assert "Lò Thị Hoa" not in public_html
    assert "Cộng tác viên của đơn vị" not in public_html
    assert "Cộng tác viên của đơn vị" in staff_html
    assert "Lò Thị Hoa" in staff_html
