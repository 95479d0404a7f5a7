from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from operations.backup import BackupError, apply_retention, create_backup


class Command(BaseCommand):
    help = gettext_lazy(
        "Write one archive with the database dump, every media file and a manifest of "
        "SHA-256 checksums, then delete archives beyond the retention settings."
    )
    # Error messages are for the operator, in the site's language.
    leave_locale_alone = True

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=None,
            help=gettext_lazy("Folder for the archives (default: the BACKUP_DIR setting)."),
        )
        parser.add_argument(
            "--keep-weekly",
            type=int,
            default=None,
            help=gettext_lazy(
                "Number of recent ISO weeks whose newest archive is kept (default: BACKUP_KEEP_WEEKLY)."
            ),
        )
        parser.add_argument(
            "--keep-monthly",
            type=int,
            default=None,
            help=gettext_lazy(
                "Number of recent months whose newest archive is kept (default: BACKUP_KEEP_MONTHLY)."
            ),
        )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        output_dir = options["output_dir"] or Path(settings.BACKUP_DIR)
        keep_weekly = options["keep_weekly"]
        keep_monthly = options["keep_monthly"]
        keep_weekly = settings.BACKUP_KEEP_WEEKLY if keep_weekly is None else keep_weekly
        keep_monthly = settings.BACKUP_KEEP_MONTHLY if keep_monthly is None else keep_monthly
        try:
            path = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(_("Backup failed: %(reason)s") % {"reason": error}) from error
        self.stdout.write(_("Backup written: %(path)s") % {"path": path})

        plan = apply_retention(output_dir, keep_weekly, keep_monthly)
        for deleted in plan.delete:
            self.stdout.write(_("Old backup deleted: %(path)s") % {"path": deleted})
