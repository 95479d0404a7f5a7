"""Word files for the import tests, built with python-docx the way Word writes them."""

import io
import struct
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image

from editorial.vnencoding import encode_tcvn3, encode_vni

# A Windows Metafile with a placeable header: Word's clip-art format, which browsers cannot show.
WMF_IMAGE = (
    b"\xd7\xcd\xc6\x9a\x00\x00"
    + struct.pack("<hhhhH", 0, 0, 1000, 800, 1440)
    + b"\x00" * 6
    + b"\x01\x00\x09\x00\x00\x03"
    + b"\x00" * 12
)


def image_bytes(image_format="PNG", color="red", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    return buffer.getvalue()


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_run(paragraph, text, font=None, bold=None, italic=None, underline=None):
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
    run.bold = bold
    run.italic = italic
    run.underline = underline
    return run


def add_hyperlink(paragraph, url, text):
    """Append a w:hyperlink to an external address, as Word writes it."""
    relationship_id = paragraph.part.relate_to(
        url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def replace_image_part(document, data, partname, content_type):
    """Swap the bytes of the document's first image for ``data`` (an unsupported format)."""
    for relationship in document.part.rels.values():
        if relationship.reltype.endswith("/image"):
            part = relationship.target_part
            part._blob = data
            part._partname = docx.opc.packuri.PackURI(partname)
            part._content_type = content_type
            return


def tcvn3_article(images=2, table=True):
    """The example of a secretary's day: an article typed in .VnTime with images and a table."""
    document = docx.Document()
    title = document.add_paragraph(style="Title")
    add_run(title, encode_tcvn3("Mường Tè tổng kết năm học 2024–2025"), font=".VnTime")
    lead = document.add_paragraph()
    add_run(
        lead,
        encode_tcvn3("Sáng ngày 5/6, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết."),
        font=".VnTime",
        bold=True,
    )
    body = document.add_paragraph()
    add_run(body, encode_tcvn3("Năm học vừa qua, toàn huyện có "), font=".VnTime")
    add_run(body, encode_tcvn3("98% học sinh"), font=".VnTime", bold=True)
    add_run(body, encode_tcvn3(" được lên lớp."), font=".VnTime")
    heading = document.add_paragraph(style="Heading 2")
    add_run(heading, encode_tcvn3("KẾT QUẢ NỔI BẬT", uppercase=True), font=".VnTimeH")
    for number in range(1, images + 1):
        document.add_picture(io.BytesIO(image_bytes(color=("red", "blue", "green")[number % 3])))
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # .VnTime has no capital Ả: typists set that one letter in the uppercase font.
        add_run(caption, encode_tcvn3("Ả", uppercase=True), font=".VnTimeH", italic=True)
        add_run(
            caption, encode_tcvn3(f"nh {number}: Học sinh xã Kan Hồ"), font=".VnTime", italic=True
        )
    if table:
        grid = document.add_table(rows=3, cols=2)
        for row, (name, count) in enumerate(
            [("Xã", "Số học sinh"), ("Kan Hồ", "412"), ("Mù Cả", "389")]
        ):
            for column, text in enumerate((name, count)):
                cell_paragraph = grid.cell(row, column).paragraphs[0]
                add_run(cell_paragraph, encode_tcvn3(text), font=".VnTime", bold=row == 0)
    closing = document.add_paragraph()
    add_run(closing, encode_tcvn3("Hội nghị đã khen thưởng 25 tập thể."), font=".VnTime")
    author = document.add_paragraph()
    add_run(author, encode_tcvn3("Tác giả: Lò Văn Minh"), font=".VnTime")
    source = document.add_paragraph()
    add_run(source, encode_tcvn3("Nguồn: Phòng Giáo dục và Đào tạo"), font=".VnTime")
    return document


def vni_article():
    document = docx.Document()
    add_run(document.add_paragraph(), encode_vni("Lễ hội Xíp Xí của người Thái"), font="VNI-Times")
    add_run(
        document.add_paragraph(),
        encode_vni("Đồng bào Thái đen ở xã Bum Nưa đón Tết cơm mới."),
        font="VNI-Times",
        italic=True,
    )
    add_run(
        document.add_paragraph(),
        encode_vni("Xin chào các bạn, mời về thăm Mường Tè."),
        font="VNI-Helve",
    )
    return document


def legacy_ole_file(stream_name, encrypted=False):
    """A minimal OLE compound file holding one stream, enough for the type checks.

    Sector size 512: the header, one directory sector (sector 0) and the stream's first
    sector (sector 1). A ``WordDocument`` stream starts with a Word File Information Block.
    """
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<H", header, 30, 9)  # sector shift: 2**9 = 512 bytes
    directory = bytearray(512)
    name = stream_name.encode("utf-16-le") + b"\x00\x00"
    directory[0 : len(name)] = name
    struct.pack_into("<H", directory, 64, len(name))
    directory[66] = 2  # stream object
    struct.pack_into("<I", directory, 116, 1)  # first sector of the stream
    struct.pack_into("<I", directory, 120, 512)
    stream = bytearray(512)
    struct.pack_into("<HH", stream, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", stream, 10, 0x0100 if encrypted else 0)
    return bytes(header + directory + stream)


def zip_package(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content)
    return buffer.getvalue()
