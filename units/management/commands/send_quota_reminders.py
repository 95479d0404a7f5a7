import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from units.reminders import send_quota_reminders


class Command(BaseCommand):
    help = _(
        "Email the contributors of units below quota this month, once per unit and month, when "
        "the month ends within the days set in the quota reminder settings. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            default=None,
            help=_("Run as if today were this date, as YYYY-MM-DD (default: today)."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("List the units that would be reminded without sending or logging anything."),
        )

    def handle(self, *args, date, dry_run, **options):
        outcomes = send_quota_reminders(today=date, dry_run=dry_run)
        if not outcomes:
            self.stdout.write(_("No reminder to send today."))
            return
        labels = {
            "sent": _("would be reminded") if dry_run else _("reminded"),
            "already_sent": _("already reminded this month"),
            "no_recipients": _("no contributor with an email address"),
        }
        for outcome in outcomes:
            self.stdout.write(
                _("%(unit)s: %(status)s (%(count)d recipients)")
                % {
                    "unit": outcome.unit.title,
                    "status": labels[outcome.status],
                    "count": outcome.recipients,
                }
            )
