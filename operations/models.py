"""Site-wide banners: announced maintenance windows and emergency alerts."""

import datetime

import holidays
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="warning")
class MaintenanceSettings(BaseGenericSetting):
    notice_working_days = models.PositiveSmallIntegerField(
        _("notice period for planned maintenance (working days)"),
        default=7,
        validators=[MinValueValidator(0)],
        help_text=_(
            "How many working days before a planned suspension of the portal its notice must "
            "appear on the site. Weekends and public holidays do not count."
        ),
    )

    panels = [FieldPanel("notice_working_days")]

    class Meta:
        verbose_name = _("Maintenance notices")


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Count Monday-to-Friday days after ``start`` up to and including ``end`` that are not
    Vietnamese public holidays.

    NOTE: holidays come from the ``holidays`` package; the dates of Tết leave that the
    government announces each year may differ from its list.
    """
    if end <= start:
        return 0
    public_holidays = holidays.country_holidays("VN", years=range(start.year, end.year + 1))
    count = 0
    day = start + datetime.timedelta(days=1)
    while day <= end:
        if day.weekday() < 5 and day not in public_holidays:
            count += 1
        day += datetime.timedelta(days=1)
    return count


class SiteBannerQuerySet(models.QuerySet):
    def showing(self, moment=None):
        moment = moment or timezone.now()
        # "alert" sorts before "maintenance", so emergencies come first.
        return self.filter(show_from__lte=moment, show_until__gt=moment).order_by(
            "kind", "show_from"
        )


class SiteBanner(models.Model):
    """A notice shown at the top of every public page between ``show_from`` and ``show_until``."""

    MAINTENANCE = "maintenance"
    ALERT = "alert"
    KIND_CHOICES = [
        (MAINTENANCE, _("Planned maintenance")),
        (ALERT, _("Emergency alert")),
    ]

    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default=MAINTENANCE)
    message = models.TextField(
        _("message"),
        help_text=_("What visitors read, e.g. the reason and what to do in the meantime."),
    )
    show_from = models.DateTimeField(_("show from"), default=timezone.now)
    show_until = models.DateTimeField(
        _("show until"),
        help_text=_(
            "For maintenance: the end of the suspension. For alerts: when it no longer applies."
        ),
    )
    suspension_starts = models.DateTimeField(
        _("suspension starts"),
        null=True,
        blank=True,
        help_text=_("Planned maintenance only: when the portal stops serving."),
    )

    objects = SiteBannerQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldPanel("message"),
        FieldPanel("show_from"),
        FieldPanel("suspension_starts"),
        FieldPanel("show_until"),
    ]

    class Meta:
        verbose_name = _("site banner")
        verbose_name_plural = _("site banners")
        ordering = ["-show_from"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.message[:60]}"

    def clean(self):
        errors = {}
        if self.show_from and self.show_until and self.show_until <= self.show_from:
            errors["show_until"] = _("The end must be after the start of the display.")
        if self.kind == self.MAINTENANCE:
            errors.update(self.maintenance_errors())
        if errors:
            raise ValidationError(errors)

    def maintenance_errors(self):
        if not self.suspension_starts:
            return {"suspension_starts": _("Enter when the planned suspension starts.")}
        if self.show_until and self.show_until <= self.suspension_starts:
            return {"show_until": _("The end of the suspension must be after its start.")}
        required = MaintenanceSettings.load().notice_working_days
        # Notice counts from when it appears on the site, or from now if that is later:
        # a notice cannot be backdated.
        announced = max(self.show_from or timezone.now(), timezone.now())
        local = timezone.localtime
        days = working_days_between(local(announced).date(), local(self.suspension_starts).date())
        if days < required:
            return {
                "suspension_starts": _(
                    "A planned suspension must be announced at least %(required)s working days "
                    "ahead; this one gives %(days)s. Choose a later start or show the notice sooner."
                )
                % {"required": required, "days": days}
            }
        return {}


class PageViewDay(models.Model):
    """Views of one page on one day, counted by the server; nothing identifies the visitor."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="view_days",
        verbose_name=_("page"),
    )
    date = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views per day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(fields=["page", "date"], name="unique_page_view_day"),
        ]
