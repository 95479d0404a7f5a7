"""The editorial board's data: contributor profiles, deputies' sections and the workflow tasks.

The workflow has three tasks, in this order:

1. ``SecretaryEditTask`` ("Thư ký biên tập"): the secretary edits the draft, then forwards it
   or returns it to its author with a comment.
2. ``BoardApprovalTask`` ("Lãnh đạo Ban duyệt"): the head approves anything; a deputy approves
   only items in the sections assigned to them and never an important or sensitive item.
   Approving records the approver's screening confirmation; returning requires a reason.
3. ``SecretaryPublishTask`` ("Thư ký đăng tải"): the secretary publishes now or schedules a
   go-live time. Finishing the workflow publishes through ``editorial.publishing``.
"""

import logging
from datetime import time

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, TaskState

from news.work_schedule import WEEKDAYS

from . import roles
from .forms import PublishForm, ReturnForm, ScreeningForm

logger = logging.getLogger(__name__)


class ContributorProfile(models.Model):
    """The unit a contributor writes for, and the sections they may draft in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Contributor"),
        on_delete=models.CASCADE,
        related_name="contributor_profile",
    )
    unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The agency or commune the contributor writes for."),
    )
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("Sections"),
        blank=True,
        related_name="+",
        help_text=_(
            "Leave empty to let the contributor draft in every news section; "
            "otherwise they may draft only in these sections and their subsections."
        ),
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("unit"),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("Contributor profile")
        verbose_name_plural = _("Contributor profiles")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} – {self.unit}"

    def allows_section(self, section):
        """Return True when the contributor may draft under ``section``."""
        allowed = list(self.sections.all())
        if not allowed:
            return True
        return any(section.path.startswith(item.path) for item in allowed)


class DeputyAssignment(models.Model):
    """The sections the head has assigned to a deputy for approval."""

    deputy = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Deputy head"),
        on_delete=models.CASCADE,
        related_name="deputy_assignment",
        limit_choices_to={"groups__name": roles.DEPUTY},
    )
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("Sections"),
        related_name="+",
        help_text=_(
            "The deputy approves items in these sections and their subsections, "
            "except important or sensitive items, which only the head approves."
        ),
    )

    panels = [
        FieldPanel("deputy"),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("Deputy assignment")
        verbose_name_plural = _("Deputy assignments")

    def __str__(self):
        return self.deputy.get_full_name() or self.deputy.get_username()


def section_paths_for_deputy(user):
    """Return the tree paths of the sections assigned to ``user`` as a deputy."""
    paths = DeputyAssignment.objects.filter(deputy=user).values_list("sections__path", flat=True)
    return [path for path in paths if path]


def latest_content(page):
    """Return the page as its latest revision has it, which is what the workflow publishes."""
    page = page.specific
    if page.has_unpublished_changes or not page.live:
        return page.get_latest_revision_as_object()
    return page


class WorkflowActionError(PermissionDenied):
    """Raised when a user requests a workflow action that the task does not allow them."""


class EditorialTaskState(TaskState):
    """A task state of the editorial workflow, with the approver's screening confirmation."""

    confirmed_no_state_secret = models.BooleanField(_("No state secret"), default=False)
    confirmed_no_prohibited_content = models.BooleanField(_("No prohibited content"), default=False)
    confirmed_author_and_source = models.BooleanField(_("Author and source given"), default=False)

    class Meta:
        verbose_name = _("Editorial task state")
        verbose_name_plural = _("Editorial task states")

    def log_state_change_action(self, user, action):
        super().log_state_change_action(user, action)
        logger.info(
            "Workflow task %s: %s on page %s by user %s",
            self.task_id,
            action,
            self.workflow_state.object_id,
            user.pk if user else None,
        )


