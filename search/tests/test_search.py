"""Site search answers every query with a page and never shows drafts."""

import pytest
from django.urls import reverse

from news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    published = ArticlePageFactory(
        parent=section,
        title="Mường Tè mở rộng diện tích trồng sâm Lai Châu",
        lead="Sâm Lai Châu được trồng dưới tán rừng ở xã Mù Cả.",
    )
    draft = ArticlePageFactory(
        parent=section,
        title="Sâm Lai Châu: bản nháp chưa duyệt",
        lead="Sâm Lai Châu chưa được công bố.",
        live=False,
    )
    return published, draft


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    return response, html


def test_empty_query_shows_form(client):
    response, html = search(client)

    assert response.context["results"] is None
    assert 'name="q"' in html


def test_blank_query_shows_form(client):
    response, _html = search(client, q="   ")

    assert response.context["results"] is None


def test_normal_query_finds_live_page(client, articles):
    published, draft = articles

    response, html = search(client, q="sâm")

    assert published.title in html
    assert draft.title not in html
    assert response.context["results"].paginator.count == 1


def test_nfd_query_finds_page(client, articles):
    import unicodedata

    published, _draft = articles

    _response, html = search(client, q=unicodedata.normalize("NFD", "sâm Lai Châu"))

    assert published.title in html


def test_long_query_is_cut(client, articles):
    response, _html = search(client, q="Mường Tè " * 500)

    assert len(response.context["query"]) <= 200


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", "%", "' OR 1=1 --", '"', '"sâm', 'a"b', "\x00", "AND", "*", "-"],
)
def test_odd_query_answers(client, articles, query):
    _response, html = search(client, q=query)

    assert "<script>alert(1)</script>" not in html


def test_query_with_no_match(client, articles):
    response, _html = search(client, q="không có kết quả nào")

    assert response.context["results"].paginator.count == 0


@pytest.mark.parametrize("page_param", ["abc", "-1", "99999"])
def test_bad_page_number_answers(client, articles, page_param):
    search(client, q="sâm", page=page_param)
