import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from documents.models import UploadSettings
from documents.tests import files
from documents.uploads import check_document_file

Document = get_document_model()
Image = get_image_model()


def stored_files():
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.fixture
def media_before():
    return stored_files()


@pytest.fixture
def limits(db):
    return UploadSettings.load()


def upload_document(client, name, content, title="Tài liệu thử"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_image(client, name, content, title="Ảnh thử"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def file_errors(response):
    assert response.status_code == 200
    return [str(message) for message in response.context["form"].errors["file"]]


# Content checks, format by format -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", files.pdf()),
        ("quyet-dinh.docx", files.docx()),
        ("bao-cao.xlsx", files.xlsx()),
        ("van-ban.odt", files.opendocument("application/vnd.oasis.opendocument.text")),
        ("bang-tinh.ods", files.opendocument("application/vnd.oasis.opendocument.spreadsheet")),
        ("phu-luc.zip", files.plain_zip()),
        ("van-ban-cu.doc", files.ole2("WordDocument")),
        ("so-lieu-cu.xls", files.ole2("Workbook")),
        ("trinh-chieu.ppt", files.ole2("PowerPoint Document")),
        ("ho-so.rar", files.rar()),
        ("ban-tin.mp3", files.mp3()),
        ("dan-ca.ogg", files.ogg()),
        ("phong-su.mp4", files.iso_media()),
        ("ban-tin.m4a", files.iso_media(b"M4A ")),
        ("phong-su.webm", files.webm()),
    ],
)
def test_genuine_formats_accepted(limits, name, content):
    assert check_document_file(io.BytesIO(content), name, limits) == name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.php.pdf", files.HTML_PAGE),
        ("quyet-dinh.pdf", files.WINDOWS_EXECUTABLE),
        ("bao-cao.docx", files.plain_zip()),
        ("bao-cao.xlsx", files.docx()),
        ("van-ban.odt", files.opendocument("application/vnd.oasis.opendocument.spreadsheet")),
        ("van-ban.doc", files.ole2("Workbook")),
        ("phu-luc.zip", files.PHP_SCRIPT),
        ("ho-so.rar", files.plain_zip()),
        ("trong.pdf", b""),
        ("ban-tin.mp3", files.HTML_PAGE),
        ("phong-su.mp4", files.WINDOWS_EXECUTABLE),
        ("dan-ca.ogg", files.mp3()),
    ],
)
def test_content_must_match_extension(limits, name, content):
    with pytest.raises(ValidationError) as error:
        check_document_file(io.BytesIO(content), name, limits)
    assert error.value.code == "file_content_mismatch"
    assert "không phải là tệp" in error.value.messages[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "trang.html",
        "trang.htm",
        "logo.svg",
        "setup.exe",
        "lenh.sh",
        "mau.php",
        "ghi-chu.txt",
        "tep",
    ],
)
def test_other_types_rejected(limits, name):
    with pytest.raises(ValidationError) as error:
        check_document_file(io.BytesIO(files.HTML_PAGE), name, limits)
    assert error.value.code == "file_type_not_allowed"


@pytest.mark.django_db
def test_allowed_types_edited_by_administrator(limits):
    limits.allowed_document_types = ["pdf", "docx"]
    limits.save()
    with pytest.raises(ValidationError) as error:
        check_document_file(io.BytesIO(files.plain_zip()), "phu-luc.zip", UploadSettings.load())
    assert "PDF, DOCX" in error.value.messages[0]


# Documents through the admin ------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_upload_stores_pdf_with_safe_name(admin_client):
    response = upload_document(admin_client, "Quyết định 181.php.pdf", files.pdf())
    assert response.status_code == 302
    document = Document.objects.get()
    assert Path(document.file.name).name.startswith("quyet-dinh-181-php")
    assert document.file.name.endswith(".pdf")
    assert document.file_size == len(files.pdf())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bao-cao.php.pdf", files.HTML_PAGE, "không phải là tệp PDF"),
        ("trang.html", files.HTML_PAGE, "Không chấp nhận tệp loại “html”"),
        ("logo.svg", files.SVG_IMAGE, "Không chấp nhận tệp loại “svg”"),
        ("setup.exe", files.WINDOWS_EXECUTABLE, "Không chấp nhận tệp loại “exe”"),
        ("cai-dat.pdf", files.WINDOWS_EXECUTABLE, "không phải là tệp PDF"),
    ],
)
def test_admin_rejects_document(admin_client, media_before, name, content, expected):
    response = upload_document(admin_client, name, content)
    errors = file_errors(response)
    assert len(errors) == 1
    assert expected in errors[0]
    assert not Document.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_admin_rejects_oversize_document(admin_client, limits, media_before):
    limits.max_document_size_mb = 1
    limits.save()
    content = files.pdf() + b"%" + b"0" * (1024 * 1024)
    errors = file_errors(upload_document(admin_client, "lon.pdf", content))
    assert errors == ["Tệp quá lớn (1,0\xa0MB). Dung lượng tối đa là 1,0\xa0MB."]
    assert not Document.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_default_document_limit_is_50_mb(limits):
    assert limits.max_document_bytes == 50 * 1024 * 1024


