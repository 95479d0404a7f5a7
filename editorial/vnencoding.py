"""Convert legacy Vietnamese text (TCVN3, VNI) and decomposed Unicode into Unicode NFC.

Before Unicode, Vietnamese was typed in 8-bit fonts that drew Vietnamese letters in
place of Latin-1 ones. A file keeps those bytes, and Word stores them as the Latin-1
characters of the same code: "Xin chµo" is "Xin chào" typed in a TCVN3 font.

- TCVN3 (TCVN 5712:1993, "ABC", fonts ``.VnTime``, ``.VnArial``…) has one byte for each
  lowercase letter, but only Ă Â Ê Ô Ơ Ư Đ among the uppercase ones. Uppercase text is
  typed with the same bytes in the "H" fonts (``.VnTimeH``, ``.VnArialH``…), which draw
  every letter as a capital.
- VNI (VNI-Windows, fonts ``VNI-Times``, ``VNI-Helve``…) writes most letters as a base
  letter followed by one byte for its marks: "chaøo" is "chào".
- Unicode may arrive decomposed (NFD, or the "Unicode tổ hợp" of Vietnamese keyboards:
  a base letter followed by a combining tone mark), sometimes with the tone mark typed
  before the circumflex, breve or horn, where NFC alone cannot compose it.

``to_unicode`` is the entry point for any text that enters the system. It converts by the
font name when the text comes with one, or else by statistics on the text itself.
"""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Encoding(StrEnum):
    UNICODE = "unicode"
    TCVN3 = "tcvn3"
    VNI = "vni"


@dataclass(frozen=True)
class FontEncoding:
    """The encoding a font implies, and whether it draws every letter as a capital."""

    encoding: Encoding
    uppercase: bool = False


UNICODE_FONT = FontEncoding(Encoding.UNICODE)

# Tone marks in the order Vietnamese tables list them: grave, hook above, tilde, acute, dot below.
GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)
# Marks that shape a vowel (circumflex, breve, horn); a tone mark goes on top of them.
SHAPE_MARKS = frozenset("\u0302\u0306\u031b")

# The 12 vowels, each bare or with one of the 5 tones, and đ: the 73 lowercase letters of
# Vietnamese beyond the plain consonants.
VOWELS = "aăâeêioôơuưy"
LETTERS = tuple(
    unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in ("", *TONES)
) + ("đ",)
ALL_LETTERS = LETTERS + tuple(letter.upper() for letter in LETTERS)


# TCVN 5712:1993 VN3 ("ABC"): code (as the Latin-1 character Word stores) → Unicode.
# Codes not listed (ASCII, and the few unused high codes) stand for themselves.
TCVN3_TO_UNICODE = {
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư",
    "\u00a7": "Đ",
    "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư",
    "\u00ae": "đ",
    # Separate tone marks, typed after a vowel.
    "\u00b0": GRAVE, "\u00b1": HOOK, "\u00b2": TILDE, "\u00b3": ACUTE, "\u00b4": DOT,
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}  # fmt: skip
UNICODE_TO_TCVN3 = {
    letter: code for code, letter in TCVN3_TO_UNICODE.items() if letter not in TONES
}


def _build_vni_table():
    """Return the VNI-Windows spelling of every Vietnamese letter, lowercase and uppercase.

    VNI writes a vowel as its base letter followed by one mark code. The code is a tone
    (acute ù, grave ø, hook û, tilde õ, dot ï), a circumflex with its tone (â á à å ã ä,
    after a, e or o) or a breve with its tone (ê é è ú ü ë, after a). Uppercase letters take the
    uppercase codes (Ù Ø Û Õ Ï, Â Á À Å Ã Ä, Ê É È Ú Ü Ë). The letters ơ (ô), ư (ö), đ
    (ñ), the i-letters (ì í æ ó ò) and ỵ (î) are single codes.
    """
    tone_codes = dict(zip(TONES, "øûõùï", strict=True))
    circumflex_codes = dict(zip(("", *TONES), "âàåãáä", strict=True))
    breve_codes = dict(zip(("", *TONES), "êèúüéë", strict=True))
    i_codes = dict(zip(("", *TONES), "iìæóíò", strict=True))
    table = {"đ": "ñ"}
    for vowel in VOWELS:
        for tone in ("", *TONES):
            letter = unicodedata.normalize("NFC", vowel + tone)
            if vowel == "i":
                spelling = i_codes[tone]
            elif vowel == "y" and tone == DOT:
                spelling = "î"
            elif vowel in "âêô":
                spelling = unicodedata.normalize("NFD", vowel)[0] + circumflex_codes[tone]
            elif vowel == "ă":
                spelling = "a" + breve_codes[tone]
            else:
                base = {"ơ": "ô", "ư": "ö"}.get(vowel, vowel)
                spelling = base + tone_codes.get(tone, "")
            table[letter] = spelling
    table.update({letter.upper(): spelling.upper() for letter, spelling in list(table.items())})
    return table


