"""An item marked confidential never goes live, whichever path tries to publish it."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from editorial.publishing import ConfidentialPublishError

from .helpers import (
    act,
    approved_article,
    assert_rejected,
    client_for,
    current_task_name,
    draft_article,
    fresh,
    post_create,
    post_edit,
)

pytestmark = pytest.mark.django_db

CONFIDENTIAL_WORDS = "không bao giờ được đăng tải"


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_workflow_offers_no_publication(economy, contributor, secretary, head):
    article = approved_article(economy, contributor, secretary, head, is_confidential=True)

    response = act(client_for(secretary), article, "approve")

    assert_rejected(response)
    assert current_task_name(article) == "Thư ký đăng tải"
    assert not fresh(article).live
    assert_rejected(act(client_for(secretary), article, "schedule", go_live_at="2099-01-01 08:00"))
    assert not fresh(article).live


def test_editor_warns_confidential(economy, contributor, secretary, head):
    article = approved_article(economy, contributor, secretary, head, is_confidential=True)

    response = client_for(secretary).get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert any(CONFIDENTIAL_WORDS in message for message in messages_of(response))


def test_superuser_workflow_finish_rejected(economy, contributor, secretary, head):
    from editorial.factories import UserFactory

    superuser = UserFactory(username="sieu-quan-tri", is_superuser=True, is_staff=True)
    article = approved_article(economy, contributor, secretary, head, is_confidential=True)

    assert_rejected(act(client_for(superuser), article, "approve"))

    assert not fresh(article).live
    assert current_task_name(article) == "Thư ký đăng tải"


def test_admin_publish_rejected(economy, administrator):
    article = draft_article(economy, administrator, is_confidential=True)

    response = post_edit(client_for(administrator), article, "action-publish")

    assert response.status_code == 302
    assert not fresh(article).live
    assert any(CONFIDENTIAL_WORDS in message for message in messages_of(response))


def test_admin_publish_of_newly_ticked_draft_rejected(economy, administrator, client):
    article = draft_article(economy, administrator)
    article.save_revision(user=administrator).publish()
    admin_client = client_for(administrator)

    response = post_edit(admin_client, article, "action-publish", {"is_confidential": "on"})

    assert response.status_code == 302
    article = fresh(article)
    assert article.live
    assert not article.is_confidential
    assert article.get_latest_revision().content["is_confidential"] is True


def test_admin_create_and_publish_rejected(economy, administrator):
    fields = {
        "title": "Kế hoạch bảo vệ biên giới",
        "lead": "Nội dung mật.",
        "author": "Ban Chỉ huy Quân sự",
        "source": "Ban Chỉ huy Quân sự huyện",
        "is_confidential": "on",
    }

    response = post_create(client_for(administrator), economy, fields, button="action-publish")

    assert response.status_code == 302
    article = fresh(economy).get_children().get(title="Kế hoạch bảo vệ biên giới").specific
    assert not article.live
    assert any(CONFIDENTIAL_WORDS in message for message in messages_of(response))


def test_bulk_publish_rejected(economy, administrator):
    article = draft_article(economy, administrator, is_confidential=True)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    response = client_for(administrator).post(f"{url}?id={article.pk}", {})

    assert response.status_code == 302
    assert not fresh(article).live
    assert any(CONFIDENTIAL_WORDS in message for message in messages_of(response))


def test_bulk_publish_of_parent_rejects_confidential_child(news, economy, administrator):
    draft_article(economy, administrator, is_confidential=True)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    response = client_for(administrator).post(
        f"{url}?id={economy.pk}", {"include_descendants": "on"}
    )

    assert response.status_code == 302
    assert not fresh(economy).get_children().live().exists()


def test_admin_api_publish_rejected(economy, administrator):
    article = draft_article(economy, administrator, is_confidential=True)
    url = reverse("wagtailadmin_api:pages:action", args=[article.pk, "publish"])

    response = client_for(administrator).post(
        url, data=json.dumps({}), content_type="application/json"
    )

    assert response.status_code == 403
    assert CONFIDENTIAL_WORDS in response.json()["detail"]
    assert not fresh(article).live


def test_scheduled_publication_cancelled(economy, administrator, client):
    article = draft_article(economy, administrator, is_confidential=True)
    revision = article.get_latest_revision()
    # Data from before the rule existed: a confidential revision already scheduled.
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=5)
    )

    errors = io.StringIO()
    call_command("publish_scheduled", stderr=errors)

    assert not fresh(article).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    assert CONFIDENTIAL_WORDS in errors.getvalue()


def test_revision_publish_rejected(economy, administrator):
    article = draft_article(economy, administrator, is_confidential=True)

    with pytest.raises(ConfidentialPublishError):
        article.get_latest_revision().publish(user=administrator, skip_permission_checks=True)

    assert not fresh(article).live


def test_scheduling_rejected(economy, administrator):
    article = draft_article(economy, administrator, is_confidential=True)
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = article.save_revision(user=administrator)

    with pytest.raises(ConfidentialPublishError):
        revision.publish()

    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def test_direct_save_rejected(economy, administrator):
    article = draft_article(economy, administrator, is_confidential=True)
    article.live = True

    with pytest.raises(ConfidentialPublishError):
        article.save()

    assert not fresh(article).live


def test_non_confidential_still_publishes(economy, contributor, secretary, head):
    article = approved_article(economy, contributor, secretary, head)

    act(client_for(secretary), article, "approve")

    assert fresh(article).live


def test_publish_later_with_flag_removed(economy, contributor, secretary, head):
    article = approved_article(economy, contributor, secretary, head, is_confidential=True)

    post_edit(client_for(secretary), article, None, {"is_confidential": ""})
    act(client_for(secretary), article, "approve")

    assert fresh(article).live
