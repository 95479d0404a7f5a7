"""A question travels from the public form to a unit and back to the public page, in Chromium."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from editorial import roles
from editorial.factories import ContributorProfileFactory, UserFactory
from feedback.factories import QuestionIndexPageFactory
from feedback.models import Question
from units.factories import UnitPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def admin_post(user, question, **fields):
    client = Client()
    client.force_login(user)
    data = {
        "unit": "",
        "answer": "",
        "public_subject": "",
        "public_question": "",
        "rejection_reason": "",
        **fields,
    }
    response = client.post(reverse("feedback_question:edit", args=[question.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_question_answered_and_found(browser_page, settings):
    # The browser fills the form faster than a person, so the time check is off here.
    # test_questions_public checks it.
    settings.FEEDBACK_MIN_SUBMIT_SECONDS = 0
    qa_page = QuestionIndexPageFactory()
    unit = UnitPageFactory(title="Xã Tá Bạ")
    secretary = UserFactory(username="thu-ky-trinh-duyet", roles=[roles.SECRETARY])
    contributor = UserFactory(username="ctv-trinh-duyet", roles=[roles.CONTRIBUTOR])
    ContributorProfileFactory(user=contributor, unit=unit)

    browser_page.goto(qa_page.ask_url)
    browser_page.get_by_role("textbox", name="Họ và tên:").fill("Lò Thị Mai")
    browser_page.get_by_role("textbox", name="Địa chỉ:").fill("Bản Nậm Khao, xã Tá Bạ")
    browser_page.get_by_role("textbox", name="Điện thoại:").fill("0912 345 678")
    browser_page.get_by_role("textbox", name="Email:").fill("lothimai@example.invalid")
    browser_page.get_by_role("textbox", name="Tiêu đề:").fill("Hỗ trợ giống sâm Lai Châu")
    browser_page.get_by_role("textbox", name="Nội dung câu hỏi:").fill(
        "Hộ nghèo có được hỗ trợ giống sâm không?"
    )
    browser_page.get_by_label("Tôi đồng ý để Ban Biên tập xử lý").check()
    browser_page.get_by_label("Tôi đồng ý để câu hỏi và câu trả lời được đăng").check()
    browser_page.get_by_role("button", name="Gửi câu hỏi").click()

    expect(browser_page.get_by_role("heading", name="Đã gửi câu hỏi")).to_be_visible()
    question = Question.objects.get()
    expect(browser_page.locator(".reference-code")).to_have_text(question.reference)

    admin_post(secretary, question, unit=unit.pk, action="forward")
    admin_post(
        contributor, question, answer="Hộ nghèo được hỗ trợ 100% giống sâm.", action="answer"
    )
    question.refresh_from_db()
    admin_post(
        secretary,
        question,
        unit=unit.pk,
        answer=question.answer,
        public_subject="Hỗ trợ giống sâm Lai Châu",
        public_question=question.text,
        action="publish",
    )

    browser_page.goto("/tim-kiem/?q=gi%E1%BB%91ng+s%C3%A2m")
    browser_page.get_by_role("link", name=qa_page.title).first.click()
    browser_page.get_by_role("link", name="Hỗ trợ giống sâm Lai Châu").click()

    expect(browser_page.locator(".qa-answer")).to_have_text(
        re.compile("Hộ nghèo được hỗ trợ 100% giống sâm.")
    )
    body = browser_page.locator("main").inner_text()
    assert "Lò Thị Mai" not in body
    assert "0912 345 678" not in body
