import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from documents.factories import (
    DocumentTypeFactory,
    IssuingBodyFactory,
    LegalDocumentPageFactory,
    PdfDocumentFactory,
)
from documents.models import LegalDocumentPage, UploadSettings
from documents.tests import files


def page_form(document_type, issuing_body, file, **fields):
    data = {
        "title": "Quyết định về công tác văn thư năm 2026",
        "slug": "quyet-dinh-181",
        "number": "181/QĐ-UBND",
        "summary": "Về công tác văn thư, lưu trữ",
        "document_type": document_type.pk,
        "issuing_body": issuing_body.pk,
        "issued_on": "2017-03-10",
        "full_text": rich_text(""),
        "attachments": inline_formset([{"file": file.pk, "label": "Bản scan"}], min=1),
        "relations": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def catalogue(db):
    return DocumentTypeFactory(name="Quyết định"), IssuingBodyFactory(name="UBND huyện Mường Tè")


@pytest.mark.django_db
def test_admin_creates_document(admin_client, library, catalogue):
    document_type, issuing_body = catalogue
    url = reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", library.pk))
    response = admin_client.post(url, page_form(document_type, issuing_body, PdfDocumentFactory()))
    assert response.status_code == 302
    page = LegalDocumentPage.objects.get()
    assert page.number_key == "181-QD-UBND"
    assert page.slug == "quyet-dinh-181"
    assert page.attachments.count() == 1


@pytest.mark.django_db
def test_admin_rejects_duplicate_number(admin_client, library, catalogue):
    document_type, issuing_body = catalogue
    LegalDocumentPageFactory(
        parent=library,
        title="Quyết định đã có",
        number="181/QĐ-UBND",
        document_type=document_type,
        issuing_body=issuing_body,
        issued_on=datetime.date(2017, 1, 5),
    )
    url = reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", library.pk))
    form = page_form(document_type, issuing_body, PdfDocumentFactory(), number="181 qd ubnd")
    response = admin_client.post(url, form)
    assert response.status_code == 200
    errors = response.context["form"].errors["number"]
    assert errors == [
        "Số ký hiệu 181 qd ubnd đã được dùng cho văn bản “Quyết định đã có” của cùng cơ quan "
        "ban hành trong cùng năm. Hãy kiểm tra lại số ký hiệu, hoặc sửa văn bản đó."
    ]
    assert LegalDocumentPage.objects.count() == 1


@pytest.mark.django_db
def test_publishing_requires_a_file(admin_client, library, catalogue):
    document_type, issuing_body = catalogue
    url = reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", library.pk))
    form = page_form(document_type, issuing_body, PdfDocumentFactory())
    form.update(nested_form_data({"attachments": inline_formset([], min=1)}))
    form["action-publish"] = "action-publish"
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_admin_rejects_end_before_start(admin_client, library, catalogue):
    document_type, issuing_body = catalogue
    url = reverse("wagtailadmin_pages:add", args=("documents", "legaldocumentpage", library.pk))
    form = page_form(
        document_type,
        issuing_body,
        PdfDocumentFactory(),
        effective_from="2024-05-01",
        effective_until="2024-04-30",
    )
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert response.context["form"].errors["effective_until"] == [
        "Ngày hết hiệu lực không được trước ngày có hiệu lực."
    ]
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_replacing_file_is_checked(admin_client):
    document = PdfDocumentFactory(title="Quyết định 181")
    original_name = document.file.name
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {
            "title": "Quyết định 181",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("quyet-dinh.pdf", files.HTML_PAGE),
        },
    )
    assert response.status_code == 200
    assert "không phải là tệp PDF" in str(response.context["form"].errors["file"])
    document.refresh_from_db()
    assert document.file.name == original_name


@pytest.mark.django_db
def test_administrator_edits_upload_limits(admin_client):
    settings = UploadSettings.load()
    url = reverse("wagtailsettings:edit", args=("documents", "uploadsettings", settings.pk))
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "max_document_size_mb": "20",
            "allowed_document_types": ["pdf", "docx", "xlsx"],
            "max_image_size_mb": "5",
            "max_image_megapixels": "30",
        },
    )
    assert response.status_code == 302
    settings = UploadSettings.load()
    assert settings.max_document_bytes == 20 * 1024 * 1024
    assert settings.allowed_extensions() == ["pdf", "docx", "xlsx"]
    assert settings.max_image_pixels == 30_000_000


@pytest.mark.django_db
def test_upload_limits_reject_unknown_type(admin_client):
    settings = UploadSettings.load()
    url = reverse("wagtailsettings:edit", args=("documents", "uploadsettings", settings.pk))
    response = admin_client.post(
        url,
        {
            "max_document_size_mb": "0",
            "allowed_document_types": ["pdf", "html"],
            "max_image_size_mb": "5",
            "max_image_megapixels": "30",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "allowed_document_types" in errors
    assert "max_document_size_mb" in errors
    assert UploadSettings.load().allowed_extensions() == list(files_types())


def files_types():
    from documents.uploads import DOCUMENT_FORMATS

    return DOCUMENT_FORMATS
