"""Server-side page view counts and their admin report."""

import csv

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from editorial.factories import UserFactory
from editorial.roles import CONTRIBUTOR, SECRETARY
from news.factories import ArticlePageFactory, SectionPageFactory
from operations.models import PageViewDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page):
    section = SectionPageFactory(parent=home_page, title="Thông báo")
    return ArticlePageFactory(parent=section, title="Lịch tiếp công dân tháng 12")


def views_of(page):
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


def test_views_counted_per_page(client, article, home_page):
    for _visit in range(3):
        client.get(article.url)
    client.get(home_page.url)

    assert views_of(article) == 3
    assert views_of(home_page) == 1


def test_cached_hits_are_counted(client, settings, article):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()

    responses = [client.get(article.url) for _visit in range(3)]

    assert responses[-1]["X-Page-Cache"] == "hit"
    assert views_of(article) == 3
    cache.clear()


def test_editors_and_bots_not_counted(client, article):
    client.get(article.url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.force_login(UserFactory(username="bien-tap-xem-trang"))
    client.get(article.url)

    assert views_of(article) == 0


def test_missing_page_not_counted(client, home_page):
    client.get("/khong-co-trang-nay/")

    assert PageViewDay.objects.count() == 0


def test_no_visitor_data_stored():
    fields = {field.name for field in PageViewDay._meta.get_fields()}

    assert fields == {"id", "page", "date", "views"}


def test_report_lists_pages_by_views(client, article, home_page):
    for _visit in range(2):
        client.get(article.url)
    client.get(home_page.url)
    client.force_login(UserFactory(username="thu-ky-bao-cao", roles=[SECRETARY]))

    page = client.get(reverse("operations_page_views"))
    results = client.get(reverse("operations_page_views_results"))

    table = results.content.decode()
    assert page.status_code == 200
    assert "Lượt xem trang" in page.content.decode()
    assert table.index("Lịch tiếp công dân tháng 12") < table.index(home_page.title)
    assert ">2<" in table.replace(" ", "").replace("\n", "")


def test_report_refused_to_contributors(client):
    client.force_login(UserFactory(username="ctv-bao-cao", roles=[CONTRIBUTOR]))

    response = client.get(reverse("operations_page_views"))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def test_page_view_export_lists_public_addresses(admin_client):
    home = Page.objects.get(depth=2)
    PageViewDay.objects.create(page=home, date=timezone.localdate(), views=3)

    response = admin_client.get(reverse("operations_page_views"), {"export": "csv"})
    rows = list(csv.reader(b"".join(response.streaming_content).decode("utf-8-sig").splitlines()))

    assert rows[0] == ["Trang", "Địa chỉ trang", "Lượt xem"]
    assert rows[1][1] == home.url
    assert "luot-xem" in response["Content-Disposition"]
