"""Every text stored is Unicode NFC, whatever form it was typed in."""

import json
import unicodedata

import pytest
from wagtail.rich_text import RichText

from home.factories import MenuItemFactory, PortalSettingsFactory
from home.models import MenuItem, PortalSettings
from news.factories import AlbumPageFactory, ArticlePageFactory, SectionPageFactory
from news.models import AlbumPage, ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def nfd(text):
    return unicodedata.normalize("NFD", text)


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


TITLE = "Hội nghị sơ kết 6 tháng đầu năm 2026"
LEAD = "Ủy ban nhân dân huyện Mường Tè đánh giá kết quả thực hiện nhiệm vụ."
PARAGRAPH = "<p>Các đại biểu thảo luận những khó khăn, vướng mắc ở cơ sở.</p>"
QUOTE = "Giữ rừng là giữ nguồn sống của bản làng."


def test_nfd_sample_differs_from_nfc():
    assert nfd(TITLE) != TITLE
    assert not is_nfc(nfd(LEAD))


def test_plain_fields_stored_in_nfc():
    article = ArticlePageFactory(title=nfd(TITLE), lead=nfd(LEAD), author=nfd("Lò Văn Minh"))

    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.title == TITLE
    assert stored.draft_title == TITLE
    assert stored.lead == LEAD
    assert stored.author == "Lò Văn Minh"
    assert stored.slug == "hoi-nghi-so-ket-6-thang-dau-nam-2026"


def test_rich_text_stored_in_nfc():
    section = SectionPageFactory(intro=nfd(PARAGRAPH))
    album = AlbumPageFactory(description=nfd(PARAGRAPH))

    assert SectionPage.objects.get(pk=section.pk).intro == PARAGRAPH
    assert AlbumPage.objects.get(pk=album.pk).description == PARAGRAPH


def test_stream_field_stored_in_nfc():
    article = ArticlePageFactory(
        body=[
            ("paragraph", RichText(nfd(PARAGRAPH))),
            ("quote", {"text": nfd(QUOTE), "attribution": nfd("Già làng Pờ Xé Lừ")}),
        ]
    )

    stored = ArticlePage.objects.get(pk=article.pk)
    raw = stored.body.raw_data
    assert raw[0]["value"] == PARAGRAPH
    assert raw[1]["value"]["text"] == QUOTE
    assert raw[1]["value"]["attribution"] == "Già làng Pờ Xé Lừ"
    assert stored.body[0].value.source == PARAGRAPH


def test_stream_field_already_nfc_is_kept():
    article = ArticlePageFactory(body=[("paragraph", RichText(PARAGRAPH))])

    assert ArticlePage.objects.get(pk=article.pk).body.raw_data[0]["value"] == PARAGRAPH


def test_revision_content_stored_in_nfc():
    article = ArticlePageFactory()
    article.title = nfd(TITLE)
    article.lead = nfd(LEAD)
    article.body = [("paragraph", RichText(nfd(PARAGRAPH)))]

    revision = article.save_revision()

    revision.refresh_from_db()
    assert revision.content["title"] == TITLE
    assert revision.content["lead"] == LEAD
    # Revisions keep a StreamField as a JSON string, as StreamField.value_to_string makes it.
    assert json.loads(revision.content["body"])[0]["value"] == PARAGRAPH
    assert is_nfc(str(revision.content))
    assert revision.as_object().title == TITLE


def test_published_revision_stored_in_nfc():
    article = ArticlePageFactory()
    article.lead = nfd(LEAD)

    article.save_revision().publish()

    assert ArticlePage.objects.get(pk=article.pk).lead == LEAD


def test_settings_stored_in_nfc():
    PortalSettingsFactory(portal_name=nfd("Trang thông tin điện tử huyện Mường Tè"))

    assert PortalSettings.objects.get().portal_name == "Trang thông tin điện tử huyện Mường Tè"


def test_menu_item_stored_in_nfc():
    item = MenuItemFactory(label=nfd("Thủ tục hành chính"))

    assert MenuItem.objects.get(pk=item.pk).label == "Thủ tục hành chính"
