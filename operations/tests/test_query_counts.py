"""Database queries of the main public pages, cached and uncached, on realistic content.

The content has featured photos on every article, both menus with page and address items, a
banner showing now, portal settings, quick links, the rating form of articles, and a legal
document with two attachments and relations to another document.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.factories import LegalDocumentPageFactory, PdfDocumentFactory
from documents.models import DocumentRelation, LegalDocumentAttachment, LegalDocumentPage
from home.factories import HomeQuickLinkFactory, MenuItemFactory, NavigationMenuFactory
from home.models import NavigationMenu
from news.factories import ArticlePageFactory
from operations.models import SiteBanner
from tests.public_site import build_public_site, make_photo

pytestmark = pytest.mark.django_db

PAGES = ["home", "section", "article", "library", "document"]
# The limit for an uncached page: routing, the page's own content and one view-count UPDATE.
# The site, menus, banners, settings and view restrictions come from the shared-content cache.
UNCACHED_PAGES = ["home", "section", "article", "document"]
MAX_UNCACHED_QUERIES = 10


@pytest.fixture
def site():
    built = build_public_site(article_count=4)
    home, section = built["home"], built["section"]

    main = NavigationMenuFactory(location=NavigationMenu.Location.MAIN)
    footer = NavigationMenuFactory(location=NavigationMenu.Location.FOOTER)
    MenuItemFactory(menu=main, label="Tin tức", link_page=section, link_url="")
    MenuItemFactory(menu=main, label="Văn bản", link_page=built["library"], link_url="")
    MenuItemFactory(menu=main, label="Hỏi đáp", link_page=built["questions"], link_url="")
    MenuItemFactory(menu=footer, label="Cổng thông tin tỉnh Lai Châu")
    MenuItemFactory(menu=footer, label="Đơn vị", link_page=built["unit"].get_parent(), link_url="")
    HomeQuickLinkFactory(home=home, label="Tra cứu văn bản", link_page=built["library"])

    now = timezone.now()
    SiteBanner.objects.create(
        kind=SiteBanner.ALERT,
        message="Cảnh báo mưa lũ tại các xã vùng cao, người dân chú ý an toàn.",
        show_from=now - datetime.timedelta(hours=1),
        show_until=now + datetime.timedelta(days=1),
    )

    document = built["document"]
    older = LegalDocumentPageFactory(
        parent=built["library"],
        title="Quyết định về kế hoạch giao thông năm 2023",
        number="7/2023/QĐ-UBND",
        document_type=built["document_type"],
    )
    DocumentRelation.objects.create(
        document=document, kind=DocumentRelation.Kind.REPLACES, target_page=older
    )
    DocumentRelation.objects.create(
        document=document, kind=DocumentRelation.Kind.AMENDS, target_number="12/2022/QĐ-UBND"
    )
    for title in ("Quyết định 15/2024", "Phụ lục danh mục tuyến đường"):
        LegalDocumentAttachment.objects.create(
            document=document, file=PdfDocumentFactory(title=title), label=title
        )
    built["document"] = LegalDocumentPage.objects.get(pk=document.pk)
    return built


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("name", PAGES)
def test_cached_page_within_ten_queries(
    client, settings, site, name, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    url = site[name].url
    client.get(url)

    with django_assert_max_num_queries(10):
        response = client.get(url)

    assert response["X-Page-Cache"] == "hit"
    cache.clear()


@pytest.mark.parametrize("name", UNCACHED_PAGES)
def test_uncached_page_within_limit(client, site, name, django_assert_max_num_queries):
    url = site[name].url
    client.get(url)  # the first request creates image renditions and fills the caches

    with django_assert_max_num_queries(MAX_UNCACHED_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("name", UNCACHED_PAGES)
def test_uncached_page_shows_shared_content(client, site, name):
    """The cached menus, banner and settings still reach the page."""
    client.get(site[name].url)
    content = client.get(site[name].url).content.decode()

    assert "Cảnh báo mưa lũ tại các xã vùng cao" in content
    assert "Cổng thông tin tỉnh Lai Châu" in content
    assert "Trang thông tin điện tử huyện Mường Tè" in content


def test_document_page_shows_relations_and_attachments(client, site):
    content = client.get(site["document"].url).content.decode()

    assert "Quyết định về kế hoạch giao thông năm 2023" in content
    assert "12/2022/QĐ-UBND" in content
    assert "Phụ lục danh mục tuyến đường" in content


@pytest.mark.parametrize("name", ["home", "section"])
def test_listing_queries_do_not_grow_with_articles(client, site, name):
    url = site[name].url
    client.get(url)
    before = count_queries(client, url)

    for number in range(8):
        ArticlePageFactory(
            parent=site["section"],
            title=f"Tin bổ sung số {number + 1}",
            featured_image=make_photo(f"Ảnh bổ sung {number + 1}", seed=100 + number),
            featured_image_alt="Người dân bản Mù Cả làm đường giao thông",
        )
    client.get(url)  # renditions of the new photos
    after = count_queries(client, url)

    assert after <= before
    assert after <= MAX_UNCACHED_QUERIES
