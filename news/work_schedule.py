"""The leaders' weekly work schedule (lịch công tác): one page per ISO week.

Weeks are addressed as ISO 8601 weeks ("2026-W01"), the format of the browser's
``<input type="week">``. ISO week 1 is the week that contains the year's first Thursday,
so the last days of December may belong to week 1 of the next year.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from home.forms import BasePageForm
from home.models import BasePage

WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{1,2})$")
WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


@dataclass(frozen=True)
class Week:
    """An ISO week, identified by its Monday."""

    monday: datetime.date

    @classmethod
    def containing(cls, day):
        return cls(day - datetime.timedelta(days=day.weekday()))

    @classmethod
    def parse(cls, value):
        """Return the week named "YYYY-Www", or raise ValueError for anything else."""
        match = WEEK_PATTERN.match(value.strip())
        if not match:
            raise ValueError(value)
        year, number = int(match.group(1)), int(match.group(2))
        # date.fromisocalendar rejects week 0 and week 53 of a year with 52 weeks.
        return cls(datetime.date.fromisocalendar(year, number, 1))

    @property
    def iso_year(self):
        return self.monday.isocalendar().year

    @property
    def number(self):
        return self.monday.isocalendar().week

    @property
    def sunday(self):
        return self.monday + datetime.timedelta(days=6)

    @property
    def param(self):
        return f"{self.iso_year}-W{self.number:02d}"

    def previous(self):
        return Week(self.monday - datetime.timedelta(days=7))

    def next(self):
        return Week(self.monday + datetime.timedelta(days=7))

    def day(self, weekday):
        return self.monday + datetime.timedelta(days=weekday)


class WorkScheduleIndexPage(BasePage):
    """The work schedule: shows the requested week, the current week by default."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.WorkSchedulePage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Work schedule")
        verbose_name_plural = _("Work schedules")

    def week_pages(self):
        return WorkSchedulePage.objects.live().public().child_of(self)

    def serve(self, request, *args, **kwargs):
        today_week = Week.containing(timezone.localdate())
        week, week_error = today_week, ""
        requested = request.GET.get("week", "")
        if requested:
            try:
                week = Week.parse(requested)
            except ValueError:
                week_error = _(
                    "“%(week)s” is not a valid week. Choose a week such as %(example)s; "
                    "the schedule of the current week is shown instead."
                ) % {"week": requested[:40], "example": today_week.param}
        # NOTE: the page depends on today's date, so a front-end cache must not keep it
        # past the end of the week; no cache header is set here.
        week_page = self.week_pages().filter(week_start=week.monday).first()
        context = self.get_context(request, *args, **kwargs)
        context.update(schedule_context(self, week, week_page, today_week))
        context["week_error"] = week_error
        template = self.get_template(request, *args, **kwargs)
        if request.GET.get("print"):
            template = "news/work_schedule_print.html"
        return TemplateResponse(request, template, context, status=400 if week_error else 200)


class WorkSchedulePageForm(BasePageForm):
    """Rejects a second page for a week that the same schedule already has.

    The check lives in the form because a page being created has no place in the tree
    while its form is validated, so only the form has the parent.
    """

    def clean(self):
        cleaned_data = super().clean()
        week_start = cleaned_data.get("week_start")
        if week_start and self.parent_page is not None:
            duplicate = (
                WorkSchedulePage.objects.child_of(self.parent_page)
                .filter(week_start=week_start)
                .exclude(pk=self.instance.pk)
            )
            if duplicate.exists():
                self.add_error("week_start", _("This schedule already has a page for that week."))
        return cleaned_data


class WorkSchedulePage(BasePage):
    """The schedule of one week: entries by day, edited and moderated as one page."""

    base_form_class = WorkSchedulePageForm

    week_start = models.DateField(
        _("Monday of the week"),
        help_text=_("The schedule covers this Monday to the following Sunday."),
    )
    notes = RichTextField(
        _("Notes"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("For example: changes to the schedule are announced separately."),
    )

    parent_page_types = ["news.WorkScheduleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("week_start"),
        InlinePanel("entries", label=_("Schedule entry")),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("Week's work schedule")
        verbose_name_plural = _("Weeks' work schedules")

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Choose the Monday of the week.")})

    @property
    def week(self):
        return Week(self.week_start)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent().specific
        context.update(
            schedule_context(index, self.week, self, Week.containing(timezone.localdate()))
        )
        return context


class ScheduleEntry(Orderable):
    """One engagement of the week: when, who, what, where and which unit prepares it."""

    page = ParentalKey(WorkSchedulePage, related_name="entries", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("Day"), choices=WEEKDAYS)
    start_time = models.TimeField(
        pgettext_lazy("schedule", "Time"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the whole day."),
    )
    leaders = models.CharField(
        _("Leaders"),
        max_length=500,
        help_text=_("For example: Chủ tịch UBND huyện; Phó Chủ tịch UBND huyện phụ trách khối."),
    )
    content = models.TextField(_("Content"))
    place = models.CharField(_("Place"), max_length=255, blank=True)
    preparing_unit = models.CharField(
        _("Preparing unit"),
        max_length=255,
        blank=True,
        help_text=_("The unit that prepares the documents or the meeting."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start_time")]),
        FieldPanel("leaders"),
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("preparing_unit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Schedule entry")
        verbose_name_plural = _("Schedule entries")


def schedule_context(index, week, week_page, today_week):
    """Template context of one week: its days with their entries, and links to other weeks."""
    entries = list(week_page.entries.all()) if week_page else []
    entries.sort(key=lambda entry: (entry.weekday, entry.start_time or datetime.time.max))
    days = []
    for weekday, label in WEEKDAYS:
        day_entries = [entry for entry in entries if entry.weekday == weekday]
        if day_entries:
            days.append({"label": label, "date": week.day(weekday), "entries": day_entries})
    recent = index.week_pages().order_by("-week_start")[:8]
    return {
        "schedule_index": index,
        "week": week,
        "week_page": week_page,
        "days": days,
        "is_current_week": week == today_week,
        "current_week": today_week,
        "previous_week": week.previous(),
        "next_week": week.next(),
        "recent_weeks": [page.week for page in recent],
    }
