import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from documents.factories import IssuingBodyFactory, LegalDocumentPageFactory
from documents.models import LegalDocumentPage
from documents.numbers import number_key, year_in_number


@pytest.mark.parametrize(
    "spelling",
    [
        "181/QĐ-UBND",
        "181/QD-UBND",
        "181/qđ-ubnd",
        "181 QĐ UBND",
        " 181 / QĐ – UBND ",
        unicodedata.normalize("NFD", "181/QĐ-ubnd"),
    ],
)
def test_number_key_spellings(spelling):
    assert number_key(spelling) == "181-QD-UBND"


def test_number_key_keeps_year():
    assert number_key("42/2022/NĐ-CP") == "42-2022-ND-CP"


def test_number_key_of_blank():
    assert number_key("") == ""
    assert number_key(" / - ") == ""


def test_year_in_number():
    assert year_in_number("42/2022/NĐ-CP") == 2022
    assert year_in_number("181/QĐ-UBND") is None


@pytest.mark.django_db
@pytest.mark.parametrize("spelling", ["181/QĐ-UBND", "181/QD-UBND", "181/qđ-ubnd", "181 QĐ UBND"])
def test_with_number_finds_document(library, spelling):
    document = LegalDocumentPageFactory(parent=library, number="181/QĐ-UBND")
    LegalDocumentPageFactory(parent=library, number="18/QĐ-UBND")
    assert list(LegalDocumentPage.objects.with_number(spelling)) == [document]


@pytest.mark.django_db
def test_number_stored_in_nfc(library):
    document = LegalDocumentPageFactory(
        parent=library, number=unicodedata.normalize("NFD", "25/QĐ-UBND")
    )
    document.refresh_from_db()
    assert document.number == unicodedata.normalize("NFC", "25/QĐ-UBND")
    assert document.number_key == "25-QD-UBND"


@pytest.mark.django_db
def test_duplicate_number_rejected(library):
    existing = LegalDocumentPageFactory(
        parent=library, number="181/QĐ-UBND", issued_on=datetime.date(2017, 3, 10)
    )
    duplicate = LegalDocumentPageFactory.build(
        number="181/qd-ubnd",
        issuing_body=existing.issuing_body,
        document_type=existing.document_type,
        issued_on=datetime.date(2017, 11, 2),
    )
    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "number" in error.value.message_dict
    message = error.value.message_dict["number"][0]
    assert "181/qd-ubnd" in message
    assert existing.title in message


@pytest.mark.django_db
def test_same_number_other_year_allowed(library):
    existing = LegalDocumentPageFactory(
        parent=library, number="181/QĐ-UBND", issued_on=datetime.date(2017, 3, 10)
    )
    other_year = LegalDocumentPageFactory.build(
        number="181/QĐ-UBND",
        issuing_body=existing.issuing_body,
        document_type=existing.document_type,
        issued_on=datetime.date(2018, 3, 10),
    )
    other_year.clean()


@pytest.mark.django_db
def test_same_number_other_body_allowed(library):
    existing = LegalDocumentPageFactory(
        parent=library, number="181/QĐ-UBND", issued_on=datetime.date(2017, 3, 10)
    )
    other_body = LegalDocumentPageFactory.build(
        number="181/QĐ-UBND",
        issuing_body=IssuingBodyFactory(name="UBND xã Mù Cả"),
        document_type=existing.document_type,
        issued_on=datetime.date(2017, 3, 10),
    )
    other_body.clean()


@pytest.mark.django_db
def test_document_may_keep_its_own_number(library):
    existing = LegalDocumentPageFactory(parent=library, number="181/QĐ-UBND")
    existing.summary = "Trích yếu đã sửa"
    existing.clean()


@pytest.mark.django_db
def test_year_read_from_number_when_undated(library):
    existing = LegalDocumentPageFactory(parent=library, number="42/2022/NĐ-CP", issued_on=None)
    duplicate = LegalDocumentPageFactory.build(
        number="42/2022/ND-CP",
        issuing_body=existing.issuing_body,
        document_type=existing.document_type,
        issued_on=datetime.date(2022, 6, 24),
    )
    with pytest.raises(ValidationError):
        duplicate.clean()


@pytest.mark.django_db
def test_duplicate_rejected_on_save_revision(library):
    existing = LegalDocumentPageFactory(parent=library, number="7/KH-UBND")
    second = LegalDocumentPageFactory(parent=library, number="8/KH-UBND")
    second.number = "7/KH-UBND"
    with pytest.raises(ValidationError):
        second.save_revision()
    second.refresh_from_db()
    assert second.number == "8/KH-UBND"
    assert existing.number_key == "7-KH-UBND"
