"""Each path through the editorial workflow, driven through the admin's own URLs."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from editorial.models import EditorialTaskState

from .helpers import (
    SCREENING,
    act,
    approved_article,
    assert_rejected,
    client_for,
    current_task_name,
    draft_article,
    forwarded_article,
    fresh,
    post_edit,
    submitted_article,
)

pytestmark = pytest.mark.django_db

SECRETARY_EDITS = "Thư ký biên tập"
LEADERS_APPROVE = "Lãnh đạo Ban duyệt"
SECRETARY_PUBLISHES = "Thư ký đăng tải"


def test_contributor_submission_reaches_secretary(economy, contributor, secretary, head):
    article = draft_article(economy, contributor)

    response = post_edit(client_for(contributor), article, "action-submit")

    assert response.status_code == 302
    assert current_task_name(article) == SECRETARY_EDITS
    assert not fresh(article).live
    recipients = [message.to[0] for message in mail.outbox]
    assert recipients == [secretary.email]
    assert "Thư ký biên tập" in mail.outbox[0].subject
    assert "Đang chờ" in mail.outbox[0].subject or "Chờ" in mail.outbox[0].subject


def test_forward_approve_publish(economy, contributor, secretary, head, deputy, client):
    article = submitted_article(economy, contributor)
    mail.outbox = []

    assert act(client_for(secretary), article, "approve").status_code == 302
    assert current_task_name(article) == LEADERS_APPROVE
    assert sorted(message.to[0] for message in mail.outbox) == sorted([head.email, deputy.email])

    mail.outbox = []
    assert act(client_for(head), article, "approve", **SCREENING).status_code == 302
    assert current_task_name(article) == SECRETARY_PUBLISHES
    assert [message.to[0] for message in mail.outbox] == [secretary.email]

    mail.outbox = []
    assert act(client_for(secretary), article, "approve").status_code == 302

    article = fresh(article)
    assert article.live
    assert article.current_workflow_state is None
    assert [message.to[0] for message in mail.outbox] == [contributor.email]
    assert "Đã duyệt và đăng" in mail.outbox[0].subject
    assert client.get(article.url).status_code == 200


def test_screening_confirmation_recorded(economy, contributor, secretary, head):
    article = forwarded_article(economy, contributor, secretary)

    act(client_for(head), article, "approve", **SCREENING)

    state = EditorialTaskState.objects.get(task__name=LEADERS_APPROVE, status="approved")
    assert state.confirmed_no_state_secret
    assert state.confirmed_no_prohibited_content
    assert state.confirmed_author_and_source
    assert state.finished_by == head
    entry = (
        PageLogEntry.objects.filter(page=article, action="wagtail.workflow.approve")
        .order_by("timestamp")
        .last()
    )
    assert entry.user == head
    assert "bí mật nhà nước" in entry.data["comment"]


def test_approval_without_screening_rejected(economy, contributor, secretary, head):
    article = forwarded_article(economy, contributor, secretary)

    act(client_for(head), article, "approve", no_state_secret="on")

    assert current_task_name(article) == LEADERS_APPROVE


def test_return_at_first_task_and_resubmit(economy, contributor, secretary):
    article = submitted_article(economy, contributor)
    mail.outbox = []

    response = act(client_for(secretary), article, "reject", comment="Bổ sung ảnh minh họa.")

    assert response.status_code == 302
    state = fresh(article).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to[0] for message in mail.outbox] == [contributor.email]
    message = mail.outbox[0]
    assert "trả lại" in message.subject.lower()
    assert "Bổ sung ảnh minh họa." in message.body
    assert f"/admin/pages/{article.pk}/edit/" in message.body
    entry = (
        PageLogEntry.objects.filter(page=article, action="wagtail.workflow.reject")
        .order_by("timestamp")
        .last()
    )
    assert entry.user == secretary
    assert entry.data["comment"] == "Bổ sung ảnh minh họa."

    mail.outbox = []
    response = post_edit(client_for(contributor), article, "action-submit", {"lead": "Đã sửa."})

    assert response.status_code == 302
    assert current_task_name(article) == SECRETARY_EDITS
    assert [message.to[0] for message in mail.outbox] == [secretary.email]


def test_return_requires_reason(economy, contributor, secretary):
    article = submitted_article(economy, contributor)

    act(client_for(secretary), article, "reject", comment="   ")

    assert current_task_name(article) == SECRETARY_EDITS


def test_return_at_second_task_and_resubmit(economy, contributor, secretary, head):
    article = forwarded_article(economy, contributor, secretary)
    mail.outbox = []

    act(client_for(head), article, "reject", comment="Thiếu nguồn tin chính thức.")

    assert fresh(article).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to[0] for message in mail.outbox] == [contributor.email]
    assert "Thiếu nguồn tin chính thức." in mail.outbox[0].body

    post_edit(client_for(contributor), article, "action-submit")

    assert current_task_name(article) == LEADERS_APPROVE


def test_sensitive_item_deputy_rejected_head_approves(
    news, economy, contributor, secretary, head, deputy
):
    article = forwarded_article(economy, contributor, secretary, is_sensitive=True)

    assert_rejected(act(client_for(deputy), article, "approve", **SCREENING))

    assert current_task_name(article) == LEADERS_APPROVE

    act(client_for(head), article, "approve", **SCREENING)

    assert current_task_name(article) == SECRETARY_PUBLISHES


def test_sensitive_item_notifies_head_only(economy, contributor, secretary, head, deputy):
    article = submitted_article(economy, contributor, is_sensitive=True)
    mail.outbox = []

    act(client_for(secretary), article, "approve")

    assert [message.to[0] for message in mail.outbox] == [head.email]


def test_deputy_approves_assigned_section(economy, contributor, secretary, deputy):
    article = forwarded_article(economy, contributor, secretary)

    response = act(client_for(deputy), article, "approve", **SCREENING)

    assert response.status_code == 302
    assert current_task_name(article) == SECRETARY_PUBLISHES


def test_deputy_outside_sections_rejected(culture, contributor, secretary, head, deputy):
    article = forwarded_article(culture, contributor, secretary)

    assert_rejected(act(client_for(deputy), article, "approve", **SCREENING))
    assert_rejected(act(client_for(deputy), article, "reject", comment="Không đạt."))
    assert current_task_name(article) == LEADERS_APPROVE


def test_deputy_outside_sections_not_notified(culture, contributor, secretary, head, deputy):
    article = submitted_article(culture, contributor)
    mail.outbox = []

    act(client_for(secretary), article, "approve")

    assert [message.to[0] for message in mail.outbox] == [head.email]


def test_scheduled_publication(economy, contributor, secretary, head, client):
    article = approved_article(economy, contributor, secretary, head)
    go_live_at = timezone.localtime() + datetime.timedelta(hours=2)

    response = act(
        client_for(secretary),
        article,
        "schedule",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
    )

    assert response.status_code == 302
    article = fresh(article)
    assert not article.live
    assert article.current_workflow_state is None
    revision = article.scheduled_revision
    assert revision.approved_go_live_at is not None

    later = timezone.now() + datetime.timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    article = fresh(article)
    assert article.live
    assert client.get(article.url).status_code == 200
    entry = (
        PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled")
        .order_by("timestamp")
        .last()
    )
    assert entry is not None


def test_schedule_in_past_rejected(economy, contributor, secretary, head):
    article = approved_article(economy, contributor, secretary, head)
    past = timezone.localtime() - datetime.timedelta(hours=2)

    act(client_for(secretary), article, "schedule", go_live_at=past.strftime("%Y-%m-%d %H:%M"))

    assert current_task_name(article) == SECRETARY_PUBLISHES
    assert not fresh(article).live


def test_save_without_changes_keeps_task(economy, contributor, secretary, head):
    article = forwarded_article(economy, contributor, secretary)

    response = post_edit(client_for(head), article, None)

    assert response.status_code == 302
    assert current_task_name(article) == LEADERS_APPROVE
    article = approved_article(economy, contributor, secretary, head)
    post_edit(client_for(secretary), article, None)
    assert current_task_name(article) == SECRETARY_PUBLISHES


def test_cancel_and_resubmit_leaves_page_unlocked(economy, contributor, secretary):
    article = submitted_article(economy, contributor)

    # The editor shows the author a locked form at the first task; Wagtail still lets the
    # author cancel from it and returns the editor again.
    response = post_edit(client_for(contributor), article, "action-cancel-workflow")

    assert response.status_code == 200
    article = fresh(article)
    assert article.current_workflow_state is None
    assert article.get_lock() is None
    response = client_for(contributor).get(f"/admin/pages/{article.pk}/edit/")
    assert not response.context["page_locked"]
    response = post_edit(client_for(contributor), article, "action-submit", {"lead": "Sửa lại."})
    assert response.status_code == 302
    assert current_task_name(article) == SECRETARY_EDITS
    assert not fresh(article).locked


def test_reviewer_lock_released_on_cancel(economy, contributor, secretary):
    article = submitted_article(economy, contributor)
    secretary_client = client_for(secretary)
    secretary_client.post(f"/admin/pages/{article.pk}/lock/")
    assert fresh(article).locked

    response = post_edit(secretary_client, article, "action-cancel-workflow")

    assert response.status_code == 302
    article = fresh(article)
    assert article.current_workflow_state is None
    assert not article.locked
    response = post_edit(client_for(contributor), article, "action-submit")
    assert response.status_code == 302
    assert current_task_name(article) == SECRETARY_EDITS


def test_reviewer_lock_released_on_return(economy, contributor, secretary):
    article = submitted_article(economy, contributor)
    secretary_client = client_for(secretary)
    secretary_client.post(f"/admin/pages/{article.pk}/lock/")

    act(secretary_client, article, "reject", comment="Viết lại phần mở đầu.")

    assert not fresh(article).locked
    response = post_edit(client_for(contributor), article, "action-submit", {"lead": "Mở đầu mới."})
    assert response.status_code == 302
    assert current_task_name(article) == SECRETARY_EDITS


def test_live_page_keeps_live_version_until_published(
    economy, contributor, secretary, head, client
):
    article = approved_article(economy, contributor, secretary, head, title="Tin về mùa lúa")
    act(client_for(secretary), article, "approve")
    article = fresh(article)

    post_edit(client_for(contributor), article, "action-submit", {"lead": "Bản sửa mới của sapo."})

    article = fresh(article)
    assert article.live
    assert "Bản sửa mới" not in client.get(article.url).content.decode()
    act(client_for(secretary), article, "approve")
    act(client_for(head), article, "approve", **SCREENING)
    a_day_later = timezone.now() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=a_day_later):
        act(client_for(secretary), article, "approve")

    article = fresh(article)
    content = client.get(article.url).content.decode()
    assert "Bản sửa mới của sapo." in content
    assert article.was_updated
    assert content.count("<time") == 2


def test_decisions_in_audit_log(economy, contributor, secretary, head):
    article = approved_article(economy, contributor, secretary, head)
    act(client_for(secretary), article, "approve", comment="Đã kiểm tra ảnh và chú thích.")

    entries = PageLogEntry.objects.filter(page=article).order_by("timestamp")
    decisions = [(entry.action, entry.user) for entry in entries]

    assert ("wagtail.workflow.start", contributor) in decisions
    assert ("wagtail.workflow.approve", secretary) in decisions
    assert ("wagtail.workflow.approve", head) in decisions
    assert ("wagtail.publish", secretary) in decisions
    last_approval = entries.filter(action="wagtail.workflow.approve").last()
    assert last_approval.data["comment"] == "Đã kiểm tra ảnh và chú thích."


def test_live_page_scheduled_change(economy, contributor, secretary, head, client):
    article = approved_article(economy, contributor, secretary, head)
    act(client_for(secretary), article, "approve")
    post_edit(client_for(contributor), article, "action-submit", {"lead": "Sapo hẹn giờ đăng."})
    act(client_for(secretary), article, "approve")
    act(client_for(head), article, "approve", **SCREENING)
    go_live_at = timezone.localtime() + datetime.timedelta(hours=1)

    act(
        client_for(secretary), article, "schedule", go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M")
    )

    article = fresh(article)
    assert article.live
    assert "Sapo hẹn giờ đăng." not in client.get(article.url).text
    later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert "Sapo hẹn giờ đăng." in client.get(fresh(article).url).text
