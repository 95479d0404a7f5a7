"""Folding and highlighting of Vietnamese text, without a database."""

import unicodedata

from search.folding import exact_words, folded_words, highlight


def nfd(text):
    return unicodedata.normalize("NFD", text)


def test_fold_drops_diacritics_and_d_stroke():
    assert folded_words("Đấu thầu Mường Tè") == ["dau", "thau", "muong", "te"]


def test_fold_nfd_equals_nfc():
    assert folded_words(nfd("Chính sách ưu đãi")) == folded_words("Chính sách ưu đãi")


def test_fold_drops_punctuation():
    assert folded_words("181/QĐ-UBND; <b>“x”</b>") == ["181", "qd", "ubnd", "b", "x", "b"]


def test_exact_tokens_differ_by_diacritics():
    assert exact_words("Mường") != exact_words("Muống")
    assert exact_words("Mường") != exact_words("muong")


def test_exact_tokens_ignore_case_and_form():
    assert exact_words("MƯỜNG TÈ") == exact_words(nfd("mường tè"))


def test_exact_tokens_are_ascii_letters():
    for token in exact_words("Đấu thầu 2024 ở Mường Tè"):
        assert token.isascii()
        assert token.isalnum()


def test_highlight_marks_folded_match():
    html = highlight("Thông báo mời đấu thầu gói số 3", ["dau", "thau"])

    assert "<mark>đấu thầu</mark>" in html


def test_highlight_escapes_text():
    html = highlight("<script>alert(1)</script> Mường Tè", ["muong"])

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Mường</mark>" in html


def test_highlight_centres_late_match():
    text = "Lời mở đầu. " * 60 + "Chính sách hỗ trợ đồng bào."
    html = highlight(text, ["chinh", "sach"])

    assert html.startswith("…")
    assert "<mark>Chính sách</mark>" in html


def test_highlight_empty_text():
    assert highlight("", ["muong"]) == ""


def test_highlight_prefers_phrase():
    html = highlight("Tổ chức chính quyền. Thực hiện chính sách dân tộc.", ["chinh", "sach"])

    assert "<mark>chính sách</mark>" in html
    assert "<mark>chính</mark> quyền" not in html


def test_highlight_words_without_phrase():
    html = highlight("Tài chính và ngân sách huyện", ["chinh", "sach"])

    assert "<mark>chính</mark>" in html
    assert "<mark>sách</mark>" in html
