"""Where an item stands in the editorial process, in the words its author understands."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState


@dataclass
class SubmissionStatus:
    label: str
    detail: str = ""


def submission_status(page):
    """Return the ``SubmissionStatus`` of ``page`` for its author's dashboard."""
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = workflow_state.current_task_state
        return SubmissionStatus(
            _("Returned for changes"),
            _("At “%(task)s”: %(reason)s")
            % {"task": task_state.task.name, "reason": task_state.comment},
        )
    if workflow_state and workflow_state.current_task_state:
        return SubmissionStatus(
            _("Under review"),
            _("Waiting at “%(task)s”") % {"task": workflow_state.current_task_state.task.name},
        )
    scheduled = page.scheduled_revision
    if scheduled and scheduled.approved_go_live_at:
        when = date_format(localtime(scheduled.approved_go_live_at), "d/m/Y H:i")
        return SubmissionStatus(_("Scheduled"), _("Goes live at %(time)s") % {"time": when})
    if page.live and page.has_unpublished_changes:
        return SubmissionStatus(_("Published"), _("Has changes not yet submitted"))
    if page.live:
        return SubmissionStatus(_("Published"))
    return SubmissionStatus(_("Draft"), _("Not submitted yet"))
