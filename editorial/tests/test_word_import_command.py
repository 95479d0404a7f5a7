"""The import_docx command: a folder of Word files, one result line per file."""

import io

import docx
import pytest
from django.core.management import CommandError, call_command

from editorial.tests.word_import_documents import (
    WMF_IMAGE,
    docx_bytes,
    image_bytes,
    replace_image_part,
    tcvn3_article,
    vni_article,
)
from editorial.tests.word_import_factories import SectionPageFactory, UserFactory, contributor_for
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionPageFactory(title="Văn hóa", slug="van-hoa")


@pytest.fixture
def contributor(section):
    return contributor_for(section)


@pytest.fixture
def usb_folder(tmp_path):
    """A folder as copied from a USB stick: two articles, a PDF named .docx, Word's lock file."""
    (tmp_path / "01-tong-ket.docx").write_bytes(docx_bytes(tcvn3_article()))
    (tmp_path / "02-le-hoi.docx").write_bytes(docx_bytes(vni_article()))
    (tmp_path / "03-hong.docx").write_bytes(b"%PDF-1.7 this is not Word")
    (tmp_path / "~$01-tong-ket.docx").write_bytes(b"lock")
    (tmp_path / "ghi-chu.txt").write_text("Không phải tệp Word", encoding="utf-8")
    return tmp_path


def run_command(*args):
    output = io.StringIO()
    call_command("import_docx", *args, stdout=output)
    return output.getvalue()


def test_folder_import_reports_each_file(usb_folder, section, contributor):
    output = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command(
            "import_docx",
            str(usb_folder),
            "--section",
            str(section.pk),
            "--user",
            contributor.username,
            stdout=output,
        )

    lines = output.getvalue().splitlines()
    first, second = ArticlePage.objects.child_of(section).order_by("pk")
    assert lines[0] == (
        f"ĐÃ NHẬP 01-tong-ket.docx: bài nháp {first.pk} “Mường Tè tổng kết năm học 2024–2025”, 2 ảnh, 1 bảng"
    )
    assert "  Đã chuyển văn bản gõ bằng bảng mã TCVN3 (ABC) sang Unicode." in lines
    assert (
        f"ĐÃ NHẬP 02-le-hoi.docx: bài nháp {second.pk} “Lễ hội Xíp Xí của người Thái”, 0 ảnh, 0 bảng"
        in lines
    )
    assert (
        "LỖI 03-hong.docx: Tệp này không phải văn bản Word. Hãy tải lên tệp do Word lưu dạng .docx (hoặc .doc)."
        in lines
    )
    assert not any("~$" in line or "ghi-chu" in line for line in lines)
    assert str(raised.value) == (
        "Đã nhập 2 trên 3 tệp. Xem các dòng phía trên để biết những tệp không nhập được."
    )
    assert first.owner == contributor
    assert first.live is False
    assert second.author == ""


def test_single_file_by_section_path(tmp_path, section, contributor):
    path = tmp_path / "bai.docx"
    path.write_bytes(docx_bytes(vni_article()))

    output = run_command(str(path), "--section", "/van-hoa/", "--user", contributor.username)

    assert "Đã nhập 1 trên 1 tệp." in output
    assert ArticlePage.objects.child_of(section).get().title == "Lễ hội Xíp Xí của người Thái"


def test_skipped_images_listed(tmp_path, section, contributor):
    document = docx.Document()
    document.add_paragraph("Ảnh hoạt động")
    document.add_picture(io.BytesIO(image_bytes()))
    replace_image_part(document, WMF_IMAGE, "/word/media/so-do.wmf", "image/x-wmf")
    document.add_picture(io.BytesIO(image_bytes(color="blue")))
    (tmp_path / "anh.docx").write_bytes(docx_bytes(document))

    output = run_command(
        str(tmp_path), "--section", str(section.pk), "--user", contributor.username
    )

    assert "1 ảnh, 0 bảng" in output
    assert "  Bỏ qua ảnh 1 (so-do.wmf): định dạng WMF không hiển thị được trên trang web" in output


def test_dry_run_creates_nothing(usb_folder, section, contributor):
    output = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_docx",
            str(usb_folder),
            "--section",
            str(section.pk),
            "--user",
            contributor.username,
            "--dry-run",
            stdout=output,
        )
    assert "ĐÃ KIỂM TRA 01-tong-ket.docx: “Mường Tè tổng kết năm học 2024–2025”, 2 ảnh, 1 bảng" in (
        output.getvalue()
    )
    assert ArticlePage.objects.count() == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--section", "999999"], "Không tìm thấy chuyên mục “999999”"),
        (["--section", "/khong-co/"], "Không tìm thấy chuyên mục “/khong-co/”"),
        (
            ["--user", "khong-ai"],
            "Không có người dùng đang hoạt động nào có tên đăng nhập “khong-ai”.",
        ),
    ],
)
def test_invalid_section_or_user(usb_folder, section, contributor, arguments, message):
    options = {"--section": str(section.pk), "--user": contributor.username}
    options.update(dict(zip(arguments[::2], arguments[1::2], strict=True)))
    flat = [item for pair in options.items() for item in pair]

    with pytest.raises(CommandError, match=message):
        run_command(str(usb_folder), *flat)
    assert ArticlePage.objects.count() == 0


def test_user_without_permission(usb_folder, section):
    user = UserFactory()
    with pytest.raises(CommandError, match="không có quyền thêm bài vào chuyên mục “Văn hóa”"):
        run_command(str(usb_folder), "--section", str(section.pk), "--user", user.username)
    assert ArticlePage.objects.count() == 0


def test_missing_path_and_empty_folder(tmp_path, section, contributor):
    with pytest.raises(CommandError, match="không phải là tệp hay thư mục"):
        run_command(
            str(tmp_path / "khong-co"), "--section", str(section.pk), "--user", contributor.username
        )
    with pytest.raises(CommandError, match="không có tệp .docx hay .doc nào"):
        run_command(str(tmp_path), "--section", str(section.pk), "--user", contributor.username)
