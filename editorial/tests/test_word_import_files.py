"""Bad input and .doc conversion: each case gives a clear Vietnamese message."""

import io
import sys
import textwrap
import zipfile

import docx
import pytest

from editorial.tests.word_import_documents import (
    docx_bytes,
    legacy_ole_file,
    tcvn3_article,
    zip_package,
)
from editorial.word_import.drafts import import_word_file
from editorial.word_import.errors import WordImportError

NOT_WORD = "Tệp này không phải văn bản Word. Hãy tải lên tệp do Word lưu dạng .docx (hoặc .doc)."
DAMAGED = (
    "Tệp bị hỏng, không đọc được. Hãy mở tệp bằng Word, lưu lại dạng .docx rồi tải tệp mới lên."
)


def import_error(data):
    with pytest.raises(WordImportError) as raised:
        import_word_file(data)
    return str(raised.value)


def simple_docx():
    document = docx.Document()
    document.add_paragraph("Bài chuyển từ tệp .doc")
    document.add_paragraph("Nội dung bài.")
    return docx_bytes(document)


def test_pdf_is_not_word():
    assert import_error(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n") == NOT_WORD


def test_spreadsheet_package_is_not_word():
    data = zip_package({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    assert import_error(data) == NOT_WORD


def test_ole_file_without_word_stream_is_not_word():
    assert import_error(legacy_ole_file("Workbook")) == NOT_WORD


def test_truncated_docx_is_damaged():
    data = docx_bytes(tcvn3_article())
    assert import_error(data[: len(data) // 2]) == DAMAGED


def test_docx_with_broken_xml_is_damaged():
    with zipfile.ZipFile(io.BytesIO(docx_bytes(tcvn3_article()))) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:200]
    assert import_error(zip_package(parts)) == DAMAGED


def test_password_protected_docx():
    """Word saves an encrypted .docx as an OLE file with an EncryptedPackage stream."""
    message = import_error(legacy_ole_file("EncryptedPackage"))
    assert message.startswith("Tệp được bảo vệ bằng mật khẩu.")
    assert "gỡ mật khẩu" in message


def test_password_protected_doc():
    message = import_error(legacy_ole_file("WordDocument", encrypted=True))
    assert message.startswith("Tệp được bảo vệ bằng mật khẩu.")


def test_empty_file():
    assert import_error(b"") == "Tệp trống."


def test_file_over_size_limit(settings):
    settings.WORD_IMPORT_MAX_UPLOAD_SIZE = 2048
    data = docx_bytes(tcvn3_article())
    message = import_error(data)
    assert message.startswith("Tệp có dung lượng ")
    assert message.endswith(
        "vượt giới hạn 2,0\xa0KB. Hãy giảm kích thước ảnh trong tệp hoặc tách tài liệu, rồi thử lại."
    )


def test_file_unpacking_too_large(settings):
    settings.WORD_IMPORT_MAX_UNPACKED_SIZE = 10_000
    message = import_error(docx_bytes(tcvn3_article()))
    assert message.startswith("Tệp khi giải nén lớn hơn")


def test_doc_without_libreoffice(settings, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    settings.WORD_IMPORT_SOFFICE = "soffice"
    message = import_error(legacy_ole_file("WordDocument"))
    assert message == (
        "Đây là tệp Word định dạng cũ (.doc) và máy chủ không chuyển đổi được vì chưa cài "
        "LibreOffice. Hãy mở tệp bằng Word, chọn File › Save As (Lưu thành), chọn kiểu "
        "“Word Document (*.docx)” rồi tải tệp .docx lên."
    )


def test_rtf_without_libreoffice(settings, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    message = import_error(b"{\\rtf1\\ansi Xin chao}")
    assert "chưa cài LibreOffice" in message


def fake_soffice(tmp_path, converted, exit_status=0):
    """A stand-in for LibreOffice's command line that writes ``converted`` as the result."""
    result_file = tmp_path / "converted.docx"
    result_file.write_bytes(converted)
    arguments_log = tmp_path / "arguments.txt"
    script = tmp_path / "soffice"
    script.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import pathlib, shutil, sys
            arguments = sys.argv[1:]
            pathlib.Path({str(arguments_log)!r}).write_text("\\n".join(arguments))
            if {exit_status}:
                sys.exit({exit_status})
            output_dir = pathlib.Path(arguments[arguments.index("--outdir") + 1])
            output_dir.mkdir(parents=True, exist_ok=True)
            source = pathlib.Path(arguments[-1])
            shutil.copy({str(result_file)!r}, output_dir / (source.stem + ".docx"))
            """
        )
    )
    script.chmod(0o755)
    return script, arguments_log


def test_doc_converted_with_libreoffice(settings, tmp_path):
    script, arguments_log = fake_soffice(tmp_path, simple_docx())
    settings.WORD_IMPORT_SOFFICE = str(script)

    article = import_word_file(legacy_ole_file("WordDocument"))

    assert article.title == "Bài chuyển từ tệp .doc"
    arguments = arguments_log.read_text().split("\n")
    assert "--headless" in arguments
    assert arguments[arguments.index("--convert-to") + 1] == "docx:MS Word 2007 XML"
    assert arguments[0].startswith("-env:UserInstallation=file://")
    assert arguments[-1].endswith("submission.doc")


def test_doc_conversion_failure(settings, tmp_path):
    script, _ = fake_soffice(tmp_path, simple_docx(), exit_status=1)
    settings.WORD_IMPORT_SOFFICE = str(script)
    message = import_error(legacy_ole_file("WordDocument"))
    assert message.startswith("LibreOffice không chuyển đổi được tệp Word định dạng cũ (.doc)")


def test_document_without_text():
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    assert import_error(docx_bytes(document)) == "Tài liệu không có nội dung chữ để nhập."
