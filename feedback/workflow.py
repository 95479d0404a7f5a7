"""The life of a question: received, forwarded to a unit, answered, published or rejected.

The board (and administrators) see every question. A contributor sees only the questions
forwarded to their own unit, and may only write the answer.
"""

import logging
import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.search.index import insert_or_update_object

from editorial.calendar import CalendarError, add_working_days

from . import emails
from .models import FeedbackSettings, Question, new_reference_code

logger = logging.getLogger(__name__)

# A collision between two random 8-character codes is rare (31**8 codes); retry a few times.
CODE_ATTEMPTS = 5


MANAGE_PERMISSION = "feedback.manage_question"


def is_board(user):
    """Return True for users who route and publish questions: the board and administrators."""
    return user.is_active and user.has_perm(MANAGE_PERMISSION)


def user_unit_id(user):
    profile = getattr(user, "contributor_profile", None)
    return profile.unit_id if profile is not None else None


def questions_visible_to(user):
    """Return the questions ``user`` may see in the admin."""
    if is_board(user):
        return Question.objects.all()
    unit_id = user_unit_id(user)
    if not user.is_active or unit_id is None:
        return Question.objects.none()
    return Question.objects.filter(
        unit_id=unit_id,
        status__in=[
            Question.Status.FORWARDED,
            Question.Status.ANSWERED,
            Question.Status.PUBLISHED,
        ],
    )


def compute_deadline(question, site):
    days = FeedbackSettings.for_site(site).answer_deadline_days
    try:
        return add_working_days(question.submitted_at, days, site=site)
    except CalendarError:
        logger.exception(
            "Computing the answer deadline of question %s failed, so it has none", question.pk
        )
        return None


def receive_question(page, fields):
    """Store a question from the public form, set its deadline and send the emails."""
    site = page.get_site()
    for attempt in range(CODE_ATTEMPTS):
        question = Question(page=page, reference=new_reference_code(), **fields)
        question.deadline = compute_deadline(question, site)
        try:
            with transaction.atomic():
                question.save()
            break
        except IntegrityError:
            if attempt == CODE_ATTEMPTS - 1:
                raise
    logger.info("Question %s received on page %s", question.pk, page.pk)
    transaction.on_commit(lambda: emails.question_received(question, site))
    return question


def forward(question, unit, user):
    question.unit = unit
    question.status = Question.Status.FORWARDED
    question.forwarded_at = timezone.now()
    question.save()
    logger.info("Question %s forwarded to unit %s by user %s", question.pk, unit.pk, user.pk)
    transaction.on_commit(lambda: emails.question_forwarded(question))


def record_answer(question, user):
    question.status = Question.Status.ANSWERED
    question.answered_by = user
    question.answered_at = timezone.now()
    question.save()
    logger.info("Question %s answered by user %s", question.pk, user.pk)


def send_answer(question):
    question.answer_sent_at = timezone.now()
    question.save(update_fields=["answer_sent_at"])
    transaction.on_commit(lambda: emails.answer_sent(question))


def publish(question, user):
    """Publish the question and its answer on the Q&A page and email the answer."""
    if not question.public_subject:
        question.public_subject = question.subject
    question.status = Question.Status.PUBLISHED
    question.published_at = timezone.now()
    question.save()
    if question.answer_sent_at is None:
        send_answer(question)
    logger.info("Question %s published by user %s", question.pk, user.pk)
    transaction.on_commit(lambda: reindex_page(question))


def unpublish(question):
    question.status = Question.Status.ANSWERED
    question.published_at = None
    question.save()
    transaction.on_commit(lambda: reindex_page(question))


def reject(question, user):
    question.status = Question.Status.REJECTED
    question.save()
    logger.info("Question %s rejected by user %s", question.pk, user.pk)


def reindex_page(question):
    """Update the search index entry of the Q&A page, which contains the published answers."""
    insert_or_update_object(question.page.specific)


def scrub_personal_data(text, question):
    """Return ``text`` with the asker's name, phone, email and address replaced by "[…]"."""
    for value in (question.email, question.phone, question.full_name, question.address):
        value = (value or "").strip()
        if len(value) >= 3:
            text = re.sub(re.escape(value), "[…]", text, flags=re.IGNORECASE)
    digits = re.sub(r"\D", "", question.phone or "")
    if len(digits) >= 8:
        # The phone number may be written with other separators inside the question.
        spaced = r"[\s.\-]?".join(re.escape(digit) for digit in digits)
        text = re.sub(spaced, "[…]", text)
    return text
