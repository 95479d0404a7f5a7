import unicodedata

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from documents.downloads import content_disposition, download_name
from documents.factories import (
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
    PdfDocumentFactory,
)
from documents.models import LegalDocumentAttachment

PDF_HEADER = (
    'attachment; filename="Quyet dinh 181.pdf"; '
    "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20181.pdf"
)


def body(response):
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_download_keeps_vietnamese_name(client):
    document = PdfDocumentFactory(title="Quyết định 181")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == PDF_HEADER
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "Content-Encoding" not in response
    with document.open_file() as stored:
        assert body(response) == stored.read()


@pytest.mark.django_db
def test_download_name_from_nfd_title(client):
    document = PdfDocumentFactory(title=unicodedata.normalize("NFD", "Quyết định 181"))
    assert client.get(document.url)["Content-Disposition"] == PDF_HEADER


def test_download_name_cleans_title():
    class Stub:
        title = 'Báo cáo: "quý 3"/2026\r\n.pdf'
        file_extension = "pdf"

    assert download_name(Stub()) == "Báo cáo quý 3 2026.pdf"


def test_download_name_without_title():
    class Stub:
        title = "  ///  "
        file_extension = "docx"

    assert download_name(Stub()) == "tai-lieu.docx"


def test_content_disposition_ascii_fallback_has_no_quote():
    header = content_disposition('Tờ trình "số 5".pdf')
    assert header.startswith('attachment; filename="To trinh so 5.pdf"; ')
    assert header.endswith("filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%22s%E1%BB%91%205%22.pdf")


@pytest.mark.django_db
def test_attachment_of_confidential_document_refused(client, library):
    secret = LegalDocumentPageFactory(parent=library, is_confidential=True, live=False)
    attachment = LegalDocumentAttachmentFactory(document=secret)
    assert client.get(attachment.file.url).status_code == 404


@pytest.mark.django_db
def test_file_in_confidential_draft_refused(client, admin_user, library):
    page = LegalDocumentPageFactory(parent=library)
    file = PdfDocumentFactory(title="Tài liệu mật")
    page.is_confidential = True
    page.attachments.add(LegalDocumentAttachment(file=file))
    page.save_revision(user=admin_user)
    assert not LegalDocumentAttachment.objects.filter(file=file).exists()
    assert client.get(file.url).status_code == 404


@pytest.mark.django_db
def test_file_of_public_document_served(client, library):
    attachment = LegalDocumentAttachmentFactory(document=LegalDocumentPageFactory(parent=library))
    assert client.get(attachment.file.url).status_code == 200


@pytest.mark.django_db
def test_collection_restriction_still_applies(client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Nội bộ")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Cán bộ"))
    document = PdfDocumentFactory(title="Tài liệu nội bộ", collection=private)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
