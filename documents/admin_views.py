"""Admin listing of legal documents, with the library's filters and CSV/XLSX export."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from home.exports import SafeSpreadsheetExportMixin
from home.text import to_nfc

from .filters import FIRST_YEAR, MAX_QUERY_LENGTH, search_documents
from .models import DocumentField, DocumentType, IssuingBody, LegalDocumentPage


def year_choices():
    return [(year, str(year)) for year in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)]


class LegalDocumentFilterSet(WagtailFilterSet):
    document_type = django_filters.ModelChoiceFilter(
        label=_("Document type"), queryset=DocumentType.objects.all()
    )
    issuing_body = django_filters.ModelChoiceFilter(
        label=_("Issuing body"), queryset=IssuingBody.objects.all()
    )
    field = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("legal document", "Field"), queryset=DocumentField.objects.all()
    )
    year = django_filters.TypedChoiceFilter(
        label=_("Year of issue"),
        field_name="issued_on__year",
        choices=year_choices,
        coerce=int,
    )
    status = django_filters.ChoiceFilter(
        label=pgettext_lazy("legal document", "Status"),
        choices=LegalDocumentPage.Status.choices,
        method="filter_status",
    )

    class Meta:
        model = LegalDocumentPage
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(computed_status=value)


class LegalDocumentIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_status()

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = to_nfc(self.search_query).strip()[:MAX_QUERY_LENGTH]
        return search_documents(queryset, query)


class LegalDocumentListingViewSet(PageListingViewSet):
    model = LegalDocumentPage
    index_view_class = LegalDocumentIndexView
    icon = "doc-full"
    menu_label = _("Legal documents")
    menu_order = 290
    add_to_admin_menu = True
    name = "legal_documents"
    filterset_class = LegalDocumentFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("number", label=_("Number and symbol"), sort_key="number"),
        Column("document_type", label=_("Document type")),
        Column("issuing_body", label=_("Issuing body")),
        DateColumn("issued_on", label=_("Issued on"), sort_key="issued_on"),
        Column("status_label", label=pgettext_lazy("legal document", "Status")),
        PageStatusColumn("status", label=_("Publication"), sort_key="live"),
    ]
    list_export = [
        "number",
        "title",
        "document_type",
        "issuing_body",
        "field",
        "signer",
        "signer_position",
        "issued_on",
        "effective_from",
        "effective_until",
        "status_label",
        "summary",
        "full_url",
    ]
    export_headings = {
        "number": _("Number and symbol"),
        "title": _("Title"),
        "document_type": _("Document type"),
        "issuing_body": _("Issuing body"),
        "field": pgettext_lazy("legal document", "Field"),
        "signer": _("Signed by"),
        "signer_position": _("Signer's position"),
        "issued_on": _("Issued on"),
        "effective_from": _("Effective from"),
        "effective_until": _("Effective until"),
        "status_label": pgettext_lazy("legal document", "Status"),
        "summary": pgettext_lazy("legal document", "Summary"),
        "full_url": pgettext_lazy("web page", "Address"),
    }
    export_filename = "van-ban"
    ordering = "-issued_on"
