"""The public questions and answers page: the form, the status lookup and the published answers."""

from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from home.pagination import paginate

from . import antispam
from .forms import LookupForm, QuestionForm

SENT_REFERENCE_SESSION_KEY = "feedback_sent_reference"
DEFAULT_PRIVACY_NOTICE = (
    "Ban Biên tập dùng họ tên, địa chỉ, số điện thoại và thư điện tử của bạn chỉ để trả lời "
    "câu hỏi này và chuyển câu hỏi đến đơn vị có thẩm quyền. Chỉ Ban Biên tập và đơn vị được "
    "giao trả lời xem được các thông tin đó. Thông tin cá nhân được xóa sau thời hạn lưu trữ "
    "do Ban Biên tập quy định."
)


class QuestionIndexPage(RoutablePageMixin, BasePage):
    """Questions and answers (hỏi đáp): ask a question, follow it, read the published answers."""

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences shown above the published answers."),
    )
    privacy_notice = models.TextField(
        _("Personal data notice"),
        default=DEFAULT_PRIVACY_NOTICE,
        help_text=_(
            "Shown above the consent box: why the personal data is collected, who sees it and "
            "how long it is kept."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("privacy_notice")]

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Questions and answers page")
        verbose_name_plural = _("Questions and answers pages")

    @property
    def ask_url(self):
        return self.url + self.reverse_subpage("ask")

    @property
    def lookup_url(self):
        return self.url + self.reverse_subpage("lookup")

    def published_questions(self):
        return self.questions.published().select_related("unit").order_by("-published_at", "-pk")

    def published_answers_text(self):
        """Return the text of the published questions and answers, for the search index.

        Only the public fields go in, never the asker's name or contact details.
        """
        return "\n".join(
            f"{question.public_subject}\n{question.public_question}\n{question.answer}"
            for question in self.published_questions()
        )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("published_answers_text"),
    ]

    # Routes ----------------------------------------------------------------------------------

    @path("")
    def answers(self, request):
        return self.render(
            request,
            context_overrides={"questions": paginate(request, self.published_questions())},
        )

    @path("<int:pk>/")
    def answer_detail(self, request, pk):
        question = self.published_questions().filter(pk=pk).first()
        if question is None:
            raise Http404
        return self.render(
            request,
            template="feedback/question_detail.html",
            context_overrides={"question": question},
        )

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request):
        if request.method == "POST":
            form = QuestionForm(request.POST, request=request)
            if antispam.check_submission(form, request):
                question = self.store_question(form.cleaned_data)
                request.session[SENT_REFERENCE_SESSION_KEY] = question.reference
                return redirect(self.url + self.reverse_subpage("sent"))
        else:
            form = QuestionForm(request=request)
        return self.render(
            request,
            template="feedback/question_ask.html",
            context_overrides={"form": form, "retention_days": self.retention_days(request)},
        )

    @path("da-gui/", name="sent")
    def sent(self, request):
        reference = request.session.pop(SENT_REFERENCE_SESSION_KEY, None)
        if reference is None:
            return redirect(self.url)
        return self.render(
            request,
            template="feedback/question_sent.html",
            context_overrides={"reference": reference},
        )

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        form = LookupForm(request.GET or None)
        question = None
        searched = False
        if form.is_bound and antispam.lookup_limited(request):
            form.add_error(None, antispam.TOO_MANY_LOOKUPS)
        elif form.is_bound and form.is_valid():
            searched = True
            question = self.questions.filter(
                reference=form.cleaned_data["reference"],
                email__iexact=form.cleaned_data["email"],
                anonymised_at__isnull=True,
            ).first()
        return self.render(
            request,
            template="feedback/question_lookup.html",
            context_overrides={"form": form, "question": question, "searched": searched},
        )

    # Helpers ---------------------------------------------------------------------------------

    def retention_days(self, request):
        from .models import FeedbackSettings

        return FeedbackSettings.for_request(request).retention_days

    def store_question(self, data):
        from .workflow import receive_question

        with transaction.atomic():
            return receive_question(
                self,
                {
                    "full_name": data["full_name"],
                    "address": data["address"],
                    "phone": data["phone"],
                    "email": data["email"],
                    "subject": data["subject"],
                    "topic": data["topic"],
                    "text": data["text"],
                    "publication_consent": data["publication_consent"],
                    "consented_at": timezone.now(),
                },
            )
