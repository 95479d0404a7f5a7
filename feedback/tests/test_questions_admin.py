"""The question inbox: routing to units, unit isolation, answering, publishing, emails."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page

from feedback.factories import QuestionFactory
from feedback.models import Question
from search.views import search

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("feedback_question:index")


def edit_url(question):
    return reverse("feedback_question:edit", args=[question.pk])


def board_post(client, question, **fields):
    data = {
        "unit": "",
        "answer": "",
        "public_subject": "",
        "public_question": "",
        "rejection_reason": "",
        **fields,
    }
    return client.post(edit_url(question), data)


def test_board_sees_every_question(client, secretary, qa_page, unit):
    QuestionFactory(page=qa_page, subject="Câu hỏi về đất đai")
    QuestionFactory(page=qa_page, subject="Câu hỏi về học phí", unit=unit)
    client.force_login(secretary)

    html = client.get(INDEX_URL).content.decode()

    assert "Câu hỏi về đất đai" in html
    assert "Câu hỏi về học phí" in html


def test_board_sees_contact_details(client, secretary, qa_page):
    question = QuestionFactory(page=qa_page)
    client.force_login(secretary)

    response = client.get(edit_url(question))

    html = response.content.decode()
    assert response.status_code == 200
    assert question.email in html
    assert question.phone in html
    assert "Chuyển đơn vị có thẩm quyền trả lời" in html


def test_overdue_question_highlighted(client, secretary, qa_page):
    QuestionFactory(page=qa_page, deadline=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(secretary)

    html = client.get(INDEX_URL).content.decode()

    assert "Quá hạn" in html


def test_forward_emails_unit_contributors(
    client, secretary, contributor, qa_page, unit, django_capture_on_commit_callbacks
):
    question = QuestionFactory(page=qa_page)
    client.force_login(secretary)

    with django_capture_on_commit_callbacks(execute=True):
        response = board_post(client, question, unit=unit.pk, action="forward")

    question.refresh_from_db()
    assert response.status_code == 302
    assert question.status == Question.Status.FORWARDED
    assert question.unit == unit
    assert question.forwarded_at is not None
    assert [message.to for message in mail.outbox] == [["ctv-ta-ba@example.invalid"]]
    assert question.reference in mail.outbox[0].body
    assert question.full_name not in mail.outbox[0].body
    assert question.email not in mail.outbox[0].body


def test_forward_without_unit_rejected(client, secretary, qa_page):
    question = QuestionFactory(page=qa_page)
    client.force_login(secretary)

    response = board_post(client, question, action="forward")

    question.refresh_from_db()
    assert response.status_code == 200
    assert question.status == Question.Status.NEW
    assert "Chọn đơn vị có thẩm quyền" in response.content.decode()


def test_reject_requires_reason(client, secretary, qa_page):
    question = QuestionFactory(page=qa_page)
    client.force_login(secretary)

    refused = board_post(client, question, action="reject")
    question.refresh_from_db()
    assert question.status == Question.Status.NEW
    assert "Nêu lý do từ chối" in refused.content.decode()

    board_post(client, question, action="reject", rejection_reason="Thư rác")
    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED
    assert question.rejection_reason == "Thư rác"


def test_contributor_sees_only_own_unit(
    client, contributor, other_contributor, qa_page, unit, other_unit
):
    own = QuestionFactory(
        page=qa_page, unit=unit, status=Question.Status.FORWARDED, subject="Hỏi về bản Nậm Khao"
    )
    other = QuestionFactory(
        page=qa_page, unit=other_unit, status=Question.Status.FORWARDED, subject="Hỏi về xã Pa Ủ"
    )
    QuestionFactory(page=qa_page, unit=unit, status=Question.Status.NEW, subject="Chưa chuyển")
    client.force_login(contributor)

    html = client.get(INDEX_URL).content.decode()

    assert "Hỏi về bản Nậm Khao" in html
    assert "Hỏi về xã Pa Ủ" not in html
    assert "Chưa chuyển" not in html
    assert client.get(edit_url(own)).status_code == 200
    assert client.get(edit_url(other)).status_code == 404
    assert client.post(edit_url(other), {"answer": "x", "action": "answer"}).status_code == 404
    assert client.get(reverse("feedback_question:history", args=[other.pk])).status_code == 404
    assert client.get(reverse("feedback_question:delete", args=[other.pk])).status_code in (
        403,
        404,
    )
    other.refresh_from_db()
    assert other.answer == ""


def test_contributor_never_sees_contact_details(client, contributor, qa_page, unit):
    question = QuestionFactory(page=qa_page, unit=unit, status=Question.Status.FORWARDED)
    client.force_login(contributor)

    html = client.get(edit_url(question)).content.decode()

    assert question.text in html
    assert question.email not in html
    assert question.phone not in html
    assert question.address not in html


def test_contributor_answers_then_board_publishes(
    client, contributor, secretary, qa_page, unit, django_capture_on_commit_callbacks
):
    question = QuestionFactory(
        page=qa_page,
        unit=unit,
        status=Question.Status.FORWARDED,
        text="Tôi là Lò Thị Mai, số 0912 345 678, hỏi về thủ tục làm sổ đỏ ở bản Nậm Khao.",
    )
    client.force_login(contributor)
    response = client.post(
        edit_url(question),
        {"answer": "Bà mang giấy tờ gốc đến bộ phận một cửa của xã.", "action": "answer"},
    )
    question.refresh_from_db()
    assert response.status_code == 302
    assert question.status == Question.Status.ANSWERED
    assert question.answered_by == contributor
    assert mail.outbox == []

    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        board_post(
            client,
            question,
            unit=unit.pk,
            answer=question.answer,
            public_subject="Thủ tục làm sổ đỏ",
            public_question=question.text,
            action="publish",
        )

    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert question.published_at is not None
    assert [message.to for message in mail.outbox] == [[question.email]]
    assert "Bà mang giấy tờ gốc" in mail.outbox[0].body

    public = (
        client.get(qa_page.url).content.decode()
        + client.get(f"{qa_page.url}{question.pk}/").content.decode()
    )
    assert "Thủ tục làm sổ đỏ" in public
    assert "Bà mang giấy tờ gốc đến bộ phận một cửa của xã." in public
    for personal in ("Lò Thị Mai", "0912 345 678", question.email, question.address):
        assert personal not in public


def test_contributor_cannot_publish(client, contributor, qa_page, unit):
    question = QuestionFactory(
        page=qa_page, unit=unit, status=Question.Status.ANSWERED, answer="Trả lời của xã."
    )
    client.force_login(contributor)

    client.post(edit_url(question), {"answer": "Trả lời của xã.", "action": "publish"})

    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED


def test_publish_refused_without_consent(client, secretary, qa_page):
    question = QuestionFactory(
        page=qa_page,
        publication_consent=False,
        status=Question.Status.ANSWERED,
        answer="Trả lời.",
    )
    client.force_login(secretary)

    board_post(client, question, answer="Trả lời.", public_question="Hỏi.", action="publish")
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED

    board_post(client, question, answer="Trả lời.", action="send_answer")
    question.refresh_from_db()
    assert question.answer_sent_at is not None
    assert question.status == Question.Status.ANSWERED


def test_published_answer_found_by_site_search(
    client, secretary, qa_page, rf, django_capture_on_commit_callbacks
):
    question = QuestionFactory(
        page=qa_page, status=Question.Status.ANSWERED, answer="Nộp hồ sơ tại bộ phận một cửa."
    )
    client.force_login(secretary)

    with django_capture_on_commit_callbacks(execute=True):
        board_post(
            client,
            question,
            answer=question.answer,
            public_subject="Hồ sơ cấp sổ đỏ",
            public_question="Cần giấy tờ gì để cấp sổ đỏ?",
            action="publish",
        )

    results = search(rf.get("/tim-kiem/", {"q": "một cửa"})).context_data["results"]
    assert qa_page.pk in [result["page"].pk for result in results]
    found = Page.objects.live().search(question.email)
    assert qa_page.pk not in [page.pk for page in found]


def test_add_view_refused(client, secretary):
    client.force_login(secretary)

    response = client.get(reverse("feedback_question:add"))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_export_csv_has_bom_and_no_contact(client, secretary, qa_page):
    question = QuestionFactory(page=qa_page, subject="=HYPERLINK(1)")
    client.force_login(secretary)

    response = client.get(INDEX_URL, {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    assert question.reference in content
    assert "'=HYPERLINK(1)" in content
    assert question.email not in content


def test_export_shows_status_label_and_local_time(client, secretary, qa_page):
    received = datetime.datetime(2026, 12, 4, 10, 30, tzinfo=datetime.UTC)  # 17:30 in Hà Nội
    question = QuestionFactory(page=qa_page, status=Question.Status.FORWARDED)
    Question.objects.filter(pk=question.pk).update(submitted_at=received)
    client.force_login(secretary)

    csv_text = b"".join(client.get(INDEX_URL, {"export": "csv"}).streaming_content).decode()
    xlsx = client.get(INDEX_URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    row = [cell.value for cell in sheet[2]]

    assert "Đã chuyển đơn vị" in csv_text
    assert "04/12/2026 17:30" in csv_text
    assert "forwarded" not in csv_text
    assert datetime.datetime(2026, 12, 4, 17, 30) in row
