from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = gettext_lazy(
        "Check every checksum of a backup archive, then restore its database and media into "
        "an empty database and empty media storage."
    )
    leave_locale_alone = True

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", type=Path, help=gettext_lazy("The .tar.gz archive written by backup_site.")
        )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            manifest = restore_backup(options["archive"])
        except BackupError as error:
            raise CommandError(_("Restore failed: %(reason)s") % {"reason": error}) from error
        self.stdout.write(
            _("Restored %(count)s files from the backup of %(created)s.")
            % {"count": len(manifest["files"]), "created": manifest["created"]}
        )
