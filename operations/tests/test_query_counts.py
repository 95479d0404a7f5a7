"""Database queries of the main public pages, cached and uncached.

NOTE: uncached pages take 20 to 35 queries today (Wagtail's routing walks the tree one level
per query, and the menus, breadcrumbs and settings each query). These tests hold those counts
constant as content grows; the cached path, which anonymous visitors get, stays within 10.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.factories import ArticlePageFactory
from tests.public_site import build_public_site

pytestmark = pytest.mark.django_db

PAGES = ["home", "section", "article", "library", "document"]


@pytest.fixture
def site():
    built = build_public_site(article_count=2)
    from documents.models import LegalDocumentIndexPage, LegalDocumentPage

    built["library"] = LegalDocumentIndexPage.objects.get()
    built["document"] = LegalDocumentPage.objects.first()
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


@pytest.mark.parametrize("name", ["home", "section"])
def test_listing_queries_do_not_grow_with_articles(client, site, name):
    """More articles must not add queries; the home page may need fewer, because the new
    articles have no photo to render."""
    url = site[name].url
    client.get(url)  # the first request creates image renditions
    before = count_queries(client, url)

    for number in range(8):
        ArticlePageFactory(parent=site["section"], title=f"Tin bổ sung số {number + 1}")
    client.get(url)
    after = count_queries(client, url)

    assert after <= before


@pytest.mark.parametrize("name", PAGES)
def test_uncached_queries_bounded(client, site, name):
    url = site[name].url
    client.get(url)

    assert count_queries(client, url) <= 35
