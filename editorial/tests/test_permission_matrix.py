"""Every role against every editorial action, through the admin's real URLs.

A rejected request returns 403 or redirects with an error message, and leaves the page as it
was. The owner of "another person's draft" is a second contributor; the deputy is assigned
the section the items are written in.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from editorial import roles

from .helpers import (
    SCREENING,
    act,
    approved_article,
    client_for,
    current_task_name,
    draft_article,
    forwarded_article,
    fresh,
    post_create,
    post_edit,
    submitted_article,
)

pytestmark = pytest.mark.django_db

ROLES = ["contributor", "member", "secretary", "deputy", "head", "administrator"]

# action: the roles allowed to take it.
MATRIX = {
    "create": {"contributor", "member", "secretary", "deputy", "head", "administrator"},
    "edit_own_draft": {"contributor", "member", "secretary", "deputy", "head", "administrator"},
    "edit_others_draft": {"secretary", "deputy", "head", "administrator"},
    "submit": {"contributor", "member", "secretary", "deputy", "head", "administrator"},
    "view_others_draft": {"secretary", "deputy", "head", "administrator"},
    "preview_own_draft": {"contributor", "member", "secretary", "deputy", "head", "administrator"},
    "forward_at_secretary_edits": {"secretary"},
    "return_at_secretary_edits": {"secretary"},
    "approve_at_leaders": {"deputy", "head"},
    "return_at_leaders": {"deputy", "head"},
    "publish_at_secretary_publishes": {"secretary"},
    "schedule_at_secretary_publishes": {"secretary"},
    "publish": {"administrator"},
    "schedule": {"administrator"},
    "unpublish": {"administrator"},
    "delete_live": {"administrator"},
    "delete_own_draft": {"contributor", "member", "secretary", "deputy", "head", "administrator"},
    "delete_others_draft": {"secretary", "deputy", "head", "administrator"},
}

CASES = [(action, role, role in allowed) for action, allowed in MATRIX.items() for role in ROLES]


@pytest.fixture
def users(contributor, board):
    return {
        "contributor": contributor,
        "member": board[roles.MEMBER],
        "secretary": board[roles.SECRETARY],
        "deputy": board[roles.DEPUTY],
        "head": board[roles.HEAD],
        "administrator": board[roles.ADMINISTRATOR],
    }


def rejected(response):
    return response.status_code in (302, 403)


def live_article(parent, owner):
    article = draft_article(parent, owner)
    article.get_latest_revision().publish()
    return fresh(article)


class Setting:
    """The users and the section a matrix case works in."""

    def __init__(self, users, economy, other_contributor):
        self.users = users
        self.section = economy
        self.other = other_contributor

    @property
    def secretary(self):
        return self.users["secretary"]

    @property
    def head(self):
        return self.users["head"]

    def submitted(self):
        return submitted_article(self.section, self.other)

    def forwarded(self):
        return forwarded_article(self.section, self.other, self.secretary)

    def approved(self):
        return approved_article(self.section, self.other, self.secretary, self.head)


def run_case(action, user, setting):
    """Take ``action`` as ``user``; return True when it took effect."""
    client = client_for(user)
    section = setting.section

    if action == "create":
        title = f"Tin mới của {user.username}"
        post_create(client, section, {"title": title, "lead": "Sapo của tin mới."})
        return Page.objects.child_of(section).filter(title=title).exists()

    if action in ("edit_own_draft", "edit_others_draft"):
        owner = user if action == "edit_own_draft" else setting.other
        article = draft_article(section, owner)
        before = article.get_latest_revision().pk
        response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        if response.status_code != 200:
            return False
        post_edit(client, article, None, {"lead": "Sapo đã biên tập lại."})
        return fresh(article).get_latest_revision().pk != before

    if action == "submit":
        article = draft_article(section, user)
        post_edit(client, article, "action-submit")
        return current_task_name(article) == "Thư ký biên tập"

    if action in ("view_others_draft", "preview_own_draft"):
        owner = user if action == "preview_own_draft" else setting.other
        article = draft_article(section, owner, lead="Nội dung nháp chưa công bố.")
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
        return response.status_code == 200 and "Nội dung nháp chưa công bố." in response.text

    if action in ("forward_at_secretary_edits", "return_at_secretary_edits"):
        article = setting.submitted()
        if action.startswith("forward"):
            act(client, article, "approve")
        else:
            act(client, article, "reject", comment="Cần bổ sung số liệu.")
        return current_task_name(article) != "Thư ký biên tập"

    if action in ("approve_at_leaders", "return_at_leaders"):
        article = setting.forwarded()
        if action.startswith("approve"):
            act(client, article, "approve", **SCREENING)
        else:
            act(client, article, "reject", comment="Chưa đạt yêu cầu.")
        return current_task_name(article) != "Lãnh đạo Ban duyệt"

    if action in ("publish_at_secretary_publishes", "schedule_at_secretary_publishes"):
        article = setting.approved()
        if action.startswith("publish"):
            act(client, article, "approve")
        else:
            go_live_at = timezone.localtime() + datetime.timedelta(days=1)
            act(client, article, "schedule", go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"))
        return current_task_name(article) is None

    if action in ("publish", "schedule"):
        article = draft_article(section, user)
        changes = {}
        if action == "schedule":
            go_live_at = timezone.localtime() + datetime.timedelta(days=1)
            changes["go_live_at"] = go_live_at.strftime("%Y-%m-%d %H:%M")
        post_edit(client, article, "action-publish", changes)
        article = fresh(article)
        if action == "publish":
            return article.live
        return article.scheduled_revision is not None

    if action == "unpublish":
        article = live_article(section, setting.other)
        client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
        return not fresh(article).live

    if action in ("delete_live", "delete_own_draft", "delete_others_draft"):
        if action == "delete_live":
            article = live_article(section, setting.other)
        elif action == "delete_others_draft":
            article = draft_article(section, setting.other)
        else:
            article = draft_article(section, user)
        client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))
        return not Page.objects.filter(pk=article.pk).exists()

    raise AssertionError(f"unknown action {action}")


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_permission_matrix(action, role, allowed, users, economy, other_contributor):
    setting = Setting(users, economy, other_contributor)

    took_effect = run_case(action, users[role], setting)

    assert took_effect == allowed, f"{role} {action}: expected allowed={allowed}"


@pytest.mark.parametrize("role", ["contributor", "member", "deputy", "head", "administrator"])
def test_workflow_action_urls_reject_outsiders(role, users, economy, other_contributor):
    """Direct posts to the first task's action URLs by roles that may not act change nothing."""
    setting = Setting(users, economy, other_contributor)
    article = setting.submitted()
    client = client_for(users[role])

    for action, data in (("approve", {}), ("reject", {"comment": "Không đạt."})):
        response = act(client, article, action, **data)
        assert rejected(response), response.status_code

    assert current_task_name(article) == "Thư ký biên tập"
    assert fresh(article).current_workflow_state.status == "in_progress"


@pytest.mark.parametrize("role", ["contributor", "member", "deputy", "head", "administrator"])
def test_publish_task_urls_reject_outsiders(role, users, economy, other_contributor):
    setting = Setting(users, economy, other_contributor)
    article = setting.approved()
    client = client_for(users[role])

    assert rejected(act(client, article, "approve"))
    assert rejected(act(client, article, "schedule", go_live_at="2099-01-01 08:00"))

    assert current_task_name(article) == "Thư ký đăng tải"
    assert not fresh(article).live


def test_task_state_of_other_page_rejected(users, economy, culture, other_contributor):
    """The action URL names a page and a task state; the task state's own page is checked."""
    setting = Setting(users, economy, other_contributor)
    in_section = setting.forwarded()
    outside = forwarded_article(culture, other_contributor, users["secretary"])
    deputy = client_for(users["deputy"])
    task_state = fresh(outside).current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[in_section.pk, "approve", task_state.pk]
    )

    response = deputy.post(url, SCREENING)

    assert rejected(response)
    assert current_task_name(outside) == "Lãnh đạo Ban duyệt"
    assert current_task_name(in_section) == "Lãnh đạo Ban duyệt"
