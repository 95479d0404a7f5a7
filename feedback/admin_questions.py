"""The question inbox in the admin, filtered on the server by the user's role.

The board sees every question and chooses an action on each: forward to a unit, reject,
send the answer, publish. A contributor sees only the questions forwarded to their unit, also
when they type another question's address, and may only write the answer.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from home.exports import SafeSpreadsheetExportMixin

from . import workflow
from .models import Question
from .workflow import MANAGE_PERMISSION, is_board, questions_visible_to, scrub_personal_data

Status = Question.Status

# Actions, in the order the board meets them.
SAVE = "save"
FORWARD = "forward"
ANSWER = "answer"
SEND_ANSWER = "send_answer"
PUBLISH = "publish"
UNPUBLISH = "unpublish"
REJECT = "reject"

ACTION_LABELS = {
    SAVE: _("Save without changing the status"),
    FORWARD: _("Forward to the competent unit"),
    ANSWER: _("Save the answer for the board's review"),
    SEND_ANSWER: _("Email the answer to the asker without publishing it"),
    PUBLISH: _("Publish the question and answer, and email the answer"),
    UNPUBLISH: _("Withdraw from the public page"),
    REJECT: _("Reject (spam or out of scope)"),
}
BOARD_ACTIONS = {
    Status.NEW: [SAVE, FORWARD, ANSWER, REJECT],
    Status.FORWARDED: [SAVE, FORWARD, ANSWER, REJECT],
    Status.ANSWERED: [SAVE, FORWARD, SEND_ANSWER, PUBLISH, REJECT],
    Status.PUBLISHED: [SAVE, UNPUBLISH],
    Status.REJECTED: [SAVE, FORWARD],
}
UNIT_ACTIONS = {
    Status.FORWARDED: [ANSWER],
    Status.ANSWERED: [ANSWER],
}


class QuestionAdminForm(WagtailAdminModelForm):
    action = forms.ChoiceField(label=_("Action"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        status = self.instance.status
        actions = BOARD_ACTIONS[status] if is_board(user) else UNIT_ACTIONS.get(status, [])
        self.fields["action"].choices = [(action, ACTION_LABELS[action]) for action in actions]
        if actions:
            self.fields["action"].initial = actions[0]
        if "public_question" in self.fields and not self.instance.public_question:
            self.initial["public_question"] = self.instance.text
        if "answer" in self.fields and not actions:
            self.fields["answer"].disabled = True
        if "unit" in self.fields:
            from units.models import UnitPage

            self.fields["unit"].queryset = UnitPage.objects.live().order_by("title")

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        answer = (cleaned.get("answer") or "").strip()
        if action == FORWARD and not cleaned.get("unit"):
            self.add_error("unit", _("Choose the competent unit to forward the question to."))
        if action == REJECT and not (cleaned.get("rejection_reason") or "").strip():
            self.add_error("rejection_reason", _("Give the reason for rejecting the question."))
        if action in (ANSWER, SEND_ANSWER, PUBLISH) and not answer:
            self.add_error("answer", _("Write the answer first."))
        if action == PUBLISH:
            if not self.instance.publication_consent:
                self.add_error(
                    "action",
                    _(
                        "The asker did not agree to publication: email the answer without "
                        "publishing it."
                    ),
                )
            if not (cleaned.get("public_question") or "").strip():
                self.add_error(
                    "public_question", _("Write the question as the public will read it.")
                )
        return cleaned


QUESTION_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("reference", read_only=True),
            FieldPanel("status", read_only=True),
            FieldPanel("submitted_at", read_only=True),
            FieldPanel("deadline", read_only=True),
        ],
        heading=_("Processing"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("full_name", read_only=True),
            FieldPanel("address", read_only=True),
            FieldPanel("phone", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("publication_consent", read_only=True),
        ],
        heading=_("Asker"),
        permission=MANAGE_PERMISSION,
    ),
    MultiFieldPanel(
        [
            FieldPanel("subject", read_only=True),
            FieldPanel("topic", read_only=True),
            FieldPanel("text", read_only=True),
        ],
        heading=_("Question"),
    ),
    FieldPanel("unit", permission=MANAGE_PERMISSION),
    FieldPanel("answer"),
    MultiFieldPanel(
        [FieldPanel("public_subject"), FieldPanel("public_question")],
        heading=_("Publication"),
        permission=MANAGE_PERMISSION,
    ),
    FieldPanel("rejection_reason", permission=MANAGE_PERMISSION),
    FieldPanel("action"),
]


class DeadlineColumn(Column):
    cell_template_name = "feedback/admin/deadline_cell.html"


class VisibleQuestionsMixin:
    """Limit every view of one question to the questions the user may see (others give 404)."""

    def get_queryset(self):
        return questions_visible_to(self.request.user)

    def get_base_object_queryset(self):
        return questions_visible_to(self.request.user)


class QuestionIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return questions_visible_to(self.request.user).select_related("unit")


class QuestionEditView(VisibleQuestionsMixin, generic.EditView):
    def save_instance(self):
        with transaction.atomic():
            question = super().save_instance()
            apply_action(question, self.form.cleaned_data["action"], self.request.user)
        return question


class QuestionCreateView(generic.CreateView):
    """Questions arrive only through the public form."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class QuestionDeleteView(VisibleQuestionsMixin, generic.DeleteView):
    pass


class QuestionHistoryView(VisibleQuestionsMixin, history.HistoryView):
    pass


class QuestionUsageView(VisibleQuestionsMixin, usage.UsageView):
    pass


def apply_action(question, action, user):
    if question.status == Status.PUBLISHED or action == PUBLISH:
        question.public_subject = scrub_personal_data(question.public_subject, question)
        question.public_question = scrub_personal_data(question.public_question, question)
        question.answer = scrub_personal_data(question.answer, question)
        question.save(update_fields=["public_subject", "public_question", "answer"])
        if action != UNPUBLISH:
            transaction.on_commit(lambda: workflow.reindex_page(question))
    if action == FORWARD:
        workflow.forward(question, question.unit, user)
    elif action == ANSWER:
        workflow.record_answer(question, user)
    elif action == SEND_ANSWER:
        workflow.send_answer(question)
    elif action == PUBLISH:
        workflow.publish(question, user)
    elif action == UNPUBLISH:
        workflow.unpublish(question)
    elif action == REJECT:
        workflow.reject(question, user)


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Citizens' questions")
    menu_order = 250
    add_to_admin_menu = True
    name = "feedback_question"
    url_prefix = "hoi-dap"
    edit_handler = ObjectList(QUESTION_PANELS, base_form_class=QuestionAdminForm)
    index_view_class = QuestionIndexView
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    history_view_class = QuestionHistoryView
    usage_view_class = QuestionUsageView
    list_display = [
        "reference",
        "subject",
        "status",
        "unit",
        DeadlineColumn("deadline", label=_("Answer deadline")),
        "submitted_at",
    ]
    list_filter = ["status", "unit"]
    list_export = ["reference", "subject", "status", "unit", "deadline", "submitted_at"]
    export_filename = "cau-hoi"
    search_fields = ["reference", "subject"]
    search_backend_name = None
    ordering = ["-submitted_at"]
