"""Turn a python-docx ``Document`` into an ``ImportedArticle``, without touching the database.

Rules:
- Title: the first paragraph in a heading style (Title, Heading 1–9) among the first three
  paragraphs with text, else the first paragraph with text.
- Lead: the paragraph after the title when it is short and wholly bold or italic.
- Author and source: lines at the end such as "Tác giả: …", "Bài và ảnh: …", "Nguồn: …",
  "(Theo …)", or a short right-aligned or bold name.
- Body: paragraphs, headings (as h2–h4), lists, bold, italic and links become rich text.
  Tables become table blocks, and images become image blocks with the caption when the
  next paragraph is one. Empty paragraphs and Word-only styling (fonts, colours, sizes) go.
- Text in TCVN3 or VNI fonts is converted to Unicode run by run; text without a legacy font
  is converted when statistics on the whole document show a legacy encoding.
"""

import base64
import io
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import PurePosixPath

from django.utils.html import escape
from django.utils.translation import gettext
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from PIL import Image as PILImage

from editorial import vnencoding
from editorial.vnencoding import Encoding, FontEncoding

from .errors import WordImportError
from .images import check_image
from .styles import DocumentFormatting

LEAD_MAX_LENGTH = 600
CAPTION_MAX_LENGTH = 300
BYLINE_MAX_LENGTH = 120
TITLE_MAX_LENGTH = 255
TITLE_SEARCH_DEPTH = 3
PREVIEW_SIZE = 640  # pixels, the longer side of an image in the preview

VML_NAMESPACE = "urn:schemas-microsoft-com:vml"
VML_IMAGEDATA = f"{{{VML_NAMESPACE}}}imagedata"
VML_SHAPE = f"{{{VML_NAMESPACE}}}shape"
SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
WHITESPACE = re.compile(r"[ \t\u00a0]+")
# Word's own alternative text for pictures it described itself adds nothing for readers.
GENERATED_DESCRIPTION = re.compile(r"\s*Description automatically generated\.?\s*$", re.IGNORECASE)

AUTHOR_LINE = re.compile(
    r"^\(?\s*(?:tác giả|người viết|bài và ảnh|bài, ảnh|tin và ảnh|tin, ảnh|tin, bài|bài|tin"
    r"|phóng viên|nhóm phóng viên|pv)\s*:\s*(?P<value>.+?)\s*\)?\s*$",
    re.IGNORECASE,
)
SOURCE_LINE = re.compile(
    r"^\(?\s*(?:nguồn|theo)\s*:\s*(?P<value>.+?)\s*\)?\s*$|^\(\s*theo\s+(?P<quoted>[^()]+?)\s*\)$",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.]*\.?$")


# --- What the converter produces ---------------------------------------------------------


@dataclass
class ImportedImage:
    """An image taken from the document, checked and ready to become a Wagtail image."""

    number: int
    data: bytes
    filename: str
    alt_text: str = ""
    caption: str = ""

    @property
    def data_uri(self):
        """A reduced copy of the image as a data: URI, for the preview before anything is saved."""
        with PILImage.open(io.BytesIO(self.data)) as image:
            image.thumbnail((PREVIEW_SIZE, PREVIEW_SIZE))
            preview = io.BytesIO()
            image.convert("RGBA" if "A" in image.getbands() else "RGB").save(preview, format="PNG")
        return f"data:image/png;base64,{base64.b64encode(preview.getvalue()).decode('ascii')}"


@dataclass
class SkippedImage:
    number: int
    name: str
    reason: str


@dataclass
class ImportedArticle:
    """The fields of a draft article read from a Word file, plus what the importer should know."""

    title: str = ""
    lead: str = ""
    author: str = ""
    source: str = ""
    # (block type, value) pairs for ArticlePage.body: "paragraph" with rich text HTML,
    # "image" with an ImportedImage, "table" with a TableBlock value.
    body: list = field(default_factory=list)
    skipped_images: list = field(default_factory=list)
    encodings: set = field(default_factory=set)
    notes: list = field(default_factory=list)

    @property
    def images(self):
        return [value for block_type, value in self.body if block_type == "image"]

    @property
    def tables(self):
        return [value for block_type, value in self.body if block_type == "table"]


# --- Intermediate items ----------------------------------------------------------------


