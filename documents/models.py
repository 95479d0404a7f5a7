"""Legal document library: documents with their metadata, files and relations."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage
from home.pagination import paginate


class NamedSnippet(models.Model):
    name = models.CharField(_("Name"), max_length=255, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class DocumentType(NamedSnippet):
    """Kind of legal document: Quyết định, Nghị quyết, Chỉ thị, Kế hoạch, Công văn…"""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("Document type")
        verbose_name_plural = _("Document types")


class IssuingBody(NamedSnippet):
    """Agency that issues documents, for example UBND huyện Mường Tè."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("Issuing body")
        verbose_name_plural = _("Issuing bodies")


class DocumentField(NamedSnippet):
    """Field (lĩnh vực) of state management a document belongs to."""

    class Meta(NamedSnippet.Meta):
        verbose_name = _("Field")
        verbose_name_plural = _("Fields")


class LegalDocumentIndexPage(BasePage):
    """The library: every legal document page below it, newest issue date first."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.LegalDocumentPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Legal document library")
        verbose_name_plural = _("Legal document libraries")

    def documents(self):
        return (
            LegalDocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("document_type", "issuing_body", "field")
            .order_by(models.F("issued_on").desc(nulls_last=True), "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = self.documents()
        filters = {}
        for param, lookup in (
            ("type", "document_type"),
            ("issuer", "issuing_body"),
            ("field", "field"),
        ):
            value = request.GET.get(param, "")
            if value.isdigit():
                documents = documents.filter(**{f"{lookup}_id": int(value)})
                filters[param] = int(value)
        year = request.GET.get("year", "")
        if year.isdigit() and len(year) == 4:
            documents = documents.filter(issued_on__year=int(year))
            filters["year"] = int(year)
        context["filters"] = filters
        context["filter_query"] = urlencode(filters)
        context["document_types"] = DocumentType.objects.all()
        context["issuing_bodies"] = IssuingBody.objects.all()
        context["fields"] = DocumentField.objects.all()
        context["documents"] = paginate(request, documents, per_page=20)
        return context


class LegalDocumentPage(BasePage):
    """A legal or administrative document (văn bản) with its metadata and files."""

    class Status(models.TextChoices):
        NOT_YET_IN_FORCE = "not_yet_in_force", _("Not yet in force")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")
        REPLACED = "replaced", _("Replaced")

    number = models.CharField(
        _("Number and symbol"),
        max_length=100,
        blank=True,
        help_text=_("As printed on the document, for example 181/QĐ-UBND or 42/2022/NĐ-CP."),
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("Document type"), on_delete=models.PROTECT, related_name="+"
    )
    issuing_body = models.ForeignKey(
        IssuingBody, verbose_name=_("Issuing body"), on_delete=models.PROTECT, related_name="+"
    )
    field = models.ForeignKey(
        DocumentField,
        verbose_name=_("Field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signer = models.CharField(_("Signed by"), max_length=255, blank=True)
    signer_position = models.CharField(_("Signer's position"), max_length=255, blank=True)
    issued_on = models.DateField(_("Issued on"), null=True, blank=True)
    effective_from = models.DateField(
        _("Effective from"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the document takes effect on the day it is signed."),
    )
    effective_until = models.DateField(_("Effective until"), null=True, blank=True)
    summary = models.TextField(
        _("Summary"), help_text=_("The trích yếu: what the document is about, in one sentence.")
    )
    full_text = RichTextField(
        _("Full text"),
        blank=True,
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"],
    )

    parent_page_types = ["documents.LegalDocumentIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("field")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
            ],
            heading=_("Issuance"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("issued_on"),
                        FieldPanel("effective_from"),
                        FieldPanel("effective_until"),
                    ]
                )
            ],
            heading=_("Dates"),
        ),
        InlinePanel("attachments", label=_("Files")),
        InlinePanel("relations", label=_("Related documents")),
        FieldPanel("full_text"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("full_text"),
        index.FilterField("issued_on"),
    ]

    class Meta:
        verbose_name = _("Legal document")
        verbose_name_plural = _("Legal documents")

    def clean(self):
        super().clean()
        if (
            self.effective_from
            and self.effective_until
            and self.effective_until < self.effective_from
        ):
            raise ValidationError(
                {"effective_until": _("The end of validity cannot come before the start.")}
            )

    def incoming_relations(self):
        """Relations recorded on other live documents that point at this one."""
        return DocumentRelation.objects.filter(
            target_page=self, document__live=True
        ).select_related("document")

    def is_replaced(self):
        if self.relations.filter(kind=DocumentRelation.Kind.REPLACED_BY).exists():
            return True
        return self.incoming_relations().filter(kind=DocumentRelation.Kind.REPLACES).exists()

    def get_status(self, today=None):
        today = today or timezone.localdate()
        if self.is_replaced():
            return self.Status.REPLACED
        starts = self.effective_from or self.issued_on
        if starts and starts > today:
            return self.Status.NOT_YET_IN_FORCE
        if self.effective_until and self.effective_until < today:
            return self.Status.EXPIRED
        return self.Status.IN_FORCE

    @property
    def status(self):
        return self.get_status()

    @property
    def status_label(self):
        return self.Status(self.status).label


class LegalDocumentAttachment(Orderable):
    document = ParentalKey(LegalDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("File"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("Label"),
        max_length=255,
        blank=True,
        help_text=_(
            "For example: Bản scan có chữ ký, Phụ lục. Leave empty to use the file's title."
        ),
    )

    panels = [FieldPanel("file"), FieldPanel("label")]


class DocumentRelation(Orderable):
    """A link from one document to another: on this site (by page) or elsewhere (by number)."""

    class Kind(models.TextChoices):
        REPLACES = "replaces", _("Replaces")
        REPLACED_BY = "replaced_by", _("Replaced by")
        AMENDS = "amends", _("Amends")
        AMENDED_BY = "amended_by", _("Amended by")

    INVERSE = {
        Kind.REPLACES: Kind.REPLACED_BY,
        Kind.REPLACED_BY: Kind.REPLACES,
        Kind.AMENDS: Kind.AMENDED_BY,
        Kind.AMENDED_BY: Kind.AMENDS,
    }

    document = ParentalKey(LegalDocumentPage, related_name="relations", on_delete=models.CASCADE)
    kind = models.CharField(_("Relation"), max_length=20, choices=Kind.choices)
    target_page = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("Document on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incoming_relation_set",
    )
    target_number = models.CharField(
        _("Number of a document not on this site"), max_length=100, blank=True
    )
    target_title = models.CharField(_("Its title"), max_length=500, blank=True)
    target_issued_on = models.DateField(_("Its issue date"), null=True, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("target_page"),
        FieldRowPanel([FieldPanel("target_number"), FieldPanel("target_issued_on")]),
        FieldPanel("target_title"),
    ]

    def clean(self):
        super().clean()
        if not (self.target_page_id or self.target_number):
            raise ValidationError(
                _("Choose a document on this site or give the number of the other document.")
            )

    @property
    def inverse_label(self):
        return self.Kind(self.INVERSE[self.Kind(self.kind)]).label

    def describe_target(self):
        if self.target_page_id:
            return self.target_page.title
        parts = [self.target_number]
        if self.target_issued_on:
            parts.append(_("of %(date)s") % {"date": self.target_issued_on.strftime("%d/%m/%Y")})
        if self.target_title:
            parts.append(f"– {self.target_title}")
        return " ".join(str(part) for part in parts)
