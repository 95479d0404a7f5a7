"""Admin reports of the satisfaction ratings, per page and per section, with CSV and XLSX export."""

from django.db.models import Avg, Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from documents.models import LegalDocumentIndexPage
from home.exports import SafeSpreadsheetExportMixin
from news.models import SectionPage

from .ratings import PageRating

STEP_LENGTH = Page.steplen


def rating_totals(ratings):
    """Return subqueries of the count and the average score of ``ratings``, for one outer row."""
    grouped = ratings.annotate(group=Value(1, output_field=IntegerField())).values("group")
    return (
        Subquery(grouped.annotate(total=Count("pk")).values("total")[:1]),
        Subquery(grouped.annotate(mean=Avg("score")).values("mean")[:1]),
    )


class AverageColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else f"{value:.2f}".replace(".", ",")


class BaseRatingReport(SafeSpreadsheetExportMixin, ReportView):
    permission_policy = ModelPermissionPolicy(PageRating)
    permission_required = "view"
    header_icon = "pick"
    export_headings = {
        "title": _("Page"),
        "section_title": _("Section"),
        "rating_count": _("Number of ratings"),
        "rating_average": _("Average rating"),
    }

    def get_base_queryset(self):
        count, average = rating_totals(self.ratings())
        return (
            self.pages()
            .annotate(rating_count=count, rating_average=average)
            .filter(rating_count__gt=0)
            .order_by("rating_average", "-rating_count", "title")
        )


class PageRatingReport(BaseRatingReport):
    title = _("Ratings per page")
    index_url_name = "feedback_ratings_per_page"
    index_results_url_name = "feedback_ratings_per_page_results"
    list_export = ["title", "section_title", "rating_count", "rating_average"]
    export_filename = "danh-gia-theo-trang"
    columns = [
        Column("title", label=_("Page")),
        Column("section_title", label=_("Section")),
        Column("rating_count", label=_("Number of ratings")),
        AverageColumn("rating_average", label=_("Average rating")),
    ]

    def ratings(self):
        return PageRating.objects.filter(page=OuterRef("pk"))

    def pages(self):
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - STEP_LENGTH)
        parent_title = Page.objects.filter(path=parent_path).values("title")[:1]
        return Page.objects.annotate(section_title=Subquery(parent_title))


class SectionRatingReport(BaseRatingReport):
    title = _("Ratings per section")
    index_url_name = "feedback_ratings_per_section"
    index_results_url_name = "feedback_ratings_per_section_results"
    list_export = ["title", "rating_count", "rating_average"]
    export_headings = {**BaseRatingReport.export_headings, "title": _("Section")}
    export_filename = "danh-gia-theo-chuyen-muc"
    columns = [
        Column("title", label=_("Section")),
        Column("rating_count", label=_("Number of ratings")),
        AverageColumn("rating_average", label=_("Average rating")),
    ]

    def ratings(self):
        # Every rating of a page below the section, at any depth.
        return PageRating.objects.filter(page__path__startswith=OuterRef("path")).exclude(
            page__path=OuterRef("path")
        )

    def pages(self):
        return Page.objects.type(SectionPage, LegalDocumentIndexPage)


def report_urls():
    return [
        path(
            "danh-gia/trang/",
            PageRatingReport.as_view(),
            name="feedback_ratings_per_page",
        ),
        path(
            "danh-gia/trang/results/",
            PageRatingReport.as_view(results_only=True),
            name="feedback_ratings_per_page_results",
        ),
        path(
            "danh-gia/chuyen-muc/",
            SectionRatingReport.as_view(),
            name="feedback_ratings_per_section",
        ),
        path(
            "danh-gia/chuyen-muc/results/",
            SectionRatingReport.as_view(results_only=True),
            name="feedback_ratings_per_section_results",
        ),
    ]


class RatingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_pagerating")


def report_menu_items():
    return [
        RatingReportMenuItem(
            _("Ratings per page"),
            reverse("feedback_ratings_per_page"),
            icon_name="pick",
            order=800,
        ),
        RatingReportMenuItem(
            _("Ratings per section"),
            reverse("feedback_ratings_per_section"),
            icon_name="pick",
            order=801,
        ),
    ]
