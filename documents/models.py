"""Legal document library: documents with their metadata, files and relations."""

from anyascii import anyascii
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from home.models import BasePage
from home.text import to_nfc

from .numbers import number_key, year_in_number
from .uploads import DOCUMENT_FORMATS


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
        verbose_name = pgettext_lazy("legal document", "Field")
        verbose_name_plural = pgettext_lazy("legal document", "Fields")


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
        """Return the live, public, non-confidential documents of the library, newest issue first."""
        return (
            LegalDocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(is_confidential=False)
            .select_related("document_type", "issuing_body", "field")
            .with_status()
            .newest_first()
        )

    def get_context(self, request, *args, **kwargs):
        from .filters import LibraryFilters

        context = super().get_context(request, *args, **kwargs)
        filters = LibraryFilters(request.GET)
        context["filters"] = filters
        context["documents"] = filters.paginate(request, filters.apply(self.documents()))
        context["document_types"] = DocumentType.objects.all()
        context["issuing_bodies"] = IssuingBody.objects.all()
        context["fields"] = DocumentField.objects.all()
        context["statuses"] = LegalDocumentPage.Status.choices
        return context


def replacement_in_force(prefix, today):
    """Condition on the document at ``prefix`` that makes a replacement by it count on ``today``.

    A replacing document counts from the day it takes effect: its effective date, or its
    issue date when none is given. Without either date it counts at once, because the
    editors recorded the replacement.
    """
    return (
        Q(**{f"{prefix}effective_from__lte": today})
        | Q(**{f"{prefix}effective_from__isnull": True, f"{prefix}issued_on__lte": today})
        | Q(**{f"{prefix}effective_from__isnull": True, f"{prefix}issued_on__isnull": True})
    )


class LegalDocumentQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by(models.F("issued_on").desc(nulls_last=True), "-pk")

    def with_number(self, number):
        """Documents whose number matches ``number`` once both are reduced to their key."""
        key = number_key(number)
        if not key:
            return self.none()
        return self.filter(number_key=key)

    def with_status(self, today=None):
        """Annotate ``computed_status`` with the status of each document on ``today``."""
        today = today or timezone.localdate()
        Kind = DocumentRelation.Kind
        replaced_by_relation = DocumentRelation.objects.filter(
            document=OuterRef("pk"), kind=Kind.REPLACED_BY
        ).filter(Q(target_page__isnull=True) | replacement_in_force("target_page__", today))
        replacing_document = DocumentRelation.objects.filter(
            target_page=OuterRef("pk"), kind=Kind.REPLACES, document__live=True
        ).filter(replacement_in_force("document__", today))
        Status = LegalDocumentPage.Status
        return self.annotate(
            computed_status=Case(
                When(Exists(replaced_by_relation), then=Value(Status.REPLACED)),
                When(Exists(replacing_document), then=Value(Status.REPLACED)),
                When(effective_from__gt=today, then=Value(Status.NOT_YET_IN_FORCE)),
                When(
                    effective_from__isnull=True,
                    issued_on__gt=today,
                    then=Value(Status.NOT_YET_IN_FORCE),
                ),
                When(effective_until__lt=today, then=Value(Status.EXPIRED)),
                default=Value(Status.IN_FORCE),
                output_field=models.CharField(),
            )
        )

    def with_status_value(self, status, today=None):
        return self.with_status(today).filter(computed_status=status)


