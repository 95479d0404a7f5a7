import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.demo.generated import add_generated_articles
from news.factories import ArticlePageFactory, SectionPageFactory
from news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home_page):
    first = SectionPageFactory(parent=home_page, title="Tin tức")
    second = SectionPageFactory(parent=home_page, title="Thông báo")
    # An earlier article, then a gap in the tree positions where a deleted one was.
    ArticlePageFactory(parent=first)
    ArticlePageFactory(parent=first).delete()
    return first, second


def generated():
    return ArticlePage.objects.filter(slug__startswith="bai-mau-")


def test_generated_articles_keep_tree_valid(sections):
    added = add_generated_articles(25)

    assert added == 25
    assert generated().count() == 25
    assert Page.find_problems() == ([], [], [], [], [])
    first, second = (SectionPage.objects.get(pk=section.pk) for section in sections)
    assert first.numchild == first.get_children().count() == 13
    assert second.numchild == second.get_children().count() == 13


def test_generated_articles_grow_to_total(sections):
    add_generated_articles(10)

    assert add_generated_articles(10) == 0
    assert add_generated_articles(14) == 4
    assert generated().count() == 14
    assert Page.find_problems() == ([], [], [], [], [])


def test_generated_article_is_served_and_searchable(client, sections):
    add_generated_articles(8)
    article = generated().get(slug="bai-mau-3")

    response = client.get(article.url)

    assert response.status_code == 200
    assert "bài số 3" in response.content.decode()
    assert article.live and article.first_published_at
    results = ArticlePage.objects.live().search("Mu Ca bai so 3")
    assert article.pk in [result.pk for result in results]


def test_generated_articles_need_section(home_page):
    with pytest.raises(ValueError, match="load_demo_content"):
        add_generated_articles(3)

    assert not generated().exists()


def test_demo_command_rejects_negative_count(settings):
    settings.DEMO_CONTENT_ALLOWED = True

    with pytest.raises(CommandError, match="0"):
        call_command("load_demo_content", "--articles", "-5")
