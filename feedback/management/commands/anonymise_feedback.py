from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from feedback.models import FeedbackSettings
from feedback.retention import anonymise


class Command(BaseCommand):
    help = _(
        "Remove the names, addresses, phone numbers and emails of finished questions and of "
        "comments on closed consultations received more than the retention period ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help=_(
                "Retention period in days (default: the value in the questions and "
                "consultations settings of the default site)."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Count what would be removed without changing anything."),
        )

    def handle(self, *args, days, dry_run, **options):
        if days is None:
            site = Site.objects.filter(is_default_site=True).first()
            days = FeedbackSettings.for_site(site).retention_days if site else 730
        if days < 1:
            raise CommandError(
                _("Invalid retention period: %(days)d. Give a number of days of 1 or more.")
                % {"days": days}
            )
        questions, comments = anonymise(days, dry_run=dry_run)
        message = (
            _("Would remove personal data from %(questions)d questions and %(comments)d comments.")
            if dry_run
            else _("Removed personal data from %(questions)d questions and %(comments)d comments.")
        )
        self.stdout.write(message % {"questions": questions, "comments": comments})
