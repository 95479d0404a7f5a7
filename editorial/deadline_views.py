"""The board's overdue report and dashboard panel, and the form where an author gives an
item's event time."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.permission_policies import ModelPermissionPolicy

from home.exports import SafeSpreadsheetExportMixin

from .deadlines import DeadlineKind, ItemDeadline, ItemDeadlineQuerySet, deadline_summary


class DeadlineReportFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Show"),
        method="filter_state",
        choices=[("overdue", _("Overdue")), ("due_soon", _("Due soon"))],
        empty_label=_("All items in the workflow"),
        widget=forms.RadioSelect,
    )
    kind = django_filters.ChoiceFilter(label=_("Kind of item"), choices=DeadlineKind.choices)

    class Meta:
        model = ItemDeadline
        fields = ["state", "kind", "unit"]

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        if value == "overdue":
            return queryset.filter(due_at__lt=now)
        if value == "due_soon":
            return queryset.filter(warn_from__lte=now, due_at__gte=now)
        return queryset


class DeadlineReportView(SafeSpreadsheetExportMixin, ReportView):
    """Items still in the workflow with their due time, stage and holder, earliest due first."""

    page_title = _("Publication deadlines")
    header_icon = "time"
    model = ItemDeadline
    permission_policy = ModelPermissionPolicy(ItemDeadline)
    permission_required = "view"
    filterset_class = DeadlineReportFilterSet
    index_url_name = "editorial_deadline_report"
    index_results_url_name = "editorial_deadline_report_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Item"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
        ),
        Column("unit_name", label=_("Unit")),
        Column("kind_label", label=_("Kind of item")),
        Column("reference_display", label=_("Counted from")),
        Column("due_display", label=_("Due")),
        Column("status_label", label=_("Status")),
        Column("stage", label=_("Workflow stage")),
        Column("holder", label=_("Held by")),
    ]
    list_export = [
        "title",
        "unit_name",
        "kind_label",
        "reference_display",
        "due_display",
        "status_label",
        "overdue_hours",
        "stage",
        "holder",
    ]
    export_headings = {
        "title": _("Item"),
        "unit_name": _("Unit"),
        "kind_label": _("Kind of item"),
        "reference_display": _("Counted from"),
        "due_display": _("Due"),
        "status_label": _("Status"),
        "overdue_hours": _("Hours overdue"),
        "stage": _("Workflow stage"),
        "holder": _("Held by"),
    }

    def get_filename(self):
        return f"han-dang-tai-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return (
            ItemDeadline.objects.open()
            .select_related("page", "unit", "workflow_state__current_task_state__task")
            .order_by("due_at", "pk")
        )


class DeadlinesPanel(Component):
    """Dashboard panel: items due soon and overdue, by unit and by workflow stage."""

    name = "editorial_deadlines"
    template_name = "editorial/panels/deadlines.html"
    order = 80
    limit = 10

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        summary = deadline_summary()
        context.update(summary)
        context["items"] = summary["items"][: self.limit]
        context["report_url"] = reverse("editorial_deadline_report")
        return context


def user_sees_deadlines(user):
    return user.has_perm("editorial.view_itemdeadline")


# The contributor's event time --------------------------------------------------------------


class EventTimeForm(forms.Form):
    event_at = forms.DateTimeField(
        label=_("Event date and time"),
        widget=AdminDateTimeInput,
        help_text=_("When the reported event took place; the publication deadline counts from it."),
        error_messages={
            "required": _("Enter when the event took place."),
            "invalid": _("Enter a valid date and time, for example 25/12/2026 08:00."),
        },
    )

    def clean_event_at(self):
        event_at = self.cleaned_data["event_at"]
        if event_at > timezone.now():
            raise forms.ValidationError(
                _("The event time cannot be in the future: enter when the event took place.")
            )
        return event_at


def user_may_set_event_time(user, deadline):
    """Return True for the item's submitter or owner, and for the board, while it is open."""
    if deadline.workflow_state.status not in ItemDeadlineQuerySet.OPEN_STATUSES:
        return False
    if user.has_perm("editorial.change_itemdeadline"):
        return True
    return user.pk in {deadline.workflow_state.requested_by_id, deadline.page.owner_id}


class EventTimeView(WagtailAdminTemplateMixin, FormView):
    """Let a contributor give the event time of an item whose deadline counts from submission."""

    template_name = "editorial/deadline_event.html"
    form_class = EventTimeForm
    page_title = _("Event time")
    header_icon = "time"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        self.deadline = get_object_or_404(
            ItemDeadline.objects.select_related("page", "workflow_state"), pk=kwargs["pk"]
        )
        if not user_may_set_event_time(request.user, self.deadline):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        if self.deadline.reference_from_submission:
            return {}
        return {"event_at": timezone.localtime(self.deadline.reference_at)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deadline"] = self.deadline
        return context

    def form_valid(self, form):
        deadline = self.deadline
        with transaction.atomic():
            deadline.reference_at = form.cleaned_data["event_at"]
            deadline.reference_from_submission = False
            deadline.save()
        messages.success(
            self.request,
            _("“%(title)s” is now due at %(due)s.")
            % {"title": deadline.title, "due": deadline.due_display},
        )
        return redirect("wagtailadmin_home")
