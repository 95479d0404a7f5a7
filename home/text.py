"""Vietnamese text helpers: Unicode NFC normalisation and ASCII slugs.

Vietnamese arrives in two Unicode forms: precomposed (NFC, "ờ" as one code point) from
most keyboards, and decomposed (NFD, "o" + horn + grave) from macOS, some phones and
files pasted from Word. TCVN 6909:2001 requires one encoding, so everything is stored
in NFC and compared in NFC.
"""

import functools
import re
import unicodedata

from anyascii import anyascii

NON_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def to_nfc(value):
    """Return ``value`` in Unicode NFC, leaving anything that is not a string untouched."""
    if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


def to_nfc_deep(value):
    """Return a copy of a JSON-like structure with every string in NFC."""
    if isinstance(value, str):
        return to_nfc(value)
    if isinstance(value, dict):
        return {to_nfc(key): to_nfc_deep(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_nfc_deep(item) for item in value]
    return value


def slugify_vi(text, max_length=255):
    """Return an ASCII slug for Vietnamese text.

    Each letter loses its diacritics (đ and Đ become d), every run of other characters
    becomes one hyphen: "Quyết định số 15/2024/QĐ-UBND" gives "quyet-dinh-so-15-2024-qd-ubnd".
    """
    ascii_text = anyascii(unicodedata.normalize("NFC", text or "")).lower()
    slug = NON_SLUG_CHARS.sub("-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


# Letters that slugify_vi transliterates: Latin-1 Supplement, Latin Extended-A and -B, and Latin
# Extended Additional, where the Vietnamese letters with two marks (ầ, ờ, ự…) live.
LATIN_LETTER_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
COMBINING_MARKS = "[\u0300-\u036f]"


@functools.cache
def slug_formatters():
    """Return (pattern, replacement) pairs that reproduce ``slugify_vi`` in the admin's browser.

    Wagtail's slug input applies them in order before its own transliteration: combining marks
    of decomposed (NFD) input go, each Latin letter with diacritics becomes the ASCII that
    ``anyascii`` gives it, every run of other characters becomes one hyphen, and hyphens at
    either end go. Wagtail then lowercases and cuts the slug at 255 characters.
    """
    letters_by_ascii = {}
    for first, last in LATIN_LETTER_RANGES:
        for code_point in range(first, last + 1):
            letter = chr(code_point)
            ascii_text = anyascii(letter).lower()
            if unicodedata.category(letter).startswith("L") and ascii_text.isalnum():
                letters_by_ascii.setdefault(ascii_text, []).append(letter)

    return [
        (COMBINING_MARKS, ""),
        *(
            (f"[{''.join(letters)}]", ascii_text)
            for ascii_text, letters in letters_by_ascii.items()
        ),
        ("[^A-Za-z0-9]+", "-"),
        ("^-+|-+$", ""),
    ]
