import unicodedata

import pytest

from editorial import vnencoding
from editorial.vnencoding import (
    ALL_LETTERS,
    LETTERS,
    Encoding,
    FontEncoding,
    decode,
    decode_segments,
    detect_encoding,
    encode_tcvn3,
    encode_vni,
    encoding_for_font,
    fix_combining_marks,
    to_unicode,
)

TCVN3 = FontEncoding(Encoding.TCVN3)
TCVN3_UPPERCASE = FontEncoding(Encoding.TCVN3, uppercase=True)
VNI = FontEncoding(Encoding.VNI)

# The TCVN3 (TCVN 5712:1993 VN3) codes of each vowel, written out independently of the
# module's table: bare letter or code, then grave, hook above, tilde, acute, dot below.
TCVN3_PUBLISHED = [
    ("a µ ¶ · ¸ ¹", "a à ả ã á ạ"),
    ("¨ » ¼ ½ ¾ Æ", "ă ằ ẳ ẵ ắ ặ"),
    ("© Ç È É Ê Ë", "â ầ ẩ ẫ ấ ậ"),
    ("e Ì Î Ï Ð Ñ", "e è ẻ ẽ é ẹ"),
    ("ª Ò Ó Ô Õ Ö", "ê ề ể ễ ế ệ"),
    ("i × Ø Ü Ý Þ", "i ì ỉ ĩ í ị"),
    ("o ß á â ã ä", "o ò ỏ õ ó ọ"),
    ("« å æ ç è é", "ô ồ ổ ỗ ố ộ"),
    ("¬ ê ë ì í î", "ơ ờ ở ỡ ớ ợ"),
    ("u ï ñ ò ó ô", "u ù ủ ũ ú ụ"),
    ("\u00ad õ ö ÷ ø ù", "ư ừ ử ữ ứ ự"),
    ("y ú û ü ý þ", "y ỳ ỷ ỹ ý ỵ"),
    ("® ¡ ¢ £ ¤ ¥ ¦ §", "đ Ă Â Ê Ô Ơ Ư Đ"),
]

# The VNI-Windows spelling of each vowel, in the same order of tones.
VNI_PUBLISHED = [
    ("a aø aû aõ aù aï", "a à ả ã á ạ"),
    ("aê aè aú aü aé aë", "ă ằ ẳ ẵ ắ ặ"),
    ("aâ aà aå aã aá aä", "â ầ ẩ ẫ ấ ậ"),
    ("e eø eû eõ eù eï", "e è ẻ ẽ é ẹ"),
    ("eâ eà eå eã eá eä", "ê ề ể ễ ế ệ"),
    ("i ì æ ó í ò", "i ì ỉ ĩ í ị"),
    ("o oø oû oõ où oï", "o ò ỏ õ ó ọ"),
    ("oâ oà oå oã oá oä", "ô ồ ổ ỗ ố ộ"),
    ("ô ôø ôû ôõ ôù ôï", "ơ ờ ở ỡ ớ ợ"),
    ("u uø uû uõ uù uï", "u ù ủ ũ ú ụ"),
    ("ö öø öû öõ öù öï", "ư ừ ử ữ ứ ự"),
    ("y yø yû yõ yù î", "y ỳ ỷ ỹ ý ỵ"),
    ("ñ", "đ"),
]


def test_letter_inventory_complete():
    assert len(LETTERS) == 73
    assert len(ALL_LETTERS) == 146
    assert len(set(ALL_LETTERS)) == 146
    assert all(
        unicodedata.is_normalized("NFC", letter) and len(letter) == 1 for letter in ALL_LETTERS
    )


@pytest.mark.parametrize(("codes", "letters"), TCVN3_PUBLISHED, ids=lambda value: value[:1])
def test_tcvn3_matches_published_table(codes, letters):
    assert decode(codes, TCVN3) == letters
    assert encode_tcvn3(letters) == codes


@pytest.mark.parametrize(("codes", "letters"), VNI_PUBLISHED, ids=lambda value: value[:2])
def test_vni_matches_published_table(codes, letters):
    assert decode(codes, VNI) == letters
    assert encode_vni(letters) == codes
    assert decode(codes.upper(), VNI) == letters.upper()
    assert encode_vni(letters.upper()) == codes.upper()


@pytest.mark.parametrize("letter", LETTERS)
def test_tcvn3_round_trip_lowercase(letter):
    encoded = encode_tcvn3(letter)
    assert len(encoded) == 1
    assert decode(encoded, TCVN3) == letter


