"""Checks on uploaded documents and images, shared by the admin forms and the model guards.

A document's name only claims a format, so each allowed format comes with a check of the
file's content. The check reads the signature (magic bytes) and, for formats built on ZIP
or on the OLE2 compound file, looks for the parts that only that format contains. HTML, SVG, scripts and
executables match none of the checks, so they are rejected whatever their file name.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps

from home.text import slugify_vi

# Bytes read to find a signature; a PDF header may follow up to 1 KiB of other bytes.
HEAD_SIZE = 8192
PDF_HEADER_WINDOW = 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RAR_SIGNATURES = (b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00")
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
# The ``mimetype`` entry of an OpenDocument file is a few dozen bytes long.
ODF_MIMETYPE_MAX_BYTES = 200
EXIF_ORIENTATION = 0x0112
EXIF_GPS_IFD = 0x8825


def is_pdf(file):
    return b"%PDF-" in read_head(file)[:PDF_HEADER_WINDOW]


def is_rar(file):
    return read_head(file).startswith(RAR_SIGNATURES)


def ole2_check(*stream_names):
    """Return a check for an OLE2 compound file that contains one of ``stream_names``.

    Directory entries store stream names in UTF-16LE, so the names are searched as bytes.
    """
    encoded = [name.encode("utf-16-le") for name in stream_names]

    def check(file):
        if not read_head(file).startswith(OLE2_SIGNATURE):
            return False
        data = read_all(file)
        return any(name in data for name in encoded)

    return check


def zip_names(file):
    """Return the entry names of a ZIP archive, or None when ``file`` is not one."""
    if not read_head(file).startswith(ZIP_SIGNATURES):
        return None
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def ooxml_check(main_part):
    def check(file):
        names = zip_names(file)
        return names is not None and "[Content_Types].xml" in names and main_part in names

    return check


def odf_check(mimetype):
    def check(file):
        names = zip_names(file)
        if not names or "mimetype" not in names:
            return False
        file.seek(0)
        try:
            with zipfile.ZipFile(file) as archive:
                info = archive.getinfo("mimetype")
                if info.file_size > ODF_MIMETYPE_MAX_BYTES:
                    return False
                return archive.read("mimetype").strip() == mimetype.encode("ascii")
        except (zipfile.BadZipFile, OSError, ValueError, KeyError):
            return False
        finally:
            file.seek(0)

    return check


def is_zip(file):
    return zip_names(file) is not None


def is_mp3(file):
    """An ID3 tag, or an MPEG audio frame header (11 sync bits set) at the start."""
    head = read_head(file)
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def is_ogg(file):
    return read_head(file).startswith(b"OggS")


def is_iso_media(file):
    """MP4 and M4A files open with a box whose type, at bytes 4 to 8, is "ftyp"."""
    return read_head(file)[4:8] == b"ftyp"


def is_webm(file):
    return read_head(file).startswith(b"\x1a\x45\xdf\xa3")


@dataclass(frozen=True)
class DocumentFormat:
    label: str
    content_type: str
    check: object


# The formats a document may have, by extension, in the order the admin lists them.
DOCUMENT_FORMATS = {
    "pdf": DocumentFormat("PDF", "application/pdf", is_pdf),
    "doc": DocumentFormat("Word (DOC)", "application/msword", ole2_check("WordDocument")),
    "docx": DocumentFormat(
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ooxml_check("word/document.xml"),
    ),
    "xls": DocumentFormat(
        "Excel (XLS)", "application/vnd.ms-excel", ole2_check("Workbook", "Book")
    ),
    "xlsx": DocumentFormat(
        "Excel (XLSX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ooxml_check("xl/workbook.xml"),
    ),
    "odt": DocumentFormat(
        "OpenDocument (ODT)",
        "application/vnd.oasis.opendocument.text",
        odf_check("application/vnd.oasis.opendocument.text"),
    ),
    "ods": DocumentFormat(
        "OpenDocument (ODS)",
        "application/vnd.oasis.opendocument.spreadsheet",
        odf_check("application/vnd.oasis.opendocument.spreadsheet"),
    ),
    "ppt": DocumentFormat(
        "PowerPoint (PPT)", "application/vnd.ms-powerpoint", ole2_check("PowerPoint Document")
    ),
    "pptx": DocumentFormat(
        "PowerPoint (PPTX)",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ooxml_check("ppt/presentation.xml"),
    ),
    "zip": DocumentFormat("ZIP", "application/zip", is_zip),
    "rar": DocumentFormat("RAR", "application/vnd.rar", is_rar),
    # Audio and video for the media pages and the audio block of articles.
    "mp3": DocumentFormat("MP3", "audio/mpeg", is_mp3),
    "ogg": DocumentFormat("OGG", "audio/ogg", is_ogg),
    "m4a": DocumentFormat("M4A", "audio/mp4", is_iso_media),
    "mp4": DocumentFormat("MP4", "video/mp4", is_iso_media),
    "webm": DocumentFormat("WebM", "video/webm", is_webm),
}


def read_head(file):
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    return head


def read_all(file):
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def file_size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def extension_of(name):
    return PurePath(name or "").suffix.lower().lstrip(".")


def safe_document_name(name):
    """Return a storage name with one extension: "Báo cáo.php.pdf" gives "bao-cao-php.pdf".

    Web servers that run a file by any of its extensions then see only the last one.
    """
    path = PurePath(name or "")
    extension = extension_of(path.name)
    stem = slugify_vi(path.name[: -len(extension) - 1] if extension else path.name, 80)
    return f"{stem or 'tai-lieu'}.{extension}"


def check_document_file(file, name, limits):
    """Raise ValidationError unless ``file`` is an allowed document within the size limit.

    ``limits`` is the UploadSettings in force. Return the safe storage name for the file.
    """
    size = file_size(file)
    if size > limits.max_document_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The maximum size is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limits.max_document_bytes)},
            code="file_too_large",
        )
    allowed = limits.allowed_extensions()
    extension = extension_of(name)
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(extension)s” are not accepted. Accepted types: %(allowed)s.")
            % {
                "extension": extension or gettext("no extension"),
                "allowed": ", ".join(item.upper() for item in allowed),
            },
            code="file_type_not_allowed",
        )
    file_format = DOCUMENT_FORMATS[extension]
    if size == 0 or not file_format.check(file):
        raise ValidationError(
            _(
                "The content of “%(name)s” is not a %(format)s file, although its name ends "
                "in .%(extension)s. Upload the original file."
            )
            % {"name": PurePath(name).name, "format": file_format.label, "extension": extension},
            code="file_content_mismatch",
        )
    return safe_document_name(name)


def check_image_header(file, limits):
    """Raise ValidationError if the image is over the size or pixel limit.

    Only the header is read: Pillow parses the dimensions without decoding any pixel, and
    refuses by itself an image more than twice its own ``MAX_IMAGE_PIXELS``.
    """
    size = file_size(file)
    if size > limits.max_image_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The maximum size is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limits.max_image_bytes)},
            code="file_too_large",
        )
    file.seek(0)
    try:
        with PILImage.open(file) as image:
            width, height = image.size
    except PILImage.DecompressionBombError as error:
        raise too_many_pixels_error(None, limits) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("The file is not an image in a supported format."), code="invalid_image"
        ) from error
    finally:
        file.seek(0)
    if width * height > limits.max_image_pixels:
        raise too_many_pixels_error(width * height, limits)


def too_many_pixels_error(pixels, limits):
    megapixels = limits.max_image_megapixels
    if pixels is None:
        message = _(
            "The image has too many pixels to be processed. The maximum is %(limit)s million pixels."
        ) % {"limit": megapixels}
    else:
        message = _(
            "The image has too many pixels (%(pixels)s million). The maximum is %(limit)s "
            "million pixels."
        ) % {"pixels": number_format(pixels / 1_000_000, 1), "limit": megapixels}
    return ValidationError(message, code="file_too_many_pixels")


def clean_image_metadata(file):
    """Return the image bytes upright and without location data, or None if already clean.

    The EXIF orientation is applied to the pixels, then the GPS block and any XMP packet
    (which may repeat the location) are left out. JPEG images are re-encoded with the
    original quantisation tables when no rotation is needed, at quality 95 otherwise.
    """
    file.seek(0)
    try:
        with PILImage.open(file) as image:
            if image.format not in {"JPEG", "PNG", "WEBP"}:
                return None
            exif = image.getexif()
            orientation = exif.get(EXIF_ORIENTATION, 1)
            has_location = (
                EXIF_GPS_IFD in exif or "xmp" in image.info or "XML:com.adobe.xmp" in image.info
            )
            if orientation == 1 and not has_location:
                return None
            image_format = image.format
            icc_profile = image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image) if orientation != 1 else image.copy()
            cleaned_exif = upright.getexif()
            cleaned_exif.pop(EXIF_GPS_IFD, None)
            cleaned_exif.pop(EXIF_ORIENTATION, None)
            options = {"exif": cleaned_exif.tobytes()}
            if icc_profile:
                options["icc_profile"] = icc_profile
            if image_format == "JPEG":
                if orientation == 1:
                    options.update(quality="keep", subsampling="keep")
                    upright = image
                else:
                    options["quality"] = 95
            elif image_format == "WEBP":
                options["quality"] = 95
            output = io.BytesIO()
            upright.save(output, format=image_format, **options)
            return output.getvalue()
    finally:
        file.seek(0)
