"""Consultations on draft documents (lấy ý kiến dự thảo) and the comments people send.

A consultation's status follows from its dates: upcoming before ``opens_at``, open from
``opens_at`` up to but not including ``closes_at``, closed from ``closes_at``, and concluded
once the board has written the outcome. Comments are moderated before they appear, and the
public sees only the organisation (or "a citizen"), the clause and the text.
"""

from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage

from . import antispam
from .forms import CommentForm

SENT_SESSION_KEY = "feedback_comment_sent"


class ConsultationIndexPage(BasePage):
    """Lists the consultations, open ones first."""

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences shown above the consultations."),
    )

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["feedback.ConsultationPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Consultation list")
        verbose_name_plural = _("Consultation lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        consultations = list(
            ConsultationPage.objects.live().public().child_of(self).order_by("-opens_at")
        )
        context["open_consultations"] = [item for item in consultations if item.is_open]
        context["other_consultations"] = [item for item in consultations if not item.is_open]
        return context


class ConsultationPage(RoutablePageMixin, BasePage):
    """A draft document put to public comment between two dates."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", pgettext_lazy("consultation status", "Open")
        CLOSED = "closed", pgettext_lazy("consultation status", "Closed")
        CONCLUDED = "concluded", _("Concluded")

    summary = models.TextField(
        _("Summary"), help_text=_("What the draft is about and whose opinion is sought.")
    )
    responsible_unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Drafting unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit that drafts the document and receives the comments."),
    )
    opens_at = models.DateTimeField(
        _("Opens at"), help_text=_("From this date and time people may send comments.")
    )
    closes_at = models.DateTimeField(
        _("Closes at"), help_text=_("From this date and time comments are no longer accepted.")
    )
    outcome = RichTextField(
        _("Outcome"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "After closing: how the comments were taken into account. The consultation then "
            "shows as concluded."
        ),
    )
    final_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Final document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document as adopted, once the consultation is concluded."),
    )

    parent_page_types = ["feedback.ConsultationIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        InlinePanel("drafts", label=_("Draft files")),
        FieldPanel("responsible_unit"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [FieldPanel("outcome"), FieldPanel("final_document")], heading=_("Outcome")
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("outcome"),
    ]

    class Meta:
        verbose_name = _("Consultation on a draft")
        verbose_name_plural = _("Consultations on drafts")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing date and time must come after the opening.")}
            )

    def status_at(self, moment):
        if moment < self.opens_at:
            return self.Status.UPCOMING
        if moment < self.closes_at:
            return self.Status.OPEN
        if self.outcome:
            return self.Status.CONCLUDED
        return self.Status.CLOSED

    @property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def status_label(self):
        return self.Status(self.status).label

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def published_comments(self):
        return self.comments.filter(status=ConsultationComment.Status.APPROVED).order_by(
            "submitted_at", "pk"
        )

    @path("")
    def consultation(self, request):
        if request.method == "POST":
            return self.receive_comment(request)
        form = CommentForm(request=request) if self.is_open else None
        return self.render(request, context_overrides=self.page_context(request, form))

    @path("da-gui/", name="sent")
    def sent(self, request):
        if not request.session.pop(SENT_SESSION_KEY, False):
            return redirect(self.url)
        return self.render(
            request,
            context_overrides={**self.page_context(request, None), "comment_sent": True},
        )

    def page_context(self, request, form):
        return {"form": form, "comments": self.published_comments()}

    def receive_comment(self, request):
        if not self.is_open:
            response = self.render(
                request,
                context_overrides={**self.page_context(request, None), "closed_on_post": True},
            )
            response.status_code = 403
            return response
        form = CommentForm(request.POST, request=request)
        if antispam.check_submission(form, request):
            data = form.cleaned_data
            ConsultationComment.objects.create(
                page=self,
                full_name=data["full_name"],
                organisation=data["organisation"],
                email=data["email"],
                clause=data["clause"],
                text=data["text"],
                consented_at=timezone.now(),
            )
            request.session[SENT_SESSION_KEY] = True
            return redirect(self.url + self.reverse_subpage("sent"))
        return self.render(request, context_overrides=self.page_context(request, form))


class ConsultationDraft(Orderable):
    page = ParentalKey(ConsultationPage, related_name="drafts", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("File"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    label = models.CharField(
        _("Label"),
        max_length=255,
        blank=True,
        help_text=_("For example: Dự thảo lần 2. Leave empty to show the file's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]


class ConsultationComment(models.Model):
    """A comment on a draft. Name and email are personal data, seen only by the board."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", pgettext_lazy("comment status", "Rejected")

    page = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("Consultation"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    full_name = models.CharField(_("Full name"), max_length=100)
    organisation = models.CharField(_("Organisation"), max_length=255, blank=True)
    email = models.EmailField(_("Email"), max_length=254)
    clause = models.CharField(_("Article or clause concerned"), max_length=100, blank=True)
    text = models.TextField(_("Comment"), max_length=5000)
    consented_at = models.DateTimeField(
        _("Consent to the processing of personal data given at"), editable=False
    )
    submitted_at = models.DateTimeField(_("Received at"), default=timezone.now, editable=False)
    status = models.CharField(
        _("Moderation"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        help_text=_("Only approved comments appear on the consultation page."),
    )
    anonymised_at = models.DateTimeField(
        _("Personal data removed at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("Comment on a draft")
        verbose_name_plural = _("Comments on drafts")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.page.title} – {self.submitted_at:%d/%m/%Y %H:%M}"

    @property
    def public_author(self):
        return self.organisation or _("A citizen")
