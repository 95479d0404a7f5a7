"""Open an uploaded Word file: size and type checks, .doc conversion, python-docx parsing.

The content decides the type, not the file name. A .docx is a ZIP package with
``word/document.xml``. A .doc (or an RTF file) is converted by LibreOffice when it is
installed. A password-protected .docx is an OLE compound file with an
``EncryptedPackage`` stream.
"""

import io
import logging
import shutil
import struct
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .errors import WordImportError

logger = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# A .docx is compressed; a small file that unpacks to gigabytes is an attack, not an article.
DEFAULT_MAX_UNPACKED_SIZE = 200 * 1024 * 1024
DEFAULT_CONVERSION_TIMEOUT = 120  # seconds

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
ENCRYPTED_PACKAGE_NAME = "EncryptedPackage".encode("utf-16-le")
WORD_STREAM_ENTRY = "WordDocument".encode("utf-16-le") + b"\x00\x00"
WORD_FIB_IDENT = 0xA5EC
WORD_FIB_ENCRYPTED = 0x0100

NOT_WORD_MESSAGE = _(
    "This file is not a Word document. Upload a file saved by Word as .docx (or .doc)."
)
CORRUPT_MESSAGE = _(
    "The file is damaged and cannot be read. Open it in Word, save it again as .docx and upload the new file."
)
PASSWORD_MESSAGE = _(
    "The file is protected by a password. Open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password, then clear the box), save it and upload it again."
)
NO_LIBREOFFICE_MESSAGE = _(
    "This is an old Word file (.doc) and the server cannot convert it because LibreOffice is not installed. Open the file in Word, choose File › Save As, pick “Word Document (*.docx)” as the type and upload the .docx file."
)
CONVERSION_FAILED_MESSAGE = _(
    "LibreOffice could not convert this old Word file (.doc). Open it in Word, save it as “Word Document (*.docx)” and upload the .docx file."
)


def max_upload_size():
    """Return the largest Word file accepted, in bytes (setting ``WORD_IMPORT_MAX_UPLOAD_SIZE``)."""
    return getattr(settings, "WORD_IMPORT_MAX_UPLOAD_SIZE", DEFAULT_MAX_UPLOAD_SIZE)


def check_size(size):
    """Raise ``WordImportError`` when ``size`` bytes is empty or over the upload limit."""
    if size == 0:
        raise WordImportError(_("The file is empty."))
    limit = max_upload_size()
    if size > limit:
        raise WordImportError(
            _(
                "The file is %(size)s, larger than the limit of %(limit)s. Make the images in it smaller or split the document, then try again."
            )
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def open_word_document(data):
    """Return the python-docx ``Document`` for the bytes of a Word file.

    Raises ``WordImportError`` with a message for the uploader when the file is too large,
    empty, not Word, damaged, password-protected or a .doc that cannot be converted.
    """
    check_size(len(data))
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE_NAME in data:
            raise WordImportError(PASSWORD_MESSAGE)
        if WORD_STREAM_ENTRY not in data:
            raise WordImportError(NOT_WORD_MESSAGE)
        if is_encrypted_doc(data):
            raise WordImportError(PASSWORD_MESSAGE)
        data = convert_with_libreoffice(data, ".doc")
    elif data.startswith(RTF_MAGIC):
        data = convert_with_libreoffice(data, ".rtf")
    elif not data.startswith(ZIP_MAGIC):
        raise WordImportError(NOT_WORD_MESSAGE)
    check_package(data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:
        # python-docx and lxml raise many exception types for damaged parts (KeyError,
        # ValueError, XMLSyntaxError, zlib.error…); any of them means the same to the uploader.
        logger.info("Word file rejected as damaged: %s", type(error).__name__)
        raise WordImportError(CORRUPT_MESSAGE) from error


def check_package(data):
    """Raise ``WordImportError`` unless ``data`` is a readable, reasonably sized .docx package."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            names = {member.filename for member in members}
            if "word/document.xml" not in names:
                raise WordImportError(NOT_WORD_MESSAGE)
            unpacked_size = sum(member.file_size for member in members)
            limit = getattr(settings, "WORD_IMPORT_MAX_UNPACKED_SIZE", DEFAULT_MAX_UNPACKED_SIZE)
            if unpacked_size > limit:
                raise WordImportError(
                    _("The file unpacks to more than %(limit)s, which is too large to import.")
                    % {"limit": filesizeformat(limit)}
                )
            if package.testzip() is not None:
                raise WordImportError(CORRUPT_MESSAGE)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise WordImportError(CORRUPT_MESSAGE) from error


def is_encrypted_doc(data):
    """True when a Word 97–2003 file has the "encrypted" flag in its File Information Block.

    The FIB opens the ``WordDocument`` stream of the OLE compound file. Its directory entry
    (128 bytes, name in UTF-16) gives the first sector of the stream; the flag is bit 8 of
    the 16-bit word at offset 10 of the FIB.
    """
    if len(data) < 512:
        return False
    sector_size = 1 << struct.unpack_from("<H", data, 30)[0]
    offset = data.find(WORD_STREAM_ENTRY)
    while offset != -1:
        entry_start = offset
        if (entry_start - sector_size) % 128 == 0 and len(data) >= entry_start + 128:
            start_sector = struct.unpack_from("<I", data, entry_start + 116)[0]
            fib_offset = (start_sector + 1) * sector_size
            if len(data) >= fib_offset + 12:
                ident, _version = struct.unpack_from("<HH", data, fib_offset)
                flags = struct.unpack_from("<H", data, fib_offset + 10)[0]
                if ident == WORD_FIB_IDENT:
                    return bool(flags & WORD_FIB_ENCRYPTED)
        offset = data.find(WORD_STREAM_ENTRY, offset + 1)
    return False


def find_libreoffice():
    """Return the path of LibreOffice's ``soffice`` program, or None when it is not installed.

    The setting ``WORD_IMPORT_SOFFICE`` names the program or its full path (default "soffice").
    """
    program = getattr(settings, "WORD_IMPORT_SOFFICE", "soffice")
    return shutil.which(program) or shutil.which("libreoffice")


def convert_with_libreoffice(data, suffix):
    """Convert a .doc or .rtf file to .docx with LibreOffice in headless mode; return its bytes.

    Each conversion uses its own temporary folder and LibreOffice profile, so conversions
    running at the same time on one server do not share a profile lock.
    """
    # NOTE: the tests run this with a stand-in script for soffice; no real LibreOffice was
    # installed where it was written.
    soffice = find_libreoffice()
    if not soffice:
        raise WordImportError(NO_LIBREOFFICE_MESSAGE)
    timeout = getattr(settings, "WORD_IMPORT_CONVERSION_TIMEOUT", DEFAULT_CONVERSION_TIMEOUT)
    with tempfile.TemporaryDirectory(prefix="word-import-") as workdir:
        work = Path(workdir)
        source = work / f"submission{suffix}"
        source.write_bytes(data)
        output_dir = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(output_dir),
            str(source),
        ]
        try:
            result = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
                command, capture_output=True, timeout=timeout, check=False
            )
        except (subprocess.TimeoutExpired, OSError) as error:
            logger.warning("LibreOffice conversion failed: %s", type(error).__name__)
            raise WordImportError(CONVERSION_FAILED_MESSAGE) from error
        converted = output_dir / "submission.docx"
        if result.returncode != 0 or not converted.exists():
            logger.warning("LibreOffice conversion failed with exit status %s", result.returncode)
            raise WordImportError(CONVERSION_FAILED_MESSAGE)
        return converted.read_bytes()
