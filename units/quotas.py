"""Unit quotas: how many works each unit must provide a month, and the reminders sent about it.

A ``QuotaRule`` applies either to one unit or to every unit. For a given unit and month the
rule of that unit wins over the rule for every unit. ``QuotaRule.clean`` (run by the admin
form) rejects two rules of one scope whose effective periods share a day.
"""

import calendar
import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class WorkKind(models.TextChoices):
    """Kinds of published work a quota can count."""

    ARTICLE = "article", _("News item or article")
    ALBUM = "album", _("Photo album")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")


def month_start(day):
    return day.replace(day=1)


def month_end(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day, months):
    """Return the first day of the month ``months`` months after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


class QuotaRuleForm(WagtailAdminModelForm):
    """Edit the stored list of counted kinds of work as checkboxes."""

    kinds = forms.MultipleChoiceField(
        label=_("Kinds of work that count"),
        choices=WorkKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of work that counts.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("kinds"):
            self.initial["kinds"] = list(WorkKind.values)


class QuotaRuleQuerySet(models.QuerySet):
    def overlapping(self, unit_id, start, end):
        """Rules of the same scope whose effective period shares a day with ``start``–``end``."""
        rules = self.filter(unit_id=unit_id) if unit_id else self.filter(unit__isnull=True)
        rules = rules.filter(Q(effective_to__isnull=True) | Q(effective_to__gte=start))
        if end is not None:
            rules = rules.filter(effective_from__lte=end)
        return rules

    def in_force_between(self, first_month, last_month):
        """Rules in force on at least one day of the months ``first_month``–``last_month``."""
        return self.filter(effective_from__lte=month_end(last_month)).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=month_start(first_month))
        )


def default_kinds():
    return list(WorkKind.values)


class QuotaRule(models.Model):
    """The number of works a unit, or every unit, must provide each month."""

    unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quota_rules",
        help_text=_(
            "Leave empty for a rule that applies to every unit. A rule for one unit takes "
            "precedence over the rule for every unit."
        ),
    )
    works_per_month = models.PositiveSmallIntegerField(
        _("Works per month"),
        default=1,
        help_text=_("The minimum number of published works the unit provides each month."),
    )
    kinds = models.JSONField(
        _("Kinds of work that count"),
        default=default_kinds,
        help_text=_("Only published works of these kinds count towards the quota."),
    )
    effective_from = models.DateField(
        _("Effective from"), help_text=_("The first day the rule applies.")
    )
    effective_to = models.DateField(
        _("Effective to"),
        null=True,
        blank=True,
        help_text=_("The last day the rule applies. Leave empty while the rule stays in force."),
    )
    note = models.CharField(
        _("Legal basis"),
        max_length=255,
        blank=True,
        help_text=_("For example: Điều 10 Quy chế hoạt động Trang TTĐT huyện Mường Tè."),
    )

    objects = QuotaRuleQuerySet.as_manager()

    base_form_class = QuotaRuleForm
    panels = [
        FieldPanel("unit"),
        FieldPanel("works_per_month"),
        FieldPanel("kinds"),
        FieldRowPanel([FieldPanel("effective_from"), FieldPanel("effective_to")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["unit__title", "-effective_from"]
        verbose_name = _("Unit quota")
        verbose_name_plural = _("Unit quotas")
        permissions = [("view_quota_reports", _("Can view quota and contribution reports"))]

    def __str__(self):
        return _("%(scope)s: %(count)s works a month from %(start)s") % {
            "scope": self.scope(),
            "count": self.works_per_month,
            "start": f"{self.effective_from:%d/%m/%Y}" if self.effective_from else "",
        }

    @admin.display(description=_("Applies to"))
    def scope(self):
        return self.unit.title if self.unit_id else _("All units")

    @admin.display(description=_("Effective to"))
    def end_label(self):
        return f"{self.effective_to:%d/%m/%Y}" if self.effective_to else _("No end date")

    def clean(self):
        super().clean()
        unknown = [kind for kind in self.kinds or [] if kind not in WorkKind.values]
        if not self.kinds or unknown:
            raise ValidationError({"kinds": _("Choose at least one kind of work that counts.")})
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError(
                {"effective_to": _("The rule must end on or after the day it takes effect.")}
            )
        if self.effective_from:
            self.check_overlap()

    def check_overlap(self):
        overlapping = QuotaRule.objects.overlapping(
            self.unit_id, self.effective_from, self.effective_to
        ).exclude(pk=self.pk)
        other = overlapping.order_by("effective_from").first()
        if other is None:
            return
        values = {
            "scope": self.unit.title if self.unit_id else _("all units"),
            "start": f"{other.effective_from:%d/%m/%Y}",
        }
        if other.effective_to is None:
            message = _(
                "Another quota for %(scope)s is in force from %(start)s with no end date, "
                "which overlaps this period. Give that rule a last day before this one "
                "starts, or change these dates."
            )
        else:
            values["end"] = f"{other.effective_to:%d/%m/%Y}"
            message = _(
                "Another quota for %(scope)s is in force from %(start)s to %(end)s, which "
                "overlaps this period. Change these dates so that the two periods do not "
                "share a day."
            )
        raise ValidationError(message % values)

    def applies_in_month(self, first_day):
        return self.effective_from <= month_end(first_day) and (
            self.effective_to is None or self.effective_to >= first_day
        )


@register_setting(icon="mail")
class QuotaSettings(BaseSiteSetting):
    """When quota reminders go out to the contributors of units below quota."""

    reminder_days_before_month_end = models.PositiveSmallIntegerField(
        _("Send reminders this many days before the month ends"),
        default=5,
        help_text=_(
            "Calendar days. With 5, the daily reminder run emails the contributors of units "
            "below quota from the 26th of a 31-day month onwards, once per unit and month. "
            "0 sends them on the last day only."
        ),
    )
    reminders_enabled = models.BooleanField(
        _("Send quota reminders"),
        default=True,
        help_text=_("Untick to stop the reminder emails without removing the scheduled task."),
    )

    panels = [FieldPanel("reminders_enabled"), FieldPanel("reminder_days_before_month_end")]

    class Meta:
        verbose_name = _("Quota reminders")


class QuotaReminder(models.Model):
    """A reminder email sent to the contributors of one unit for one month."""

    unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Unit"),
        on_delete=models.CASCADE,
        related_name="quota_reminders",
    )
    month = models.DateField(_("Month"), help_text=_("The first day of the month."))
    sent_at = models.DateTimeField(_("Sent at"), auto_now_add=True)
    works_count = models.PositiveSmallIntegerField(_("Works counted"))
    works_required = models.PositiveSmallIntegerField(_("Works required"))
    recipient_count = models.PositiveSmallIntegerField(_("Number of recipients"))

    class Meta:
        ordering = ["-month", "unit__title"]
        verbose_name = _("Quota reminder")
        verbose_name_plural = _("Quota reminders")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="unique_quota_reminder")
        ]

    def __str__(self):
        return f"{self.unit} – {self.month:%m/%Y}"
