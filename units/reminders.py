"""Quota reminders: email the contributors of units below quota near the end of the month.

``send_quota_reminders`` is meant to run once a day (see ``docs/quota-reminders.md``). It
sends nothing until the month's end is within the number of days set in the "Quota
reminders" site setting, then emails each unit below quota once per month. The
``QuotaReminder`` log row and the emails are committed together, so a failed send is
retried by the next run and a unit is never emailed twice for one month.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from .quotas import QuotaReminder, QuotaSettings, month_end
from .works import QuotaTable

logger = logging.getLogger(__name__)


@dataclass
class ReminderOutcome:
    unit: object
    status: str  # "sent", "already_sent", "no_recipients"
    recipients: int = 0


def quota_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return QuotaSettings.for_site(site) if site else QuotaSettings()


def unit_recipients(unit):
    """Return the active contributors of ``unit`` who have an email address."""
    return list(
        get_user_model()
        .objects.filter(contributor_profile__unit=unit, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def reminder_message(cell, user, today):
    context = {
        "cell": cell,
        "name": f"{user.last_name} {user.first_name}".strip() or user.get_username(),
        "today": today,
        "month_end": month_end(today),
        "days_left": (month_end(today) - today).days + 1,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
    }
    subject = render_to_string("units/emails/quota_reminder_subject.txt", context)
    body = render_to_string("units/emails/quota_reminder.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[user.email])


def is_reminder_day(today, days_before_end):
    return (month_end(today) - today).days <= days_before_end


def send_quota_reminders(today=None, dry_run=False):
    """Email the contributors of each unit below quota this month, once per unit and month.

    Returns a list of ``ReminderOutcome``, empty when reminders are disabled or the month's
    end is still further away than the configured number of days.
    """
    today = today or timezone.localdate()
    options = quota_settings()
    if not options.reminders_enabled or not is_reminder_day(
        today, options.reminder_days_before_month_end
    ):
        return []

    month = today.replace(day=1)
    already_sent = set(QuotaReminder.objects.filter(month=month).values_list("unit_id", flat=True))
    outcomes = []
    for cell in QuotaTable(month, month).units_below(month):
        if cell.unit.pk in already_sent:
            outcomes.append(ReminderOutcome(cell.unit, "already_sent"))
            continue
        recipients = unit_recipients(cell.unit)
        if not recipients:
            logger.warning(
                "No contributor with an email address to remind for unit %s in %s",
                cell.unit.pk,
                f"{month:%Y-%m}",
            )
            outcomes.append(ReminderOutcome(cell.unit, "no_recipients"))
            continue
        if dry_run:
            outcomes.append(ReminderOutcome(cell.unit, "sent", len(recipients)))
            continue
        outcomes.append(send_unit_reminder(cell, recipients, month, today))
    return outcomes


def send_unit_reminder(cell, recipients, month, today):
    with translation.override(settings.LANGUAGE_CODE):
        messages = [reminder_message(cell, user, today) for user in recipients]
    try:
        with transaction.atomic():
            QuotaReminder.objects.create(
                unit=cell.unit,
                month=month,
                works_count=cell.count,
                works_required=cell.required,
                recipient_count=len(recipients),
            )
            get_connection().send_messages(messages)
    except IntegrityError:
        # Another run logged this unit and month between our check and our insert.
        return ReminderOutcome(cell.unit, "already_sent")
    logger.info(
        "Sent quota reminders for unit %s in %s to %d contributors",
        cell.unit.pk,
        f"{month:%Y-%m}",
        len(recipients),
    )
    return ReminderOutcome(cell.unit, "sent", len(recipients))