@dataclass
class Piece:
    """A stretch of text with one formatting, as read from a run."""

    text: str
    font_name: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    link: str | None = None
    font_encoding: FontEncoding = vnencoding.UNICODE_FONT


@dataclass
class ImageReference:
    """A picture in a run: the package part holding it, or why it cannot be read."""

    part: object | None
    description: str = ""
    problem: str = ""


@dataclass
class TextItem:
    """A paragraph: body text, a heading, a list item or a caption."""

    pieces: list
    heading_level: int | None = None
    list_item: tuple | None = None
    is_caption_style: bool = False
    alignment: object = None

    @property
    def text(self):
        return WHITESPACE.sub(" ", "".join(piece.text for piece in self.pieces)).strip()

    def text_pieces(self):
        return [piece for piece in self.pieces if piece.text.strip()]

    @property
    def is_body_paragraph(self):
        return self.heading_level is None and self.list_item is None

    @property
    def all_bold(self):
        pieces = self.text_pieces()
        return bool(pieces) and all(piece.bold for piece in pieces)

    @property
    def all_italic(self):
        pieces = self.text_pieces()
        return bool(pieces) and all(piece.italic for piece in pieces)


@dataclass
class ImageItem:
    reference: ImageReference
    caption: str = ""


@dataclass
class TableItem:
    # rows → cells → paragraphs → pieces
    rows: list
    header_row_marked: bool = False


