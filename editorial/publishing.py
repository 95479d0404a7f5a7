"""Publishing rules: confidential items never go live, and the workflow publishes for the board.

Every publication of a page passes through ``EditorialPublishPageRevisionAction``:
``BasePage.publish`` uses the publish action registered for the page type, which covers the
workflow, bulk publishing, ``publish_scheduled`` and any code calling ``revision.publish()``.
The admin's own publish buttons and its API call Wagtail's action class directly, so
``wagtail_hooks`` rejects confidential items there before the action runs, and the
``pre_save`` guard in ``editorial.signals`` stops any path left.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

logger = logging.getLogger(__name__)

CONFIDENTIAL_MESSAGE = _(
    "“%(title)s” is marked as containing confidential information (state secrets), so it "
    "can never be published. Remove the confidential content and untick the mark first."
)


class ConfidentialPublishError(PermissionDenied):
    """Raised when anything tries to publish or schedule an item marked confidential."""

    def __init__(self, title):
        self.title = title
        super().__init__(str(CONFIDENTIAL_MESSAGE % {"title": title}))

    @property
    def message(self):
        return self.args[0]


def revision_is_confidential(revision):
    """Return True when the page as stored in ``revision`` is marked confidential."""
    return bool(revision and revision.content.get("is_confidential"))


def raise_if_confidential(page):
    """Raise ``ConfidentialPublishError`` when ``page``, as it would be published, is confidential."""
    if getattr(page, "is_confidential", False):
        logger.warning("Refused to publish confidential page %s", page.pk)
        raise ConfidentialPublishError(page.get_admin_display_title())


class EditorialPublishPageRevisionAction(PublishPageRevisionAction):
    """Wagtail's page publish action, rejecting confidential revisions even when it skips
    permission checks, as the workflow and the scheduler do."""

    def check(self, skip_permission_checks=False):
        raise_if_confidential(self.object)
        super().check(skip_permission_checks=skip_permission_checks)


def publish_workflow_state(workflow_state, user=None):
    """Publish the latest revision of an item whose editorial workflow has just finished.

    Wagtail's default finish action publishes only when the last approver has the plain
    publish permission. Here finishing the workflow is the authorisation itself: the
    secretary who completes the last task has no publish permission of their own.
    """
    # The workflow state's cached object may predate a revision saved by the last task.
    item = workflow_state.content_object
    item = type(item)._default_manager.get(pk=item.pk)
    item.get_latest_revision().publish(user=user, skip_permission_checks=True)
