"""Images found in Word files: format checks, conversion, and the collection they go to."""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.files.images import ImageFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from .errors import WordImportError

# Formats Wagtail serves as they are, by Pillow's format name, with the file extension.
SERVED_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# Formats Pillow reads and Word files often hold (scans, old clip art); they become PNG.
CONVERTED_FORMATS = {"BMP", "DIB", "TIFF"}
# The collection that imported images go to, created on first use under the root collection.
IMPORT_COLLECTION_NAME = _("Imported from Word files")


@dataclass
class ImageData:
    """The bytes of an image ready for Wagtail, with the extension its format takes."""

    data: bytes
    extension: str


def check_image(data):
    """Return ``ImageData`` for image bytes, converting BMP and TIFF to PNG.

    Raises ``WordImportError`` with the reason when the bytes are damaged, in a format
    the site cannot show (such as the EMF and WMF drawings of Word) or too large.
    """
    limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as image:
                image_format = image.format
                image.verify()
            if image_format in CONVERTED_FORMATS:
                with PILImage.open(io.BytesIO(data)) as image:
                    converted = io.BytesIO()
                    image.convert("RGBA" if "A" in image.getbands() else "RGB").save(
                        converted, format="PNG"
                    )
                data, image_format = converted.getvalue(), "PNG"
    except Exception as error:
        # Pillow's format parsers raise many types on damaged data (OSError, SyntaxError,
        # ValueError, even ZeroDivisionError for an EMF header of zeros), and the
        # decompression-bomb check raises an error or a warning turned into one.
        raise WordImportError(
            _("the image is damaged or in a format that cannot be read")
        ) from error

    allowed = getattr(settings, "WAGTAILIMAGES_EXTENSIONS", list(SERVED_FORMATS.values()))
    extension = SERVED_FORMATS.get(image_format)
    if extension is None or extension not in allowed:
        raise WordImportError(
            _("the %(format)s format cannot be shown on the website") % {"format": image_format}
        )
    if len(data) > limit:
        raise WordImportError(
            _("the image is %(size)s, larger than the limit of %(limit)s")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)}
        )
    return ImageData(data=data, extension=extension)


def get_import_collection():
    """Return the collection for imported images, creating it under the root when missing."""
    name = gettext(IMPORT_COLLECTION_NAME)
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing:
        return existing
    return root.add_child(name=name)


def save_image(imported_image, title, user, collection):
    """Create a Wagtail image from an ``ImportedImage``; returns the saved image."""
    image_model = get_image_model()
    image = image_model(
        title=title[:255],
        collection=collection,
        uploaded_by_user=user,
        file=ImageFile(io.BytesIO(imported_image.data), name=imported_image.filename),
    )
    image._set_image_file_metadata()
    image.save()
    return image
