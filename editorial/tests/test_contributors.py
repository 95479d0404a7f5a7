"""Where contributors may write, what they see of other people's work, and their dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from editorial import roles
from editorial.factories import ContributorProfileFactory, UserFactory

from .helpers import (
    act,
    approved_article,
    client_for,
    draft_article,
    fresh,
    post_create,
    submitted_article,
)

pytestmark = pytest.mark.django_db

HIDDEN_TITLE = "Bản nháp riêng của người khác"


def created(parent, title):
    return Page.objects.child_of(parent).filter(title=title).exists()


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_contributor_writes_in_any_section_by_default(economy, culture, contributor):
    client = client_for(contributor)

    post_create(client, economy, {"title": "Tin kinh tế xã Ka Lăng", "lead": "Sapo."})
    post_create(client, culture, {"title": "Tin văn hóa xã Ka Lăng", "lead": "Sapo."})

    assert created(economy, "Tin kinh tế xã Ka Lăng")
    assert created(culture, "Tin văn hóa xã Ka Lăng")


def test_contributor_limited_to_sections(news, economy, culture, contributor):
    contributor.contributor_profile.sections.set([news])
    client = client_for(contributor)

    post_create(client, economy, {"title": "Tin trong chuyên mục được phép", "lead": "Sapo."})
    response = post_create(client, culture, {"title": "Tin ngoài chuyên mục", "lead": "Sapo."})

    assert created(economy, "Tin trong chuyên mục được phép")
    assert not created(culture, "Tin ngoài chuyên mục")
    assert response.status_code == 302
    assert any("Văn hóa - Xã hội" in message for message in messages_of(response))


def test_contributor_without_unit_rejected(economy):
    user = UserFactory(username="ctv-chua-co-don-vi", roles=[roles.CONTRIBUTOR])

    response = post_create(client_for(user), economy, {"title": "Tin thử", "lead": "Sapo."})

    assert not created(economy, "Tin thử")
    assert any("đơn vị" in message for message in messages_of(response))


def test_contributor_cannot_create_sections(home, contributor):
    url = reverse("wagtailadmin_pages:add", args=["news", "sectionpage", home.pk])

    response = client_for(contributor).post(url, {"title": "Chuyên mục tự lập", "slug": "tu-lap"})

    assert response.status_code == 302
    assert not created(home, "Chuyên mục tự lập")


def test_profile_names_the_unit(contributor, unit):
    assert contributor.contributor_profile.unit == unit
    assert "Xã Ka Lăng" in str(contributor.contributor_profile)


def test_board_member_not_restricted_to_sections(culture, member, unit):
    ContributorProfileFactory(user=member, unit=unit)
    member.groups.add(*member.groups.model.objects.filter(name=roles.CONTRIBUTOR))

    post_create(client_for(member), culture, {"title": "Tin của thành viên", "lead": "Sapo."})

    assert created(culture, "Tin của thành viên")


@pytest.fixture
def others_draft(economy, other_contributor):
    return draft_article(economy, other_contributor, title=HIDDEN_TITLE)


@pytest.fixture
def own_draft(economy, contributor):
    return draft_article(economy, contributor, title="Bản nháp của tôi")


def test_explorer_hides_others_drafts(economy, contributor, secretary, others_draft, own_draft):
    url = reverse("wagtailadmin_explore", args=[economy.pk])

    contributor_view = client_for(contributor).get(url).content.decode()
    secretary_view = client_for(secretary).get(url).content.decode()

    assert HIDDEN_TITLE not in contributor_view
    assert "Bản nháp của tôi" in contributor_view
    assert HIDDEN_TITLE in secretary_view


def test_admin_search_hides_others_drafts(economy, contributor, others_draft, own_draft):
    url = reverse("wagtailadmin_pages:search")

    response = client_for(contributor).get(url, {"q": "Bản nháp"})

    assert response.status_code == 200
    assert HIDDEN_TITLE not in response.content.decode()


def test_admin_api_hides_others_drafts(economy, contributor, others_draft, own_draft):
    url = reverse("wagtailadmin_api:pages:listing")

    response = client_for(contributor).get(url, {"child_of": economy.pk})

    titles = [item["title"] for item in response.json()["items"]]
    assert HIDDEN_TITLE not in titles
    assert "Bản nháp của tôi" in titles


def test_page_chooser_hides_others_drafts(economy, contributor, others_draft, own_draft):
    url = reverse("wagtailadmin_choose_page_child", args=[economy.pk])

    response = client_for(contributor).get(url)

    assert HIDDEN_TITLE not in response.content.decode()


def test_contributor_cannot_open_others_draft(contributor, others_draft):
    client = client_for(contributor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[others_draft.pk]))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[others_draft.pk]))
    history = client.get(reverse("wagtailadmin_pages:history", args=[others_draft.pk]))

    assert edit.status_code in (302, 403)
    assert preview.status_code in (302, 403)
    assert history.status_code in (302, 403)


def dashboard(user):
    return client_for(user).get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_lists_own_items_with_status(
    economy, contributor, other_contributor, secretary, head
):
    draft_article(economy, contributor, title="Tin còn nháp")
    submitted_article(economy, contributor, title="Tin chờ thư ký")
    returned = submitted_article(economy, contributor, title="Tin bị trả lại")
    act(client_for(secretary), returned, "reject", comment="Ảnh chưa rõ nguồn.")
    published = approved_article(economy, contributor, secretary, head, title="Tin đã đăng")
    act(client_for(secretary), published, "approve")
    scheduled = approved_article(economy, contributor, secretary, head, title="Tin hẹn giờ")
    go_live_at = timezone.localtime() + datetime.timedelta(days=2)
    act(
        client_for(secretary),
        scheduled,
        "schedule",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
    )
    draft_article(economy, other_contributor, title=HIDDEN_TITLE)

    page = dashboard(contributor)

    assert "Tin, bài của tôi" in page
    assert "Tin còn nháp" in page
    assert "Bản nháp" in page
    assert "Tin chờ thư ký" in page
    assert "Đang chờ ở bước “Thư ký biên tập”" in page
    assert "Tin bị trả lại" in page
    assert "Ảnh chưa rõ nguồn." in page
    assert "Tin đã đăng" in page
    assert "Đã đăng" in page
    assert "Tin hẹn giờ" in page
    assert go_live_at.strftime("%d/%m/%Y %H:%M") in page
    assert HIDDEN_TITLE not in page


def test_dashboard_shows_item_with_leaders(economy, contributor, secretary):
    submitted_article(economy, contributor, title="Tin chờ lãnh đạo")
    article = fresh(Page.objects.get(title="Tin chờ lãnh đạo"))
    act(client_for(secretary), article, "approve")

    assert "Đang chờ ở bước “Lãnh đạo Ban duyệt”" in dashboard(contributor)


def test_secretary_dashboard_lists_items_to_review(economy, contributor, secretary, head):
    submitted_article(economy, contributor, title="Tin cần biên tập")

    assert "Tin cần biên tập" in dashboard(secretary)
    assert "Tin cần biên tập" not in dashboard(head)


def test_screening_dialog_lists_checks(economy, contributor, secretary, head):
    article = submitted_article(economy, contributor, source="")
    act(client_for(secretary), article, "approve")
    task_state = fresh(article).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])

    response = client_for(head).get(url)

    content = response.json()["html"]
    assert "bí mật nhà nước" in content
    assert "chưa ghi tác giả hoặc nguồn tin" in content
