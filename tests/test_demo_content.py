"""load_demo_content builds the Vietnamese demo site once, around the portal's regulation."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, TaskState

from documents.models import DocumentRelation, LegalDocumentPage
from editorial.demo import WAITING_ITEMS
from home.models import HomePage, NavigationMenu, PortalSettings
from news.models import AlbumPage, ArticlePage, SectionPage
from units.models import UnitIndexPage, UnitPage

pytestmark = pytest.mark.django_db

REGULATION_TITLE = (
    "Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè"
)
PASSWORD_LINE = re.compile(r"admin / (\S+) ")


def load_demo(**options):
    output = io.StringIO()
    call_command("load_demo_content", stdout=output, **options)
    return output.getvalue()


def count_objects():
    return {
        "pages": Page.objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "menu items": sum(menu.items.count() for menu in NavigationMenu.objects.all()),
        "legal documents": LegalDocumentPage.objects.count(),
    }


def test_regulation_page_has_metadata_text_and_file(client):
    load_demo()

    regulation = LegalDocumentPage.objects.get(title=REGULATION_TITLE)
    assert regulation.live
    assert regulation.document_type.name == "Quyết định"
    assert regulation.issuing_body.name == "UBND huyện Mường Tè"
    assert regulation.summary == (
        "Ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè"
    )
    relation = regulation.relations.get()
    assert relation.kind == DocumentRelation.Kind.REPLACES
    assert relation.target_number == "181/QĐ-UBND"
    assert relation.target_issued_on.isoformat() == "2017-03-10"

    response = client.get(regulation.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert REGULATION_TITLE in html
    assert "181/QĐ-UBND" in html
    assert "10/03/2017" in html
    assert re.search(r"<h2[^>]*>Chương I\b", html)
    assert re.search(r"<h3[^>]*>Điều 1\.", html)
    assert len(re.findall(r"<h3[^>]*>Điều \d+\.", html)) >= 10
    attachment = regulation.attachments.get()
    assert attachment.file.url in html
    assert client.get(attachment.file.url).status_code == 200


def test_regulation_text_is_nfc():
    import unicodedata

    import docx

    load_demo()

    regulation = LegalDocumentPage.objects.get(title=REGULATION_TITLE)
    assert unicodedata.is_normalized("NFC", regulation.full_text)
    with regulation.attachments.get().file.file.open() as attached:
        attached_text = "\n".join(
            paragraph.text for paragraph in docx.Document(attached).paragraphs
        )
    assert "Điều 16. Quy trình biên tập" in attached_text
    assert unicodedata.is_normalized("NFC", attached_text)


def test_demo_builds_units_sections_album_menus_settings(client):
    load_demo()

    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert UnitIndexPage.objects.live().count() == 1
    unit_titles = set(UnitPage.objects.live().values_list("title", flat=True))
    assert {"Văn phòng HĐND và UBND huyện", "Thị trấn Mường Tè", "Xã Mù Cả"} <= unit_titles
    assert UnitPage.objects.filter(kind=UnitPage.Kind.COMMUNE).count() >= 3
    section_titles = set(SectionPage.objects.live().values_list("title", flat=True))
    assert {"Tin tức - Sự kiện", "Kinh tế", "Thông báo", "Thư viện ảnh"} <= section_titles
    assert ArticlePage.objects.live().count() >= 4
    album = AlbumPage.objects.live().get()
    assert album.photos.count() >= 3
    assert {menu.location for menu in NavigationMenu.objects.all()} == {"main", "footer"}
    portal = PortalSettings.for_site(site)
    assert portal.portal_name == "Trang thông tin điện tử huyện Mường Tè"
    assert portal.email == "huyenmuongte.25@gmail.com"

    for page in Page.objects.live().exclude(depth=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert '<html lang="vi">' in response.content.decode(), page.url

    home_html = client.get("/").content.decode()
    assert portal.portal_name in home_html
    assert "Cơ quan, đơn vị" in home_html
    assert "huyenmuongte.25@gmail.com" in home_html


def test_demo_twice_creates_no_duplicates():
    first_output = load_demo()
    before = count_objects()

    second_output = load_demo()

    assert count_objects() == before
    assert PASSWORD_LINE.search(first_output)
    assert not PASSWORD_LINE.search(second_output)
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


def test_printed_password_logs_in(client):
    output = load_demo()
    password = PASSWORD_LINE.search(output).group(1)

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "admin", "password": password}
    )

    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_no_admin_option_creates_no_user():
    output = load_demo(no_admin=True)

    assert not get_user_model().objects.filter(is_superuser=True).exists()
    assert not PASSWORD_LINE.search(output)


def test_demo_refused_when_disallowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    pages_before = Page.objects.count()

    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        load_demo()

    assert Page.objects.count() == pages_before
    assert not get_user_model().objects.exists()


def test_editor_opens_for_demo_pages(admin_client):
    load_demo(no_admin=True)

    for page in Page.objects.exclude(depth=1):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page.title


def test_waiting_items_belong_to_demo_contributor():
    load_demo()

    contributor = get_user_model().objects.get(username="ctv-kalang")
    waiting = Page.objects.filter(title__in=[title for title, *_rest in WAITING_ITEMS])
    assert waiting.count() == len(WAITING_ITEMS)
    assert {page.owner_id for page in waiting} == {contributor.pk}


def test_head_has_a_demo_item_to_approve():
    load_demo()

    head = get_user_model().objects.get(username="truongban")
    waiting = TaskState.objects.reviewable_by(head)

    assert waiting.filter(task__name="Lãnh đạo Ban duyệt").count() == 1
