"""Saving an imported Word file as a draft article with its images."""

import docx
import pytest
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Collection, PageLogEntry

from editorial.tests.word_import_documents import docx_bytes, tcvn3_article
from editorial.tests.word_import_factories import SectionPageFactory, UserFactory, contributor_for
from editorial.word_import.drafts import (
    ImportPermissionDenied,
    create_draft_article,
    import_word_file,
    importable_sections,
)
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionPageFactory(title="Giáo dục")


@pytest.fixture
def contributor(section):
    return contributor_for(section)


def import_tcvn3_article(section, user):
    return create_draft_article(import_word_file(docx_bytes(tcvn3_article())), section, user)


def test_secretary_imports_vntime_file_with_images_and_table(section, contributor):
    page = import_tcvn3_article(section, contributor)

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.get_parent().specific == section
    assert page.title == "Mường Tè tổng kết năm học 2024–2025"
    assert page.slug == "muong-te-tong-ket-nam-hoc-2024-2025"
    assert page.lead == "Sáng ngày 5/6, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết."
    assert page.author == "Lò Văn Minh"
    assert page.source == "Phòng Giáo dục và Đào tạo"
    assert page.owner == contributor
    assert page.live is False
    assert page.first_published_at is None
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "image",
        "image",
        "table",
        "paragraph",
    ]
    assert page.body[0].value.source == (
        "<p>Năm học vừa qua, toàn huyện có <b>98% học sinh</b> được lên lớp.</p>"
        "<h3>KẾT QUẢ NỔI BẬT</h3>"
    )
    first_image = page.body[1].value
    assert first_image["caption"] == "Ảnh 1: Học sinh xã Kan Hồ"
    assert first_image["alt_text"] == "Ảnh 1: Học sinh xã Kan Hồ"
    assert first_image["image"].collection.name == "Nhập từ tệp Word"
    assert first_image["image"].uploaded_by_user == contributor
    assert first_image["image"].title == "Ảnh 1: Học sinh xã Kan Hồ"
    assert (first_image["image"].width, first_image["image"].height) == (40, 30)
    assert default_storage.exists(first_image["image"].file.name)
    assert page.body[3].value["data"][1] == ["Kan Hồ", "412"]
    assert page.body[3].value["first_row_is_table_header"] is True
    # The content passes the validation that submitting or publishing runs.
    page.full_clean()


def test_draft_has_revision_and_log(section, contributor):
    page = import_tcvn3_article(section, contributor)

    revision = page.latest_revision
    assert revision is not None
    assert revision.user == contributor
    assert revision.as_object().title == page.title
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.create", user=contributor
    ).exists()


def test_draft_can_enter_workflow(section, contributor):
    page = import_tcvn3_article(section, contributor)
    workflow = page.get_workflow()
    assert workflow is not None

    state = workflow.start(page, contributor)

    assert state.status == state.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert page.workflow_in_progress


def test_draft_without_lead(section, contributor):
    article = import_word_file(docx_bytes(article_without_lead()))
    assert article.lead == ""

    page = create_draft_article(article, section, contributor)

    assert page.latest_revision.as_object().lead == ""
    assert page.live is False


def article_without_lead():
    document = docx.Document()
    document.add_paragraph("Chợ phiên Mường Tè")
    document.add_paragraph("Phiên chợ họp vào Chủ nhật hằng tuần.")
    return document


def test_images_reuse_import_collection(section, contributor):
    import_tcvn3_article(section, contributor)
    import_tcvn3_article(section, contributor)
    assert Collection.objects.filter(name="Nhập từ tệp Word").count() == 1
    assert get_image_model().objects.filter(collection__name="Nhập từ tệp Word").count() == 4
    assert ArticlePage.objects.child_of(section).count() == 2


def test_user_without_permission_creates_nothing(section):
    outsider = contributor_for(SectionPageFactory(title="Kinh tế"), name="Cộng tác viên kinh tế")
    article = import_word_file(docx_bytes(tcvn3_article()))

    with pytest.raises(ImportPermissionDenied):
        create_draft_article(article, section, outsider)

    assert ArticlePage.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_failure_after_images_leaves_nothing(section, contributor, monkeypatch):
    saved_files = []
    original_save = get_image_model().save

    def record_save(image, *args, **kwargs):
        original_save(image, *args, **kwargs)
        saved_files.append(image.file.name)

    def fail(*args, **kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(get_image_model(), "save", record_save)
    monkeypatch.setattr(ArticlePage, "save_revision", fail)
    article = import_word_file(docx_bytes(tcvn3_article()))

    with pytest.raises(RuntimeError):
        create_draft_article(article, section, contributor)

    assert len(saved_files) == 2
    assert not any(default_storage.exists(name) for name in saved_files)
    assert ArticlePage.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_importable_sections_follow_page_permissions(section):
    other = SectionPageFactory(title="Kinh tế")
    subsection = SectionPageFactory(title="Nông nghiệp", parent=other)
    contributor = contributor_for(other)
    superuser = UserFactory(is_superuser=True)
    nobody = UserFactory()

    assert importable_sections(contributor) == [other, subsection]
    assert set(importable_sections(superuser)) == {section, other, subsection}
    assert importable_sections(nobody) == []
