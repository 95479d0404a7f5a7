"""The admin API's page endpoint, rejecting the publication of confidential items with a clear message."""

from rest_framework.exceptions import PermissionDenied as APIPermissionDenied
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet

from .publishing import ConfidentialPublishError, EditorialPublishPageRevisionAction


class EditorialPublishPageAPIAction(PublishPageAPIAction):
    def _action_from_data(self, instance, data):
        action = super()._action_from_data(instance, data)
        return EditorialPublishPageRevisionAction(action.revision, user=action.user)

    def execute(self, instance, data):
        try:
            return super().execute(instance, data)
        except ConfidentialPublishError as error:
            raise APIPermissionDenied(error.message) from error


class EditorialPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": EditorialPublishPageAPIAction}
