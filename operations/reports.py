import datetime

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from home.exports import SafeSpreadsheetExportMixin

from .models import PageViewDay


class PageViewReport(SafeSpreadsheetExportMixin, ReportView):
    """Pages by views over the last ``days`` days (30 unless ?days= says otherwise)."""

    page_title = _("Page views")
    header_icon = "view"
    index_url_name = "operations_page_views"
    index_results_url_name = "operations_page_views_results"
    permission_policy = ModelPermissionPolicy(PageViewDay)
    permission_required = "view"
    default_days = 30
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("views", label=_("Views")),
    ]
    list_export = ["title", "url", "views"]
    export_headings = {"title": _("Page"), "url": _("Page address"), "views": _("Views")}
    export_filename = "luot-xem"

    def days(self):
        try:
            return max(1, min(int(self.request.GET.get("days", self.default_days)), 3660))
        except ValueError:
            return self.default_days

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=self.days() - 1)
        return (
            Page.objects.filter(view_days__date__gte=since)
            .annotate(views=Sum("view_days__views"))
            .order_by("-views", "path")
        )
