"""Turn the plain text of a Vietnamese legal document into rich text with headings.

Vietnamese regulations share one layout: chapters ("Chương I" followed by the chapter
title on its own line), articles ("Điều 5. Quản lý Trang TTĐT"), then clauses and points.
The converter keeps every line and marks up only that structure, so the result reads
like the printed document.
"""

import re
from html import escape

from home.text import to_nfc

CHAPTER = re.compile(r"^Chương\s+[IVXLC\d]+\b", re.IGNORECASE)
ARTICLE = re.compile(r"^Điều\s+\d+\s*\.")
# A footnote marker that survived a conversion from Word as U+FFFD.
REPLACEMENT_CHAR = "\ufffd"


def plain_text_to_html(text):
    """Return HTML for ``text``: chapters as <h2>, articles as <h3>, other lines as <p>.

    Articles become headings only once the first chapter has begun, because the
    decision that precedes a regulation ("Điều 1. Ban hành kèm theo…") states its
    articles as whole paragraphs.
    """
    lines = [line.strip() for line in to_nfc(text).replace(REPLACEMENT_CHAR, "").splitlines()]
    lines = [line for line in lines if line]
    html = []
    in_chapters = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if CHAPTER.match(line):
            in_chapters = True
            title = line
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and following.isupper():
                title = f"{line} – {following}"
                index += 1
            html.append(f"<h2>{escape(title, quote=False)}</h2>")
        elif in_chapters and ARTICLE.match(line):
            html.append(f"<h3>{escape(line, quote=False)}</h3>")
        elif line.isupper() and len(line) < 120:
            html.append(f"<p><b>{escape(line, quote=False)}</b></p>")
        else:
            html.append(f"<p>{escape(line, quote=False)}</p>")
        index += 1
    return "".join(html)
