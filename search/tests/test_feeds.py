"""RSS and Atom feeds parsed by feedparser, as feed readers and the provincial portal do."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from home.factories import ImageFactory
from news.factories import ArticlePageFactory, SectionPageFactory
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def works():
    news = SectionPageFactory(title="Tin tức - Sự kiện")
    economy = SectionPageFactory(title="Kinh tế", parent=news)
    other = SectionPageFactory(title="Thông báo")
    image = ImageFactory()
    first = ArticlePageFactory(
        parent=economy,
        title="Mường Tè thu hoạch sâm Lai Châu",
        lead="Vụ sâm năm nay đạt sản lượng cao.",
        author="Lò Văn Minh",
        featured_image=image,
        featured_image_alt="Vườn sâm dưới tán rừng",
        first_published_at=datetime.datetime(2025, 3, 1, 8, tzinfo=datetime.UTC),
        last_published_at=datetime.datetime(2025, 3, 2, 8, tzinfo=datetime.UTC),
    )
    notice = ArticlePageFactory(
        parent=other,
        title="Thông báo lịch tiếp công dân",
        lead="Lịch tiếp công dân tháng 3.",
        first_published_at=datetime.datetime(2025, 3, 5, 8, tzinfo=datetime.UTC),
    )
    draft = ArticlePageFactory(parent=economy, title="Bản nháp chưa duyệt", live=False)
    secret = ArticlePageFactory(parent=economy, title="Tin mật không được đăng")
    ArticlePage.objects.filter(pk=secret.pk).update(is_confidential=True)
    return {"news": news, "first": first, "notice": notice, "draft": draft, "secret": secret}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom"])
def test_site_feed_lists_public_works(client, works, name):
    _response, parsed = parse(client, reverse(name))

    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Thông báo lịch tiếp công dân", "Mường Tè thu hoạch sâm Lai Châu"]


def test_rss_version_and_item_fields(client, works):
    response, parsed = parse(client, reverse("feed_rss"))

    assert parsed.version == "rss20"
    assert response["Content-Type"].startswith("application/rss+xml")
    entry = parsed.entries[1]
    assert entry.link == works["first"].full_url
    assert entry.summary == "Vụ sâm năm nay đạt sản lượng cao."
    assert entry.published_parsed[:3] == (2025, 3, 1)
    assert "Lò Văn Minh" in entry.author


def test_rss_image_enclosure(client, works):
    _response, parsed = parse(client, reverse("feed_rss"))

    enclosure = parsed.entries[1].enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/media/images/")
    assert int(enclosure.length) > 0


def test_atom_version_and_updated(client, works):
    _response, parsed = parse(client, reverse("feed_atom"))

    assert parsed.version == "atom10"
    entry = parsed.entries[1]
    assert entry.updated_parsed[:3] == (2025, 3, 2)
    assert entry.author == "Lò Văn Minh"
    assert entry.enclosures


@pytest.mark.parametrize("name", ["section_feed_rss", "section_feed_atom"])
def test_section_feed_includes_subsections(client, works, name):
    _response, parsed = parse(client, reverse(name, args=[works["news"].pk]))

    assert [entry.title for entry in parsed.entries] == ["Mường Tè thu hoạch sâm Lai Châu"]
    assert parsed.feed.title.startswith("Tin tức - Sự kiện")


def test_unknown_section_feed_404(client, works):
    response = client.get(reverse("section_feed_rss", args=[works["first"].pk]))

    assert response.status_code == 404


def test_unpublished_section_feed_404(client, works):
    works["news"].unpublish()

    response = client.get(reverse("section_feed_atom", args=[works["news"].pk]))

    assert response.status_code == 404
