"""Conversion of Word documents into article fields, checked field by field (no database)."""

import io
import unicodedata

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image

from editorial.tests.word_import_documents import (
    WMF_IMAGE,
    add_hyperlink,
    add_run,
    docx_bytes,
    image_bytes,
    replace_image_part,
    tcvn3_article,
    vni_article,
)
from editorial.vnencoding import Encoding, encode_tcvn3, encode_vni
from editorial.word_import.drafts import import_word_file


def convert(document):
    return import_word_file(docx_bytes(document))


def paragraphs_html(article):
    return "".join(value for block_type, value in article.body if block_type == "paragraph")


def test_tcvn3_article_with_images_and_table():
    article = convert(tcvn3_article())

    assert article.title == "Mường Tè tổng kết năm học 2024–2025"
    assert (
        article.lead == "Sáng ngày 5/6, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết."
    )
    assert article.author == "Lò Văn Minh"
    assert article.source == "Phòng Giáo dục và Đào tạo"
    assert [block_type for block_type, _ in article.body] == [
        "paragraph",
        "image",
        "image",
        "table",
        "paragraph",
    ]
    first_text = article.body[0][1]
    assert first_text == (
        "<p>Năm học vừa qua, toàn huyện có <b>98% học sinh</b> được lên lớp.</p>"
        "<h3>KẾT QUẢ NỔI BẬT</h3>"
    )
    first_image, second_image = article.images
    assert first_image.caption == "Ảnh 1: Học sinh xã Kan Hồ"
    assert first_image.alt_text == "Ảnh 1: Học sinh xã Kan Hồ"
    assert second_image.caption == "Ảnh 2: Học sinh xã Kan Hồ"
    assert first_image.filename.endswith(".png")
    assert Image.open(io.BytesIO(first_image.data)).size == (40, 30)
    table = article.tables[0]
    assert table["data"] == [["Xã", "Số học sinh"], ["Kan Hồ", "412"], ["Mù Cả", "389"]]
    assert table["first_row_is_table_header"] is True
    assert table["table_header_choice"] == "row"
    assert article.body[4][1] == "<p>Hội nghị đã khen thưởng 25 tập thể.</p>"
    assert article.encodings == {Encoding.TCVN3}
    assert article.notes[0] == "Đã chuyển văn bản gõ bằng bảng mã TCVN3 (ABC) sang Unicode."
    assert article.skipped_images == []


def test_every_text_is_nfc():
    article = convert(tcvn3_article())
    texts = [article.title, article.lead, article.author, article.source, paragraphs_html(article)]
    texts += [cell for table in article.tables for row in table["data"] for cell in row]
    texts += [image.caption for image in article.images]
    for text in texts:
        assert unicodedata.is_normalized("NFC", text), text


def test_vni_article():
    article = convert(vni_article())

    assert article.title == "Lễ hội Xíp Xí của người Thái"
    assert article.lead == "Đồng bào Thái đen ở xã Bum Nưa đón Tết cơm mới."
    assert paragraphs_html(article) == "<p>Xin chào các bạn, mời về thăm Mường Tè.</p>"
    assert article.encodings == {Encoding.VNI}


def test_unicode_nfd_document():
    document = docx.Document()
    document.add_heading(
        unicodedata.normalize("NFD", "Huyện Mường Tè đón nhận Huân chương"), level=1
    )
    lead = document.add_paragraph()
    add_run(lead, unicodedata.normalize("NFD", "Sáng nay, huyện tổ chức lễ đón nhận."), italic=True)
    document.add_paragraph(unicodedata.normalize("NFD", "Đồng chí Chủ tịch UBND huyện phát biểu."))

    article = convert(document)

    assert article.title == "Huyện Mường Tè đón nhận Huân chương"
    assert article.lead == "Sáng nay, huyện tổ chức lễ đón nhận."
    assert paragraphs_html(article) == "<p>Đồng chí Chủ tịch UBND huyện phát biểu.</p>"
    assert article.encodings == set()