@pytest.mark.parametrize("letter", [letter.upper() for letter in LETTERS])
def test_tcvn3_round_trip_uppercase_font(letter):
    encoded = encode_tcvn3(letter, uppercase=True)
    assert len(encoded) == 1
    assert decode(encoded, TCVN3_UPPERCASE) == letter


def test_tcvn3_normal_font_capitals():
    """The normal fonts have the 7 capitals without tone, and no capital with a tone."""
    encodable = [letter for letter in ALL_LETTERS if letter.isupper() and _encodes_in_tcvn3(letter)]
    assert sorted(encodable) == sorted("ĂÂÊÔƠƯĐ" + "AEIOUY")
    for letter in encodable:
        assert decode(encode_tcvn3(letter), TCVN3) == letter
    with pytest.raises(ValueError, match="TCVN3 has no code"):
        encode_tcvn3("Ấ")


def _encodes_in_tcvn3(letter):
    try:
        encode_tcvn3(letter)
    except ValueError:
        return False
    return True


def test_tcvn3_codes_are_distinct():
    codes = [encode_tcvn3(letter) for letter in LETTERS]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_vni_round_trip(letter):
    encoded = encode_vni(letter)
    assert 1 <= len(encoded) <= 2
    assert decode(encoded, VNI) == letter


def test_vni_round_trip_all_letters_in_one_text():
    """Letters side by side decode the same as alone: no mark is taken by the wrong base."""
    text = "".join(ALL_LETTERS)
    assert decode(encode_vni(text), VNI) == text
    codes = [encode_vni(letter) for letter in ALL_LETTERS]
    assert len(set(codes)) == len(codes)


def test_tcvn3_round_trip_all_letters_in_one_text():
    lowercase = "".join(LETTERS)
    assert decode(encode_tcvn3(lowercase), TCVN3) == lowercase
    uppercase = lowercase.upper()
    assert decode(encode_tcvn3(uppercase, uppercase=True), TCVN3_UPPERCASE) == uppercase


