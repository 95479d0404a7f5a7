from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from editorial.word_import.drafts import can_import_into, create_draft_article, import_word_file
from editorial.word_import.errors import WordImportError
from editorial.word_import.reading import check_size
from editorial.word_import.views import skipped_image_label
from news.models import SectionPage

WORD_SUFFIXES = {".docx", ".doc", ".rtf"}


class Command(BaseCommand):
    help = _(
        "Import Word files (.docx, or .doc when LibreOffice is installed) as draft articles "
        "in one section, for example a folder copied from a USB stick. Each file gets a line "
        "saying what was created or why it was not."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            type=Path,
            help=_(
                "A Word file, or a folder whose .docx and .doc files are imported (not its subfolders)."
            ),
        )
        parser.add_argument(
            "--section",
            required=True,
            help=_(
                "The section for the articles: its page ID or its URL path, such as /tin-tuc/kinh-te/."
            ),
        )
        parser.add_argument(
            "--user",
            required=True,
            help=_(
                "Username of the account that owns the drafts; it must be allowed to add articles to the section."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Read and check the files, but create nothing (default: create the drafts)."),
        )

    def handle(self, *args, **options):
        files = self.word_files(options["path"])
        section = self.find_section(options["section"])
        user = self.find_user(options["user"])
        if not can_import_into(section, user):
            raise CommandError(
                _(
                    "User “%(user)s” may not add articles to the section “%(section)s”: give them the permission or choose another section."
                )
                % {"user": user.get_username(), "section": section.title}
            )

        failed = 0
        for path in files:
            if not self.import_file(path, section, user, options["dry_run"]):
                failed += 1
        summary = _("%(imported)s of %(total)s files imported.") % {
            "imported": len(files) - failed,
            "total": len(files),
        }
        if failed:
            raise CommandError(summary + " " + _("See the lines above for the files that failed."))
        self.stdout.write(self.style.SUCCESS(summary))

    def import_file(self, path, section, user, dry_run):
        """Import one file and write its result line; returns True on success."""
        try:
            check_size(path.stat().st_size)
            article = import_word_file(path.read_bytes())
            page = None if dry_run else create_draft_article(article, section, user)
        except WordImportError as error:
            self.stdout.write(
                self.style.ERROR(
                    _("FAILED %(file)s: %(error)s") % {"file": path.name, "error": error}
                )
            )
            return False
        except OSError as error:
            self.stdout.write(
                self.style.ERROR(
                    _("FAILED %(file)s: %(error)s") % {"file": path.name, "error": error.strerror}
                )
            )
            return False

        details = {
            "file": path.name,
            "title": article.title,
            "images": len(article.images),
            "tables": len(article.tables),
        }
        if page is None:
            line = (
                _("CHECKED %(file)s: “%(title)s”, %(images)s images, %(tables)s tables") % details
            )
        else:
            line = _(
                "OK %(file)s: draft %(id)s “%(title)s”, %(images)s images, %(tables)s tables"
            ) % {
                **details,
                "id": page.pk,
            }
        self.stdout.write(self.style.SUCCESS(line))
        for image in article.skipped_images:
            self.stdout.write(
                self.style.WARNING(
                    "  " + _("Skipped %(image)s") % {"image": skipped_image_label(image)}
                )
            )
        for note in article.notes:
            self.stdout.write("  " + note)
        return True

    def word_files(self, path):
        if path.is_file():
            return [path]
        if not path.is_dir():
            raise CommandError(_("%(path)s is neither a file nor a folder.") % {"path": path})
        files = sorted(
            child
            for child in path.iterdir()
            if child.is_file()
            and child.suffix.lower() in WORD_SUFFIXES
            # Word leaves "~$name.docx" lock files beside open documents.
            and not child.name.startswith(("~$", "."))
        )
        if not files:
            raise CommandError(
                _("The folder %(path)s has no .docx or .doc files.") % {"path": path}
            )
        return files

    def find_section(self, value):
        sections = SectionPage.objects.all()
        if value.isdigit():
            section = sections.filter(pk=int(value)).first()
        else:
            url_path = "/" + value.strip("/") + "/"
            section = sections.filter(url_path__endswith=url_path).order_by("depth").first()
        if section is None:
            raise CommandError(
                _(
                    "No section found for “%(value)s”: give a section's page ID or URL path, such as /tin-tuc/kinh-te/."
                )
                % {"value": value}
            )
        return section

    def find_user(self, username):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(
                _("No active user with the username “%(username)s”.") % {"username": username}
            )
        return user
