"""Publication deadlines: the board's rules and the due time of each item in the workflow.

The data migration ``0007`` stores the operating regulation's defaults as rules the board
can edit. News is due 8 office hours after the event, and a document issued by the district
2 working days after its issue date. A conference or major event report is due 3 days after
the event, and periodic statistics by the last day of their month, quarter or year.

An item gets its ``ItemDeadline`` when it enters the workflow. The reference time comes from
the page itself when it has one (an article's event time, a document's issue date, the last
day of a statistics report's period), and otherwise from the time it was submitted. The board
may correct the kind and the reference time afterwards, and the due time is computed again.
"""

import datetime

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import WorkflowState

from . import calendar


class DeadlineKind(models.TextChoices):
    NEWS = "news", _("News item")
    DISTRICT_DOCUMENT = "district_document", _("Document issued by the district")
    CONFERENCE_REPORT = "conference_report", _("Conference or major event report")
    STATISTICS = "statistics", _("Monthly, quarterly or yearly statistics")


class DeadlineUnit(models.TextChoices):
    OFFICE_HOURS = "office_hours", _("Office hours")
    WORKING_DAYS = "working_days", _("Working days")
    CALENDAR_DAYS = "calendar_days", _("Calendar days")
    END_OF_PERIOD = "end_of_period", _("Days after the end of the period")


class DeadlineRule(models.Model):
    """How long the board has to publish one kind of item, counted from its reference time."""

    kind = models.CharField(
        _("Kind of item"), max_length=30, choices=DeadlineKind.choices, unique=True
    )
    amount = models.PositiveSmallIntegerField(
        _("Amount"),
        help_text=_(
            "How many office hours, working days or calendar days the board has. For "
            "statistics counted to the end of the period, 0 means by the last day of the period."
        ),
    )
    unit = models.CharField(_("Counted in"), max_length=20, choices=DeadlineUnit.choices)
    warning_hours = models.PositiveSmallIntegerField(
        _("Warn before (hours)"),
        default=4,
        help_text=_(
            "An item shows as due soon this many hours (of the clock) before its due time."
        ),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("amount"),
        FieldPanel("unit"),
        FieldPanel("warning_hours"),
    ]

    class Meta:
        ordering = ["kind"]
        verbose_name = _("Publication deadline rule")
        verbose_name_plural = _("Publication deadline rules")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount} {self.get_unit_display().lower()}"

    def due_at(self, reference, site=None):
        """Return the aware due time for an item whose reference time is ``reference``.

        Office hours count from the next office minute, and working days end at the close of
        the last working day. Calendar days are whole 24-hour days. The end of a period is the
        last second of the reference day (the period's last day) plus ``amount`` days.
        """
        if self.unit == DeadlineUnit.OFFICE_HOURS:
            return calendar.add_office_hours(reference, self.amount, site=site)
        if self.unit == DeadlineUnit.WORKING_DAYS:
            return calendar.add_working_days(reference, self.amount, site=site)
        local = timezone.localtime(reference)
        if self.unit == DeadlineUnit.CALENDAR_DAYS:
            return local + datetime.timedelta(days=self.amount)
        last_day = local.date() + datetime.timedelta(days=self.amount)
        return timezone.make_aware(datetime.datetime.combine(last_day, datetime.time(23, 59, 59)))


def start_of_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def page_reference(page):
    """Return ``(kind, reference time)`` read from the page's own fields, or ``(kind, None)``."""
    from documents.models import LegalDocumentPage
    from news.statistics_reports import StatisticsReportPage

    if isinstance(page, StatisticsReportPage):
        ends_on = page.period_ends_on
        if ends_on is None:
            try:
                ends_on = page.period_end()
            except (TypeError, ValueError):
                ends_on = None
        return DeadlineKind.STATISTICS, start_of_day(ends_on) if ends_on else None
    if isinstance(page, LegalDocumentPage):
        return DeadlineKind.DISTRICT_DOCUMENT, start_of_day(
            page.issued_on
        ) if page.issued_on else None
    return DeadlineKind.NEWS, getattr(page, "event_at", None)


class ItemDeadlineQuerySet(models.QuerySet):
    OPEN_STATUSES = [WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]

    def open(self):
        """Limit to items still in the workflow: waiting at a task or returned to the author."""
        return self.filter(workflow_state__status__in=self.OPEN_STATUSES)

    def overdue(self, now=None):
        return self.open().filter(due_at__lt=now or timezone.now())

    def due_soon(self, now=None):
        now = now or timezone.now()
        return self.open().filter(warn_from__lte=now, due_at__gte=now)


