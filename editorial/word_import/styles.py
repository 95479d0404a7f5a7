"""Effective formatting of Word paragraphs and runs, resolved through the style hierarchy.

python-docx reports only what is set directly on an element. A value it returns as None
comes from the character style, the paragraph style and their base styles, or else from
the document defaults. The converter needs the effective font (to spot legacy encodings),
bold and italic, heading levels and list numbering.
"""

import re

from docx.enum.text import WD_UNDERLINE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

HEADING_STYLE = re.compile(r"^heading (\d)$", re.IGNORECASE)
TITLE_STYLES = {"title"}
CAPTION_STYLES = {"caption"}
# "List Bullet 2" and the like are Word's built-in styles for the second list level.
LIST_STYLE = re.compile(r"^list (bullet|number)(?: (\d))?$", re.IGNORECASE)


def _style_chain(style):
    """Yield ``style`` and each of its base styles, nearest first."""
    seen = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        style = style.base_style


def _rpr_font(rpr):
    """Return the font of a ``w:rPr`` for Latin-1 text (``w:hAnsi``), else for ASCII (``w:ascii``)."""
    if rpr is None or rpr.rFonts is None:
        return None
    return rpr.rFonts.get(qn("w:hAnsi")) or rpr.rFonts.get(qn("w:ascii"))


class DocumentFormatting:
    """Look-ups of effective formatting in one python-docx ``Document``."""

    def __init__(self, document):
        self.document = document
        self.default_font = self._default_font()
        self.numbering = self._numbering_element()

    def _default_font(self):
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        if defaults is None:
            return None
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        return _rpr_font(rpr)

    def _numbering_element(self):
        try:
            return self.document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except KeyError:
            return None

    # --- Runs ------------------------------------------------------------------------

    def run_font(self, run, paragraph):
        """Return the font name that Word draws the run's non-ASCII text in, or None."""
        font = _rpr_font(run._r.rPr)
        if font:
            return font
        for style in self._run_styles(run, paragraph):
            font = _rpr_font(style.element.rPr)
            if font:
                return font
        return self.default_font

    def run_is(self, run, paragraph, attribute):
        """True when ``attribute`` ("bold" or "italic") is in effect for the run."""
        value = getattr(run.font, attribute)
        if value is not None:
            return value
        for style in self._run_styles(run, paragraph):
            value = getattr(style.font, attribute)
            if value is not None:
                return value
        return False

    def run_is_underlined(self, run, paragraph):
        value = run.font.underline
        if value is None:
            for style in self._run_styles(run, paragraph):
                value = style.font.underline
                if value is not None:
                    break
        return bool(value) and value != WD_UNDERLINE.NONE

    def _run_styles(self, run, paragraph):
        """Yield the run's character style chain, then its paragraph's style chain."""
        if run._r.rPr is not None and run._r.rPr.rStyle is not None:
            yield from _style_chain(run.style)
        if paragraph.style is not None:
            yield from _style_chain(paragraph.style)

    # --- Paragraphs --------------------------------------------------------------------

    def style_names(self, paragraph):
        if paragraph.style is None:
            return []
        return [(style.name or "").lower() for style in _style_chain(paragraph.style)]

    def heading_level(self, paragraph):
        """1–9 for a heading, 0 for the "Title" style, None for any other paragraph."""
        for name in self.style_names(paragraph)[:1]:
            if name in TITLE_STYLES:
                return 0
            match = HEADING_STYLE.match(name)
            if match:
                return int(match.group(1))
        for ppr in self._paragraph_properties(paragraph):
            outline = ppr.find(qn("w:outlineLvl"))
            if outline is not None:
                level = int(outline.get(qn("w:val"), "9"))
                return level + 1 if level < 9 else None
        return None

    def is_caption(self, paragraph):
        return any(name in CAPTION_STYLES for name in self.style_names(paragraph))

    def list_item(self, paragraph):
        """Return (ordered, level) for a list paragraph, None for any other paragraph."""
        for ppr in self._paragraph_properties(paragraph):
            num_pr = ppr.find(qn("w:numPr"))
            if num_pr is None:
                continue
            num_id_element = num_pr.find(qn("w:numId"))
            num_id = num_id_element.get(qn("w:val")) if num_id_element is not None else None
            if num_id in (None, "0"):
                return None
            level_element = num_pr.find(qn("w:ilvl"))
            if level_element is not None:
                level = int(level_element.get(qn("w:val"), "0"))
            else:
                level = self._style_list_level(paragraph)
            return self._is_ordered(num_id, level, paragraph), level
        for name in self.style_names(paragraph)[:1]:
            match = LIST_STYLE.match(name)
            if match:
                return match.group(1).lower() == "number", self._style_list_level(paragraph)
        return None

    def _style_list_level(self, paragraph):
        for name in self.style_names(paragraph)[:1]:
            match = LIST_STYLE.match(name)
            if match and match.group(2):
                return int(match.group(2)) - 1
        return 0

    def _paragraph_properties(self, paragraph):
        """Yield the paragraph's own ``w:pPr``, then those of its style chain."""
        if paragraph._p.pPr is not None:
            yield paragraph._p.pPr
        if paragraph.style is not None:
            for style in _style_chain(paragraph.style):
                ppr = style.element.pPr
                if ppr is not None:
                    yield ppr

    def _is_ordered(self, num_id, level, paragraph):
        """True unless the numbering level draws bullets; style names decide without numbering."""
        number_format = self._number_format(num_id, level)
        if number_format is None:
            return any(
                LIST_STYLE.match(name) and "number" in name for name in self.style_names(paragraph)
            )
        return number_format not in ("bullet", "none")

    def _number_format(self, num_id, level):
        if self.numbering is None:
            return None
        for num in self.numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) != num_id:
                continue
            abstract_id = num.find(qn("w:abstractNumId"))
            if abstract_id is None:
                return None
            for abstract in self.numbering.findall(qn("w:abstractNum")):
                if abstract.get(qn("w:abstractNumId")) != abstract_id.get(qn("w:val")):
                    continue
                for lvl in abstract.findall(qn("w:lvl")):
                    if lvl.get(qn("w:ilvl")) == str(level):
                        number_format = lvl.find(qn("w:numFmt"))
                        if number_format is not None:
                            return number_format.get(qn("w:val"))
        return None
