"""The admin answers: login page, dashboard, and the editor of every page type."""

import unicodedata

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.factories import ImageFactory, site_home_page
from news.factories import (
    AlbumPageFactory,
    AlbumPhotoFactory,
    ArticlePageFactory,
    MediaPageFactory,
    SectionPageFactory,
)
from news.models import ArticlePage
from units.factories import UnitIndexPageFactory, UnitPageFactory

pytestmark = pytest.mark.django_db


def test_login_page_answers(client):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_dashboard_requires_login(client):
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_superuser_logs_in_with_password(client, django_user_model):
    django_user_model.objects.create_superuser(
        username="quantri", email="quantri@muongte.example", password="Mật-khẩu-dài-2026"
    )

    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "quantri", "password": "Mật-khẩu-dài-2026"},
    )

    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_dashboard_answers(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def build_one_page_of_each_type():
    """Return one page of each page type of home, news and units, in a minimal tree."""
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    album = AlbumPageFactory(parent=section)
    AlbumPhotoFactory(album=album)
    units = UnitIndexPageFactory()
    return {
        "home": site_home_page(),
        "section": section,
        "article": ArticlePageFactory(parent=section),
        "album": album,
        "media": MediaPageFactory(parent=section),
        "unit index": units,
        "unit": UnitPageFactory(parent=units),
    }


def test_dashboard_loads_no_gravatar(admin_client, admin_user):
    admin_user.email = "thuky@muongte.example"
    admin_user.save()

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "gravatar" not in html


def test_editor_opens_for_each_page_type(admin_client):
    for name, page in build_one_page_of_each_type().items():
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

        assert response.status_code == 200, name


def test_create_article_through_admin(admin_client):
    section = SectionPageFactory()
    title = unicodedata.normalize("NFD", "Quyết định số 15/2024/QĐ-UBND về đường giao thông")
    data = nested_form_data(
        {
            "title": title,
            "slug": title,
            "lead": unicodedata.normalize("NFD", "Huyện Mường Tè nâng cấp đường liên xã."),
            "featured_image_alt": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>Đường từ thị trấn đi xã Mù Cả.</p>"))]
            ),
            "author": "Lò Văn Minh",
            "source": "Phòng Kinh tế - Hạ tầng",
            "tags": "giao thông, đường liên xã",
            "change_note": "",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk)), data
    )

    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.child_of(section).get()
    assert article.live
    assert article.title == "Quyết định số 15/2024/QĐ-UBND về đường giao thông"
    assert article.slug == "quyet-dinh-so-15-2024-qd-ubnd-ve-duong-giao-thong"
    assert article.lead == "Huyện Mường Tè nâng cấp đường liên xã."
    assert "Đường từ thị trấn đi xã Mù Cả." in str(article.body)
    assert sorted(tag.name for tag in article.tags.all()) == ["giao thông", "đường liên xã"]


def test_admin_rejects_featured_image_without_alt(admin_client):
    section = SectionPageFactory()
    data = nested_form_data(
        {
            "title": "Tin có ảnh nhưng thiếu mô tả",
            "slug": "tin-co-anh",
            "lead": "Ảnh không có văn bản thay thế.",
            "featured_image": ImageFactory().pk,
            "featured_image_alt": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk)), data
    )

    assert response.status_code == 200
    assert "featured_image_alt" in response.context["form"].errors
    assert not ArticlePage.objects.filter(slug="tin-co-anh").exists()


@pytest.mark.parametrize(
    ("app_label", "model_name", "parent_name"),
    [
        ("news", "sectionpage", "home"),
        ("news", "sectionpage", "section"),
        ("news", "articlepage", "section"),
        ("news", "albumpage", "section"),
        ("news", "mediapage", "section"),
        ("units", "unitpage", "unit index"),
    ],
)
def test_create_view_opens_for_each_page_type(admin_client, app_label, model_name, parent_name):
    parent = build_one_page_of_each_type()[parent_name]

    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=(app_label, model_name, parent.pk))
    )

    assert response.status_code == 200


def test_create_view_opens_for_unit_directory(admin_client):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("units", "unitindexpage", site_home_page().pk))
    )

    assert response.status_code == 200


def test_add_subpage_lists_page_types(admin_client):
    section = SectionPageFactory()

    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(section.pk,)))

    assert response.status_code == 200
    html = response.content.decode()
    for model_name in ("articlepage", "albumpage", "mediapage", "sectionpage"):
        assert f"/news/{model_name}/{section.pk}/" in html


def test_menu_snippet_and_settings_open(admin_client):
    from home.factories import MenuItemFactory, default_site

    item = MenuItemFactory()

    assert admin_client.get(reverse("wagtailsnippets_home_navigationmenu:list")).status_code == 200
    assert (
        admin_client.get(
            reverse("wagtailsnippets_home_navigationmenu:edit", args=(item.menu.pk,))
        ).status_code
        == 200
    )
    assert (
        admin_client.get(
            reverse("wagtailsettings:edit", args=("home", "portalsettings", default_site().pk))
        ).status_code
        == 200
    )
