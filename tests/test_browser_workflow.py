"""The whole editorial story in Chromium: write, forward, approve, publish, read."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from editorial import roles
from editorial.factories import (
    TEST_PASSWORD,
    ContributorProfileFactory,
    SectionPageFactory,
    UnitIndexPageFactory,
    UnitPageFactory,
    UserFactory,
)

# serialized_rollback restores the groups, the workflow and the home page that migrations
# created, after the flush that ends every transactional test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# NOTE: on SQLite the live server's request threads report "DatabaseWrapper objects created
# in a thread" warnings when they close the connection shared from the test thread; the
# requests themselves succeed, and PostgreSQL runs show no warning.
TITLE = "Ka Lăng tổ chức Lễ hội Cầu mưa của đồng bào Hà Nhì"
LEAD = "Xã Ka Lăng tổ chức Lễ hội Cầu mưa, thu hút đông đảo bà con các bản tham gia."


def log_in(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", user.username)
    tab.fill("input[name=password]", TEST_PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    return tab


def open_action_menu(tab):
    tab.locator("footer [data-w-dropdown-target='toggle']").first.click()


def click_workflow_action(tab, label):
    open_action_menu(tab)
    tab.get_by_role("button", name=label, exact=True).click()


@pytest.fixture
def story():
    home = Page.objects.get(depth=2, slug="home")
    news = SectionPageFactory(parent=home, title="Tin tức - Sự kiện")
    section = SectionPageFactory(parent=news, title="Văn hóa - Xã hội")
    unit = UnitPageFactory(parent=UnitIndexPageFactory(parent=home), title="Xã Ka Lăng")
    contributor = UserFactory(username="ctv-kalang", roles=[roles.CONTRIBUTOR])
    ContributorProfileFactory(user=contributor, unit=unit)
    secretary = UserFactory(username="thuky", roles=[roles.SECRETARY])
    head = UserFactory(username="truongban", roles=[roles.HEAD])
    assert Group.objects.filter(name=roles.SECRETARY).exists()
    return {"section": section, "contributor": contributor, "secretary": secretary, "head": head}


def test_editorial_story_in_chromium(browser, live_server, story):
    section = story["section"]

    # The contributor writes the article and submits it.
    tab = log_in(browser, live_server, story["contributor"])
    tab.goto(f"/admin/pages/add/news/articlepage/{section.pk}/")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_lead", LEAD)
    tab.fill("#id_author", "Lò Thị Hoa")
    tab.fill("#id_source", "UBND xã Ka Lăng")
    open_action_menu(tab)
    tab.locator("button[name='action-submit']").click()
    tab.wait_for_load_state()
    article = Page.objects.get(title=TITLE)
    assert article.current_workflow_task.name == "Thư ký biên tập"

    # The secretary forwards it to the board's leaders.
    tab = log_in(browser, live_server, story["secretary"])
    tab.goto(f"/admin/pages/{article.pk}/edit/")
    click_workflow_action(tab, "Chuyển lãnh đạo Ban duyệt")
    tab.wait_for_load_state()
    assert Page.objects.get(pk=article.pk).current_workflow_task.name == "Lãnh đạo Ban duyệt"

    # The head confirms the regulation's checks and approves.
    tab = log_in(browser, live_server, story["head"])
    tab.goto(f"/admin/pages/{article.pk}/edit/")
    click_workflow_action(tab, "Duyệt")
    dialog = tab.locator(".modal-dialog")
    dialog.locator("input[name=no_state_secret]").check()
    dialog.locator("input[name=no_prohibited_content]").check()
    dialog.locator("input[name=author_and_source_given]").check()
    dialog.locator("button[type=submit]").click()
    tab.wait_for_url(f"**/admin/pages/{section.pk}/**")
    assert Page.objects.get(pk=article.pk).current_workflow_task.name == "Thư ký đăng tải"

    # The secretary checks the article and publishes it.
    tab = log_in(browser, live_server, story["secretary"])
    tab.goto(f"/admin/pages/{article.pk}/edit/")
    click_workflow_action(tab, "Đã kiểm tra và đăng tải")
    tab.wait_for_url(f"**/admin/pages/{section.pk}/**")
    article = Page.objects.get(pk=article.pk)
    assert article.live

    # A visitor reads it on the public site.
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    visitor = context.new_page()
    visitor.goto(article.url)
    assert visitor.locator("h1").inner_text() == TITLE
    assert LEAD in visitor.content()
    context.close()
