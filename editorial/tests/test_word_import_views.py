"""The admin views: menu item, upload form, preview, creation and cancellation."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.images import get_image_model

from editorial.tests.word_import_documents import docx_bytes, tcvn3_article
from editorial.tests.word_import_factories import SectionPageFactory, UserFactory, contributor_for
from editorial.word_import.pending import PENDING_FOLDER, SESSION_KEY
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("editorial_word_import:upload")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def section():
    return SectionPageFactory(title="Giáo dục")


@pytest.fixture
def contributor_client(client, section):
    client.force_login(contributor_for(section))
    return client


def word_upload(data=None, name="tong-ket-nam-hoc.docx"):
    data = docx_bytes(tcvn3_article()) if data is None else data
    return SimpleUploadedFile(name, data, content_type=DOCX_TYPE)


def upload(client, section, data=None):
    return client.post(UPLOAD_URL, {"section": section.pk, "file": word_upload(data)})


def create_url_in(response):
    match = re.search(r'action="(/admin/word-import/[^"]+/create/)"', response.content.decode())
    assert match, "the preview has no form to create the draft"
    return match.group(1)


def menu_labels(user, rf):
    request = rf.get(reverse("wagtailadmin_home"))
    request.user = user
    return {str(item.label) for item in admin_menu.menu_items_for_request(request)}


def test_menu_item_for_contributor(section, rf):
    assert "Nhập bài từ tệp Word" in menu_labels(contributor_for(section), rf)


def test_menu_item_hidden_without_section_permission(client, section, rf):
    user = contributor_for(name="Chỉ vào trang quản trị")

    assert "Nhập bài từ tệp Word" not in menu_labels(user, rf)
    client.force_login(user)
    response = client.get(UPLOAD_URL)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_upload_form_lists_only_permitted_sections(contributor_client, section):
    SectionPageFactory(title="Kinh tế")

    response = contributor_client.get(UPLOAD_URL)

    assert response.status_code == 200
    choices = list(response.context["form"].fields["section"].queryset)
    assert choices == [section]
    assert "Kinh tế" not in response.content.decode()


def test_preview_creates_nothing(contributor_client, section):
    response = upload(contributor_client, section)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Mường Tè tổng kết năm học 2024–2025" in content
    assert "Sáng ngày 5/6, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết." in content
    assert "Lò Văn Minh" in content
    assert content.count('src="data:image/png;base64,') == 2
    assert "<td>Kan Hồ</td>" in content
    assert "Đã chuyển văn bản gõ bằng bảng mã TCVN3 (ABC) sang Unicode." in content
    assert ArticlePage.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_create_draft_after_preview(contributor_client, section):
    preview = upload(contributor_client, section)
    token = list(contributor_client.session[SESSION_KEY])[0]

    response = contributor_client.post(create_url_in(preview))

    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.live is False
    assert page.get_parent().pk == section.pk
    assert page.title == "Mường Tè tổng kết năm học 2024–2025"
    assert get_image_model().objects.count() == 2
    assert token not in contributor_client.session[SESSION_KEY]
    assert not default_storage.exists(f"{PENDING_FOLDER}/{token}.bin")
    edit_page = contributor_client.get(response["Location"])
    assert edit_page.status_code == 200
    assert "Đã tạo bài nháp “Mường Tè tổng kết năm học 2024–2025”" in edit_page.content.decode()


def test_cancel_import(contributor_client, section):
    preview = upload(contributor_client, section)

    response = contributor_client.post(create_url_in(preview), {"cancel": "1"})

    assert response.status_code == 302
    assert response["Location"] == UPLOAD_URL
    assert ArticlePage.objects.count() == 0
    assert contributor_client.session[SESSION_KEY] == {}


def test_create_with_unknown_token(contributor_client):
    response = contributor_client.post(
        reverse("editorial_word_import:create", args=["khong-co-that"]), follow=True
    )
    assert "Tệp đã tải lên không còn nữa. Hãy tải lên lại." in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_token_of_another_session_is_rejected(contributor_client, section):
    preview = upload(contributor_client, section)
    other_client = Client()
    other_client.force_login(contributor_for(section, name="Cộng tác viên khác"))

    response = other_client.post(create_url_in(preview), follow=True)

    assert "Tệp đã tải lên không còn nữa." in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_not_word_file_shows_message(contributor_client, section):
    response = upload(contributor_client, section, data=b"%PDF-1.7 not a Word file")

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Tệp này không phải văn bản Word. Hãy tải lên tệp do Word lưu dạng .docx (hoặc .doc)."
    ]
    assert ArticlePage.objects.count() == 0
    assert SESSION_KEY not in contributor_client.session


def test_file_over_limit_shows_message(contributor_client, section, settings):
    settings.WORD_IMPORT_MAX_UPLOAD_SIZE = 1024

    response = upload(contributor_client, section)

    assert response.context["form"].errors["file"][0].startswith("Tệp có dung lượng ")
    assert ArticlePage.objects.count() == 0


def test_section_without_permission_rejected(contributor_client):
    forbidden = SectionPageFactory(title="Kinh tế")

    response = upload(contributor_client, forbidden)

    assert response.status_code == 200
    assert "section" in response.context["form"].errors
    assert ArticlePage.objects.count() == 0


def test_superuser_may_import_anywhere(client, section):
    client.force_login(UserFactory(is_superuser=True))
    preview = upload(client, section)
    response = client.post(create_url_in(preview))
    assert response.status_code == 302
    assert ArticlePage.objects.child_of(section).count() == 1
