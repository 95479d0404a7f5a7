"""Site search on a small Vietnamese corpus: folding, ranking, numbers and exclusions."""

import datetime
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.rich_text import RichText

from documents.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from home.factories import default_site, site_home_page
from home.models import PortalSettings
from news.factories import ArticlePageFactory, SectionPageFactory
from search import query as search_query
from units.factories import UnitPageFactory

pytestmark = pytest.mark.django_db

REGULATION_TEXT = (
    "Điều 1. Phạm vi điều chỉnh. Trang thông tin điện tử đăng tải "
    + unicodedata.normalize("NFD", "chính sách")
    + " của huyện. Điều 5. Ban Biên tập tuyên truyền chính sách, pháp luật."
)


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def corpus():
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    library = LegalDocumentIndexPageFactory(parent=site_home_page())
    pages = {
        "unit": UnitPageFactory(title="Xã Mường Tè", summary="Xã vùng cao ở trung tâm huyện."),
        "bidding": ArticlePageFactory(
            parent=section,
            title="Thông báo mời đấu thầu gói xây dựng trường học",
            lead="Ban quản lý dự án mời các nhà thầu tham gia đấu thầu rộng rãi.",
            body=paragraph("Hồ sơ mời thầu phát hành tại trụ sở."),
        ),
        "oil": ArticlePageFactory(
            parent=section,
            title="Giá dầu tăng nhẹ",
            lead="Giá dầu hỏa và dầu ăn tăng trong tháng.",
            body=paragraph("Người dân nên theo dõi giá."),
        ),
        "canal": ArticlePageFactory(
            parent=section,
            title="Nạo vét mương thủy lợi bản Nậm Củm",
            lead="Bà con bản Nậm Củm nạo vét mương trước vụ mùa.",
            body=paragraph("Con mương dài hai cây số."),
        ),
        "district": ArticlePageFactory(
            parent=section,
            title="Huyện Mường Tè tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025",
            lead="Hội nghị tổng kết được tổ chức tại hội trường huyện.",
            body=paragraph("Các xã báo cáo kết quả."),
        ),
        "flowers": ArticlePageFactory(
            parent=section,
            title="Hoa đào nở đỏ bản Pa Ủ",
            lead="An ninh trật tự được giữ vững trong mùa lễ hội.",
            body=paragraph("Du khách đến ngắm hoa."),
        ),
        "regulation": LegalDocumentPageFactory(
            parent=library,
            title="Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử",
            number="",
            summary="Ban hành Quy chế hoạt động",
            full_text=f"<p>{REGULATION_TEXT}</p>",
        ),
        "document": LegalDocumentPageFactory(
            parent=library,
            title="Quyết định về việc kiện toàn Ban Biên tập",
            number="181/QĐ-UBND",
            summary="Kiện toàn Ban Biên tập Trang thông tin điện tử",
        ),
        "other_document": LegalDocumentPageFactory(
            parent=library,
            title="Quyết định 181 về công tác văn thư của UBND",
            number="18/QĐ-UBND",
            summary="Ban hành quy định 181 điều về văn thư của UBND, QĐ mới",
        ),
    }
    return pages


def result_titles(client, query, **params):
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    results = response.context["results"]
    if results is None:
        return []
    return [result["page"].title for result in results]


@pytest.mark.parametrize(
    "query",
    ["muong te", "Mường Tè", unicodedata.normalize("NFD", "Mường Tè"), "MUONG TE", "mường tè"],
)
def test_place_name_variants_find_unit_first(client, corpus, query):
    titles = result_titles(client, query)

    assert titles[0] == "Xã Mường Tè"
    assert corpus["district"].title in titles


@pytest.mark.parametrize("query", ["dau thau", "đấu thầu", "Đấu Thầu", "DAU THAU"])
def test_bidding_variants_find_article(client, corpus, query):
    titles = result_titles(client, query)

    assert titles[0] == corpus["bidding"].title


def test_exact_diacritics_rank_first(client, corpus):
    titles = result_titles(client, "dầu")

    assert titles[0] == corpus["oil"].title
    assert corpus["bidding"].title in titles


@pytest.mark.parametrize("query", ["do", "đỏ", "an ninh", "an"])
def test_short_folded_words_found(client, corpus, query):
    titles = result_titles(client, query)

    assert corpus["flowers"].title in titles


def test_exact_mương_ranks_above_mường(client, corpus):
    titles = result_titles(client, "mương")

    assert titles[0] == corpus["canal"].title
    assert "Xã Mường Tè" in titles
    assert titles.index(corpus["canal"].title) < titles.index("Xã Mường Tè")


@pytest.mark.parametrize(
    "query", ["chính sách", "chinh sach", unicodedata.normalize("NFD", "chính sách")]
)
def test_mixed_nfc_nfd_text_found(client, corpus, query):
    titles = result_titles(client, query)

    assert titles == [corpus["regulation"].title]


@pytest.mark.parametrize(
    "query", ["181/QĐ-UBND", "181/qd-ubnd", "181 QĐ UBND", "181/QD-UBND", "181/qđ-ubnd"]
)
def test_document_number_variants_first(client, corpus, query):
    titles = result_titles(client, query)

    assert titles[0] == corpus["document"].title
    assert corpus["other_document"].title in titles


