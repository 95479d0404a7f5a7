"""The anonymous page cache: hits, what is never cached, and retirement on publish."""

import pytest
from django.core.cache import cache

from editorial.factories import UserFactory
from home.models import NavigationMenu
from news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, title="Kinh tế")


@pytest.fixture
def buffered_view_counts(settings):
    """Buffer view counts in memory as production does, and drop them afterwards."""
    from operations.visits import counter

    settings.VISIT_FLUSH_SECONDS = 3600
    yield
    counter.pending.clear()


@pytest.mark.usefixtures("buffered_view_counts")
def test_second_request_is_a_hit(client, home_page, django_assert_num_queries):
    first = client.get(home_page.url)

    with django_assert_num_queries(0):
        second = client.get(home_page.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "s-maxage=300" in second["Cache-Control"]


def test_each_host_has_own_entries(client, home_page):
    client.get(home_page.url, HTTP_HOST="testserver")

    other_host = client.get(home_page.url, HTTP_HOST="localhost")

    assert other_host["X-Page-Cache"] == "miss"


def test_publish_refreshes_section_and_home(
    client, home_page, section, django_capture_on_commit_callbacks
):
    client.get(section.url)
    client.get(home_page.url)

    with django_capture_on_commit_callbacks(execute=True):
        article = ArticlePageFactory(parent=section, title="Khánh thành cầu treo bản Nậm Củm")
        article.save_revision().publish()
    section_after = client.get(section.url)
    home_after = client.get(home_page.url)

    assert section_after["X-Page-Cache"] == "miss"
    assert home_after["X-Page-Cache"] == "miss"
    assert "Khánh thành cầu treo bản Nậm Củm" in section_after.content.decode()


def test_unpublish_removes_article(client, section, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticlePageFactory(parent=section, title="Tin sẽ bị gỡ khỏi trang")
    assert client.get(article.url).status_code == 200
    assert "Tin sẽ bị gỡ khỏi trang" in client.get(section.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert client.get(article.url).status_code == 404
    assert "Tin sẽ bị gỡ khỏi trang" not in client.get(section.url).content.decode()


def test_menu_change_retires_pages(client, home_page, django_capture_on_commit_callbacks):
    client.get(home_page.url)

    with django_capture_on_commit_callbacks(execute=True):
        NavigationMenu.objects.create(location="cache-test")

    assert client.get(home_page.url)["X-Page-Cache"] == "miss"


def test_signed_in_users_bypass_cache(client, home_page):
    client.get(home_page.url)
    client.force_login(UserFactory(username="bien-tap-vien"))

    response = client.get(home_page.url)

    assert "X-Page-Cache" not in response


@pytest.mark.parametrize(
    "path",
    ["/tim-kiem/?q=huyện", "/tim-kiem/", "/admin/login/", "/?utm_source=zalo"],
)
def test_never_cached(client, home_page, path):
    client.get(path)

    response = client.get(path)

    assert "X-Page-Cache" not in response


def test_pagination_is_cached_per_page(client, section):
    client.get(section.url, {"page": "1"})

    assert client.get(section.url, {"page": "1"})["X-Page-Cache"] == "hit"
    assert client.get(section.url, {"page": "2"})["X-Page-Cache"] != "hit"


def test_not_found_is_not_cached(client, home_page):
    client.get("/khong-co-trang-nay/")

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "X-Page-Cache" not in response
