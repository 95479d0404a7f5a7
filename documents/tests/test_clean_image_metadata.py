from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from documents.tests import files

Image = get_image_model()


def stored_before_checks(content, name):
    """Save an image the way older code did: the file written first, so no guard runs."""
    image = Image(title="Ảnh cũ ở bản Pa Ủ")
    image.file.save(name, ContentFile(content), save=False)
    with image.open_file() as stored, PILImage.open(stored) as picture:
        image.width, image.height = picture.size
    image.save()
    return image


def run(*args):
    output = StringIO()
    call_command("clean_image_metadata", *args, stdout=output)
    return output.getvalue()


@pytest.mark.django_db
def test_command_cleans_old_image():
    image = stored_before_checks(files.jpeg_with_orientation_and_location(40, 20), "cu.jpg")
    old_name = image.file.name
    output = run()
    assert f"Đã làm sạch ảnh {image.pk} (Ảnh cũ ở bản Pa Ủ)." in output
    assert "Số ảnh có siêu dữ liệu cần làm sạch: 1." in output
    image.refresh_from_db()
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == image.file.size
    assert not image.file.storage.exists(old_name)
    with image.open_file() as stored, PILImage.open(stored) as picture:
        assert 0x8825 not in picture.getexif()


@pytest.mark.django_db
def test_command_dry_run_changes_nothing():
    image = stored_before_checks(files.jpeg_with_orientation_and_location(40, 20), "cu.jpg")
    output = run("--dry-run")
    assert f"Sẽ làm sạch ảnh {image.pk}" in output
    image.refresh_from_db()
    assert (image.width, image.height) == (40, 20)


@pytest.mark.django_db
def test_command_skips_clean_image():
    stored_before_checks(files.png(), "sach.png")
    assert "Số ảnh có siêu dữ liệu cần làm sạch: 0." in run()
