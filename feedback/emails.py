"""Vietnamese emails to askers, units and the board.

Notices to the board and to units carry the reference code and a link to the admin, never the
asker's personal data, because they may be forwarded or read on shared machines.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def send(subject, body, recipients, question):
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except OSError:
        # The question is stored either way, and the board finds it in the inbox.
        logger.exception("Sending the email about question %s failed", question.pk)


def admin_url(question):
    return settings.WAGTAILADMIN_BASE_URL + reverse("feedback_question:edit", args=[question.pk])


def format_deadline(question):
    if question.deadline is None:
        return _("not set")
    return formats.date_format(timezone.localtime(question.deadline), "d/m/Y H:i")


def question_received(question, site):
    from .models import FeedbackSettings

    lookup_url = question.page.get_full_url() + question.page.reverse_subpage("lookup")
    body = _(
        "Dear %(name)s,\n\n"
        "The editorial board has received your question “%(subject)s”.\n"
        "Your reference code is: %(reference)s\n\n"
        "To follow your question, open %(url)s and enter the reference code with this email "
        "address.\n\n"
        "This email was sent automatically; do not reply to it."
    ) % {
        "name": question.full_name,
        "subject": question.subject,
        "reference": question.reference,
        "url": lookup_url,
    }
    send(
        _("Question received, reference code %(reference)s") % {"reference": question.reference},
        body,
        [question.email],
        question,
    )

    board_address = FeedbackSettings.for_site(site).notification_email
    notice = _(
        "A new question has arrived: %(reference)s.\nAnswer deadline: %(deadline)s.\n"
        "Open it in the admin: %(url)s"
    ) % {
        "reference": question.reference,
        "deadline": format_deadline(question),
        "url": admin_url(question),
    }
    send(
        _("New question %(reference)s") % {"reference": question.reference},
        notice,
        [board_address],
        question,
    )


def question_forwarded(question):
    users = get_user_model().objects.filter(is_active=True, contributor_profile__unit=question.unit)
    body = _(
        "The editorial board has forwarded question %(reference)s to %(unit)s.\n"
        "Answer deadline: %(deadline)s.\n"
        "Read it and write the answer in the admin: %(url)s"
    ) % {
        "reference": question.reference,
        "unit": question.unit.title,
        "deadline": format_deadline(question),
        "url": admin_url(question),
    }
    send(
        _("Question %(reference)s forwarded to your unit") % {"reference": question.reference},
        body,
        [user.email for user in users],
        question,
    )


def answer_sent(question):
    body = _(
        "Dear %(name)s,\n\n"
        "Here is the answer to your question “%(subject)s” (reference code %(reference)s):\n\n"
        "%(answer)s\n\n"
        "This email was sent automatically; do not reply to it."
    ) % {
        "name": question.full_name,
        "subject": question.subject,
        "reference": question.reference,
        "answer": question.answer,
    }
    send(
        _("Answer to your question %(reference)s") % {"reference": question.reference},
        body,
        [question.email],
        question,
    )
