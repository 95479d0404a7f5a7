"""Filters of the legal document library, read from the URL query of the public page.

Every filter is optional and they combine: ``q`` (a number or words), ``type``,
``issuer``, ``field`` (ids of the catalogue snippets), ``year`` (of issue) and
``status``. A value that cannot be used is left out with a message, so a mistyped or
outdated link still shows a list and never an error page.
"""

from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from home.pagination import paginate
from home.text import to_nfc

from .models import (
    DocumentField,
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
    fold_text,
)

MAX_QUERY_LENGTH = 200
FIRST_YEAR = 1945
PER_PAGE = 20


def search_documents(queryset, query):
    """Narrow ``queryset`` to the documents that ``query`` names by number or by words.

    A query that is the number of a document (in any spelling that reduces to the same
    key) finds exactly that document. Any other query goes to the search backend, folded
    to ASCII on both sides so that accents and đ do not matter, and every word must match.
    """
    by_number = queryset.with_number(query)
    if by_number.exists():
        return by_number
    folded = fold_text(query).strip()
    if not folded:
        return queryset.none()
    results = LegalDocumentPage.objects.search(folded, operator="and", order_by_relevance=False)
    # NOTE: the matching ids are collected in memory. That suits a library of some thousands
    # of documents, but a far larger one should filter inside the search backend.
    return queryset.filter(pk__in=[page.pk for page in results])


class LibraryFilters:
    """The filters of one request: the valid values, the ignored ones, and how to apply them."""

    CATALOGUES = (
        ("type", "document_type", DocumentType, _("Document type")),
        ("issuer", "issuing_body", IssuingBody, _("Issuing body")),
        ("field", "field", DocumentField, pgettext_lazy("legal document", "Field")),
    )

    def __init__(self, data):
        # The valid filters by URL parameter; templates read them as ``filters.selected.type``.
        self.selected = {}
        self.messages = []
        self.query = to_nfc(data.get("q", "")).strip()
        if len(self.query) > MAX_QUERY_LENGTH:
            self.query = self.query[:MAX_QUERY_LENGTH]
            self.messages.append(
                gettext("The search text was shortened to its first %(count)s characters.")
                % {"count": MAX_QUERY_LENGTH}
            )
        if self.query:
            self.selected["q"] = self.query
        for param, _lookup, model, label in self.CATALOGUES:
            raw = data.get(param, "").strip()
            if not raw:
                continue
            if raw.isdigit() and model.objects.filter(pk=int(raw)).exists():
                self.selected[param] = int(raw)
            else:
                self.ignore(label, raw)
        self.parse_year(data.get("year", "").strip())
        self.parse_status(data.get("status", "").strip())

    def ignore(self, label, raw):
        self.messages.append(
            gettext("The filter “%(filter)s” has an invalid value (“%(value)s”) and was ignored.")
            % {"filter": label, "value": raw[:50]}
        )

    def parse_year(self, raw):
        if not raw:
            return
        last_year = timezone.localdate().year + 1
        if raw.isdigit() and len(raw) == 4 and FIRST_YEAR <= int(raw) <= last_year:
            self.selected["year"] = int(raw)
        else:
            self.ignore(_("Year of issue"), raw)

    def parse_status(self, raw):
        if not raw:
            return
        if raw in LegalDocumentPage.Status.values:
            self.selected["status"] = raw
        else:
            self.ignore(pgettext_lazy("legal document", "Status"), raw)

    @property
    def is_active(self):
        return bool(self.selected)

    @property
    def query_string(self):
        """The valid filters as a URL query, for pagination and shareable links."""
        return urlencode(self.selected)

    def apply(self, queryset):
        for param, lookup, _model, _label in self.CATALOGUES:
            if param in self.selected:
                queryset = queryset.filter(**{f"{lookup}_id": self.selected[param]})
        if "year" in self.selected:
            queryset = queryset.filter(issued_on__year=self.selected["year"])
        if "status" in self.selected:
            queryset = queryset.filter(computed_status=self.selected["status"])
        if self.query:
            queryset = search_documents(queryset, self.query)
        return queryset

    def paginate(self, request, queryset):
        return paginate(request, queryset, per_page=PER_PAGE)
