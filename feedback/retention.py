"""Removal of personal data from questions and comments after the retention period."""

import datetime

from django.db import transaction
from django.utils import timezone

from .consultations import ConsultationComment
from .models import Question
from .workflow import scrub_personal_data

# Questions still waiting for an answer keep their contact details, whatever their age.
FINISHED_STATUSES = [Question.Status.ANSWERED, Question.Status.PUBLISHED, Question.Status.REJECTED]


def expired_questions(cutoff):
    return Question.objects.filter(
        submitted_at__lt=cutoff, status__in=FINISHED_STATUSES, anonymised_at__isnull=True
    )


def expired_comments(cutoff, now):
    return ConsultationComment.objects.filter(
        submitted_at__lt=cutoff, page__closes_at__lt=now, anonymised_at__isnull=True
    )


@transaction.atomic
def anonymise(days, now=None, dry_run=False):
    """Remove the personal data received more than ``days`` days before ``now``.

    Returns the numbers of questions and comments concerned. A question keeps its subject, its
    text with the asker's name, phone, email and address replaced by "[…]", and its answer.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    questions = list(expired_questions(cutoff).select_for_update())
    comments = expired_comments(cutoff, now)
    comment_count = comments.count()
    if dry_run:
        return len(questions), comment_count

    for question in questions:
        question.text = scrub_personal_data(question.text, question)
        question.subject = scrub_personal_data(question.subject, question)
        question.full_name = ""
        question.address = ""
        question.phone = ""
        question.email = ""
        question.anonymised_at = now
        question.save(
            update_fields=[
                "text",
                "subject",
                "full_name",
                "address",
                "phone",
                "email",
                "anonymised_at",
            ]
        )
    comments.update(full_name="", email="", anonymised_at=now)
    return len(questions), comment_count
