"""The home page, site settings, menus and error pages render in Vietnamese."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from home.factories import (
    HomeFeaturedItemFactory,
    HomeQuickLinkFactory,
    HomeSectionFactory,
    ImageFactory,
    MenuItemFactory,
    NavigationMenuFactory,
    PortalSettingsFactory,
)
from home.models import NavigationMenu
from news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def vietnamese(message):
    """Return the Vietnamese catalogue's translation of ``message``; fail if it has none."""
    with translation.override("vi"):
        translated = translation.gettext(message)
    assert translated != message, f"No Vietnamese translation for {message!r}"
    return translated


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    return html


def test_home_page_shows_featured_sections_and_notices(client, home_page):
    news = SectionPageFactory(title="Tin tức - Sự kiện")
    notices = SectionPageFactory(title="Thông báo")
    featured = ArticlePageFactory(
        parent=news,
        title="Mường Tè mở rộng trồng sâm Lai Châu",
        featured_image=ImageFactory(),
        featured_image_alt="Rừng già Mường Tè",
    )
    ArticlePageFactory(parent=news, title="Hội nghị sơ kết 6 tháng đầu năm 2026")
    ArticlePageFactory(parent=notices, title="Thông báo lịch tiếp công dân")
    HomeFeaturedItemFactory(home=home_page, page=featured)
    HomeSectionFactory(home=home_page, section=news)
    home_page.notices_section = notices
    home_page.intro = "Thông tin chính thức của Ủy ban nhân dân huyện Mường Tè."
    home_page.save()

    html = get_html(client, "/")

    assert "Thông tin chính thức của Ủy ban nhân dân huyện Mường Tè." in html
    assert "Mường Tè mở rộng trồng sâm Lai Châu" in html
    assert 'alt="Rừng già Mường Tè"' in html
    assert "Hội nghị sơ kết 6 tháng đầu năm 2026" in html
    assert "Thông báo lịch tiếp công dân" in html


def test_home_page_hides_unpublished_featured_article(client, home_page):
    draft = ArticlePageFactory(title="Tin nổi bật còn nháp", live=False)
    HomeFeaturedItemFactory(home=home_page, page=draft)

    html = get_html(client, "/")

    assert "Tin nổi bật còn nháp" not in html


def test_home_page_quick_links_and_linked_systems(client, home_page):
    PortalSettingsFactory()
    HomeQuickLinkFactory(home=home_page, label="Văn bản chỉ đạo, điều hành")

    html = get_html(client, "/")

    assert "Văn bản chỉ đạo, điều hành" in html
    assert 'href="https://dichvucong.laichau.gov.vn/"' in html
    assert 'href="https://laichau.gov.vn/"' in html


def test_home_page_hides_quick_link_to_draft(client, home_page):
    draft = SectionPageFactory(title="Chuyên mục đang soạn", live=False)
    HomeQuickLinkFactory(
        home=home_page, label="Liên kết tới bản nháp", link_page=draft, link_url=""
    )
    HomeQuickLinkFactory(home=home_page, label="Hệ thống văn bản tỉnh")

    html = get_html(client, "/")

    assert "Liên kết tới bản nháp" not in html
    assert "Hệ thống văn bản tỉnh" in html


def test_home_page_hides_unpublished_section_block(client, home_page):
    draft = SectionPageFactory(title="Chuyên mục chưa mở", live=False)
    HomeSectionFactory(home=home_page, section=draft)

    html = get_html(client, "/")

    assert "Chuyên mục chưa mở" not in html


def test_settings_render_in_header_and_footer(client, home_page):
    portal = PortalSettingsFactory()

    html = get_html(client, "/")
    header, footer = html.split('<main id="main"')

    assert portal.portal_name in header
    assert portal.governing_body in header
    for value in (
        portal.content_responsible,
        portal.address,
        portal.phone,
        portal.email,
        portal.office_hours,
        portal.licence,
    ):
        assert value in footer
    assert f"<title>{portal.portal_name}" in html


def test_menus_render_in_header_and_footer(client, home_page):
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    main = NavigationMenuFactory(location=NavigationMenu.Location.MAIN)
    footer_menu = NavigationMenuFactory(location=NavigationMenu.Location.FOOTER)
    MenuItemFactory(menu=main, label="Tin tức", link_page=section, link_url="")
    MenuItemFactory(menu=footer_menu, label="Cổng thông tin tỉnh Lai Châu")

    html = get_html(client, "/")
    header, footer = html.split('<main id="main"')

    assert f'href="{section.url}"' in header
    assert ">Tin tức</a>" in header
    assert "Cổng thông tin tỉnh Lai Châu" in footer
    assert 'rel="noopener"' in footer


def test_menu_marks_current_page(client, home_page):
    section = SectionPageFactory(title="Thông báo")
    MenuItemFactory(label="Thông báo", link_page=section, link_url="")

    html = get_html(client, section.url)

    assert f'href="{section.url}" aria-current="page"' in html


def test_menu_hides_unpublished_page(client, home_page):
    draft = SectionPageFactory(title="Chuyên mục đang soạn", live=False)
    MenuItemFactory(label="Chuyên mục đang soạn", link_page=draft, link_url="")
    MenuItemFactory(label="Thủ tục hành chính")

    html = get_html(client, "/")

    assert "Chuyên mục đang soạn" not in html
    assert "Thủ tục hành chính" in html


def test_menu_hides_private_page(client, home_page):
    from wagtail.models import PageViewRestriction

    private = SectionPageFactory(title="Chuyên mục nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    MenuItemFactory(label="Chuyên mục nội bộ", link_page=private, link_url="")

    html = get_html(client, "/")

    assert "Chuyên mục nội bộ" not in html


def test_page_without_settings_renders(client, home_page):
    html = get_html(client, "/")

    assert "site-header" in html


def test_not_found_page_in_vietnamese(client, home_page, settings):
    settings.DEBUG = False

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert vietnamese("Page not found") in html
    assert vietnamese("Go to the home page") in html


def test_server_error_page_in_vietnamese():
    with translation.override("vi"):
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert vietnamese("Something went wrong") in html


def test_server_error_template_needs_no_context():
    html = render_to_string("500.html")

    assert 'href="/"' in html