UNICODE_TO_VNI = _build_vni_table()
VNI_TO_UNICODE = {spelling: letter for letter, spelling in UNICODE_TO_VNI.items()}
# A mark code typed in the other case than its base letter still means the same letter.
VNI_TO_UNICODE.update(
    {
        spelling[0] + spelling[1].swapcase(): letter
        for letter, spelling in UNICODE_TO_VNI.items()
        if len(spelling) == 2
    }
)
VNI_SINGLE_CODES = {
    spelling: letter for spelling, letter in VNI_TO_UNICODE.items() if len(spelling) == 1
}


# Font families of each legacy encoding, matched on the font name Word stores.
TCVN3_FONT = re.compile(r"^\.vn", re.IGNORECASE)
VNI_FONT = re.compile(r"^vni[- _]", re.IGNORECASE)


def encoding_for_font(font_name):
    """Return the ``FontEncoding`` that a font name implies (Unicode for unknown fonts).

    TCVN3 fonts start with ".Vn" (".VnTime", ".VnArial", ".VnBook-Antiqua"); those that
    end in a capital H (".VnTimeH", ".VnArialH") draw only capitals. VNI fonts start with
    "VNI-" ("VNI-Times", "VNI-Helve").
    """
    name = (font_name or "").strip()
    if VNI_FONT.match(name):
        return FontEncoding(Encoding.VNI)
    if TCVN3_FONT.match(name):
        return FontEncoding(Encoding.TCVN3, uppercase=name.endswith("H"))
    return UNICODE_FONT


def _legacy_character(char):
    """Map a symbol-font private-use character (U+F020–U+F0FF) back to its Latin-1 code.

    Word stores characters of fonts it treats as symbol fonts at U+F000 plus their code.
    """
    code = ord(char)
    if 0xF020 <= code <= 0xF0FF:
        return chr(code - 0xF000)
    return char


def decode_tcvn3_units(text, uppercase=False):
    """Decode TCVN3 text into a list of Unicode strings, one for each input character."""
    units = []
    for char in text:
        unit = TCVN3_TO_UNICODE.get(_legacy_character(char), char)
        units.append(unit.upper() if uppercase else unit)
    return units


def decode_vni_units(text):
    """Decode VNI text into a list of Unicode strings, one for each input character.

    A letter written with a mark code becomes one string at its base letter's place and an
    empty string at the mark's place, so that callers can map output back to input.
    """
    chars = [_legacy_character(char) for char in text]
    units = []
    index = 0
    while index < len(chars):
        pair = "".join(chars[index : index + 2])
        if len(pair) == 2 and pair in VNI_TO_UNICODE:
            units.extend([VNI_TO_UNICODE[pair], ""])
            index += 2
            continue
        units.append(VNI_SINGLE_CODES.get(chars[index], chars[index]))
        index += 1
    return units


def decode_units(text, font_encoding):
    if font_encoding.encoding == Encoding.TCVN3:
        return decode_tcvn3_units(text, uppercase=font_encoding.uppercase)
    if font_encoding.encoding == Encoding.VNI:
        return decode_vni_units(text)
    return list(text)


def decode(text, font_encoding):
    """Decode ``text`` from a legacy encoding into Unicode NFC."""
    return fix_combining_marks("".join(decode_units(text, font_encoding)))


def decode_segments(segments, font_encoding):
    """Decode consecutive pieces of one text, such as the runs of a Word paragraph.

    A VNI letter may be split between two pieces (base letter in one, mark in the next);
    the letter goes to the piece that contains its base. Returns one string per piece.
    """
    units = decode_units("".join(segments), font_encoding)
    decoded = []
    start = 0
    for segment in segments:
        decoded.append("".join(units[start : start + len(segment)]))
        start += len(segment)
    return decoded


def encode_tcvn3(text, uppercase=False):
    """Encode Unicode text in TCVN3, as typed in a normal or (``uppercase``) an "H" font.

    Raises ``ValueError`` for a letter that the table lacks, such as an uppercase letter
    with a tone mark in a normal font, or a lowercase letter for an "H" font.
    """
    text = unicodedata.normalize("NFC", text)
    if uppercase:
        if text != text.upper():
            raise ValueError(
                "An uppercase TCVN3 font draws only capitals; the text has lowercase letters."
            )
        text = text.lower()
    codes = []
    for char in text:
        if char in UNICODE_TO_TCVN3:
            codes.append(UNICODE_TO_TCVN3[char])
        elif char.isascii() or not char.isalpha():
            # Digits, punctuation and typographic signs (“ ” – …) keep their code.
            codes.append(char)
        else:
            raise ValueError(
                f"TCVN3 has no code for {char!r}; use an uppercase (H) font for capitals."
            )
    return "".join(codes)


