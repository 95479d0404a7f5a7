import pytest

from editorial.tests.word_import_documents import docx_bytes, tcvn3_article
from editorial.tests.word_import_factories import SectionPageFactory, contributor_for
from news.models import ArticlePage

# serialized_rollback restores the home page and site created by migrations after the flush
# that ends every transactional test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_import_vntime_file_in_chromium(browser_page, tmp_path):
    section = SectionPageFactory(title="Giáo dục")
    contributor = contributor_for(section)
    word_file = tmp_path / "tong-ket-nam-hoc.docx"
    word_file.write_bytes(docx_bytes(tcvn3_article()))

    browser_page.goto("/admin/login/")
    browser_page.fill("#id_username", contributor.username)
    browser_page.fill("#id_password", "mật-khẩu-thử")
    browser_page.click("button[type=submit]")
    browser_page.wait_for_url("**/admin/")
    browser_page.goto("/admin/word-import/")
    browser_page.select_option("#id_section", str(section.pk))
    browser_page.set_input_files("#id_file", str(word_file))
    browser_page.get_by_role("button", name="Xem trước bài").click()

    preview = browser_page.locator(".word-import-body")
    assert browser_page.get_by_text("Mường Tè tổng kết năm học 2024–2025").is_visible()
    assert preview.locator("img").count() == 2
    assert preview.locator("td", has_text="Kan Hồ").count() == 1
    assert ArticlePage.objects.count() == 0

    browser_page.get_by_role("button", name="Tạo bài nháp").click()
    browser_page.wait_for_url("**/admin/pages/*/edit/")

    page = ArticlePage.objects.get()
    assert f"/admin/pages/{page.pk}/edit/" in browser_page.url
    assert browser_page.get_by_text(
        "Đã tạo bài nháp “Mường Tè tổng kết năm học 2024–2025”"
    ).is_visible()
    assert page.live is False
    assert page.owner == contributor
    assert [block.block_type for block in page.body].count("image") == 2