@pytest.mark.parametrize(
    ("legacy", "font_encoding", "expected"),
    [
        ("Xin chµo tÊt c¶", TCVN3, "Xin chào tất cả"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc"),
        ("Uû ban nh©n d©n huyÖn M\u00adêng TÌ", TCVN3, "Uỷ ban nhân dân huyện Mường Tè"),
        ("QuyÕt ®Þnh sè 15/2024/Q§-UBND", TCVN3, "Quyết định số 15/2024/QĐ-UBND"),
        ("tØnh lai ch©u", TCVN3_UPPERCASE, "TỈNH LAI CHÂU"),
        ("Xin chaøo caùc baïn", VNI, "Xin chào các bạn"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc"),
        ("ñöôøng Möôøng Teø, tænh Lai Chaâu", VNI, "đường Mường Tè, tỉnh Lai Châu"),
        ("VIEÄT NAM – ÑAÁT NÖÔÙC", VNI, "VIỆT NAM – ĐẤT NƯỚC"),
    ],
)
def test_decode_known_phrases(legacy, font_encoding, expected):
    assert decode(legacy, font_encoding) == expected


def test_decode_tcvn3_separate_tone_marks():
    """TCVN3 codes 0xB0–0xB4 are tone marks typed after the vowel they go on."""
    assert decode("Vi\u00aa\u00b4t Nam ch\u00aa\u00b3t", TCVN3) == "Việt Nam chết"


def test_decode_symbol_font_characters():
    """Word may store legacy codes at U+F000 plus the code, as for symbol fonts."""
    assert decode("chi\uf0d5n", TCVN3) == "chiến"


def test_vni_mark_in_other_case_than_base():
    assert decode("VIeäT", VNI) == "VIệT"
    assert decode("aÙ", VNI) == "á"


def test_decode_segments_keeps_split_letter_with_its_base():
    assert decode_segments(["Vie", "ät Na", "m"], VNI) == ["Việ", "t Na", "m"]
    assert decode_segments(["chµ", "o"], TCVN3) == ["chà", "o"]


@pytest.mark.parametrize(
    ("font_name", "expected"),
    [
        (".VnTime", FontEncoding(Encoding.TCVN3)),
        (".VnArial", FontEncoding(Encoding.TCVN3)),
        (".VnBook-Antiqua", FontEncoding(Encoding.TCVN3)),
        (".vntime", FontEncoding(Encoding.TCVN3)),
        (".VnTimeH", FontEncoding(Encoding.TCVN3, uppercase=True)),
        (".VnArialH", FontEncoding(Encoding.TCVN3, uppercase=True)),
        (".VnCentury SchoolbookH", FontEncoding(Encoding.TCVN3, uppercase=True)),
        ("VNI-Times", FontEncoding(Encoding.VNI)),
        ("VNI-Helve", FontEncoding(Encoding.VNI)),
        ("vni-top", FontEncoding(Encoding.VNI)),
        ("Times New Roman", FontEncoding(Encoding.UNICODE)),
        ("Arial", FontEncoding(Encoding.UNICODE)),
        (None, FontEncoding(Encoding.UNICODE)),
    ],
)
def test_encoding_for_font(font_name, expected):
    assert encoding_for_font(font_name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Héi nghÞ tæng kÕt c«ng t¸c n¨m 2024 cña huyÖn", Encoding.TCVN3),
        ("Xin chµo tÊt c¶", Encoding.TCVN3),
        ("Hoäi nghò toång keát coâng taùc naêm 2024 cuûa huyeän", Encoding.VNI),
        ("Xin chaøo caùc baïn", Encoding.VNI),
        ("Hội nghị tổng kết công tác năm 2024 của huyện", Encoding.UNICODE),
        ("Tôi yêu quê hương", Encoding.UNICODE),
        # Latin-1 letters only, but a Unicode Vietnamese text all the same.
        ("Xin chào, tôi là Tú", Encoding.UNICODE),
        ("Café crème à la française", Encoding.UNICODE),
        ("Müller, Straße", Encoding.UNICODE),
        ("Báo cáo số 12", Encoding.UNICODE),
        ("", Encoding.UNICODE),
        ("Plain ASCII text", Encoding.UNICODE),
    ],
)
def test_detect_encoding(text, expected):
    assert detect_encoding(text) == expected


def test_fix_combining_marks_nfd():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hường, Mường Tè")
    assert nfd != "Nguyễn Thị Hường, Mường Tè"
    assert fix_combining_marks(nfd) == "Nguyễn Thị Hường, Mường Tè"


def test_fix_combining_marks_unicode_to_hop():
    """Vietnamese keyboards' "tổ hợp" mode: precomposed â, ư… followed by a combining tone."""
    to_hop = "Vi\u00ea\u0323t Nam, ng\u01b0\u01a1\u0300i d\u00e2n"
    assert fix_combining_marks(to_hop) == "Việt Nam, người dân"


def test_fix_combining_marks_tone_before_shape_mark():
    """NFC cannot compose e + acute + circumflex; the shape mark must come first."""
    assert unicodedata.normalize("NFC", "ti\u0065\u0301\u0302ng") != "tiếng"
    assert fix_combining_marks("ti\u0065\u0301\u0302ng") == "tiếng"
    assert fix_combining_marks("tu\u0300\u031b") == "từ"
    assert fix_combining_marks("\u0103\u0341n") == "ắn"


@pytest.mark.parametrize(
    ("text", "font_name", "expected"),
    [
        ("Xin chµo", ".VnTime", "Xin chào"),
        ("xin chµo", ".VnTimeH", "XIN CHÀO"),
        ("Xin chaøo", "VNI-Times", "Xin chào"),
        ("Héi nghÞ tæng kÕt", None, "Hội nghị tổng kết"),
        ("Hoäi nghò toång keát", "Times New Roman", "Hội nghị tổng kết"),
        (unicodedata.normalize("NFD", "Mường Tè"), None, "Mường Tè"),
        ("Café", None, "Café"),
        ("", None, ""),
    ],
)
def test_to_unicode(text, font_name, expected):
    assert to_unicode(text, font_name) == expected


def test_to_unicode_leaves_non_text_alone():
    assert to_unicode(None) is None
    assert to_unicode(42) == 42


def test_vietnamese_syllable_check():
    for word in ("nghiêng", "Người", "KHUYẾN", "quốc", "gì", "hoặc", "tươi", "khuya"):
        assert vnencoding.is_vietnamese_syllable(word), word
    for word in ("cafộ", "tÊt", "chµo", "caùc", "hoàng̀", "straße", "tươit"):
        assert not vnencoding.is_vietnamese_syllable(word), word