class ItemDeadline(models.Model):
    """The due time of one item's passage through the workflow, fixed when it was submitted."""

    workflow_state = models.OneToOneField(
        WorkflowState,
        verbose_name=_("Workflow"),
        on_delete=models.CASCADE,
        related_name="editorial_deadline",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Item"),
        on_delete=models.CASCADE,
        related_name="editorial_deadlines",
    )
    unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The unit of the contributor who submitted the item, or else the item's providing unit."
        ),
    )
    kind = models.CharField(_("Kind of item"), max_length=30, choices=DeadlineKind.choices)
    reference_at = models.DateTimeField(
        _("Counted from"),
        help_text=_(
            "The time of the event, the issue date of the document or the last day of the "
            "statistics period. When the item gives none, the time it was submitted."
        ),
    )
    reference_from_submission = models.BooleanField(
        _("Counted from the submission"),
        default=False,
        editable=False,
        help_text=_("The item gave no event time, so the deadline counts from its submission."),
    )
    due_at = models.DateTimeField(_("Due"), db_index=True, editable=False)
    warn_from = models.DateTimeField(_("Due soon from"), editable=False)

    panels = [FieldPanel("kind"), FieldPanel("reference_at"), FieldPanel("unit")]

    objects = ItemDeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("Publication deadline")
        verbose_name_plural = _("Publication deadlines")

    def __str__(self):
        return f"{self.page.get_admin_display_title()} – {self.due_display}"

    def save(self, *args, **kwargs):
        self.compute_due()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.kind and not DeadlineRule.objects.filter(kind=self.kind).exists():
            raise ValidationError(
                {"kind": _("No deadline rule exists for this kind of item: add one first.")}
            )

    def compute_due(self):
        """Set ``due_at`` and ``warn_from`` from the board's rule for this item's kind."""
        rule = DeadlineRule.objects.get(kind=self.kind)
        self.due_at = rule.due_at(self.reference_at)
        self.warn_from = self.due_at - datetime.timedelta(hours=rule.warning_hours)

    @classmethod
    def create_for(cls, workflow_state):
        """Create the deadline of an item that has just entered the workflow.

        Returns None for items that are not pages, or when no rule exists for their kind.
        """
        from .models import latest_content

        page = workflow_state.content_object
        if not hasattr(page, "path"):
            return None
        content = latest_content(page)
        kind, reference = page_reference(content)
        if not DeadlineRule.objects.filter(kind=kind).exists():
            return None
        profile = getattr(workflow_state.requested_by, "contributor_profile", None)
        unit = profile.unit if profile else getattr(content, "unit", None)
        return cls.objects.create(
            workflow_state=workflow_state,
            page_id=page.pk,
            unit=unit,
            kind=kind,
            reference_at=reference or workflow_state.created_at,
            reference_from_submission=reference is None,
        )

    # What the overdue report and the dashboard show ------------------------------------

    @property
    def title(self):
        return self.page.get_admin_display_title()

    @property
    def unit_name(self):
        return self.unit.title if self.unit else str(_("No unit"))

    @property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def due_display(self):
        return date_format(timezone.localtime(self.due_at), "d/m/Y H:i")

    @property
    def reference_display(self):
        return date_format(timezone.localtime(self.reference_at), "d/m/Y H:i")

    @property
    def is_overdue(self):
        return self.due_at < timezone.now()

    @property
    @admin.display(description=_("Status"))
    def status_label(self):
        now = timezone.now()
        if self.due_at < now:
            return str(_("Overdue"))
        if self.warn_from <= now:
            return str(_("Due soon"))
        return str(_("On time"))

    @property
    def overdue_hours(self):
        """Whole hours past the due time, or 0 when the item is not overdue."""
        late = timezone.now() - self.due_at
        return max(int(late.total_seconds() // 3600), 0)

    @cached_property
    def stage(self):
        """The workflow task the item waits at, or "returned to the author"."""
        state = self.workflow_state
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return str(_("Returned to the author"))
        task_state = state.current_task_state
        return task_state.task.name if task_state else ""

    @cached_property
    def holder(self):
        """The people who may act on the item at its current task, or its author once returned."""
        state = self.workflow_state
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return display_name(state.requested_by)
        task_state = state.current_task_state
        if task_state is None:
            return ""
        task = task_state.task.specific
        groups = (
            ", ".join(group.name for group in task.groups.all()) if hasattr(task, "groups") else ""
        )
        actors = []
        if hasattr(task, "actors_for"):
            actors = [display_name(user) for user in task.actors_for(self.page.specific)]
        if actors:
            return f"{groups}: {', '.join(actors)}" if groups else ", ".join(actors)
        return groups


def display_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def deadline_summary(now=None):
    """Return the open items due soon or overdue, counted by unit and by workflow stage."""
    now = now or timezone.now()
    items = list(
        ItemDeadline.objects.open()
        .filter(warn_from__lte=now)
        .select_related("page", "unit", "workflow_state__current_task_state__task")
        .order_by("due_at")
    )
    by_unit = {}
    by_stage = {}
    for item in items:
        column = "overdue" if item.due_at < now else "due_soon"
        for table, key in ((by_unit, item.unit_name), (by_stage, item.stage)):
            counts = table.setdefault(key, {"overdue": 0, "due_soon": 0})
            counts[column] += 1
    return {
        "items": items,
        "overdue": sum(1 for item in items if item.due_at < now),
        "due_soon": sum(1 for item in items if item.due_at >= now),
        "by_unit": sorted(by_unit.items()),
        "by_stage": sorted(by_stage.items()),
    }
