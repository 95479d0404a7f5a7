"""Signal receivers: task notifications, lock release and the last guard against publishing
confidential items."""

import logging

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.log_actions import log
from wagtail.signals import (
    task_submitted,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from home.models import BasePage

from .calendar import CalendarError
from .deadlines import ItemDeadline
from .models import EditorialTask, EditorialTaskState
from .publishing import raise_if_confidential

logger = logging.getLogger(__name__)

# Saving any of these fields is what makes a page live or changes which revision is live.
PUBLISHING_FIELDS = {"live", "live_revision"}


class TaskStartedEmailNotifier(EmailNotificationMixin, Notifier):
    """Email the people who can act on an item when it reaches one of the editorial tasks.

    Wagtail's own notifier for group approval tasks writes to every member of the task's
    groups. This one writes to a deputy only about items they may approve. The user's
    "submitted" notification preference applies.
    """

    notification = "submitted"
    template_directory = "editorial/notifications/"

    def __init__(self):
        super().__init__((EditorialTaskState,))

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, EditorialTask
        )

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_"

    def get_recipient_users(self, task_state, **kwargs):
        triggering_user = kwargs.get("user")
        page = task_state.workflow_state.content_object.specific
        return {
            user
            for user in task_state.task.specific.actors_for(page)
            if triggering_user is None or user.pk != triggering_user.pk
        }

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        page = task_state.workflow_state.content_object.specific
        context.update(
            task=task_state.task.specific,
            page=page,
            object=page,
            requested_by=task_state.workflow_state.requested_by,
        )
        return context


task_started_email_notifier = TaskStartedEmailNotifier()
task_submitted.connect(
    task_started_email_notifier,
    sender=EditorialTaskState,
    dispatch_uid="editorial_task_started_email_notification",
)


@receiver(pre_save, dispatch_uid="editorial_block_confidential_publication")
def block_confidential_publication(sender, instance, update_fields=None, raw=False, **kwargs):
    """Stop any save that would make a confidential page live.

    Saving a draft revision of a live page updates only bookkeeping fields, so only a full
    save or one that touches the publishing fields is checked.
    """
    if raw or not isinstance(instance, BasePage) or not instance.live:
        return
    if update_fields is not None and not PUBLISHING_FIELDS.intersection(update_fields):
        return
    raise_if_confidential(instance)


def release_reviewer_lock(workflow_state, user=None):
    """Unlock an item that a reviewer locked, once it goes back to its author.

    A lock set by the secretary or a leader during review would otherwise keep the author
    from making the changes asked of them, or from submitting the item again.
    """
    page = workflow_state.content_object
    page = type(page)._default_manager.get(pk=page.pk)
    if not page.locked:
        return
    if page.locked_by_id in {workflow_state.requested_by_id, page.owner_id}:
        return
    page.locked = False
    page.locked_by = None
    page.locked_at = None
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    log(instance=page.specific, action="wagtail.unlock", user=user)
    logger.info("Released the review lock on page %s", page.pk)


@receiver(workflow_rejected, dispatch_uid="editorial_release_lock_on_reject")
@receiver(workflow_cancelled, dispatch_uid="editorial_release_lock_on_cancel")
def release_lock_when_returned(sender, instance, user=None, **kwargs):
    release_reviewer_lock(instance, user=user)


@receiver(workflow_submitted, dispatch_uid="editorial_store_deadline_on_submit")
def store_deadline_on_submit(sender, instance, user=None, **kwargs):
    """Fix the item's publication deadline when it enters the workflow."""
    try:
        deadline = ItemDeadline.create_for(instance)
    except CalendarError:
        # A calendar with no working day must not stop the submission itself.
        logger.exception("No publication deadline for workflow state %s", instance.pk)
        return
    if deadline is not None:
        logger.info(
            "Workflow state %s of page %s is due at %s",
            instance.pk,
            deadline.page_id,
            deadline.due_at,
        )