def encode_vni(text):
    """Encode Unicode text in VNI-Windows; raises ``ValueError`` for a letter it lacks."""
    codes = []
    for char in unicodedata.normalize("NFC", text):
        if char in UNICODE_TO_VNI:
            codes.append(UNICODE_TO_VNI[char])
        elif char.isascii() or not char.isalpha():
            codes.append(char)
        else:
            raise ValueError(f"VNI has no code for {char!r}.")
    return "".join(codes)


def fix_combining_marks(text):
    """Return ``text`` in NFC, composing letters typed with separate marks in any order.

    NFC composes "e" + circumflex + acute into "ế" but not "e" + acute + circumflex, which
    some keyboards and converters produce, so shape marks move before the tone mark first.
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    chars = list(decomposed)
    index = 0
    while index < len(chars):
        if unicodedata.combining(chars[index]):
            end = index
            while end < len(chars) and unicodedata.combining(chars[end]):
                end += 1
            marks = chars[index:end]
            chars[index:end] = [m for m in marks if m in SHAPE_MARKS] + [
                m for m in marks if m not in SHAPE_MARKS
            ]
            index = end
        else:
            index += 1
    return unicodedata.normalize("NFC", "".join(chars))


# --- Detection without a font name -------------------------------------------------------

INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
# Vowel groups ending in a semivowel take no final consonant ("tai", "tươi"); the others may.
OPEN_NUCLEI = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|ia|ua|ưa|uya"
)
CLOSED_NUCLEI = "uyê|iê|yê|oa|oă|oe|oo|uâ|uê|uô|uơ|uy|ươ|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
FINALS = "ch|ng|nh|[cmnpt]"
SYLLABLE = re.compile(rf"(?:{INITIALS})?(?:(?:{OPEN_NUCLEI})|(?:{CLOSED_NUCLEI})(?:{FINALS})?)")
# A word as legacy text writes it: letters and the Latin-1 signs that legacy fonts use
# for letters (§ for Đ, ¸ for á…), so only spaces and ASCII punctuation end a word.
WORD = re.compile(r"[^\s!-/:-@\[-`{-~\u2000-\u206f]+")
# Letters that exist only in Unicode, never in Latin-1: their presence proves Unicode text.
UNICODE_ONLY_LETTERS = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u036f]")
# NOTE: 0.6 was chosen on the phrases in the tests, not measured on a corpus of real files.
MIN_LEGACY_SHARE = 0.6


def is_vietnamese_syllable(word):
    """True when ``word`` is spelled like a Vietnamese syllable: one tone at most, a valid
    initial, vowel group and final, and a plausible case pattern ("việt", "Việt", "VIỆT")."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for char in decomposed if char in TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return SYLLABLE.fullmatch(bare) is not None


def _count_syllables(words):
    return sum(1 for word in words if is_vietnamese_syllable(fix_combining_marks(word)))


def detect_encoding(text):
    """Guess whether ``text`` is Unicode, TCVN3 or VNI from the words it contains.

    Only words with a Latin-1 letter or sign above ASCII change under a legacy decoding.
    Each candidate decoding of those words scores the number that read as Vietnamese
    syllables. A legacy encoding wins only when at least ``MIN_LEGACY_SHARE`` of the words
    read so and it scores higher than the text as it is. Text with letters that exist only
    in Unicode is Unicode.
    """
    if text.isascii() or UNICODE_ONLY_LETTERS.search(text):
        return Encoding.UNICODE
    words = [word for word in WORD.findall(text) if not word.isascii()]
    if not words:
        return Encoding.UNICODE
    best, best_score = Encoding.UNICODE, _count_syllables(words)
    for font_encoding in (FontEncoding(Encoding.TCVN3), FontEncoding(Encoding.VNI)):
        decoded = [decode(word, font_encoding) for word in words]
        score = _count_syllables(decoded)
        if score > best_score and score >= MIN_LEGACY_SHARE * len(words):
            best, best_score = font_encoding.encoding, score
    return best


def to_unicode(text, font_name=None):
    """Return ``text`` as Vietnamese Unicode NFC, whatever encoding it was typed in.

    With a ``font_name`` the font decides the encoding; without one, or with a Unicode
    font, the encoding is detected from the text. Decomposed and "tổ hợp" input is
    composed either way. Use it wherever text enters the system from files or paste.
    """
    if not isinstance(text, str) or not text:
        return text
    font_encoding = encoding_for_font(font_name)
    if font_encoding.encoding == Encoding.UNICODE:
        font_encoding = FontEncoding(detect_encoding(text))
    return decode(text, font_encoding)
