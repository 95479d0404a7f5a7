"""Only live, public, non-confidential content is ever indexed or found."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from news.factories import ArticlePageFactory, SectionPageFactory
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionPageFactory(title="Tin tức - Sự kiện")


def found(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    return [result["page"].pk for result in results] if results else []


def indexed(page):
    return IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_live_page_indexed(client, section):
    page = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")

    assert indexed(page)
    assert found(client, "gau tao") == [page.pk]


def test_draft_never_indexed(client, section):
    page = ArticlePageFactory(parent=section, title="Bản nháp lễ hội Gầu Tào", live=False)
    page.save_revision()

    assert not indexed(page)
    assert found(client, "gau tao") == []


def test_unapproved_revision_not_indexed(client, section):
    page = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")
    page.save_revision().publish()

    draft = ArticlePage.objects.get(pk=page.pk)
    draft.title = "Tiêu đề chưa duyệt về thủy điện Lai Châu"
    draft.lead = "Nội dung chưa duyệt."
    draft.save_revision()

    assert found(client, "thuy dien") == []
    assert found(client, "chua duyet") == []
    assert found(client, "gau tao") == [page.pk]


def test_unpublished_page_removed(client, section):
    page = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")
    page.save_revision().publish()

    page.unpublish()

    assert not indexed(page)
    assert found(client, "gau tao") == []


def test_private_page_removed(client, section):
    page = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")

    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-1"
    )

    assert not indexed(page)
    assert found(client, "gau tao") == []


def test_restriction_removed_reindexes(client, section):
    page = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    restriction.delete()

    assert indexed(page)
    assert found(client, "gau tao") == [page.pk]


def test_confidential_draft_never_indexed(client, section):
    page = ArticlePageFactory(
        parent=section, title="Lễ hội Gầu Tào xã Bum Nưa", live=False, is_confidential=True
    )
    page.save_revision()

    assert not indexed(page)
    assert found(client, "gau tao") == []


def test_confidential_in_stale_index_hidden(client, section):
    page = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")
    # A bulk update sends no signal, so the index still contains the page.
    ArticlePage.objects.filter(pk=page.pk).update(is_confidential=True)

    assert indexed(page)
    assert found(client, "gau tao") == []


def test_suggestions_skip_hidden_pages(client, section):
    ArticlePageFactory(parent=section, title="Gầu Tào bản nháp", live=False)
    stale = ArticlePageFactory(parent=section, title="Gầu Tào mật")
    ArticlePage.objects.filter(pk=stale.pk).update(is_confidential=True)

    response = client.get(reverse("search_suggestions"), {"q": "gau"})

    assert response.context["suggestions"] == []


def test_rebuild_indexes_only_public(section):
    from django.core.management import call_command

    public = ArticlePageFactory(parent=section, title="Lễ hội Gầu Tào xã Bum Nưa")
    draft = ArticlePageFactory(parent=section, title="Bản nháp Gầu Tào", live=False)
    secret = ArticlePageFactory(parent=section, title="Gầu Tào mật")
    ArticlePage.objects.filter(pk=secret.pk).update(is_confidential=True)

    call_command("update_index", verbosity=0)

    assert indexed(public)
    assert not indexed(draft)
    assert not indexed(secret)
