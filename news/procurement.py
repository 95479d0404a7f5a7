"""Projects, public investment and procurement: projects with their bidding packages."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import AttributionMixin, BasePage
from home.pagination import paginate

YEAR_VALIDATORS = [MinValueValidator(1975), MaxValueValidator(2100)]


def format_vnd(amount):
    """Format an amount of đồng with dots between thousands: "12.500.000.000 đồng"."""
    if amount is None:
        return ""
    return _("%(amount)s VND") % {"amount": f"{int(amount):,}".replace(",", ".")}


class ProjectIndexPage(BasePage):
    """Lists projects, filtered by status, field and year."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.ProjectPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Project list")
        verbose_name_plural = _("Project lists")

    def projects(self):
        return (
            ProjectPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by(models.F("start_year").desc(nulls_last=True), "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = self.projects()
        filters = {}
        status = request.GET.get("status", "")
        if status in ProjectPage.Status.values:
            projects = projects.filter(status=status)
            filters["status"] = status
        field = request.GET.get("field", "")
        if field in ProjectPage.Field.values:
            projects = projects.filter(field=field)
            filters["field"] = field
        year = request.GET.get("year", "").strip()
        if year:
            if year.isdigit() and 1975 <= int(year) <= 2100:
                projects = projects.filter(start_year__lte=int(year)).filter(
                    models.Q(end_year__isnull=True) | models.Q(end_year__gte=int(year))
                )
                filters["year"] = int(year)
            else:
                context["year_error"] = _(
                    "“%(year)s” is not a year: type four digits, for example 2026."
                ) % {"year": year}
        context["filters"] = filters
        context["filter_query"] = urlencode(filters)
        context["statuses"] = ProjectPage.Status.choices
        context["fields"] = ProjectPage.Field.choices
        context["projects"] = paginate(request, projects, per_page=20)
        return context


class ProjectPage(AttributionMixin, BasePage):
    """A public investment project with its bidding packages and documents."""

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("Investment preparation")
        BIDDING = "bidding", _("Selecting contractors")
        IN_PROGRESS = "in_progress", _("Under way")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    class Field(models.TextChoices):
        TRANSPORT = "transport", _("Transport")
        IRRIGATION = "irrigation", _("Irrigation")
        EDUCATION = "education", _("Education")
        HEALTH = "health", _("Health")
        AGRICULTURE = "agriculture", _("Agriculture and rural development")
        CULTURE = "culture", _("Culture and sport")
        UTILITIES = "utilities", _("Power and water supply")
        PUBLIC_BUILDINGS = "public_buildings", _("Offices and public buildings")
        ENVIRONMENT = "environment", _("Environment")
        OTHER = "other", _("Other")

    objective = RichTextField(_("Objective and scale"), features=RICH_TEXT_FEATURES)
    field = models.CharField(
        pgettext_lazy("subject area", "Field"), max_length=30, choices=Field.choices
    )
    investor = models.CharField(
        _("Investor"),
        max_length=255,
        help_text=_("For example: Ban Quản lý dự án đầu tư xây dựng huyện Mường Tè."),
    )
    location = models.CharField(_("Location"), max_length=255)
    total_investment = models.DecimalField(
        _("Total investment (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_source = models.CharField(
        _("Funding source"),
        max_length=255,
        blank=True,
        help_text=_("For example: Vốn ngân sách tỉnh; Chương trình mục tiêu quốc gia."),
    )
    approval = models.CharField(
        _("Approval decision"),
        max_length=255,
        blank=True,
        help_text=_("For example: Quyết định số 1234/QĐ-UBND ngày 15/3/2026."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("Start year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("Planned end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    status = models.CharField(
        pgettext_lazy("project", "Status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PREPARATION,
    )
    progress = RichTextField(
        _("Progress"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What has been done so far; update it as the project advances."),
    )

    parent_page_types = ["news.ProjectIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("objective"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("field"), FieldPanel("status")]),
                FieldPanel("investor"),
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("total_investment"), FieldPanel("funding_source")]),
                FieldPanel("approval"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Project details"),
        ),
        FieldPanel("progress"),
        InlinePanel("packages", label=_("Bidding package")),
        InlinePanel("documents", label=_("Attached document")),
        *AttributionMixin.attribution_panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("objective"),
        index.SearchField("investor"),
        index.SearchField("location"),
        index.FilterField("status"),
        index.FilterField("field"),
    ]

    class Meta:
        verbose_name = _("Project")
        verbose_name_plural = _("Projects")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The end year cannot come before the start year.")}
            )

    @property
    def total_investment_display(self):
        return format_vnd(self.total_investment)

    @property
    def duration_display(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")


class BiddingPackage(Orderable):
    """A bidding package (gói thầu): its notice, dates and result."""

    class SelectionMethod(models.TextChoices):
        OPEN_BIDDING = "open_bidding", _("Open bidding")
        LIMITED_BIDDING = "limited_bidding", _("Limited bidding")
        DIRECT_APPOINTMENT = "direct_appointment", _("Direct appointment")
        COMPETITIVE_SHOPPING = "competitive_shopping", _("Competitive shopping")
        COMMUNITY = "community", _("Community participation")
        SELF_PERFORMED = "self_performed", _("Self-performed")

    project = ParentalKey(ProjectPage, related_name="packages", on_delete=models.CASCADE)
    name = models.CharField(
        _("Package name"),
        max_length=500,
        help_text=_("For example: Gói thầu số 01: Thi công xây dựng công trình."),
    )
    estimated_price = models.DecimalField(
        _("Package price (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    selection_method = models.CharField(
        _("Contractor selection method"), max_length=30, choices=SelectionMethod.choices
    )
    notice_number = models.CharField(
        _("Notice number"),
        max_length=100,
        blank=True,
        help_text=_("The number of the invitation to bid on the national e-procurement system."),
    )
    notice_url = models.URLField(_("Notice address"), blank=True)
    notice_published_on = models.DateField(_("Notice published on"), null=True, blank=True)
    bid_closing_at = models.DateTimeField(_("Bid closing"), null=True, blank=True)
    winner = models.CharField(_("Winning contractor"), max_length=255, blank=True)
    contract_price = models.DecimalField(
        _("Winning price (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    result_decision = models.CharField(
        _("Result decision"),
        max_length=255,
        blank=True,
        help_text=_("For example: Quyết định số 56/QĐ-BQLDA."),
    )
    result_on = models.DateField(_("Result approved on"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("estimated_price"), FieldPanel("selection_method")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("notice_number"), FieldPanel("notice_published_on")]),
                FieldPanel("notice_url"),
                FieldPanel("bid_closing_at"),
            ],
            heading=_("Notice"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("winner"),
                FieldRowPanel([FieldPanel("contract_price"), FieldPanel("result_on")]),
                FieldPanel("result_decision"),
            ],
            heading=_("Result"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Bidding package")
        verbose_name_plural = _("Bidding packages")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.notice_published_on
            and self.bid_closing_at
            and self.bid_closing_at.date() < self.notice_published_on
        ):
            errors["bid_closing_at"] = _("Bids cannot close before the notice is published.")
        if (self.contract_price is not None or self.result_on) and not self.winner:
            errors["winner"] = _("Name the winning contractor of this result.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_result(self):
        return bool(self.winner)

    @property
    def estimated_price_display(self):
        return format_vnd(self.estimated_price)

    @property
    def contract_price_display(self):
        return format_vnd(self.contract_price)


class ProjectDocument(Orderable):
    project = ParentalKey(ProjectPage, related_name="documents", on_delete=models.CASCADE)
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("File"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("Label"),
        max_length=255,
        blank=True,
        help_text=_(
            "For example: Quyết định phê duyệt dự án. Leave empty to use the file's title."
        ),
    )

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("Attached document")
        verbose_name_plural = _("Attached documents")
