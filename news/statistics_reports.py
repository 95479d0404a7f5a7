"""Periodic statistics and socio-economic reports, by month, quarter or year."""

import calendar
import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import AttributionMixin, BasePage
from home.pagination import paginate

ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


class StatisticsIndexPage(BasePage):
    """Lists statistics reports by period, newest period first."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.StatisticsReportPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Statistics report list")
        verbose_name_plural = _("Statistics report lists")

    def reports(self):
        return (
            StatisticsReportPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("unit")
            .order_by("-period_ends_on", "period_kind", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = self.reports()
        filters = {}
        kind = request.GET.get("kind", "")
        if kind in StatisticsReportPage.PeriodKind.values:
            reports = reports.filter(period_kind=kind)
            filters["kind"] = kind
        year = request.GET.get("year", "").strip()
        if year:
            if year.isdigit() and 1975 <= int(year) <= 2100:
                reports = reports.filter(year=int(year))
                filters["year"] = int(year)
            else:
                context["year_error"] = _(
                    "“%(year)s” is not a year: type four digits, for example 2026."
                ) % {"year": year}
        context["filters"] = filters
        context["filter_query"] = urlencode(filters)
        context["period_kinds"] = StatisticsReportPage.PeriodKind.choices
        context["reports"] = paginate(request, reports, per_page=20)
        return context


class StatisticsReportPage(AttributionMixin, BasePage):
    """A monthly, quarterly or yearly statistics report or socio-economic report.

    ``period_ends_on`` is the last day of the period, which is also the regulation's
    deadline for publishing periodic statistics.
    """

    class PeriodKind(models.TextChoices):
        MONTH = "month", _("Monthly")
        QUARTER = "quarter", _("Quarterly")
        YEAR = "year", _("Yearly")

    period_kind = models.CharField(_("Period"), max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(
        _("Year"), validators=[MinValueValidator(1975), MaxValueValidator(2100)]
    )
    period_number = models.PositiveSmallIntegerField(
        _("Month or quarter"),
        null=True,
        blank=True,
        help_text=_("1–12 for a monthly report, 1–4 for a quarterly report, empty for a year."),
    )
    period_ends_on = models.DateField(
        _("Last day of the period"), null=True, editable=False, db_index=True
    )
    summary = RichTextField(_("Summary"), features=RICH_TEXT_FEATURES)
    data = StreamField(
        [("table", TableBlock(label=_("Data table"), template="blocks/table.html"))],
        verbose_name=_("Data tables"),
        blank=True,
    )

    parent_page_types = ["news.StatisticsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("period_kind"), FieldPanel("period_number"), FieldPanel("year")]
                )
            ],
            heading=_("Period"),
        ),
        FieldPanel("summary"),
        InlinePanel("files", label=_("File")),
        FieldPanel("data"),
        *AttributionMixin.attribution_panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("period_kind"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("Statistics report")
        verbose_name_plural = _("Statistics reports")

    def clean(self):
        super().clean()
        if self.period_kind == self.PeriodKind.MONTH and not 1 <= (self.period_number or 0) <= 12:
            raise ValidationError({"period_number": _("Give the month, from 1 to 12.")})
        if self.period_kind == self.PeriodKind.QUARTER and not 1 <= (self.period_number or 0) <= 4:
            raise ValidationError({"period_number": _("Give the quarter, from 1 to 4.")})
        if self.period_kind == self.PeriodKind.YEAR and self.period_number:
            raise ValidationError(
                {"period_number": _("Leave the month or quarter empty for a yearly report.")}
            )

    def save(self, *args, **kwargs):
        try:
            self.period_ends_on = self.period_end()
        except (TypeError, ValueError):
            # An incomplete period (a draft without its month, say) has no end yet.
            self.period_ends_on = None
        super().save(*args, **kwargs)

    def period_start(self):
        """The first day of the period."""
        if self.period_kind == self.PeriodKind.MONTH:
            return datetime.date(self.year, self.period_number, 1)
        if self.period_kind == self.PeriodKind.QUARTER:
            return datetime.date(self.year, 3 * self.period_number - 2, 1)
        return datetime.date(self.year, 1, 1)

    def period_end(self):
        """The last day of the period: the publication deadline for periodic statistics."""
        if self.period_kind == self.PeriodKind.MONTH:
            month = self.period_number
        elif self.period_kind == self.PeriodKind.QUARTER:
            month = 3 * self.period_number
        else:
            month = 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def period_label(self):
        if self.period_kind == self.PeriodKind.MONTH:
            return _("Month %(month)d/%(year)d") % {"month": self.period_number, "year": self.year}
        if self.period_kind == self.PeriodKind.QUARTER:
            return _("Quarter %(quarter)s of %(year)d") % {
                "quarter": ROMAN_QUARTERS[self.period_number],
                "year": self.year,
            }
        return _("Year %(year)d") % {"year": self.year}


class StatisticsReportFile(Orderable):
    report = ParentalKey(StatisticsReportPage, related_name="files", on_delete=models.CASCADE)
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("File"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("Label"),
        max_length=255,
        blank=True,
        help_text=_("For example: Biểu số liệu kèm theo. Leave empty to use the file's title."),
    )

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("File")
        verbose_name_plural = _("Files")
