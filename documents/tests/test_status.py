import datetime

import pytest

from documents.factories import DocumentRelationFactory, LegalDocumentPageFactory
from documents.models import DocumentRelation, LegalDocumentPage

Status = LegalDocumentPage.Status
day = datetime.date


def statuses_on(document, today):
    """The status from the instance and from the query annotation, which must agree."""
    annotated = LegalDocumentPage.objects.with_status(today).get(pk=document.pk).computed_status
    return document.get_status(today), annotated


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (day(2024, 3, 31), Status.NOT_YET_IN_FORCE),
        (day(2024, 4, 1), Status.IN_FORCE),
        (day(2025, 12, 31), Status.IN_FORCE),
        (day(2026, 1, 1), Status.EXPIRED),
    ],
)
def test_status_around_validity_dates(library, today, expected):
    document = LegalDocumentPageFactory(
        parent=library,
        issued_on=day(2024, 3, 15),
        effective_from=day(2024, 4, 1),
        effective_until=day(2025, 12, 31),
    )
    assert statuses_on(document, today) == (expected, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (day(2024, 3, 14), Status.NOT_YET_IN_FORCE),
        (day(2024, 3, 15), Status.IN_FORCE),
    ],
)
def test_status_starts_on_issue_date(library, today, expected):
    document = LegalDocumentPageFactory(
        parent=library, issued_on=day(2024, 3, 15), effective_from=None
    )
    assert statuses_on(document, today) == (expected, expected)


@pytest.mark.django_db
def test_undated_document_in_force(library):
    document = LegalDocumentPageFactory(parent=library, issued_on=None, number="")
    assert statuses_on(document, day(2026, 1, 1)) == (Status.IN_FORCE, Status.IN_FORCE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (day(2025, 6, 30), Status.IN_FORCE),
        (day(2025, 7, 1), Status.REPLACED),
    ],
)
def test_replaced_when_replacement_takes_effect(library, today, expected):
    old = LegalDocumentPageFactory(parent=library, issued_on=day(2017, 3, 10))
    new = LegalDocumentPageFactory(
        parent=library, issued_on=day(2025, 6, 20), effective_from=day(2025, 7, 1)
    )
    DocumentRelationFactory(document=new, kind=DocumentRelation.Kind.REPLACES, target_page=old)
    assert statuses_on(old, today) == (expected, expected)
    assert statuses_on(new, today)[0] != Status.REPLACED


@pytest.mark.django_db
def test_replaced_outranks_expiry(library):
    old = LegalDocumentPageFactory(
        parent=library, issued_on=day(2017, 3, 10), effective_until=day(2018, 1, 1)
    )
    DocumentRelationFactory(
        document=old, kind=DocumentRelation.Kind.REPLACED_BY, target_number="5/QĐ-UBND"
    )
    assert statuses_on(old, day(2026, 1, 1)) == (Status.REPLACED, Status.REPLACED)


@pytest.mark.django_db
def test_draft_replacement_does_not_count(library):
    old = LegalDocumentPageFactory(parent=library, issued_on=day(2017, 3, 10))
    draft = LegalDocumentPageFactory(parent=library, issued_on=day(2025, 1, 1), live=False)
    DocumentRelationFactory(document=draft, kind=DocumentRelation.Kind.REPLACES, target_page=old)
    assert statuses_on(old, day(2026, 1, 1)) == (Status.IN_FORCE, Status.IN_FORCE)


@pytest.mark.django_db
def test_amendment_keeps_status(library):
    old = LegalDocumentPageFactory(parent=library, issued_on=day(2017, 3, 10))
    new = LegalDocumentPageFactory(parent=library, issued_on=day(2025, 1, 1))
    DocumentRelationFactory(document=new, kind=DocumentRelation.Kind.AMENDS, target_page=old)
    assert statuses_on(old, day(2026, 1, 1)) == (Status.IN_FORCE, Status.IN_FORCE)


@pytest.mark.django_db
def test_filter_by_status_value(library):
    in_force = LegalDocumentPageFactory(parent=library, issued_on=day(2024, 1, 1))
    expired = LegalDocumentPageFactory(
        parent=library, issued_on=day(2020, 1, 1), effective_until=day(2020, 12, 31)
    )
    documents = LegalDocumentPage.objects.with_status_value(Status.EXPIRED, day(2026, 1, 1))
    assert list(documents) == [expired]
    assert in_force not in documents
