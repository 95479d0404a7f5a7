"""sitemap.xml, robots.txt, the HTML sitemap, meta tags, share links and the print footer."""

import datetime

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from home.factories import ImageFactory, site_home_page
from news.factories import ArticlePageFactory, SectionPageFactory
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_pages():
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    private_section = SectionPageFactory(title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    article = ArticlePageFactory(
        parent=section,
        title="Mường Tè khai mạc hội chợ nông sản",
        lead="Hội chợ giới thiệu sâm, thảo quả và chè Shan tuyết.",
        author="Lò Văn Minh",
        source="Phòng Văn hóa và Thông tin",
        featured_image=ImageFactory(),
        featured_image_alt="Gian hàng sâm Lai Châu",
        last_published_at=datetime.datetime(2025, 4, 2, 9, tzinfo=datetime.UTC),
    )
    draft = ArticlePageFactory(parent=section, title="Bản nháp hội chợ", live=False)
    hidden = ArticlePageFactory(parent=private_section, title="Tài liệu nội bộ hội chợ")
    secret = ArticlePageFactory(parent=section, title="Tin mật hội chợ")
    ArticlePage.objects.filter(pk=secret.pk).update(is_confidential=True)
    return {
        "section": section,
        "article": article,
        "draft": draft,
        "hidden": hidden,
        "secret": secret,
        "private_section": private_section,
    }


def sitemap_entries(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", SITEMAP_NS):
        lastmod = url.find("sm:lastmod", SITEMAP_NS)
        entries[url.find("sm:loc", SITEMAP_NS).text] = lastmod.text if lastmod is not None else None
    return entries


def test_sitemap_lists_live_public_pages(client, site_pages):
    entries = sitemap_entries(client)

    expected = {
        page.specific.full_url
        for page in Page.objects.live().public().descendant_of(site_home_page(), inclusive=True)
        if not getattr(page.specific, "is_confidential", False)
    }
    assert set(entries) == expected


@pytest.mark.parametrize("name", ["draft", "hidden", "secret", "private_section"])
def test_sitemap_leaves_out_hidden_pages(client, site_pages, name):
    entries = sitemap_entries(client)

    assert site_pages[name].full_url not in entries


def test_sitemap_lastmod_is_last_published(client, site_pages):
    entries = sitemap_entries(client)

    assert entries[site_pages["article"].full_url] == "2025-04-02"


def test_robots_txt(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_html_sitemap_lists_sections(client, site_pages):
    response = client.get(reverse("html_sitemap"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Tin tức - Sự kiện" in html
    assert site_pages["article"].title in html
    assert "Tài liệu nội bộ" not in html
    assert "Bản nháp hội chợ" not in html
    assert "Tin mật hội chợ" not in html


def test_article_meta_tags(client, site_pages):
    article = site_pages["article"]

    html = client.get(article.url).content.decode()

    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert f'<meta property="og:url" content="{article.full_url}">' in html
    assert '<meta property="og:description" content="Hội chợ giới thiệu sâm' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta name="description" content="Hội chợ giới thiệu sâm' in html
    assert 'type="application/rss+xml"' in html


def test_share_links_without_scripts(client, site_pages):
    article = site_pages["article"]

    html = client.get(article.url).content.decode()

    share = html[html.index('class="share-links"') : html.index("</aside>")]
    assert "facebook.com/sharer/sharer.php?u=" in share
    assert "mailto:?subject=" in share
    assert "<script" not in share
    assert "style=" not in share


def test_print_footer_names_source_and_url(client, site_pages):
    article = site_pages["article"]

    html = client.get(article.url).content.decode()

    footer = html[html.index('class="print-only print-source"') :]
    footer = footer[: footer.index("</footer>")]
    assert article.full_url in footer
    assert "Lò Văn Minh" in footer
    assert "Phòng Văn hóa và Thông tin" in footer
    assert 'media="print"' in html


def test_home_page_has_no_share_block(client, site_pages):
    html = client.get("/").content.decode()

    assert 'class="share-links"' not in html
    assert '<link rel="canonical"' in html


def test_footer_links_sitemap_and_feeds(client, site_pages):
    html = client.get("/").content.decode()

    assert 'href="/so-do-trang/">Sơ đồ trang</a>' in html
    assert 'href="/feeds/rss.xml">Nguồn cấp tin RSS</a>' in html
    assert 'href="/feeds/atom.xml">Nguồn cấp tin Atom</a>' in html


def test_favicon_ico_redirects_to_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
