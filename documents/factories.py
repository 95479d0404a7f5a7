import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model

from .models import (
    DocumentField,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from .samples import pdf_bytes


class DocumentTypeFactory(DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("name",)

    name = "Quyết định"


class IssuingBodyFactory(DjangoModelFactory):
    class Meta:
        model = IssuingBody
        django_get_or_create = ("name",)

    name = "UBND huyện Mường Tè"


class DocumentFieldFactory(DjangoModelFactory):
    class Meta:
        model = DocumentField
        django_get_or_create = ("name",)

    name = "Nội vụ"


class LegalDocumentIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalDocumentIndexPage

    title = "Văn bản"


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalDocumentPage

    title = factory.Sequence(lambda n: f"Quyết định số {n} về công tác văn thư")
    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    summary = "Về việc ban hành quy định công tác văn thư, lưu trữ"
    document_type = factory.SubFactory(DocumentTypeFactory)
    issuing_body = factory.SubFactory(IssuingBodyFactory)
    issued_on = datetime.date(2024, 3, 15)


class PdfDocumentFactory(DjangoModelFactory):
    """A Wagtail document holding a real one-page PDF."""

    class Meta:
        model = get_document_model()

    title = "Quyết định 181"
    file = factory.LazyAttribute(
        lambda document: ContentFile(pdf_bytes([document.title]), name="quyet-dinh.pdf")
    )


class LegalDocumentAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = LegalDocumentAttachment

    document = factory.SubFactory(LegalDocumentPageFactory)
    file = factory.SubFactory(PdfDocumentFactory)


class DocumentRelationFactory(DjangoModelFactory):
    class Meta:
        model = DocumentRelation

    document = factory.SubFactory(LegalDocumentPageFactory)
    kind = DocumentRelation.Kind.REPLACES
