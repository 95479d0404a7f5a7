"""Vietnamese text helpers: Unicode NFC normalisation and ASCII slugs.

Vietnamese arrives in two Unicode forms: precomposed (NFC, "ờ" as one code point) from
most keyboards, and decomposed (NFD, "o" + horn + grave) from macOS, some phones and
files pasted from Word. TCVN 6909:2001 requires one encoding, so everything is stored
in NFC and compared in NFC.
"""

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