class EditorialTask(AbstractGroupApprovalTask):
    """Common behaviour of the three editorial tasks.

    A user who may act on an item at this task (``user_can_act``) may also open it in the
    editor and edit it. For everyone else the item is locked until the task is over.
    """

    task_state_class = EditorialTaskState

    class Meta:
        abstract = True

    def user_can_act(self, obj, user):
        """Return True when ``user`` may take this task's decisions on ``obj``."""
        if not user.is_active:
            return False
        return user.is_superuser or self._user_in_groups(user)

    def user_can_access_editor(self, obj, user):
        return self.user_can_act(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_act(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_act(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or not self._user_in_groups(user):
            return in_progress if user.is_superuser else TaskState.objects.none()
        allowed = [
            state.pk
            for state in in_progress.select_related("workflow_state")
            if self.user_can_act(self._object_for(state), user)
        ]
        return in_progress.filter(pk__in=allowed)

    def actors_for(self, obj):
        """Return the active users, superusers aside, who may act on ``obj`` at this task."""
        from django.contrib.auth import get_user_model

        candidates = (
            get_user_model().objects.filter(is_active=True, groups__in=self.groups.all()).distinct()
        )
        return [user for user in candidates if self.user_can_act(obj, user)]

    @staticmethod
    def _object_for(task_state):
        return task_state.workflow_state.content_object.specific

    def check_action_allowed(self, task_state, user, action_name):
        """Raise ``WorkflowActionError`` unless ``user`` may take ``action_name`` on the item.

        The admin's workflow action URL names both a page and a task state, and checks the
        action against the page only, so the task state's own page is checked again here.
        """
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise WorkflowActionError(_("This item is no longer waiting at this step."))
        obj = self._object_for(task_state)
        allowed = {name for name, _label, _modal in self.get_actions(obj, user)}
        if action_name not in allowed:
            raise WorkflowActionError(_("You may not take this decision on this item."))
        return obj

    @staticmethod
    def cleaned_action_data(form_class, data):
        """Validate the extra data of an action again, since the editor sends it unchecked."""
        form = form_class(data)
        if not form.is_valid():
            errors = "; ".join(str(error) for errors in form.errors.values() for error in errors)
            raise WorkflowActionError(errors)
        return form.cleaned_data

    def get_form_for_action(self, action):
        if action == "reject":
            return ReturnForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_action_allowed(task_state, user, action_name)
        data = self.cleaned_action_data(self.get_form_for_action(action_name), kwargs)
        if action_name == "reject":
            task_state.reject(user=user, comment=data["comment"])
        elif action_name == "approve":
            task_state.approve(user=user, comment=data.get("comment", ""))


class SecretaryEditTask(EditorialTask):
    """Task 1: the secretary edits the draft, then forwards it or returns it to its author."""

    class Meta:
        verbose_name = _("Secretary edits")
        verbose_name_plural = _("Secretary edits")

    def get_actions(self, obj, user):
        if not self.user_can_act(obj, user):
            return []
        return [
            ("reject", _("Return to the author"), True),
            ("approve", _("Forward to the board's leaders"), False),
            ("approve", _("Forward with a comment"), True),
        ]

    @classmethod
    def get_description(cls):
        return _(
            "The board's secretary edits the item, then forwards it to the head or a deputy, "
            "or returns it to its author with a comment."
        )


class BoardApprovalTask(EditorialTask):
    """Task 2: the head, or a deputy for the sections assigned to them, approves or returns."""

    class Meta:
        verbose_name = _("Board leaders approve")
        verbose_name_plural = _("Board leaders approve")

    def user_can_act(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser or roles.user_in_group(user, roles.HEAD):
            return True
        if not roles.user_in_group(user, roles.DEPUTY):
            return False
        content = latest_content(obj)
        if getattr(content, "is_sensitive", False):
            return False
        return any(obj.path.startswith(path) for path in section_paths_for_deputy(user))

    def get_actions(self, obj, user):
        if not self.user_can_act(obj, user):
            return []
        return [
            ("reject", _("Return to the author"), True),
            ("approve", _("Approve"), True),
        ]

    def get_form_for_action(self, action):
        if action == "approve":
            return ScreeningForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return "editorial/workflow/screening_modal.html"
        return ""

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        self.check_action_allowed(task_state, user, action_name)
        data = self.cleaned_action_data(ScreeningForm, kwargs)
        task_state.confirmed_no_state_secret = data["no_state_secret"]
        task_state.confirmed_no_prohibited_content = data["no_prohibited_content"]
        task_state.confirmed_author_and_source = data["author_and_source_given"]
        comment = ScreeningForm.confirmation_text()
        if data.get("comment"):
            comment = f"{comment}\n{data['comment']}"
        task_state.approve(user=user, comment=comment)

    @classmethod
    def get_description(cls):
        return _(
            "The head approves any item; a deputy approves items in the sections assigned to "
            "them, except important or sensitive items."
        )


class SecretaryPublishTask(EditorialTask):
    """Task 3: the secretary checks the item and publishes it now or at a scheduled time."""

    class Meta:
        verbose_name = _("Secretary publishes")
        verbose_name_plural = _("Secretary publishes")

    def get_actions(self, obj, user):
        if not self.user_can_act(obj, user):
            return []
        if getattr(latest_content(obj), "is_confidential", False):
            # A confidential item never reaches the public site, so there is nothing to offer.
            return []
        return [
            ("approve", _("Checked"), False),
            ("schedule", _("Schedule publication"), True),
        ]

    def get_form_for_action(self, action):
        if action == "schedule":
            return PublishForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "schedule":
            return super().on_action(task_state, user, action_name, **kwargs)
        obj = self.check_action_allowed(task_state, user, action_name)
        data = self.cleaned_action_data(PublishForm, kwargs)
        page = latest_content(obj)
        page.go_live_at = data["go_live_at"]
        page.save_revision(user=user, log_action=True)
        task_state.approve(user=user, comment=data.get("comment", ""))

    @classmethod
    def get_description(cls):
        return _(
            "The board's secretary checks the related information and publishes the item, "
            "now or at a scheduled time."
        )


# Working calendar ------------------------------------------------------------------------


class WorkingCalendarSettingsForm(WagtailAdminModelForm):
    """Edit the stored list of working weekdays ("0,1,2,3,4") as seven checkboxes."""

    working_weekdays = forms.TypedMultipleChoiceField(
        label=_("Working weekdays"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one working weekday.")},
        help_text=_(
            "Public holidays and the make-up working days the government announces "
            "are applied on top of these days."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["working_weekdays"] = self.instance.weekdays

    def clean_working_weekdays(self):
        return ",".join(str(day) for day in sorted(self.cleaned_data["working_weekdays"]))


@register_setting(icon="date")
class WorkingCalendarSettings(BaseSiteSetting):
    """Office hours and working weekdays, from which publication deadlines are counted."""

    morning_start = models.TimeField(_("Morning starts"), default=time(7, 30))
    morning_end = models.TimeField(_("Morning ends"), default=time(11, 30))
    afternoon_start = models.TimeField(_("Afternoon starts"), default=time(13, 30))
    afternoon_end = models.TimeField(_("Afternoon ends"), default=time(17, 30))
    working_weekdays = models.CharField(_("Working weekdays"), max_length=20, default="0,1,2,3,4")

    base_form_class = WorkingCalendarSettingsForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("morning_start"),
                FieldPanel("morning_end"),
                FieldPanel("afternoon_start"),
                FieldPanel("afternoon_end"),
            ],
            heading=_("Office hours"),
        ),
        FieldPanel("working_weekdays"),
    ]

    class Meta:
        verbose_name = _("Working calendar")

    @property
    def weekdays(self):
        return {int(day) for day in self.working_weekdays.split(",") if day.strip()}

    @property
    def office_periods(self):
        return [(self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end)]

    def clean(self):
        super().clean()
        times = [self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end]
        if None not in times and times != sorted(set(times)):
            raise ValidationError(
                _(
                    "The morning must start before it ends, and end before the afternoon "
                    "starts; the afternoon must start before it ends."
                )
            )


class CalendarOverride(models.Model):
    """A day the government announces as off or as worked, against the usual calendar."""

    date = models.DateField(_("Date"), unique=True)
    is_working_day = models.BooleanField(
        _("Working day"),
        default=False,
        help_text=_(
            "Tick for an extra working day (a make-up day on a weekend); "
            "leave empty for an extra day off."
        ),
    )
    reason = models.CharField(
        _("Reason"),
        max_length=255,
        help_text=_("For example: Nghỉ bù Tết Nguyên đán theo thông báo của UBND tỉnh."),
    )

    panels = [FieldPanel("date"), FieldPanel("is_working_day"), FieldPanel("reason")]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("Calendar change")
        verbose_name_plural = _("Calendar changes")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.reason}"


# Models kept in their own modules, imported here so that Django registers them.
from .deadlines import DeadlineRule, ItemDeadline  # noqa: E402, F401
from .royalties import (  # noqa: E402, F401
    RoyaltyAddOn,
    RoyaltyPayment,
    RoyaltyRateTable,
    RoyaltyRecord,
    RoyaltyWorkKind,
)
