"""The page editor opens for the feedback page types, and the admin shows their menus."""

import json

import pytest
from django.urls import reverse

from feedback.factories import ConsultationPageFactory, QuestionIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model_name", ["questionindexpage", "consultationindexpage"], ids=["qa", "consultation-list"]
)
def test_create_view_opens(admin_client, home_page, model_name):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("feedback", model_name, home_page.pk))
    )

    assert response.status_code == 200


def test_consultation_create_view_opens(admin_client):
    index = ConsultationPageFactory().get_parent()

    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("feedback", "consultationpage", index.pk))
    )

    assert response.status_code == 200


def test_edit_views_open(admin_client):
    consultation = ConsultationPageFactory()
    pages = [QuestionIndexPageFactory(), consultation, consultation.get_parent()]

    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page


def test_admin_menu_lists_inboxes_and_reports(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    # The sidebar is drawn from JSON in the page, where letters outside ASCII are escaped.
    assert reverse("feedback_question:index") in html
    for label in ("Hỏi đáp của người dân", "Góp ý dự thảo", "Đánh giá theo trang"):
        assert json.dumps(label)[1:-1] in html, label


def test_settings_open(admin_client, home_page):
    site_id = home_page.get_site().pk

    response = admin_client.get(
        reverse("wagtailsettings:edit", args=("feedback", "feedbacksettings", site_id))
    )

    assert response.status_code == 200
    assert "Hạn trả lời (ngày làm việc)" in response.content.decode()
