"""Real files for the upload tests: each is a well-formed file of its format or a forgery."""

import io
import struct
import zipfile
import zlib

from openpyxl import Workbook
from PIL import Image

from documents.samples import docx_bytes, pdf_bytes

HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_IMAGE = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b'<rect width="10" height="10"/></svg>'
)
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
PHP_SCRIPT = b"<?php system($_GET['c']); ?>"


def pdf():
    return pdf_bytes(["Quyết định số 181/QĐ-UBND"])


def docx():
    return docx_bytes(["Quyết định về việc ban hành Quy chế", "Điều 1. Phạm vi điều chỉnh"])


def xlsx():
    workbook = Workbook()
    workbook.active["A1"] = "Báo cáo kinh tế - xã hội"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def opendocument(mimetype):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return output.getvalue()


def plain_zip():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("phu-luc.txt", "Phụ lục kèm theo".encode())
    return output.getvalue()


def ole2(stream_name):
    """An OLE2 compound file header followed by a directory entry named ``stream_name``."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = stream_name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
    return header + entry


def rar():
    return b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64


def png(width=40, height=20, color=(200, 30, 30)):
    output = io.BytesIO()
    Image.new("RGB", (width, height), color).save(output, format="PNG")
    return output.getvalue()


def noise_png(width, height):
    output = io.BytesIO()
    Image.frombytes("RGB", (width, height), _pseudo_random_bytes(width * height * 3)).save(
        output, format="PNG"
    )
    return output.getvalue()


def _pseudo_random_bytes(count):
    data = bytearray()
    seed = 12345
    while len(data) < count:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        data += seed.to_bytes(4, "little")
    return bytes(data[:count])


def png_bomb(width=100_000, height=100_000):
    """A PNG header claiming ``width`` × ``height`` pixels, with a few bytes of image data.

    Decoding it would need tens of gigabytes; only its header may ever be read.
    """

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def jpeg_with_orientation_and_location(width=40, height=20):
    """A JPEG whose EXIF orientation is "rotate 90° clockwise" and which contains GPS coordinates."""
    image = Image.new("RGB", (width, height), (20, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "May anh thu nghiem"  # EXIF text tags are ASCII
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (22.0, 24.0, 0.0)
    gps[3] = "E"
    gps[4] = (102.0, 47.0, 0.0)
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes(), quality=90)
    return output.getvalue()


def mp3():
    """An ID3v2.3 tag with no frames, then MPEG-1 Layer III frame headers."""
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64


def ogg():
    return b"OggS\x00\x02" + bytes(64)


def iso_media(brand=b"isom"):
    """The leading "ftyp" box of an MP4 or M4A file."""
    return b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x02\x00" + brand + b"mp41" + bytes(64)


def webm():
    return b"\x1a\x45\xdf\xa3" + bytes(64)
