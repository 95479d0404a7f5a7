"""Sections, articles, albums and video items render in Vietnamese."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from home.factories import ImageFactory
from news.factories import (
    AlbumPageFactory,
    AlbumPhotoFactory,
    ArticlePageFactory,
    MediaPageFactory,
    SectionPageFactory,
)
from news.models import ArticlePage, MediaPage
from units.factories import UnitPageFactory

pytestmark = pytest.mark.django_db


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    return html


def test_section_lists_live_items_and_subsections(client):
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    economy = SectionPageFactory(parent=section, title="Kinh tế")
    ArticlePageFactory(parent=economy, title="Mường Tè mở rộng trồng sâm Lai Châu")
    ArticlePageFactory(parent=section, title="Bản nháp chưa duyệt", live=False)

    html = get_html(client, section)

    assert "<h1>Tin tức - Sự kiện</h1>" in html
    assert "Kinh tế" in html
    assert "Mường Tè mở rộng trồng sâm Lai Châu" in html
    assert "Bản nháp chưa duyệt" not in html


def test_empty_section_renders(client):
    section = SectionPageFactory(title="Thông báo")

    html = get_html(client, section)

    assert "<h1>Thông báo</h1>" in html
    assert 'class="cards"' not in html


@pytest.mark.parametrize("page_param", ["abc", "-1", "0", "99999", "1.5", ""])
def test_section_pagination_never_errors(client, page_param):
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    ArticlePageFactory.create_batch(13, parent=section)

    response = client.get(section.url, {"page": page_param})

    assert response.status_code == 200
    assert response.context["items"].paginator.num_pages == 2
    assert len(response.context["items"]) >= 1


def test_section_second_page_lists_oldest_item(client):
    section = SectionPageFactory()
    articles = ArticlePageFactory.create_batch(13, parent=section)

    response = client.get(section.url, {"page": "2"})

    assert list(response.context["items"]) == [articles[0]]
    assert 'rel="prev"' in response.content.decode()


def test_article_renders_lead_body_and_attribution(client):
    unit = UnitPageFactory(title="Phòng Nông nghiệp và Phát triển nông thôn")
    image = ImageFactory(title="Rừng già Mường Tè")
    article = ArticlePageFactory(
        title="Mường Tè mở rộng diện tích trồng sâm Lai Châu",
        lead="Huyện hỗ trợ các hộ dân vùng cao trồng sâm dưới tán rừng.",
        body=[
            ("paragraph", RichText("<p>Người dân xã Pa Ủ được tập huấn kỹ thuật.</p>")),
            ("quote", {"text": "Giữ rừng là giữ nguồn sống.", "attribution": "Già làng"}),
        ],
        author="Lò Văn Minh",
        source="Phòng Nông nghiệp và Phát triển nông thôn",
        unit=unit,
        featured_image=image,
        featured_image_alt="Rừng già trên núi cao ở Mường Tè",
    )
    article.tags.add("sâm Lai Châu")
    article.save()

    html = get_html(client, article)

    assert "<h1>Mường Tè mở rộng diện tích trồng sâm Lai Châu</h1>" in html
    assert "Huyện hỗ trợ các hộ dân vùng cao trồng sâm dưới tán rừng." in html
    assert "<p>Người dân xã Pa Ủ được tập huấn kỹ thuật.</p>" in html
    assert "Giữ rừng là giữ nguồn sống." in html
    assert "Lò Văn Minh" in html
    assert "Phòng Nông nghiệp và Phát triển nông thôn" in html
    assert unit.url in html
    assert 'alt="Rừng già trên núi cao ở Mường Tè"' in html
    assert "sâm Lai Châu" in html


def test_article_lists_live_siblings_only(client):
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section)
    ArticlePageFactory(parent=section, title="Tin liên quan đã đăng")
    ArticlePageFactory(parent=section, title="Tin liên quan còn nháp", live=False)

    html = get_html(client, article)

    assert "Tin liên quan đã đăng" in html
    assert "Tin liên quan còn nháp" not in html


def test_article_escapes_lead(client):
    article = ArticlePageFactory(lead="<script>alert('x')</script> Tin Mường Tè")

    html = get_html(client, article)

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_featured_image_requires_alt_text():
    image = ImageFactory()

    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(featured_image=image, featured_image_alt="  ")

    assert "featured_image_alt" in error.value.message_dict
    assert not ArticlePage.objects.filter(featured_image=image).exists()


def test_featured_image_alt_checked_on_revision():
    article = ArticlePageFactory()
    article.featured_image = ImageFactory()
    article.featured_image_alt = ""

    with pytest.raises(ValidationError):
        article.save_revision()


def test_album_renders_photos_with_alt_text(client):
    album = AlbumPageFactory(title="Mường Tè mùa lúa chín")
    AlbumPhotoFactory(album=album, alt_text="Ruộng bậc thang xã Ka Lăng", caption="Mùa vàng")
    AlbumPhotoFactory(album=album, alt_text="Sông Đà qua thị trấn", caption="")

    html = get_html(client, album)

    assert "<h1>Mường Tè mùa lúa chín</h1>" in html
    assert "Những thửa ruộng bậc thang vàng óng" in html
    assert 'alt="Ruộng bậc thang xã Ka Lăng"' in html
    assert 'alt="Sông Đà qua thị trấn"' in html
    assert "<figcaption>Mùa vàng</figcaption>" in html
    assert "Phòng Văn hóa và Thông tin" in html


def test_album_cover_requires_alt_text():
    with pytest.raises(ValidationError):
        AlbumPageFactory(featured_image=ImageFactory(), featured_image_alt="")


def test_video_renders_link_and_transcript(client):
    media = MediaPageFactory(
        title="Lễ hội Cầu mưa của người Hà Nhì",
        embed_url="https://www.youtube.com/watch?v=muongte01",
        transcript="Mỗi năm một lần, dân bản làm lễ cầu mưa.",
    )

    html = get_html(client, media)

    assert "<h1>Lễ hội Cầu mưa của người Hà Nhì</h1>" in html
    assert 'href="https://www.youtube.com/watch?v=muongte01"' in html
    assert "Mỗi năm một lần, dân bản làm lễ cầu mưa." in html


def test_audio_file_renders_player(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from documents.tests import files

    audio = get_document_model().objects.create(
        title="Bản tin phát thanh tiếng Hà Nhì",
        file=ContentFile(files.mp3(), name="ban-tin-ha-nhi.mp3"),
    )
    media = MediaPageFactory(kind=MediaPage.Kind.AUDIO, embed_url="", media_file=audio)

    html = get_html(client, media)

    assert "<audio controls" in html
    assert audio.url in html


def test_media_requires_url_or_file():
    with pytest.raises(ValidationError):
        MediaPageFactory(title="Phóng sự không có tệp", embed_url="", media_file=None)

    assert not MediaPage.objects.filter(title="Phóng sự không có tệp").exists()


def test_media_draft_without_url_saves():
    # A draft is checked only for title and slug, so an editor may save it unfinished.
    media = MediaPageFactory(embed_url="", live=False)

    assert MediaPage.objects.filter(pk=media.pk, live=False).exists()
