"""The read-only API returns only published, public, non-confidential content."""

import pytest
from wagtail.models import PageViewRestriction

from documents.factories import (
    LegalDocumentAttachmentFactory,
    LegalDocumentIndexPageFactory,
    LegalDocumentPageFactory,
    PdfDocumentFactory,
)
from home.factories import ImageFactory, site_home_page
from news.factories import ArticlePageFactory, SectionPageFactory
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    private_section = SectionPageFactory(title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    public_image = ImageFactory(title="Ảnh hội chợ")
    draft_image = ImageFactory(title="Ảnh bản nháp")
    secret_image = ImageFactory(title="Ảnh tin mật")
    public = ArticlePageFactory(
        parent=section,
        title="Mường Tè khai mạc hội chợ nông sản",
        lead="Hội chợ giới thiệu sâm và thảo quả.",
        featured_image=public_image,
        featured_image_alt="Gian hàng sâm",
    )
    draft = ArticlePageFactory(
        parent=section,
        title="Bản nháp hội chợ",
        live=False,
        featured_image=draft_image,
        featured_image_alt="Ảnh nháp",
    )
    private = ArticlePageFactory(parent=private_section, title="Tài liệu nội bộ hội chợ")
    secret = ArticlePageFactory(
        parent=section,
        title="Tin mật hội chợ",
        featured_image=secret_image,
        featured_image_alt="Ảnh mật",
    )
    ArticlePage.objects.filter(pk=secret.pk).update(is_confidential=True)

    library = LegalDocumentIndexPageFactory(parent=site_home_page())
    public_file = PdfDocumentFactory(title="Toàn văn Quyết định 181")
    draft_file = PdfDocumentFactory(title="Dự thảo chưa ban hành")
    document = LegalDocumentPageFactory(parent=library, number="181/QĐ-UBND")
    LegalDocumentAttachmentFactory(document=document, file=public_file)
    document.save()
    draft_document = LegalDocumentPageFactory(parent=library, number="99/QĐ-UBND", live=False)
    LegalDocumentAttachmentFactory(document=draft_document, file=draft_file)
    draft_document.save()
    return {
        "public": public,
        "draft": draft,
        "private": private,
        "secret": secret,
        "document": document,
        "draft_document": draft_document,
        "public_image": public_image,
        "draft_image": draft_image,
        "secret_image": secret_image,
        "public_file": public_file,
        "draft_file": draft_file,
    }


def api_ids(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_pages_lists_public_pages(client, content):
    ids = api_ids(client, "pages", limit=50)

    assert content["public"].pk in ids
    assert content["document"].pk in ids


@pytest.mark.parametrize("name", ["draft", "private", "secret", "draft_document"])
def test_pages_leave_out_hidden(client, content, name):
    assert content[name].pk not in api_ids(client, "pages", limit=50)
    assert content[name].pk not in api_ids(client, "pages", type="news.ArticlePage", limit=50)


@pytest.mark.parametrize("name", ["draft", "private", "secret"])
def test_page_detail_hidden_404(client, content, name):
    response = client.get(f"/api/v2/pages/{content[name].pk}/")

    assert response.status_code == 404


def test_page_detail_fields(client, content):
    response = client.get(f"/api/v2/pages/{content['public'].pk}/")

    data = response.json()
    assert data["title"] == "Mường Tè khai mạc hội chợ nông sản"
    assert data["lead"] == "Hội chợ giới thiệu sâm và thảo quả."
    assert data["featured_image"]["id"] == content["public_image"].pk
    assert "is_confidential" not in data


def test_unapproved_revision_not_served(client, content):
    page = ArticlePage.objects.get(pk=content["public"].pk)
    page.title = "Tiêu đề chưa duyệt"
    page.save_revision()

    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    assert data["title"] == "Mường Tè khai mạc hội chợ nông sản"


def test_search_through_api_skips_hidden(client, content):
    ids = api_ids(client, "pages", search="hội chợ")

    assert content["public"].pk in ids
    assert content["secret"].pk not in ids
    assert content["draft"].pk not in ids
    assert content["private"].pk not in ids


def test_images_only_used_by_public_pages(client, content):
    ids = api_ids(client, "images")

    assert ids == {content["public_image"].pk}


def test_image_detail_of_draft_404(client, content):
    response = client.get(f"/api/v2/images/{content['draft_image'].pk}/")

    assert response.status_code == 404


def test_documents_only_attached_to_public_pages(client, content):
    ids = api_ids(client, "documents")

    assert ids == {content["public_file"].pk}


def test_page_size_is_limited(client, content):
    response = client.get("/api/v2/pages/", {"limit": 1000})

    assert response.status_code == 400
    assert "limit" in response.json()["message"]


def test_api_is_read_only(client, content):
    response = client.post("/api/v2/pages/", {"title": "x"})

    assert response.status_code == 405


def test_search_through_api_folds(client, content):
    assert content["public"].pk in api_ids(client, "pages", search="hoi cho")


def test_documented_listing_parameters(client, content):
    ids = api_ids(
        client,
        "pages",
        type="news.ArticlePage",
        fields="lead,author",
        order="-first_published_at",
        limit=10,
    )

    assert ids == {content["public"].pk}


def test_browser_gets_json_not_html(client, content):
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/api/v2/pages/", HTTP_ACCEPT=browser_accept)
    browsable = client.get("/api/v2/pages/", {"format": "api"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert browsable.status_code == 404