class LegalDocumentPage(BasePage):
    """A legal or administrative document (văn bản) with its metadata and files."""

    route_select_related = ("document_type", "issuing_body", "field")
    route_prefetch_related = ("relations__target_page", "attachments__file")

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
    number_key = models.CharField(max_length=100, blank=True, editable=False, db_index=True)
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("Document type"), on_delete=models.PROTECT, related_name="+"
    )
    issuing_body = models.ForeignKey(
        IssuingBody, verbose_name=_("Issuing body"), on_delete=models.PROTECT, related_name="+"
    )
    field = models.ForeignKey(
        DocumentField,
        verbose_name=pgettext_lazy("legal document", "Field"),
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
    effective_until = models.DateField(
        _("Effective until"),
        null=True,
        blank=True,
        help_text=_("The last day the document is in force. Leave empty if no end is set."),
    )
    summary = models.TextField(
        pgettext_lazy("legal document", "Summary"),
        help_text=_("The trích yếu: what the document is about, in one sentence."),
    )
    full_text = RichTextField(
        _("Full text"),
        blank=True,
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"],
    )

    objects = PageManager.from_queryset(LegalDocumentQuerySet)()

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
        InlinePanel("attachments", label=_("Files"), min_num=1),
        InlinePanel("relations", label=_("Related documents")),
        FieldPanel("full_text"),
    ]

    api_fields = [
        APIField("number"),
        APIField("summary"),
        APIField("signer"),
        APIField("signer_position"),
        APIField("issued_on"),
        APIField("effective_from"),
        APIField("effective_until"),
        APIField("full_text"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("full_text"),
        index.SearchField("folded_text"),
        index.FilterField("issued_on"),
        index.FilterField("is_confidential"),
    ]

    class Meta:
        verbose_name = _("Legal document")
        verbose_name_plural = _("Legal documents")

    def save(self, *args, **kwargs):
        self.number = to_nfc(self.number).strip()
        self.number_key = number_key(self.number)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "number" in update_fields:
            kwargs["update_fields"] = {*update_fields, "number_key"}
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.effective_from
            and self.effective_until
            and self.effective_until < self.effective_from
        ):
            errors["effective_until"] = _("The end of validity cannot come before the start.")
        self.number = to_nfc(self.number).strip()
        self.number_key = number_key(self.number)
        duplicate = self.find_duplicate_number()
        if duplicate is not None:
            errors["number"] = _(
                "The number %(number)s is already used by “%(title)s” of the same issuing "
                "body and year. Check the number, or edit that document instead."
            ) % {"number": self.number, "title": duplicate.title}
        if errors:
            raise ValidationError(errors)

    def number_year(self):
        """Return the year a number belongs to: the year of issue, else the year in the number."""
        if self.issued_on:
            return self.issued_on.year
        return year_in_number(self.number)

    def find_duplicate_number(self):
        """Return another document with the same number, issuing body and year, or None."""
        if not (self.number_key and self.issuing_body_id):
            return None
        candidates = LegalDocumentPage.objects.filter(
            number_key=self.number_key, issuing_body_id=self.issuing_body_id
        )
        if self.pk:
            candidates = candidates.exclude(pk=self.pk)
        year = self.number_year()
        for candidate in candidates.only("title", "number", "issued_on"):
            if candidate.number_year() == year:
                return candidate
        return None

    def serve(self, request, *args, **kwargs):
        # Confidential documents are never shown, even if a mistake published them.
        if self.is_confidential:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def folded_text(self):
        """Title, number, summary, signer and catalogue names without diacritics, for search.

        Indexing this copy lets "quyet dinh" find "Quyết định" on PostgreSQL and SQLite alike.
        NOTE: renaming a document type, issuing body or field does not reindex its documents.
        """
        parts = [self.title, self.number, self.summary, self.signer, self.signer_position]
        for related in ("document_type", "issuing_body", "field"):
            value = getattr(self, related, None)
            if value is not None:
                parts.append(value.name)
        parts.append(strip_tags(self.full_text or ""))
        return fold_text(" ".join(part for part in parts if part))

    # Relations ------------------------------------------------------------------------------

    def incoming_relations(self):
        """Relations recorded on other live documents that point at this one."""
        if not self.pk:
            return DocumentRelation.objects.none()
        return (
            DocumentRelation.objects.filter(target_page=self, document__live=True)
            .exclude(document__is_confidential=True)
            .select_related("document")
        )

    def relation_entries(self):
        """Return every relation of this document, from its own records and from the other side.

        Each entry is a dict with ``kind``, ``label``, ``page`` (a live page or None) and
        ``text``. A relation recorded on both documents appears once.
        """
        entries = []
        seen = set()
        for relation in self.relations.all():
            target = relation.target_page
            page = target if target is not None and target.live else None
            if page is not None and page.is_confidential:
                page = None
            key = (relation.kind, page.pk if page else None, relation.target_number)
            if page is not None:
                seen.add((relation.kind, page.pk))
            entries.append(
                {
                    "kind": relation.kind,
                    "label": relation.get_kind_display(),
                    "page": page,
                    "text": relation.describe_target(),
                    "key": key,
                }
            )
        for relation in self.incoming_relations():
            kind = DocumentRelation.INVERSE[DocumentRelation.Kind(relation.kind)]
            if (kind, relation.document_id) in seen:
                continue
            seen.add((kind, relation.document_id))
            document = relation.document
            entries.append(
                {
                    "kind": kind,
                    "label": DocumentRelation.Kind(kind).label,
                    "page": document,
                    "text": document.describe(),
                    "key": (kind, document.pk, ""),
                }
            )
        order = list(DocumentRelation.Kind.values)
        entries.sort(key=lambda entry: order.index(entry["kind"]))
        return entries

    def describe(self):
        """Return the number and title of the document, as other documents cite it."""
        if self.number:
            return f"{self.number} – {self.title}"
        return self.title

    # Status ---------------------------------------------------------------------------------

    def is_replaced_on(self, today):
        for relation in self.relations.all():
            if relation.kind != DocumentRelation.Kind.REPLACED_BY:
                continue
            target = relation.target_page
            if target is None or target.starts_on is None or target.starts_on <= today:
                return True
        if not self.pk:
            return False
        return (
            DocumentRelation.objects.filter(
                target_page=self, kind=DocumentRelation.Kind.REPLACES, document__live=True
            )
            .filter(replacement_in_force("document__", today))
            .exists()
        )

    @property
    def starts_on(self):
        """The first day in force: the effective date, or the issue date when none is given."""
        return self.effective_from or self.issued_on

    def get_status(self, today=None):
        """Return the status on ``today``, checking replacement first, then the dates.

        The first and the last day of validity both count as in force.
        """
        today = today or timezone.localdate()
        if self.is_replaced_on(today):
            return self.Status.REPLACED
        if self.starts_on and self.starts_on > today:
            return self.Status.NOT_YET_IN_FORCE
        if self.effective_until and self.effective_until < today:
            return self.Status.EXPIRED
        return self.Status.IN_FORCE

    @property
    def status(self):
        annotated = getattr(self, "computed_status", None)
        if annotated:
            return self.Status(annotated)
        if not hasattr(self, "_status_today"):
            self._status_today = self.get_status()
        return self._status_today

    @property
    def status_label(self):
        return self.Status(self.status).label


