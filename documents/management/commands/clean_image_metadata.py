import logging
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from documents.uploads import clean_image_metadata

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = _(
        "Apply the EXIF orientation and remove location data from images stored before the "
        "upload checks did it. Renditions of each changed image are deleted and made again "
        "on the next request."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("List the images that would change, without changing them (default: change)."),
        )

    def handle(self, *args, **options):
        Image = get_image_model()
        changed = 0
        for image in Image.objects.order_by("pk").iterator():
            try:
                with image.open_file() as stored:
                    cleaned = clean_image_metadata(stored)
            except (OSError, ValueError) as error:
                logger.warning("Could not read image %s: %s", image.pk, error)
                self.stderr.write(
                    _("Skipped image %(id)s (%(title)s): the file could not be read.")
                    % {"id": image.pk, "title": image.title}
                )
                continue
            if cleaned is None:
                continue
            changed += 1
            if options["dry_run"]:
                self.stdout.write(
                    _("Would clean image %(id)s (%(title)s).")
                    % {"id": image.pk, "title": image.title}
                )
                continue
            self.replace_file(image, cleaned)
            self.stdout.write(
                _("Cleaned image %(id)s (%(title)s).") % {"id": image.pk, "title": image.title}
            )
        self.stdout.write(
            self.style.SUCCESS(_("Images with metadata to clean: %(count)s.") % {"count": changed})
        )

    @transaction.atomic
    def replace_file(self, image, cleaned):
        old_name = image.file.name
        size_before = (image.width, image.height)
        image.file.save(PurePath(old_name).name, ContentFile(cleaned), save=False)
        image.file.field.update_dimension_fields(image, force=True)
        image._set_image_file_metadata()
        if (image.width, image.height) != size_before:
            # The focal point was set on the unrotated pixels.
            image.set_focal_point(None)
        image.save()
        image.renditions.all().delete()
        image.file.storage.delete(old_name)
