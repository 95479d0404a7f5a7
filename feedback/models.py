"""Where the public writes into the portal: questions and answers, consultations, ratings.

Personal data (names, addresses, phone numbers, emails) stays on ``Question`` and
``ConsultationComment`` rows that only the admin shows. Public pages, the search index and
feeds read only the fields listed in ``Question.PUBLIC_FIELDS`` and the comment text.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .consultations import (  # noqa: F401 (page models Django must import from this module)
    ConsultationComment,
    ConsultationDraft,
    ConsultationIndexPage,
    ConsultationPage,
)
from .pages import QuestionIndexPage  # noqa: F401 (page model Django must import from here)
from .ratings import PageRating  # noqa: F401 (model Django must import from this module)

# Reference codes avoid letters and digits that people confuse when they copy them: 0/O, 1/I/L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def new_reference_code():
    """Return a random reference code such as ``HD-7KQ2M9XA``."""
    return "HD-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@register_setting(icon="help")
class FeedbackSettings(BaseSiteSetting):
    """Deadlines and retention periods of the questions and consultations, set by the board."""

    answer_deadline_days = models.PositiveSmallIntegerField(
        _("Answer deadline (working days)"),
        default=15,
        help_text=_(
            "Number of working days the competent unit has to answer a question, counted "
            "from the day after it arrives, on the working calendar."
        ),
    )
    retention_days = models.PositiveIntegerField(
        _("Retention of personal data (days)"),
        default=730,
        help_text=_(
            "After this many days from its arrival, a finished question or a comment on a "
            "closed consultation loses its sender's name, address, phone and email."
        ),
    )
    notification_email = models.EmailField(
        _("Email notified of new questions"),
        blank=True,
        help_text=_(
            "The board's address that receives a short notice, without personal data, for "
            "every new question. Leave empty to send none."
        ),
    )

    class Meta:
        verbose_name = _("Questions and consultations settings")


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Question.Status.PUBLISHED)

    def overdue(self, now=None):
        return self.filter(status__in=Question.OPEN_STATUSES, deadline__lt=now or timezone.now())


class Question(models.Model):
    """A citizen's question, its routing to a unit, the answer and its publication."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("question status", "New")
        FORWARDED = "forwarded", _("Forwarded to a unit")
        ANSWERED = "answered", _("Answered")
        PUBLISHED = "published", pgettext_lazy("question status", "Published")
        REJECTED = "rejected", _("Rejected")

    OPEN_STATUSES = [Status.NEW, Status.FORWARDED]
    # Fields a public page, the search index or a feed may read. Nothing else leaves the admin.
    PUBLIC_FIELDS = ["public_subject", "public_question", "answer", "published_at"]

    page = models.ForeignKey(
        "feedback.QuestionIndexPage",
        verbose_name=_("Questions and answers page"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    reference = models.CharField(
        _("Reference code"), max_length=20, unique=True, default=new_reference_code, editable=False
    )
    full_name = models.CharField(_("Full name"), max_length=100)
    address = models.CharField(_("Address"), max_length=255)
    phone = models.CharField(_("Phone"), max_length=20)
    email = models.EmailField(_("Email"), max_length=254)
    subject = models.CharField(_("Subject"), max_length=200)
    topic = models.CharField(
        _("Field or unit concerned"),
        max_length=200,
        blank=True,
        help_text=_("What the asker wrote, if anything; the board chooses the unit."),
    )
    text = models.TextField(_("Question"), max_length=5000)
    publication_consent = models.BooleanField(
        _("Agrees to publication"),
        default=False,
        help_text=_(
            "The asker agrees that the question and answer appear on the portal, without "
            "their name or contact details."
        ),
    )
    consented_at = models.DateTimeField(
        _("Consent to the processing of personal data given at"), editable=False
    )
    submitted_at = models.DateTimeField(_("Received at"), default=timezone.now, editable=False)
    deadline = models.DateTimeField(_("Answer deadline"), null=True, blank=True, editable=False)

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Competent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit that must answer. Its contributors see the question."),
    )
    forwarded_at = models.DateTimeField(_("Forwarded at"), null=True, blank=True, editable=False)
    rejection_reason = models.CharField(
        _("Reason for rejection"),
        max_length=500,
        blank=True,
        help_text=_("Required to reject: spam, out of scope, or another reason."),
    )
    answer = models.TextField(
        _("Answer"),
        blank=True,
        help_text=_("The unit's answer. The board reviews it before sending or publishing it."),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    answered_at = models.DateTimeField(_("Answered at"), null=True, blank=True, editable=False)
    answer_sent_at = models.DateTimeField(
        _("Answer emailed at"), null=True, blank=True, editable=False
    )
    public_subject = models.CharField(
        _("Published subject"),
        max_length=200,
        blank=True,
        help_text=_("The subject as the public sees it. Remove any name, address, phone or email."),
    )
    public_question = models.TextField(
        _("Published question"),
        blank=True,
        help_text=_(
            "The question as the public sees it. Remove any name, address, phone or email "
            "that the asker wrote in it."
        ),
    )
    published_at = models.DateTimeField(_("Published at"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(
        _("Personal data removed at"), null=True, blank=True, editable=False
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Question")
        verbose_name_plural = _("Questions")
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("manage_question", _("Can forward, review, publish and reject questions")),
        ]

    def __str__(self):
        return f"{self.reference} – {self.subject}"

    @property
    def public_status_label(self):
        """The status as the asker sees it: the internal steps are not shown."""
        if self.status == self.Status.PUBLISHED:
            return _("Answered and published")
        if self.status == self.Status.REJECTED:
            return _("Not accepted")
        if self.answer_sent_at:
            return _("Answered")
        return _("Being processed")

    @property
    def is_overdue(self):
        return bool(
            self.deadline and self.status in self.OPEN_STATUSES and self.deadline < timezone.now()
        )