def test_results_show_highlighted_excerpt(client, corpus):
    response = client.get(reverse("search"), {"q": "dau thau"})
    html = response.content.decode()

    assert "<mark>đấu thầu</mark>" in html


def test_filter_by_content_type(client, corpus):
    titles = result_titles(client, "muong te", type="units.unitpage")

    assert titles == ["Xã Mường Tè"]


def test_filter_by_section(client, corpus):
    section = corpus["bidding"].get_parent()

    titles = result_titles(client, "muong te", section=section.pk)

    assert titles == [corpus["district"].title]


def test_filter_by_year(client, corpus):
    corpus["oil"].first_published_at = datetime.datetime(2020, 5, 1, tzinfo=datetime.UTC)
    corpus["oil"].save()

    assert result_titles(client, "dau", year=2020) == [corpus["oil"].title]
    assert 2020 in client.get(reverse("search"), {"q": "dau"}).context["year_choices"]
    assert corpus["oil"].title not in result_titles(client, "dau", year=2021)


def test_full_exact_group_skips_folded_group(client, corpus, monkeypatch):
    # "đấu" folds to "dau", so the folded group adds the articles about "dầu".
    assert corpus["oil"].title in result_titles(client, "đấu")

    monkeypatch.setattr(search_query, "MAX_RESULTS", 1)
    titles = result_titles(client, "đấu")

    assert titles == [corpus["bidding"].title]


def test_results_cached_until_publish(client, corpus, settings):
    settings.PAGE_CACHE_SECONDS = 300
    PortalSettings.for_site(default_site())
    assert result_titles(client, "nạo vét") == [corpus["canal"].title]

    with CaptureQueriesContext(connection) as queries:
        assert result_titles(client, "nạo vét") == [corpus["canal"].title]
    assert not [query for query in queries if "indexentry" in query["sql"].lower()]

    article = ArticlePageFactory(
        parent=corpus["canal"].get_parent(),
        title="Nạo vét kênh mương bản Pa Ủ",
        lead="Bà con nạo vét kênh mương.",
    )
    article.save_revision().publish()
    assert article.title in result_titles(client, "nạo vét")


def test_filter_choices_cached_until_unpublish(client, corpus):
    # Creating the settings row on the first request would retire the cache.
    PortalSettings.for_site(default_site())
    client.get(reverse("search"), {"q": "dau"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), {"q": "dau"})
    labels = [label for label, _name in response.context["type_choices"]]
    assert "units.unitpage" in labels
    assert not [query for query in queries if "DISTINCT" in query["sql"]]

    corpus["unit"].unpublish()
    response = client.get(reverse("search"), {"q": "dau"})
    labels = [label for label, _name in response.context["type_choices"]]
    assert "units.unitpage" not in labels


@pytest.mark.parametrize(
    "params", [{"type": "auth.user"}, {"type": "x.y.z"}, {"section": "abc"}, {"year": "1800"}]
)
def test_invalid_filter_is_ignored(client, corpus, params):
    response = client.get(reverse("search"), {"q": "dau thau", **params})

    assert response.status_code == 200
    assert response.context["messages_list"]
    assert response.context["results"].paginator.count >= 1


@pytest.mark.parametrize("query", ["!!!", "...", "—", "/*-+", "<>"])
def test_punctuation_only_query_gets_help(client, corpus, query):
    response = client.get(reverse("search"), {"q": query})

    assert response.status_code == 200
    assert response.context["no_words"] is True
    assert "không có chữ cái hoặc chữ số" in response.content.decode()


def test_huge_query_answers(client, corpus):
    response = client.get(reverse("search"), {"q": "Mường Tè đấu thầu " * 1300})

    assert response.status_code == 200
    assert response.context["messages_list"]


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        "muong) OR (1=1",
        "te* NEAR(a b)",
        "<img src=x onerror=alert(1)>",
        "title:muong",
        "a & b | !c",
    ],
)
def test_syntax_fragments_answer(client, corpus, query):
    response = client.get(reverse("search"), {"q": query})

    assert response.status_code == 200
    assert "<img src=x" not in response.content.decode()


def test_search_does_not_write(client, corpus):
    # The first request creates the site settings row, as any page of the site would.
    client.get(reverse("search"), {"q": "muong te"})

    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("search"), {"q": "muong te"})

    writes = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_suggestions_page_lists_titles(client, corpus):
    response = client.get(reverse("search_suggestions"), {"q": "xa muong"})

    assert response.status_code == 200
    assert [page.title for page in response.context["suggestions"]] == ["Xã Mường Tè"]


def test_suggestions_prefix_without_diacritics(client, corpus):
    response = client.get(reverse("search_suggestions"), {"q": "thong bao moi d"})

    assert [page.title for page in response.context["suggestions"]] == [corpus["bidding"].title]


def test_suggestions_empty_query(client, corpus):
    response = client.get(reverse("search_suggestions"), {"q": "  "})

    assert response.status_code == 200
    assert response.context["suggestions"] == []
