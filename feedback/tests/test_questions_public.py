"""The public question form, its anti-abuse checks and the status lookup."""

import datetime
import unicodedata

import pytest
from captcha.models import CaptchaStore
from django.core import mail
from django.test import override_settings

from editorial.calendar import add_working_days
from feedback.antispam import make_form_token
from feedback.factories import QuestionFactory
from feedback.models import FeedbackSettings, Question

from .helpers import question_data

pytestmark = pytest.mark.django_db


def ask(client, page, data, ip="203.0.113.7"):
    return client.post(page.ask_url, data, REMOTE_ADDR=ip)


def test_ask_stores_question_and_emails_code(client, qa_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, qa_page, question_data())

    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == qa_page.url + "da-gui/"
    assert question.status == Question.Status.NEW
    assert question.reference.startswith("HD-")
    assert question.publication_consent is True
    assert question.consented_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lothimai@example.invalid"]
    assert question.reference in mail.outbox[0].body
    assert "Mã số" in mail.outbox[0].subject or question.reference in mail.outbox[0].subject

    sent = client.get(response["Location"])
    assert question.reference in sent.content.decode()


def test_ask_sets_deadline_in_working_days(client, qa_page):
    settings_ = FeedbackSettings.for_site(qa_page.get_site())
    settings_.answer_deadline_days = 5
    settings_.save()

    ask(client, qa_page, question_data())

    question = Question.objects.get()
    assert question.deadline == add_working_days(question.submitted_at, 5)


def test_ask_normalises_to_nfc(client, qa_page):
    decomposed = unicodedata.normalize("NFD", "Hỏi về đường giao thông nông thôn")

    ask(client, qa_page, question_data(subject=decomposed))

    subject = Question.objects.get().subject
    assert subject == "Hỏi về đường giao thông nông thôn"
    assert unicodedata.is_normalized("NFC", subject)


def test_sent_page_without_submission_redirects(client, qa_page):
    response = client.get(qa_page.url + "da-gui/")

    assert response.status_code == 302
    assert response["Location"] == qa_page.url


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "Để trống ô cuối cùng"),
        ({"form_token": "fresh"}, "gửi quá nhanh"),
        ({"form_token": "giả-mạo"}, "không hợp lệ hoặc đã hết hạn"),
        ({"email": "khong-phai-email"}, "email hợp lệ"),
        ({"phone": "abc"}, "số điện thoại"),
        ({"processing_consent": ""}, "Đánh dấu ô đồng ý"),
        ({"full_name": ""}, "bắt buộc"),
        ({"text": "á" * 5001}, "5000"),
    ],
    ids=["honeypot", "too-fast", "bad-token", "email", "phone", "consent", "name", "length"],
)
def test_ask_rejection_keeps_input(client, qa_page, overrides, message):
    if overrides.get("form_token") == "fresh":
        overrides = {"form_token": make_form_token()}
    data = question_data(subject="Câu hỏi về đất <b>đai</b>", **overrides)

    response = ask(client, qa_page, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert Question.objects.count() == 0
    assert message in html
    assert "Câu hỏi về đất &lt;b&gt;đai&lt;/b&gt;" in html
    assert "<b>đai</b>" not in html


def test_expired_token_rejected(client, qa_page):
    old = make_form_token(issued_at=datetime.datetime(2020, 1, 1).timestamp())

    response = ask(client, qa_page, question_data(form_token=old))

    assert Question.objects.count() == 0
    assert "hết hạn" in response.content.decode()


@override_settings(FEEDBACK_CAPTCHA_AFTER=2, FEEDBACK_RATE_LIMIT=4)
def test_captcha_then_rate_limit(client, qa_page):
    ask(client, qa_page, question_data())
    ask(client, qa_page, question_data())
    assert Question.objects.count() == 2

    without_captcha = ask(client, qa_page, question_data())
    assert Question.objects.count() == 2
    assert "captcha" in without_captcha.context["form"].errors

    form_page = client.get(qa_page.ask_url, REMOTE_ADDR="203.0.113.7")
    assert 'name="captcha_1"' in form_page.content.decode()
    store = CaptchaStore.objects.order_by("-pk").first()
    data = question_data(captcha_0=store.hashkey, captcha_1=store.response)
    assert ask(client, qa_page, data).status_code == 302
    assert Question.objects.count() == 3

    limited = ask(client, qa_page, question_data(captcha_0="x", captcha_1="y"))
    assert "Bạn đã gửi quá nhiều" in limited.content.decode()
    assert Question.objects.count() == 3
    assert "Thủ tục cấp giấy chứng nhận" in limited.content.decode()

    other_client = ask(client, qa_page, question_data(), ip="198.51.100.20")
    assert other_client.status_code == 302


def test_rate_key_hides_address(qa_page, rf):
    from feedback.antispam import rate_key

    request = rf.post("/", REMOTE_ADDR="203.0.113.7")

    key = rate_key(request, "question")

    assert "203.0.113.7" not in key
    assert key.startswith("feedback:rate:question:")


def test_ask_form_renders_consent_and_retention(client, qa_page):
    response = client.get(qa_page.ask_url)

    html = response.content.decode()
    assert response.status_code == 200
    assert qa_page.privacy_notice in html
    assert "730 ngày" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "style=" not in html.split("<main")[1]


def test_lookup_shows_status_for_code_and_email(client, qa_page):
    question = QuestionFactory(page=qa_page, email="mai@example.invalid")

    response = client.get(
        qa_page.lookup_url,
        {"reference": question.reference.lower(), "email": "MAI@example.invalid"},
    )

    html = response.content.decode()
    assert "Kết quả tra cứu" in html
    assert "Đang xử lý" in html
    assert question.subject in html


def result_section(html):
    return html.split('class="lookup-result"')[1].split("</section>")[0]


def test_lookup_wrong_email_tells_nothing(client, qa_page):
    question = QuestionFactory(page=qa_page, email="mai@example.invalid")
    missing = client.get(
        qa_page.lookup_url, {"reference": "HD-XXXXXXXX", "email": "mai@example.invalid"}
    )

    response = client.get(
        qa_page.lookup_url, {"reference": question.reference, "email": "khac@example.invalid"}
    )

    html = response.content.decode()
    assert question.subject not in html
    assert "Không có câu hỏi nào" in html
    assert result_section(html) == result_section(missing.content.decode())


@override_settings(FEEDBACK_LOOKUP_LIMIT=2)
def test_lookup_rate_limited(client, qa_page):
    question = QuestionFactory(page=qa_page, email="mai@example.invalid")
    params = {"reference": question.reference, "email": "mai@example.invalid"}
    client.get(qa_page.lookup_url, params, REMOTE_ADDR="203.0.113.8")
    client.get(qa_page.lookup_url, params, REMOTE_ADDR="203.0.113.8")

    limited = client.get(qa_page.lookup_url, params, REMOTE_ADDR="203.0.113.8").content.decode()

    assert "Bạn đã tra cứu quá nhiều lần" in limited
    assert question.subject not in limited


def test_lookup_shows_answer_only_after_sending(client, qa_page):
    question = QuestionFactory(
        page=qa_page, status=Question.Status.ANSWERED, answer="Bà cần mang theo giấy tờ gốc."
    )
    params = {"reference": question.reference, "email": question.email}

    before = client.get(qa_page.lookup_url, params).content.decode()
    question.answer_sent_at = question.submitted_at
    question.save()
    after = client.get(qa_page.lookup_url, params).content.decode()

    assert "Bà cần mang theo giấy tờ gốc." not in before
    assert "Bà cần mang theo giấy tờ gốc." in after
