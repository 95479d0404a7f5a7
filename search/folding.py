"""Vietnamese text folding for search: the same words with or without diacritics.

Vietnamese arrives with diacritics or without, in NFC or NFD. The search backends of Wagtail
(the ``modelsearch`` package) do not fold it the same way on every database. PostgreSQL's
default text search configuration keeps accents. SQLite's FTS5 tokenizer never folds đ and
keeps the letters that carry two marks (ầ, ờ, ự). So each page indexes two extra copies of its
text, made of ASCII tokens that every backend tokenizes alike:

- the folded copy: lower-case ASCII words, "Mường Tè" gives "muong te";
- the exact copy: one token per word that differs for every spelling with diacritics, so a
  query typed with the same diacritics can rank its exact matches first.

Queries are folded and encoded by the same functions.
"""

import hashlib
import re
import unicodedata

from anyascii import anyascii
from django.utils.html import escape
from django.utils.safestring import mark_safe

ASCII_WORD = re.compile(r"[a-z0-9]+")
# Each exact token starts with this prefix, so that a folded query never matches an exact token
# and an exact query never matches a folded word.
EXACT_PREFIX = "qx"
# Queries longer than this many words are cut: a real query is a few words, and every word
# adds a condition to the search.
MAX_QUERY_WORDS = 12


def fold(text):
    """Return ``text`` in lower-case ASCII: "Đấu thầu" and its NFD form both give "dau thau"."""
    return anyascii(unicodedata.normalize("NFC", text or "")).lower()


def folded_words(text):
    """Return the ASCII words of ``text`` once folded, punctuation left out."""
    return ASCII_WORD.findall(fold(text))


def exact_token(word):
    """Return the exact token of one NFC lower-case word: its folded form and a spelling tag.

    The tag is made of letters only (a digit could make PostgreSQL's parser split the token),
    derived from a hash of the word with its diacritics, so "mường" and "muống" get different
    tokens while both fold to "muong".
    """
    folded = "".join(ASCII_WORD.findall(fold(word)))
    digest = hashlib.blake2s(word.encode(), digest_size=5).digest()
    tag = "".join(chr(ord("a") + byte % 26) for byte in digest)
    return f"{EXACT_PREFIX}{folded}q{tag}"


def exact_words(text):
    """Return the exact tokens of ``text``, one per word that contains a letter or digit."""
    words = unicodedata.normalize("NFC", text or "").lower().split()
    tokens = []
    for raw_word in words:
        word = "".join(char for char in raw_word if char.isalnum())
        if word and ASCII_WORD.search(fold(word)):
            tokens.append(exact_token(word))
    return tokens


def folded_copy(texts):
    """Return the folded copy of several texts, to index beside the original."""
    return " ".join(" ".join(folded_words(text)) for text in texts if text)


def exact_copy(texts):
    """Return the exact copy of several texts, to index beside the original."""
    return " ".join(" ".join(exact_words(text)) for text in texts if text)


def fold_with_offsets(text):
    """Return the folded form of NFC ``text`` and, for each folded character, its source index.

    Folding can change lengths ("ß" gives "ss"), so highlighting maps folded positions back to
    the original text through this list.
    """
    folded = []
    offsets = []
    for index, char in enumerate(text):
        for folded_char in anyascii(char).lower():
            folded.append(folded_char)
            offsets.append(index)
    return "".join(folded), offsets


def highlight(text, words, length=240):
    """Return an HTML excerpt of ``text`` around the first match, each match inside ``<mark>``.

    ``words`` are folded query words. When the text contains them as a phrase, only the phrase
    is marked. Otherwise each word marks the start of folded words of the text, so "dau" marks
    "Đấu". Everything else is escaped. Returns "" for empty text.
    """
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not text:
        return ""
    folded, offsets = fold_with_offsets(text)
    spans = []
    patterns = []
    if len(words) > 1:
        # The whole query as a phrase first, so "chính sách" does not mark every "chính".
        joined = r"[^a-z0-9]+".join(re.escape(word) for word in words)
        patterns.append(r"(?<![a-z0-9])" + joined + r"(?![a-z0-9])")
    if words:
        patterns.append(r"(?<![a-z0-9])(" + "|".join(re.escape(word) for word in words) + r")")
    for pattern in patterns:
        for match in re.finditer(pattern, folded):
            start = offsets[match.start()]
            end = offsets[match.end() - 1] + 1
            spans.append((start, end))
        if spans:
            break

    first = spans[0][0] if spans else 0
    window_start = max(0, first - length // 3)
    if window_start:
        # Start the excerpt at a word boundary.
        space = text.rfind(" ", 0, window_start)
        window_start = space + 1 if space >= 0 else 0
    window_end = min(len(text), window_start + length)
    if window_end < len(text):
        space = text.rfind(" ", window_start, window_end)
        if space > window_start:
            window_end = space

    parts = ["…" if window_start else ""]
    position = window_start
    for start, end in spans:
        if end <= position or start >= window_end:
            continue
        start = max(start, position)
        end = min(end, window_end)
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:window_end]))
    if window_end < len(text):
        parts.append("…")
    # Every piece of text above went through escape(); only the <mark> tags are markup.
    return mark_safe("".join(parts))  # noqa: S308
