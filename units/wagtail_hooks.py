import django_filters
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ProcedureListPage, Spokesperson, UnitName
from .panels import QuotaDashboardPanel, show_quota_panel
from .quotas import QuotaReminder, QuotaRule
from .reports import QuotaReportView, QuotaWorksView, can_view_reports
from .statistics import ContributionStatisticsView
from .views import ProcedureImportView, UnitMergeView


class SpokespersonFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("In the role"),
        choices=[("current", _("In the role today")), ("past", _("Left the role"))],
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = Spokesperson
        fields = ["status", "role", "unit"]

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == "current":
            return queryset.current(today)
        if value == "past":
            return queryset.past(today)
        return queryset


class SpokespersonViewSet(SnippetViewSet):
    model = Spokesperson
    icon = "user"
    list_display = ["name", "position", "unit", "role", "appointed_on", "ended_on"]
    filterset_class = SpokespersonFilterSet
    search_fields = ["name", "position", "scope"]
    ordering = ["unit__title", "sort_order", "name"]


class UnitNameViewSet(SnippetViewSet):
    model = UnitName
    icon = "history"
    list_display = ["name", "unit", "used_until"]
    search_fields = ["name"]


class QuotaRuleViewSet(SnippetViewSet):
    model = QuotaRule
    icon = "tasks"
    list_display = ["scope", "works_per_month", "effective_from", "end_label"]
    list_filter = ["unit"]
    ordering = ["unit__title", "-effective_from"]


class QuotaReminderViewSet(SnippetViewSet):
    model = QuotaReminder
    icon = "mail"
    list_display = ["unit", "month", "works_count", "works_required", "sent_at"]
    list_filter = ["month"]
    inspect_view_enabled = True


class UnitSnippetsGroup(SnippetViewSetGroup):
    items = (SpokespersonViewSet, UnitNameViewSet, QuotaRuleViewSet, QuotaReminderViewSet)
    menu_icon = "group"
    menu_label = _("Units")
    menu_order = 310


register_snippet(UnitSnippetsGroup)


@hooks.register("register_admin_urls")
def register_unit_admin_urls():
    return [
        path(
            "units/procedures/<int:page_id>/import/",
            ProcedureImportView.as_view(),
            name="units_procedure_import",
        ),
        path("units/merge/", UnitMergeView.as_view(), name="units_merge"),
        path("reports/quotas/", QuotaReportView.as_view(), name="units_quota_report"),
        path(
            "reports/quotas/<int:unit_id>/<int:year>/<int:month>/",
            QuotaWorksView.as_view(),
            name="units_quota_works",
        ),
        path(
            "reports/contributions/",
            ContributionStatisticsView.as_view(),
            name="units_contribution_statistics",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_quota_panel(request, panels):
    if show_quota_panel(request.user):
        panels.append(QuotaDashboardPanel(request))


class BoardReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_quota_report_menu_item():
    return BoardReportMenuItem(
        _("Unit quotas"), reverse("units_quota_report"), icon_name="table", order=700
    )


@hooks.register("register_reports_menu_item")
def register_contribution_statistics_menu_item():
    return BoardReportMenuItem(
        _("Contribution statistics"),
        reverse("units_contribution_statistics"),
        icon_name="table",
        order=710,
    )


class UnitMergeMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("units.merge_units")


@hooks.register("register_settings_menu_item")
def register_unit_merge_menu_item():
    return UnitMergeMenuItem(_("Merge units"), reverse("units_merge"), icon_name="group", order=900)


def procedure_import_button(page, user, priority):
    page_class = page.specific_class
    if (
        page_class
        and issubclass(page_class, ProcedureListPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Import procedures"),
            reverse("units_procedure_import", args=[page.pk]),
            icon_name="upload",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def page_header_procedure_import(page, user, view_name, next_url=None):
    yield from procedure_import_button(page, user, priority=40)


@hooks.register("register_page_listing_more_buttons")
def page_listing_procedure_import(page, user, next_url=None):
    yield from procedure_import_button(page, user, priority=45)


@hooks.register("register_log_actions")
def register_unit_log_actions(actions):
    @actions.register_action("units.merge")
    class UnitMergedFormatter(LogFormatter):
        label = _("Merge units")

        def format_message(self, log_entry):
            return _("Merged into “%(target)s” on %(date)s") % {
                "target": log_entry.data.get("target_title", ""),
                "date": log_entry.data.get("merged_on", ""),
            }
