from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from units.models import ProcedureListPage
from units.procedure_import import ProcedureImportError, import_procedures


class Command(BaseCommand):
    help = _(
        "Import administrative procedures from a CSV or XLSX file into a new draft of a "
        "unit's procedure list. Nothing is saved when any row is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help=_("Id of the procedure list page."))
        parser.add_argument("file", type=Path, help=_("Path of the .csv or .xlsx file."))
        parser.add_argument(
            "--append",
            action="store_true",
            help=_("Add the procedures after the current ones (default: replace them)."),
        )

    def handle(self, *args, page_id, file, append, **options):
        page = ProcedureListPage.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(
                _("No procedure list page has id %(id)d. Find the id in the page's admin address.")
                % {"id": page_id}
            )
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        with file.open("rb") as upload:
            try:
                _revision, count = import_procedures(page, upload, file.name, replace=not append)
            except ProcedureImportError as error:
                for row_error in error.errors:
                    self.stderr.write(str(row_error))
                raise CommandError(
                    _("Nothing was imported: %(count)d errors. Correct the rows listed above.")
                    % {"count": len(error.errors)}
                ) from None
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(count)d procedures imported into a draft of “%(page)s”; submit it for moderation."
                )
                % {"count": count, "page": page.title}
            )
        )