def fold_text(text):
    """Return ``text`` in lower-case ASCII: "Quyết định" becomes "quyet dinh"."""
    return anyascii(to_nfc(text or "")).lower()


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

    @property
    def format_label(self):
        """The file's format as people name it, for example "PDF" or "Word (DOCX)"."""
        extension = self.file.file_extension.lower()
        file_format = DOCUMENT_FORMATS.get(extension)
        return file_format.label if file_format else extension.upper()


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
        if self.target_page_id and self.target_page_id == self.document_id:
            raise ValidationError({"target_page": _("A document cannot relate to itself.")})

    @property
    def inverse_label(self):
        return self.Kind(self.INVERSE[self.Kind(self.kind)]).label

    def describe_target(self):
        if self.target_page_id:
            return self.target_page.describe()
        parts = [self.target_number]
        if self.target_issued_on:
            parts.append(_("of %(date)s") % {"date": self.target_issued_on.strftime("%d/%m/%Y")})
        if self.target_title:
            parts.append(f"– {self.target_title}")
        return " ".join(str(part) for part in parts)


class UploadSettingsForm(WagtailAdminModelForm):
    allowed_document_types = forms.MultipleChoiceField(
        label=_("Allowed document types"),
        choices=[
            (extension, file_format.label) for extension, file_format in DOCUMENT_FORMATS.items()
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Files of these types may be uploaded. The content of each file is checked "
            "against its type, so only these formats can be offered."
        ),
    )


def default_document_types():
    return list(DOCUMENT_FORMATS)


@register_setting(icon="upload")
class UploadSettings(BaseGenericSetting):
    """Limits on every uploaded document and image, edited by administrators."""

    max_document_size_mb = models.PositiveIntegerField(
        _("Maximum document size (MB)"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(2048)],
        help_text=_("Larger documents are rejected with a message stating this limit."),
    )
    max_image_size_mb = models.PositiveIntegerField(
        _("Maximum image size (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    max_image_megapixels = models.PositiveIntegerField(
        _("Maximum image size (megapixels)"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(170)],
        help_text=_(
            "Width × height, in millions of pixels, read from the file header before the "
            "image is decoded. Larger images are rejected."
        ),
    )
    allowed_document_types = models.JSONField(
        _("Allowed document types"), default=default_document_types
    )

    base_form_class = UploadSettingsForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("max_document_size_mb"), FieldPanel("allowed_document_types")],
            heading=_("Documents"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_image_size_mb"), FieldPanel("max_image_megapixels")],
            heading=_("Images"),
        ),
    ]

    class Meta:
        verbose_name = _("Upload limits")

    @property
    def max_document_bytes(self):
        return self.max_document_size_mb * 1024 * 1024

    @property
    def max_image_bytes(self):
        return self.max_image_size_mb * 1024 * 1024

    @property
    def max_image_pixels(self):
        return self.max_image_megapixels * 1_000_000

    def allowed_extensions(self):
        """Return the allowed extensions that the upload checks know, in the catalogue's order."""
        allowed = set(self.allowed_document_types or [])
        return [extension for extension in DOCUMENT_FORMATS if extension in allowed]
