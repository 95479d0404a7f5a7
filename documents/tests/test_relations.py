import datetime

import pytest
from django.core.exceptions import ValidationError

from documents.factories import (
    DocumentRelationFactory,
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
)
from documents.models import DocumentRelation


def relation_texts(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def replaced_pair(library):
    old = LegalDocumentPageFactory(
        parent=library,
        title="Quyết định ban hành Quy chế cũ",
        number="181/QĐ-UBND",
        issued_on=datetime.date(2017, 3, 10),
    )
    new = LegalDocumentPageFactory(
        parent=library,
        title="Quyết định ban hành Quy chế mới",
        number="15/QĐ-UBND",
        issued_on=datetime.date(2024, 2, 1),
    )
    DocumentRelationFactory(document=new, kind=DocumentRelation.Kind.REPLACES, target_page=old)
    return old, new


@pytest.mark.django_db
def test_replacement_listed_on_both_pages(client, replaced_pair):
    old, new = replaced_pair
    new_html = relation_texts(client, new)
    old_html = relation_texts(client, old)
    assert "Thay thế: " in new_html
    assert f'href="{old.url}"' in new_html
    assert "181/QĐ-UBND – Quyết định ban hành Quy chế cũ" in new_html
    assert "Được thay thế bởi: " in old_html
    assert f'href="{new.url}"' in old_html
    assert "15/QĐ-UBND – Quyết định ban hành Quy chế mới" in old_html


@pytest.mark.django_db
def test_replaced_badge_on_old_page(client, replaced_pair):
    old, _new = replaced_pair
    assert 'badge--replaced">Đã bị thay thế<' in relation_texts(client, old)


@pytest.mark.django_db
def test_relation_recorded_twice_shown_once(replaced_pair):
    old, new = replaced_pair
    DocumentRelationFactory(document=old, kind=DocumentRelation.Kind.REPLACED_BY, target_page=new)
    entries = old.relation_entries()
    assert [entry["kind"] for entry in entries] == [DocumentRelation.Kind.REPLACED_BY]
    assert entries[0]["page"].pk == new.pk


@pytest.mark.django_db
def test_amendment_listed_on_both_pages(client, library):
    base = LegalDocumentPageFactory(parent=library, number="30/KH-UBND")
    amending = LegalDocumentPageFactory(parent=library, number="31/KH-UBND")
    DocumentRelationFactory(document=amending, kind=DocumentRelation.Kind.AMENDS, target_page=base)
    assert "Sửa đổi, bổ sung: " in relation_texts(client, amending)
    assert "Được sửa đổi, bổ sung bởi: " in relation_texts(client, base)


@pytest.mark.django_db
def test_relation_by_number_shown(client, library):
    document = LegalDocumentPageFactory(parent=library)
    DocumentRelationFactory(
        document=document,
        kind=DocumentRelation.Kind.REPLACES,
        target_number="181/QĐ-UBND",
        target_issued_on=datetime.date(2017, 3, 10),
        target_title="Quy chế hoạt động cũ",
    )
    html = relation_texts(client, document)
    assert "Thay thế: 181/QĐ-UBND ngày 10/03/2017 – Quy chế hoạt động cũ" in html


@pytest.mark.django_db
def test_unpublished_side_hidden(client, library):
    old = LegalDocumentPageFactory(parent=library, number="1/QĐ-UBND")
    draft = LegalDocumentPageFactory(parent=library, number="2/QĐ-UBND", live=False)
    DocumentRelationFactory(document=draft, kind=DocumentRelation.Kind.REPLACES, target_page=old)
    assert "Được thay thế bởi" not in relation_texts(client, old)
    assert old.relation_entries() == []


@pytest.mark.django_db
def test_relation_needs_target(library):
    document = LegalDocumentPageFactory(parent=library)
    relation = DocumentRelation(document=document, kind=DocumentRelation.Kind.REPLACES)
    with pytest.raises(ValidationError):
        relation.clean()


@pytest.mark.django_db
def test_relation_to_itself_rejected(library):
    document = LegalDocumentPageFactory(parent=library)
    relation = DocumentRelation(
        document=document, kind=DocumentRelation.Kind.AMENDS, target_page=document
    )
    with pytest.raises(ValidationError):
        relation.clean()


@pytest.mark.django_db
def test_detail_lists_metadata_and_files(client, library):
    document = LegalDocumentPageFactory(
        parent=library,
        number="181/QĐ-UBND",
        signer="Nguyễn Văn Minh",
        signer_position="Chủ tịch UBND huyện",
        issued_on=datetime.date(2017, 3, 10),
    )
    attachment = LegalDocumentAttachmentFactory(document=document, label="Bản scan có chữ ký")
    html = relation_texts(client, document)
    assert "<dt>Số ký hiệu</dt><dd>181/QĐ-UBND</dd>" in html
    assert "Nguyễn Văn Minh – Chủ tịch UBND huyện" in html
    assert "<dd>10/03/2017</dd>" in html
    assert attachment.file.url in html
    assert "Bản scan có chữ ký" in html
    assert "(PDF, " in html