def test_unicode_to_hop_split_across_runs():
    """A combining tone typed in the run after its letter joins that letter."""
    document = docx.Document()
    title = document.add_paragraph()
    add_run(title, "Vi\u00ea")
    add_run(title, "\u0323t Nam", bold=True)
    article = convert(document)
    assert article.title == "Việt Nam"


def test_mixed_encodings_in_one_paragraph():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bằng Unicode")
    paragraph = document.add_paragraph()
    add_run(paragraph, "Unicode: Mường Tè; ")
    add_run(paragraph, encode_tcvn3("TCVN3: Mường Tè; "), font=".VnTime")
    add_run(paragraph, encode_tcvn3("HOA: MƯỜNG TÈ; ", uppercase=True), font=".VnArialH")
    add_run(paragraph, encode_vni("VNI: Mường Tè"), font="VNI-Times", bold=True)

    article = convert(document)

    assert paragraphs_html(article) == (
        "<p>Unicode: Mường Tè; TCVN3: Mường Tè; HOA: MƯỜNG TÈ; <b>VNI: Mường Tè</b></p>"
    )
    assert article.encodings == {Encoding.TCVN3, Encoding.VNI}
    assert len([note for note in article.notes if "Unicode" in note]) == 2


def test_vni_letter_split_between_runs():
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_run(paragraph, "Vie", font="VNI-Times")
    add_run(paragraph, "ät Nam", font="VNI-Times", bold=True)
    article = convert(document)
    assert article.title == "Việt Nam"


def test_legacy_text_without_font_detected():
    """A TCVN3 document whose font was replaced by Times New Roman is still converted."""
    document = docx.Document()
    for text in (
        "Héi nghÞ tæng kÕt c«ng t¸c n¨m 2024",
        "UBND huyÖn M\u00adêng TÌ tæ chøc héi nghÞ tæng kÕt.",
        "C¸c x· ®· hoµn thµnh kÕ ho¹ch ®Ò ra.",
    ):
        add_run(document.add_paragraph(), text, font="Times New Roman")

    article = convert(document)

    assert article.title == "Hội nghị tổng kết công tác năm 2024"
    assert paragraphs_html(article) == (
        "<p>UBND huyện Mường Tè tổ chức hội nghị tổng kết.</p>"
        "<p>Các xã đã hoàn thành kế hoạch đề ra.</p>"
    )
    assert article.encodings == {Encoding.TCVN3}


def test_unicode_text_with_latin1_letters_not_converted():
    document = docx.Document()
    document.add_paragraph("Tôi yêu Mường Tè")
    document.add_paragraph("Xin chào, tôi là Tú.")
    article = convert(document)
    assert paragraphs_html(article) == "<p>Xin chào, tôi là Tú.</p>"
    assert article.encodings == set()


def test_lists_links_and_formatting():
    document = docx.Document()
    document.add_heading("Thông báo tuyển dụng", level=1)
    paragraph = document.add_paragraph()
    add_run(paragraph, "Xem ")
    add_hyperlink(paragraph, "https://laichau.gov.vn/thong-bao", "thông báo")
    add_run(paragraph, " và ")
    add_hyperlink(paragraph, "javascript:alert(1)", "liên kết lạ")
    add_run(paragraph, "; ")
    add_run(paragraph, "gạch chân", underline=True)
    add_run(paragraph, " <script>")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("Hồ sơ gồm:")
    document.add_paragraph("Đơn xin việc", style="List Bullet")
    document.add_paragraph("Bản sao bằng cấp", style="List Bullet")
    document.add_paragraph("Bản chính", style="List Bullet 2")
    document.add_paragraph("Nộp hồ sơ", style="List Number")
    document.add_paragraph("Phỏng vấn", style="List Number")
    document.add_heading("Liên hệ", level=1)
    document.add_heading("Địa chỉ", level=3)

    article = convert(document)

    assert article.title == "Thông báo tuyển dụng"
    assert paragraphs_html(article) == (
        '<p>Xem <a href="https://laichau.gov.vn/thong-bao">thông báo</a> và liên kết lạ; '
        "<i>gạch chân</i> &lt;script&gt;</p>"
        "<p>Hồ sơ gồm:</p>"
        "<ul><li>Đơn xin việc</li><li>Bản sao bằng cấp<ul><li>Bản chính</li></ul></li></ul>"
        "<ol><li>Nộp hồ sơ</li><li>Phỏng vấn</li></ol>"
        "<h2>Liên hệ</h2><h4>Địa chỉ</h4>"
    )
    assert any("gạch chân" in note for note in article.notes)