@pytest.mark.django_db
def test_multiple_upload_rejects_spoofed_file(admin_client, media_before):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("bao-cao.php.pdf", files.HTML_PAGE)},
    )
    data = response.json()
    assert data["success"] is False
    assert "không phải là tệp PDF" in data["error_message"]
    assert not Document.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_multiple_upload_accepts_docx(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("Báo cáo.docx", files.docx())},
    )
    assert response.json()["success"] is True
    assert Document.objects.get().file.name.endswith("bao-cao.docx")


@pytest.mark.django_db
def test_chooser_upload_rejects_html(admin_client, media_before):
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Trang giả",
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
            "document-chooser-upload-file": SimpleUploadedFile("trang.pdf", files.HTML_PAGE),
        },
    )
    assert response.status_code == 200
    assert "không phải là tệp PDF" in response.json()["htmlFragment"]
    assert not Document.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_model_guard_rejects_spoofed_file(media_before):
    document = Document(title="Giả mạo", file=ContentFile(files.HTML_PAGE, name="bao-cao.pdf"))
    with pytest.raises(ValidationError):
        document.save()
    assert not Document.objects.exists()
    assert stored_files() == media_before


# Images -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_accepts_png(admin_client):
    response = upload_image(admin_client, "ban-lang.png", files.png())
    assert response.status_code == 302
    assert Image.objects.get().width == 40


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", files.SVG_IMAGE),
        ("anh.jpg", files.HTML_PAGE),
        ("anh.png", files.SVG_IMAGE),
    ],
)
def test_admin_rejects_non_image(admin_client, media_before, name, content):
    errors = file_errors(upload_image(admin_client, name, content))
    assert errors
    assert not Image.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_admin_rejects_decompression_bomb(admin_client, media_before):
    errors = file_errors(upload_image(admin_client, "bom.png", files.png_bomb()))
    assert len(errors) == 1
    assert "Ảnh có quá nhiều điểm ảnh" in errors[0]
    assert not Image.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_admin_rejects_image_over_pixel_limit(admin_client, limits, media_before):
    limits.max_image_megapixels = 1
    limits.save()
    errors = file_errors(upload_image(admin_client, "rong.png", files.png(1200, 1000)))
    assert errors == ["Ảnh có quá nhiều điểm ảnh (1200000). Tối đa là 1000000 điểm ảnh."]
    assert not Image.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_admin_rejects_oversize_image(admin_client, limits, media_before):
    limits.max_image_size_mb = 1
    limits.save()
    errors = file_errors(upload_image(admin_client, "nhieu.png", files.noise_png(800, 800)))
    assert len(errors) == 1
    assert "Dung lượng tối đa là 1,0" in errors[0]
    assert not Image.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_multiple_image_upload_rejects_bomb(admin_client, media_before):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bom.png", files.png_bomb())},
    )
    data = response.json()
    assert data["success"] is False
    assert "quá nhiều điểm ảnh" in data["error_message"]
    assert not Image.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_model_guard_rejects_bomb(media_before):
    # Django reads the dimensions when the file is assigned, and Pillow refuses the header
    # there already; a smaller bomb would reach the guard's own check.
    with pytest.raises((ValidationError, PILImage.DecompressionBombError)):
        Image(title="Bom", file=ContentFile(files.png_bomb(), name="bom.png")).save()
    assert not Image.objects.exists()
    assert stored_files() == media_before


@pytest.mark.django_db
def test_upload_applies_orientation_and_drops_location(admin_client):
    content = files.jpeg_with_orientation_and_location(width=40, height=20)
    response = upload_image(admin_client, "hien-truong.jpg", content)
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (20, 40)
    with image.open_file() as stored, PILImage.open(stored) as picture:
        assert picture.size == (20, 40)
        exif = picture.getexif()
        assert 0x8825 not in exif
        assert exif.get(0x0112, 1) == 1
        assert exif.get(0x010F) == "May anh thu nghiem"
    assert image.file_size == image.file.size


@pytest.mark.django_db
def test_clean_image_left_unchanged(admin_client):
    content = files.png()
    upload_image(admin_client, "sach.png", content)
    with Image.objects.get().open_file() as stored:
        assert stored.read() == content


@pytest.mark.django_db
def test_model_guard_rejects_image_over_pixel_limit(limits, media_before):
    limits.max_image_megapixels = 1
    limits.save()
    image = Image(title="Rộng", file=ContentFile(files.png(1200, 1000), name="rong.png"))
    with pytest.raises(ValidationError) as error:
        image.save()
    assert error.value.messages == [
        "Ảnh có quá nhiều điểm ảnh (1,2 triệu). Tối đa là 1 triệu điểm ảnh."
    ]
    assert not Image.objects.exists()
    assert stored_files() == media_before
