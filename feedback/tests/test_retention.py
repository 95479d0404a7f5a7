"""The anonymise_feedback command removes personal data after the retention period."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from feedback.consultations import ConsultationComment
from feedback.factories import (
    ConsultationCommentFactory,
    ConsultationPageFactory,
    QuestionFactory,
)
from feedback.models import FeedbackSettings, Question

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def run(*args):
    output = StringIO()
    call_command("anonymise_feedback", *args, stdout=output)
    return output.getvalue()


def test_old_finished_question_anonymised(qa_page):
    question = QuestionFactory(
        page=qa_page,
        status=Question.Status.PUBLISHED,
        submitted_at=days_ago(800),
        text="Tôi là Lò Thị Mai, gọi 0912.345.678 giúp tôi.",
        answer="Bà đến UBND xã.",
    )

    output = run()

    question.refresh_from_db()
    assert "1" in output
    assert (question.full_name, question.address, question.phone, question.email) == (
        "",
        "",
        "",
        "",
    )
    assert question.text == "Tôi là […], gọi […] giúp tôi."
    assert question.answer == "Bà đến UBND xã."
    assert question.anonymised_at is not None


def test_recent_and_open_questions_kept(qa_page):
    recent = QuestionFactory(
        page=qa_page, status=Question.Status.ANSWERED, submitted_at=days_ago(10)
    )
    waiting = QuestionFactory(
        page=qa_page, status=Question.Status.FORWARDED, submitted_at=days_ago(900)
    )

    run()

    recent.refresh_from_db()
    waiting.refresh_from_db()
    assert recent.email != ""
    assert waiting.email != ""


def test_days_option_and_settings(qa_page):
    question = QuestionFactory(
        page=qa_page, status=Question.Status.REJECTED, submitted_at=days_ago(40)
    )
    settings_ = FeedbackSettings.for_site(qa_page.get_site())
    settings_.retention_days = 60
    settings_.save()

    run()
    question.refresh_from_db()
    assert question.email != ""

    run("--days", "30")
    question.refresh_from_db()
    assert question.email == ""


def test_dry_run_changes_nothing(qa_page):
    question = QuestionFactory(
        page=qa_page, status=Question.Status.REJECTED, submitted_at=days_ago(900)
    )

    output = run("--dry-run")

    question.refresh_from_db()
    assert question.email != ""
    assert "1" in output


def test_comments_anonymised_after_closing():
    closed = ConsultationPageFactory(opens_at=days_ago(900), closes_at=days_ago(850))
    still_open = ConsultationPageFactory(opens_at=days_ago(900), closes_at=days_ago(-5))
    old = ConsultationCommentFactory(page=closed, submitted_at=days_ago(880))
    on_open = ConsultationCommentFactory(page=still_open, submitted_at=days_ago(880))

    run()

    old.refresh_from_db()
    on_open.refresh_from_db()
    assert (old.full_name, old.email) == ("", "")
    assert old.text == "Đề nghị bổ sung hỗ trợ đào tạo hướng dẫn viên người địa phương."
    assert on_open.email != ""
    assert ConsultationComment.objects.count() == 2


def test_invalid_days_rejected():
    with pytest.raises(CommandError, match="1"):
        run("--days", "0")