def test_hyperlink_field_from_converted_doc():
    """Files converted from .doc keep links as HYPERLINK fields rather than w:hyperlink."""
    document = docx.Document()
    document.add_paragraph("Tiêu đề")
    paragraph = document.add_paragraph("Trang ")
    for kind, instruction, text in (
        ("begin", None, None),
        (None, ' HYPERLINK "https://muongte.laichau.gov.vn/" ', None),
        ("separate", None, None),
        (None, None, "Mường Tè"),
        ("end", None, None),
    ):
        run = OxmlElement("w:r")
        if kind:
            field_char = OxmlElement("w:fldChar")
            field_char.set(qn("w:fldCharType"), kind)
            run.append(field_char)
        elif instruction:
            instruction_element = OxmlElement("w:instrText")
            instruction_element.text = instruction
            run.append(instruction_element)
        else:
            text_element = OxmlElement("w:t")
            text_element.text = text
            run.append(text_element)
        paragraph._p.append(run)

    article = convert(document)

    assert (
        paragraphs_html(article)
        == '<p>Trang <a href="https://muongte.laichau.gov.vn/">Mường Tè</a></p>'
    )


def test_title_from_first_heading_among_first_paragraphs():
    document = docx.Document()
    document.add_paragraph("UBND HUYỆN MƯỜNG TÈ")
    document.add_heading("Ra quân làm đường giao thông nông thôn", level=1)
    document.add_paragraph("Nội dung bài.")
    article = convert(document)
    assert article.title == "Ra quân làm đường giao thông nông thôn"
    assert paragraphs_html(article) == "<p>UBND HUYỆN MƯỜNG TÈ</p><p>Nội dung bài.</p>"
    assert article.lead == ""
    assert any("sapo" in note for note in article.notes)


def test_lead_needs_short_emphasised_paragraph():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_paragraph("Đoạn thường, không in đậm hay in nghiêng.")
    article = convert(document)
    assert article.lead == ""
    assert paragraphs_html(article) == "<p>Đoạn thường, không in đậm hay in nghiêng.</p>"

    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    add_run(document.add_paragraph(), "Rất dài. " * 80, bold=True)
    assert convert(document).lead == ""


def test_signature_and_quoted_source():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_paragraph("Nội dung bài viết.")
    source = document.add_paragraph("(Theo Báo Lai Châu)")
    signature = document.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(signature, "Hoàng Thị Mai", bold=True)
    assert source.text

    article = convert(document)

    assert article.author == "Hoàng Thị Mai"
    assert article.source == "Báo Lai Châu"
    assert paragraphs_html(article) == "<p>Nội dung bài viết.</p>"


def test_closing_sentence_is_not_a_byline():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_paragraph("Theo kế hoạch, công trình hoàn thành vào cuối năm.")
    article = convert(document)
    assert article.source == ""
    assert article.author == ""
    assert paragraphs_html(article) == "<p>Theo kế hoạch, công trình hoàn thành vào cuối năm.</p>"


def test_image_inside_text_splits_paragraph():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    paragraph = document.add_paragraph("Trước ảnh ")
    paragraph.add_run().add_picture(io.BytesIO(image_bytes()))
    paragraph.add_run(" sau ảnh")

    article = convert(document)

    assert [block_type for block_type, _ in article.body] == ["paragraph", "image", "paragraph"]
    assert article.body[0][1] == "<p>Trước ảnh</p>"
    assert article.body[2][1] == "<p>sau ảnh</p>"