class WordConverter:
    """Convert one document; create one instance per document."""

    def __init__(self, document):
        self.document = document
        self.formatting = DocumentFormatting(document)
        self.article = ImportedArticle()
        self.uses_underline = False
        self.has_text_boxes = False

    def convert(self):
        items = list(self._body_items(self.document.element.body))
        self._decode(items)
        items = [item for item in items if not (isinstance(item, TextItem) and not item.text)]
        if not any(isinstance(item, TextItem) for item in items):
            raise WordImportError(gettext("The document has no text to import."))

        self._take_title(items)
        self._take_lead(items)
        self._take_byline(items)
        self._take_captions(items)
        self._build_body(items)
        self._add_notes()
        return self.article

    # --- Reading the XML ----------------------------------------------------------------

    def _body_items(self, container, parent=None):
        """Yield TextItems, ImageItems and TableItems for the block content of ``container``."""
        parent = parent or self.document
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                yield from self._paragraph_items(Paragraph(child, parent))
            elif child.tag == qn("w:tbl"):
                yield from self._table_items(Table(child, parent))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._body_items(content, parent)

    def _paragraph_items(self, paragraph):
        """Yield the paragraph as TextItems, split around the images it holds."""
        content = []
        self._walk_inline(paragraph._p, paragraph, content, link=None, field_state={})
        properties = {
            "heading_level": self.formatting.heading_level(paragraph),
            "list_item": self.formatting.list_item(paragraph),
            "is_caption_style": self.formatting.is_caption(paragraph),
            "alignment": paragraph.alignment,
        }
        pieces = []
        for element in content:
            if isinstance(element, ImageReference):
                if pieces:
                    yield TextItem(pieces=pieces, **properties)
                    pieces = []
                yield ImageItem(reference=element)
            else:
                pieces.append(element)
        yield TextItem(pieces=pieces, **properties)

    def _table_items(self, table):
        rows = []
        images = []
        seen_cells = set()
        for row_element in table._tbl.tr_lst:
            cells = []
            for cell in self._row_cells(table, row_element):
                if cell._tc in seen_cells:
                    # A merged cell repeats in every grid position it spans. Its text stays
                    # in the first one. NOTE: the span itself is not kept in the table block.
                    cells.append([])
                    continue
                seen_cells.add(cell._tc)
                paragraphs = []
                for item in self._body_items(cell._tc, cell):
                    if isinstance(item, TextItem):
                        paragraphs.append(item.pieces)
                    elif isinstance(item, ImageItem):
                        images.append(item)
                    elif isinstance(item, TableItem):
                        # A table nested in a cell is kept as lines of text in that cell.
                        for nested_row in item.rows:
                            for nested_cell in nested_row:
                                paragraphs.extend(nested_cell)
                cells.append(paragraphs)
            rows.append(cells)
        header = (
            table._tbl.tr_lst[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
            if rows
            else False
        )
        yield TableItem(rows=rows, header_row_marked=header)
        yield from images

    @staticmethod
    def _row_cells(table, row_element):
        from docx.table import _Row

        return _Row(row_element, table).cells

    def _walk_inline(self, element, paragraph, content, link, field_state):
        """Append the Pieces and ImageReferences inside a paragraph element to ``content``."""
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:r"):
                self._walk_run(Run(child, paragraph), paragraph, content, link, field_state)
            elif tag == qn("w:hyperlink"):
                hyperlink = Hyperlink(child, paragraph)
                url = hyperlink.url if hyperlink.address else ""
                self._walk_inline(child, paragraph, content, safe_url(url), field_state)
            elif tag == qn("w:fldSimple"):
                match = HYPERLINK_FIELD.match(child.get(qn("w:instr"), ""))
                field_link = safe_url(match.group(1)) if match else link
                self._walk_inline(child, paragraph, content, field_link, field_state)
            elif tag in (qn("w:ins"), qn("w:smartTag"), qn("w:customXml"), qn("w:moveTo")):
                self._walk_inline(child, paragraph, content, link, field_state)
            elif tag == qn("w:sdt"):
                sdt_content = child.find(qn("w:sdtContent"))
                if sdt_content is not None:
                    self._walk_inline(sdt_content, paragraph, content, link, field_state)
            # Deleted text (w:del, w:moveFrom), bookmarks, proofing marks and paragraph
            # properties carry no content.

    def _walk_run(self, run, paragraph, content, link, field_state):
        if field_state.get("link"):
            link = field_state["link"]
        style = {
            "font_name": self.formatting.run_font(run, paragraph),
            "bold": self.formatting.run_is(run, paragraph, "bold"),
            "italic": self.formatting.run_is(run, paragraph, "italic"),
            "underline": self.formatting.run_is_underlined(run, paragraph),
            "link": link,
        }
        for child in run._r.iterchildren():
            tag = child.tag
            text = None
            if tag == qn("w:t"):
                text = child.text or ""
            elif tag in (qn("w:tab"), qn("w:ptab")):
                text = " "
            elif tag == qn("w:br"):
                text = "" if child.get(qn("w:type")) in ("page", "column") else "\n"
            elif tag == qn("w:cr"):
                text = "\n"
            elif tag == qn("w:noBreakHyphen"):
                text = "-"
            elif tag == qn("w:sym"):
                text = chr(int(child.get(qn("w:char"), "20"), 16))
            elif tag == qn("w:fldChar"):
                self._field_char(child, field_state)
                link = field_state.get("link") or style["link"]
                style["link"] = link
            elif tag == qn("w:instrText"):
                if field_state.get("collecting"):
                    field_state["instruction"] += child.text or ""
            elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")):
                content.extend(self._image_references(child, paragraph))
            if text:
                if field_state.get("collecting"):
                    continue
                if style["underline"]:
                    self.uses_underline = True
                content.append(Piece(text=text, **style))

    @staticmethod
    def _field_char(element, field_state):
        """Track complex fields so that HYPERLINK fields (common in converted .doc files) become links."""
        kind = element.get(qn("w:fldCharType"))
        if kind == "begin":
            field_state.update(collecting=True, instruction="", link=None)
        elif kind == "separate":
            match = HYPERLINK_FIELD.match(field_state.get("instruction", ""))
            field_state.update(collecting=False, link=safe_url(match.group(1)) if match else None)
        elif kind == "end":
            field_state.update(collecting=False, instruction="", link=None)

    def _image_references(self, element, paragraph):
        """Return an ImageReference for each picture in a w:drawing, w:pict or w:object."""
        references = []
        if element.findall(f".//{qn('w:txbxContent')}"):
            self.has_text_boxes = True
        description = ""
        for properties in element.iter(qn("wp:docPr")):
            description = properties.get("descr") or properties.get("title") or ""
        for shape in element.iter(VML_SHAPE):
            description = description or shape.get("alt") or ""
        description = GENERATED_DESCRIPTION.sub("", description).strip()
        description = vnencoding.to_unicode(description)

        relationship_ids = []
        for blip in element.iter(qn("a:blip")):
            embed, linked = blip.get(qn("r:embed")), blip.get(qn("r:link"))
            relationship_ids.append((embed, linked))
        for imagedata in element.iter(VML_IMAGEDATA):
            relationship_ids.append((imagedata.get(qn("r:id")), None))
        for embed, linked in relationship_ids:
            if embed:
                part = paragraph.part.related_parts.get(embed)
                if part is None:
                    references.append(
                        ImageReference(
                            None, description, gettext("the image is missing from the file")
                        )
                    )
                else:
                    references.append(ImageReference(part, description))
            elif linked:
                references.append(
                    ImageReference(
                        None,
                        description,
                        gettext(
                            "the image is linked to a file on the author's computer, not embedded"
                        ),
                    )
                )
        return references

    # --- Legacy encodings -----------------------------------------------------------------

    def _all_piece_lists(self, items):
        for item in items:
            if isinstance(item, TextItem):
                yield item.pieces
            elif isinstance(item, TableItem):
                for row in item.rows:
                    for cell in row:
                        yield from cell

    def _decode(self, items):
        """Convert the text of every piece to Unicode NFC, by font or by document statistics.

        A piece with letters that exist only in Unicode (ư, ạ…) is Unicode whatever its
        font, because legacy text is made of Latin-1 codes only.
        """
        piece_lists = list(self._all_piece_lists(items))
        unhinted = []
        for pieces in piece_lists:
            for piece in pieces:
                if vnencoding.UNICODE_ONLY_LETTERS.search(piece.text):
                    piece.font_encoding = vnencoding.UNICODE_FONT
                else:
                    piece.font_encoding = vnencoding.encoding_for_font(piece.font_name)
                if piece.font_encoding.encoding == Encoding.UNICODE:
                    unhinted.append(piece.text)

        document_encoding = vnencoding.detect_encoding(" ".join(unhinted))
        if document_encoding != Encoding.UNICODE:
            fallback = FontEncoding(document_encoding)
            for pieces in piece_lists:
                for piece in pieces:
                    if piece.font_encoding.encoding == Encoding.UNICODE and not (
                        vnencoding.UNICODE_ONLY_LETTERS.search(piece.text)
                    ):
                        piece.font_encoding = fallback

        for pieces in piece_lists:
            for piece in pieces:
                changes_text = not piece.text.isascii() or piece.font_encoding.uppercase
                if piece.font_encoding.encoding != Encoding.UNICODE and changes_text:
                    self.article.encodings.add(piece.font_encoding.encoding)
            decode_pieces(pieces)

    # --- Title, lead, byline, captions -----------------------------------------------------

    def _take_title(self, items):
        text_items = [item for item in items if isinstance(item, TextItem)]
        title_item = next(
            (item for item in text_items[:TITLE_SEARCH_DEPTH] if item.heading_level is not None),
            text_items[0],
        )
        title = title_item.text
        if len(title) > TITLE_MAX_LENGTH:
            title = title[:TITLE_MAX_LENGTH].rsplit(" ", 1)[0]
            self.article.notes.append(
                gettext("The title was longer than %(limit)s characters and was shortened.")
                % {"limit": TITLE_MAX_LENGTH}
            )
        self.article.title = title
        self._title_index = items.index(title_item)
        items.remove(title_item)

    def _take_lead(self, items):
        index = self._title_index
        if index >= len(items):
            return
        candidate = items[index]
        if (
            isinstance(candidate, TextItem)
            and candidate.is_body_paragraph
            and len(candidate.text) <= LEAD_MAX_LENGTH
            and (candidate.all_bold or candidate.all_italic)
        ):
            self.article.lead = candidate.text
            items.remove(candidate)

    def _take_byline(self, items):
        """Take author and source lines from the end of the document."""
        checked = 0
        while items and checked < 3:
            item = items[-1]
            if not (isinstance(item, TextItem) and item.is_body_paragraph):
                return
            text = item.text
            if len(text) > BYLINE_MAX_LENGTH:
                return
            source = SOURCE_LINE.match(text)
            author = AUTHOR_LINE.match(text)
            if source and not self.article.source:
                self.article.source = (source.group("value") or source.group("quoted")).strip()
            elif author and not self.article.author:
                self.article.author = author.group("value").strip()
            elif checked == 0 and not self.article.author and looks_like_signature(item):
                self.article.author = text
            else:
                return
            items.pop()
            checked += 1

    def _take_captions(self, items):
        index = 0
        while index < len(items) - 1:
            item, following = items[index], items[index + 1]
            if (
                isinstance(item, ImageItem)
                and isinstance(following, TextItem)
                and is_caption(following)
            ):
                item.caption = following.text
                del items[index + 1]
            index += 1

    # --- Body -----------------------------------------------------------------------------

    def _build_body(self, items):
        body = self.article.body
        text_group = []
        for item in items:
            if isinstance(item, TextItem):
                text_group.append(item)
                continue
            if text_group:
                body.append(("paragraph", rich_text(text_group)))
                text_group = []
            if isinstance(item, ImageItem):
                self._add_image(item)
            elif isinstance(item, TableItem):
                table = table_value(item)
                if table:
                    body.append(("table", table))
        if text_group:
            body.append(("paragraph", rich_text(text_group)))

    def _add_image(self, item):
        number = len(self.article.images) + len(self.article.skipped_images) + 1
        reference = item.reference
        name = PurePosixPath(str(reference.part.partname)).name if reference.part else ""
        if reference.problem:
            self.article.skipped_images.append(SkippedImage(number, name, reference.problem))
            return
        try:
            checked = check_image(reference.part.blob)
        except WordImportError as error:
            self.article.skipped_images.append(SkippedImage(number, name, str(error)))
            return
        alt_text = reference.description or item.caption
        if not alt_text:
            alt_text = gettext("Image %(number)s of the article “%(title)s”") % {
                "number": number,
                "title": self.article.title,
            }
            self.article.notes.append(
                gettext(
                    "Image %(number)s has no description in the Word file: replace its alternative text with a short description."
                )
                % {"number": number}
            )
        stem = PurePosixPath(name).stem or f"image{number}"
        self.article.body.append(
            (
                "image",
                ImportedImage(
                    number=number,
                    data=checked.data,
                    filename=f"{stem}.{checked.extension}",
                    alt_text=alt_text[:255],
                    caption=item.caption[:500],
                ),
            )
        )

    def _add_notes(self):
        names = {Encoding.TCVN3: "TCVN3 (ABC)", Encoding.VNI: "VNI"}
        notes = [
            gettext("Text typed in the %(encoding)s encoding was converted to Unicode.")
            % {"encoding": name}
            for encoding, name in names.items()
            if encoding in self.article.encodings
        ]
        notes.extend(self.article.notes)
        self.article.notes = notes
        if not self.article.lead:
            notes.append(
                gettext(
                    "No lead was found (a short bold or italic paragraph after the title): write one before submitting the article."
                )
            )
        if self.uses_underline:
            notes.append(
                gettext(
                    "Underlined text is shown in italics, because the article editor has no underline (on the web it looks like a link)."
                )
            )
        if self.has_text_boxes:
            notes.append(
                gettext(
                    "Text inside text boxes was not imported: copy it into the article if it is needed."
                )
            )


def convert_document(document):
    """Return the ``ImportedArticle`` read from a python-docx ``Document``."""
    return WordConverter(document).convert()


# --- Helpers ---------------------------------------------------------------------------------


def safe_url(url):
    """Return ``url`` when it is a web or e-mail link, else None (file paths, scripts, anchors)."""
    url = (url or "").strip()
    return url if SAFE_URL.match(url) else None


def decode_pieces(pieces):
    """Decode each group of neighbouring pieces in one encoding, then compose their marks.

    A combining mark that starts a piece belongs to the last letter of the piece before.
    """
    for font_encoding, group in groupby(pieces, key=lambda piece: piece.font_encoding):
        group = list(group)
        for piece, text in zip(
            group, vnencoding.decode_segments([p.text for p in group], font_encoding), strict=True
        ):
            piece.text = text
    previous = None
    for piece in pieces:
        text = unicodedata.normalize("NFD", piece.text)
        leading = len(text) - len(text.lstrip("".join(chr(c) for c in range(0x300, 0x370))))
        if leading and previous is not None:
            previous.text = vnencoding.fix_combining_marks(previous.text + text[:leading])
            text = text[leading:]
        piece.text = vnencoding.fix_combining_marks(text)
        previous = piece


def is_caption(item):
    """True when a paragraph after an image reads as its caption."""
    if not item.is_body_paragraph and not item.is_caption_style:
        return False
    if item.is_caption_style:
        return True
    if len(item.text) > CAPTION_MAX_LENGTH:
        return False
    centered = item.alignment == WD_ALIGN_PARAGRAPH.CENTER
    return item.all_italic or (centered and not item.all_bold)


def looks_like_signature(item):
    """True for a short line of capitalised words, right-aligned or bold: the author's name."""
    words = item.text.split()
    if not 2 <= len(words) <= 6 or len(item.text) > 60:
        return False
    if not all(NAME_WORD.match(word) and word[0].isupper() for word in words):
        return False
    return item.alignment == WD_ALIGN_PARAGRAPH.RIGHT or item.all_bold or item.all_italic


def tidy_pieces(pieces):
    """Return copies of the text pieces with spaces collapsed and the ends trimmed."""
    tidied = []
    previous_space = True
    for piece in pieces:
        text = WHITESPACE.sub(" ", piece.text)
        if previous_space:
            text = text.lstrip(" ")
        if not text:
            continue
        previous_space = text.endswith((" ", "\n"))
        tidied.append(Piece(**{**piece.__dict__, "text": text}))
    while tidied and not tidied[-1].text.strip():
        tidied.pop()
    if tidied:
        tidied[-1].text = tidied[-1].text.rstrip()
    return tidied


def inline_html(pieces):
    """Return the rich text HTML of one paragraph's pieces: bold, italic, links, line breaks."""
    parts = []
    for link, linked in groupby(tidy_pieces(pieces), key=lambda piece: piece.link):
        inner = []
        for (bold, italic), formatted in groupby(
            linked, key=lambda piece: (piece.bold, piece.italic or piece.underline)
        ):
            text = "".join(piece.text for piece in formatted)
            html = "<br/>".join(escape(line) for line in text.split("\n"))
            if text.strip():
                if italic:
                    html = f"<i>{html}</i>"
                if bold:
                    html = f"<b>{html}</b>"
            inner.append(html)
        html = "".join(inner)
        parts.append(f'<a href="{escape(link)}">{html}</a>' if link else html)
    return "".join(parts)


def rich_text(items):
    """Return the rich text HTML of consecutive TextItems, with lists grouped and nested by level."""
    html = []
    open_lists = []  # (tag, level) of the lists still open, innermost last

    def close_lists(to_level):
        while open_lists and open_lists[-1][1] > to_level:
            html.append(f"</li></{open_lists.pop()[0]}>")

    for item in items:
        if item.list_item is None:
            close_lists(-1)
            if item.heading_level is not None:
                tag = f"h{min(max(item.heading_level, 1) + 1, 4)}"
                html.append(f"<{tag}>{escape(item.text)}</{tag}>")
            else:
                html.append(f"<p>{inline_html(item.pieces)}</p>")
            continue
        ordered, level = item.list_item
        tag = "ol" if ordered else "ul"
        close_lists(level)
        if open_lists and open_lists[-1][1] == level:
            if open_lists[-1][0] == tag:
                html.append("</li><li>")
            else:
                html.append(f"</li></{open_lists.pop()[0]}><{tag}><li>")
                open_lists.append((tag, level))
        else:
            html.append(f"<{tag}><li>")
            open_lists.append((tag, level))
        html.append(inline_html(item.pieces))
    close_lists(-1)
    return "".join(html)


def table_value(item):
    """Return the TableBlock value of a TableItem: plain text cells, the first row as header if marked."""
    rows = []
    for row in item.rows:
        cells = []
        for paragraphs in row:
            lines = [
                WHITESPACE.sub(" ", "".join(piece.text for piece in pieces)).strip()
                for pieces in paragraphs
            ]
            cells.append("\n".join(line for line in lines if line))
        rows.append(cells)
    if not rows or not any(any(cell for cell in row) for row in rows):
        return None
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    first_row_bold = (
        bool(item.rows[0])
        and all(
            all(piece.bold for piece in pieces if piece.text.strip())
            for paragraphs in item.rows[0]
            for pieces in paragraphs
        )
        and any(
            piece.text.strip()
            for paragraphs in item.rows[0]
            for pieces in paragraphs
            for piece in pieces
        )
    )
    header = len(rows) > 1 and (item.header_row_marked or first_row_bold)
    return {
        "data": rows,
        "table_header_choice": "row" if header else "neither",
        "first_row_is_table_header": header,
        "first_col_is_header": False,
        "table_caption": "",
        "cell": [],
        "mergeCells": [],
    }
