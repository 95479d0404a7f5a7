"""The anonymous rating form on articles and documents, and the board's reports."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from documents.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from feedback.factories import PageRatingFactory
from feedback.ratings import PageRating
from news.factories import ArticlePageFactory, SectionPageFactory

from .helpers import aged_token

pytestmark = pytest.mark.django_db


def rate(client, page, score="5", comment="Rất hữu ích", **extra):
    data = {"score": score, "comment": comment, "website": "", "form_token": aged_token(), **extra}
    return client.post(reverse("feedback:rate", args=[page.pk]), data, REMOTE_ADDR="203.0.113.9")


def test_article_shows_rating_form(client):
    article = ArticlePageFactory()

    html = client.get(article.url).content.decode()

    assert "Thông tin này có hữu ích không?" in html
    assert reverse("feedback:rate", args=[article.pk]) in html


def test_document_shows_rating_form(client, home_page):
    library = LegalDocumentIndexPageFactory(parent=home_page)
    document = LegalDocumentPageFactory(parent=library)

    html = client.get(document.url).content.decode()

    assert "Thông tin này có hữu ích không?" in html


def test_article_with_rating_sets_no_cookie(client):
    article = ArticlePageFactory()

    response = client.get(article.url)

    # A cookie would keep the page out of the anonymous page cache.
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_rating_accepted_without_csrf_token():
    article = ArticlePageFactory()

    response = rate(Client(enforce_csrf_checks=True), article)

    assert response.status_code == 302
    assert PageRating.objects.filter(page=article).count() == 1


def test_rating_stored_without_identity(client, django_user_model):
    article = ArticlePageFactory()
    user = django_user_model.objects.create_user("ban-doc", password="mat-khau-dai-12")
    client.force_login(user)

    response = rate(client, article, score="4", comment="Cần thêm số điện thoại liên hệ.")

    rating = PageRating.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?danh-gia=cam-on#danh-gia"
    assert (rating.page_id, rating.score, rating.comment) == (
        article.pk,
        4,
        "Cần thêm số điện thoại liên hệ.",
    )
    fields = {field.name for field in PageRating._meta.get_fields()}
    assert fields == {"id", "page", "score", "comment", "rated_on"}
    assert "Cảm ơn bạn đã đánh giá" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("score", "extra"),
    [("6", {}), ("", {}), ("3", {"website": "spam"}), ("3", {"form_token": "giả"})],
    ids=["out-of-range", "missing", "honeypot", "bad-token"],
)
def test_invalid_rating_rejected_with_input_kept(client, score, extra):
    article = ArticlePageFactory()

    response = rate(client, article, score=score, comment="Bài viết <script>hay</script>", **extra)

    html = response.content.decode()
    assert response.status_code == 400
    assert PageRating.objects.count() == 0
    assert "Bài viết &lt;script&gt;hay&lt;/script&gt;" in html


def test_rating_other_page_types_refused(client):
    section = SectionPageFactory()

    assert rate(client, section).status_code == 404


@override_settings(FEEDBACK_CAPTCHA_AFTER=100, FEEDBACK_RATE_LIMIT=2)
def test_rating_rate_limited(client):
    article = ArticlePageFactory()

    rate(client, article)
    rate(client, article)
    limited = rate(client, article)

    assert PageRating.objects.count() == 2
    assert "Bạn đã gửi quá nhiều" in limited.content.decode()


def test_reports_per_page_and_section(client, secretary):
    section = SectionPageFactory(title="Kinh tế")
    first = ArticlePageFactory(parent=section, title="Trồng sâm dưới tán rừng")
    second = ArticlePageFactory(parent=section, title="Hội nghị sơ kết")
    for score in (5, 4):
        PageRatingFactory(page=first, score=score)
    PageRatingFactory(page=second, score=1)
    client.force_login(secretary)

    per_page = client.get(reverse("feedback_ratings_per_page")).content.decode()
    per_section = client.get(reverse("feedback_ratings_per_section"), {"export": "csv"})

    assert "Trồng sâm dưới tán rừng" in per_page
    assert "4,50" in per_page
    assert "Kinh tế" in per_page
    content = b"".join(per_section.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    assert "Kinh tế,3,3.33" in content.replace("3.3333333333333335", "3.33")


def test_reports_refused_to_contributors(client, contributor):
    response = client.get(reverse("feedback_ratings_per_page"))
    client.force_login(contributor)

    assert response.status_code == 302
    assert client.get(reverse("feedback_ratings_per_page")).status_code == 302