def test_image_description_and_caption_style():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_paragraph("Đoạn mở đầu.")
    document.add_picture(io.BytesIO(image_bytes()))
    picture_paragraph = document.paragraphs[-1]
    for properties in picture_paragraph._p.iter(qn("wp:docPr")):
        properties.set("descr", "Cầu treo bắc qua sông Đà")
    document.add_paragraph("Cầu treo Nậm Khao", style="Caption")
    document.add_paragraph("Đoạn kết.")

    article = convert(document)

    assert [block_type for block_type, _ in article.body] == ["paragraph", "image", "paragraph"]
    image = article.images[0]
    assert image.alt_text == "Cầu treo bắc qua sông Đà"
    assert image.caption == "Cầu treo Nậm Khao"
    assert article.body[2][1] == "<p>Đoạn kết.</p>"


def test_image_without_description_or_caption():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_picture(io.BytesIO(image_bytes()))
    document.add_paragraph("Đoạn văn thường sau ảnh, không phải chú thích vì không in nghiêng.")

    article = convert(document)

    image = article.images[0]
    assert image.caption == ""
    assert image.alt_text == "Ảnh 1 của bài “Tiêu đề bài”"
    assert any("Ảnh 1" in note and "văn bản thay thế" in note for note in article.notes)


def test_unsupported_and_damaged_images_skipped():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_picture(io.BytesIO(image_bytes()))
    replace_image_part(document, WMF_IMAGE, "/word/media/hinh1.wmf", "image/x-wmf")
    document.add_picture(io.BytesIO(image_bytes(color="blue")))
    bmp = docx.Document()
    bmp.add_picture(io.BytesIO(image_bytes("BMP", color="green")))
    document.add_paragraph().add_run().add_picture(io.BytesIO(image_bytes("BMP", color="green")))
    document.add_paragraph("Hết bài.")
    data = docx_bytes(document)

    article = import_word_file(data)

    assert [image.number for image in article.skipped_images] == [1]
    skipped = article.skipped_images[0]
    assert skipped.name == "hinh1.wmf"
    assert skipped.reason == "định dạng WMF không hiển thị được trên trang web"
    assert [image.number for image in article.images] == [2, 3]
    converted = article.images[1]
    assert converted.filename.endswith(".png")
    assert Image.open(io.BytesIO(converted.data)).format == "PNG"


def test_damaged_image_bytes_skipped():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    document.add_picture(io.BytesIO(image_bytes()))
    replace_image_part(document, b"\x89PNG\r\n\x1a\nbroken", "/word/media/image1.png", "image/png")
    article = import_word_file(docx_bytes(document))
    assert article.images == []
    assert article.skipped_images[0].reason == "ảnh bị hỏng hoặc ở định dạng không đọc được"


def test_merged_cells_and_nested_text():
    document = docx.Document()
    document.add_paragraph("Tiêu đề bài")
    table = document.add_table(rows=3, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Kết quả năm 2024"
    table.cell(1, 0).text = "Xã"
    table.cell(1, 1).text = "Hộ nghèo"
    table.cell(1, 2).text = "Tỷ lệ"
    tall = table.cell(1, 0)
    tall.add_paragraph("(đơn vị)")
    table.cell(2, 0).text = "Pa Ủ"
    table.cell(2, 1).text = "120"
    table.cell(2, 2).text = "30%"

    article = convert(document)

    assert article.tables[0]["data"] == [
        ["Kết quả năm 2024", "", ""],
        ["Xã\n(đơn vị)", "Hộ nghèo", "Tỷ lệ"],
        ["Pa Ủ", "120", "30%"],
    ]
    assert article.tables[0]["first_row_is_table_header"] is False


def test_unicode_text_in_legacy_font_kept():
    """Unicode typed while a .VnTime font was selected must not be decoded again."""
    document = docx.Document()
    add_run(document.add_paragraph(), "Người dân Mường Tè", font=".VnTime")
    add_run(document.add_paragraph(), "2024", font=".VnTime")
    article = convert(document)
    assert article.title == "Người dân Mường Tè"
    assert paragraphs_html(article) == "<p>2024</p>"
    assert article.encodings == set()
    assert not any("Unicode" in note for note in article.notes)
