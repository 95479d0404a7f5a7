"""Unit profiles: leaders, catalogue, organisation chart and parent checks."""

import re

import pytest
from django.core.exceptions import ValidationError

from home.factories import ImageFactory
from units.factories import (
    UnitIndexPageFactory,
    UnitLeaderFactory,
    UnitPageFactory,
)
from units.models import UnitCatalogueItem, UnitPage
from units.tree import build_unit_tree

pytestmark = pytest.mark.django_db


def tree_titles(nodes):
    return [(node.unit.title, tree_titles(node.children)) for node in nodes]


def test_leaders_contacts_hidden_by_default(client):
    unit = UnitPageFactory(title="Xã Ka Lăng")
    UnitLeaderFactory(
        unit=unit,
        name="Pờ Xé Lừ",
        position="Chủ tịch UBND xã",
        phone="0987 654 321",
        email="poxelu@muongte.example",
        photo=ImageFactory(),
    )

    html = client.get(unit.url).content.decode()

    assert "Pờ Xé Lừ" in html
    assert "Chủ tịch UBND xã" in html
    assert 'alt="Pờ Xé Lừ"' in html
    assert "0987 654 321" not in html
    assert "poxelu@muongte.example" not in html


def test_leaders_contacts_shown_when_public(client):
    unit = UnitPageFactory(leader_contacts_public=True)
    UnitLeaderFactory(unit=unit, phone="0987 654 321", email="poxelu@muongte.example")

    html = client.get(unit.url).content.decode()

    assert 'href="tel:0987654321"' in html
    assert 'href="mailto:poxelu@muongte.example"' in html


def test_leaders_keep_their_order(client):
    unit = UnitPageFactory()
    UnitLeaderFactory(unit=unit, name="Phó Chủ tịch Giàng A Dơ", sort_order=2)
    UnitLeaderFactory(unit=unit, name="Chủ tịch Lò Thị Mai", sort_order=1)

    html = client.get(unit.url).content.decode()

    assert html.index("Chủ tịch Lò Thị Mai") < html.index("Phó Chủ tịch Giàng A Dơ")


def test_catalogue_links_and_hides_unpublished_pages(client):
    unit = UnitPageFactory()
    draft = UnitPageFactory(title="Trang nháp", live=False)
    UnitCatalogueItem.objects.create(
        unit=unit,
        title="Kế hoạch phát triển kinh tế - xã hội",
        description="Cập nhật hằng năm",
        link_url="https://laichau.gov.vn/ke-hoach",
        sort_order=1,
    )
    UnitCatalogueItem.objects.create(
        unit=unit, title="Báo cáo còn nháp", link_page=draft, sort_order=2
    )

    html = client.get(unit.url).content.decode()

    assert (
        '<a href="https://laichau.gov.vn/ke-hoach" rel="noopener">Kế hoạch phát triển kinh tế - xã hội</a>'
        in html
    )
    assert "Cập nhật hằng năm" in html
    assert "Báo cáo còn nháp" not in html


def test_catalogue_entry_rejects_page_and_address():
    item = UnitCatalogueItem(
        title="Danh mục", link_page=UnitPageFactory(), link_url="https://laichau.gov.vn/"
    )

    with pytest.raises(ValidationError):
        item.clean()


def test_tree_nests_children_under_parents():
    directory = UnitIndexPageFactory()
    committee = UnitPageFactory(parent=directory, title="UBND huyện Mường Tè")
    office = UnitPageFactory(
        parent=directory, title="Văn phòng HĐND và UBND huyện", parent_unit=committee
    )
    finance = UnitPageFactory(
        parent=directory, title="Phòng Tài chính - Kế hoạch", parent_unit=committee
    )
    UnitPageFactory(parent=directory, title="Tổ một cửa", parent_unit=office)
    commune = UnitPageFactory(parent=directory, title="Xã Mù Cả")

    nodes = build_unit_tree(directory.units())

    assert tree_titles(nodes) == [
        (
            "UBND huyện Mường Tè",
            [
                ("Phòng Tài chính - Kế hoạch", []),
                ("Văn phòng HĐND và UBND huyện", [("Tổ một cửa", [])]),
            ],
        ),
        ("Xã Mù Cả", []),
    ]
    assert {finance.pk, commune.pk} <= {unit.pk for unit in directory.units()}


def test_tree_places_loops_and_unpublished_parents_at_top():
    directory = UnitIndexPageFactory()
    first = UnitPageFactory(parent=directory, title="Đơn vị A")
    second = UnitPageFactory(parent=directory, title="Đơn vị B", parent_unit=first)
    UnitPage.objects.filter(pk=first.pk).update(parent_unit=second)
    hidden = UnitPageFactory(parent=directory, title="Đơn vị nháp", live=False)
    UnitPageFactory(parent=directory, title="Đơn vị C", parent_unit=hidden)

    nodes = build_unit_tree(directory.units())

    titles = tree_titles(nodes)
    assert ("Đơn vị C", []) in titles
    flat = re.findall(r"Đơn vị [A-Z]", repr(titles))
    assert sorted(flat) == ["Đơn vị A", "Đơn vị B", "Đơn vị C"]


def test_directory_renders_nested_chart(client):
    directory = UnitIndexPageFactory()
    committee = UnitPageFactory(parent=directory, title="UBND huyện Mường Tè")
    UnitPageFactory(parent=directory, title="Phòng Nội vụ", parent_unit=committee)

    html = client.get(directory.url).content.decode()

    chart = html[html.index('id="organisation-chart-heading"') :]
    assert re.search(
        r"UBND huyện Mường Tè</a>.*?<ul class=\"unit-tree\">\s*<li><a [^>]*>Phòng Nội vụ</a>",
        chart,
        re.S,
    )
    assert "<img" not in chart


def test_parent_unit_cannot_make_a_loop():
    top = UnitPageFactory(title="Đơn vị cấp trên")
    middle = UnitPageFactory(parent=top.get_parent(), parent_unit=top)
    bottom = UnitPageFactory(parent=top.get_parent(), parent_unit=middle)

    top.parent_unit = bottom
    with pytest.raises(ValidationError) as error:
        top.clean()
    assert "parent_unit" in error.value.message_dict

    top.parent_unit = top
    with pytest.raises(ValidationError):
        top.clean()


def test_unit_page_lists_documents_of_its_issuing_body(client):
    from documents.models import (
        DocumentType,
        IssuingBody,
        LegalDocumentIndexPage,
        LegalDocumentPage,
    )
    from home.factories import site_home_page

    body = IssuingBody.objects.create(name="UBND xã Mù Cả")
    other = IssuingBody.objects.create(name="UBND xã Ka Lăng")
    kind = DocumentType.objects.create(name="Quyết định")
    library = site_home_page().add_child(instance=LegalDocumentIndexPage(title="Văn bản"))
    for number, issuer in (("12/QĐ-UBND", body), ("99/QĐ-UBND", other)):
        library.add_child(
            instance=LegalDocumentPage(
                title=f"Quyết định {number}",
                number=number,
                summary=f"Về việc kiện toàn tổ công tác {number}",
                document_type=kind,
                issuing_body=issuer,
            )
        )
    unit = UnitPageFactory(issuing_body=body)

    html = client.get(unit.url).content.decode()

    assert "12/QĐ-UBND" in html
    assert "99/QĐ-UBND" not in html
