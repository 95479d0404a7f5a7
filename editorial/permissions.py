"""The page permission policy: users who may not edit other people's pages do not see their
drafts either."""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy


class EditorialPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, hiding other people's unpublished pages from contributors.

    Wagtail lists every page under a user's permitted section in the explorer, the admin
    search and the admin API, drafts of other people included. A user without the "change"
    permission (contributors and board members) sees only live pages and their own.
    """

    def user_sees_all_drafts(self, user):
        return user.is_active and (user.is_superuser or self.user_has_permission(user, "change"))

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if self.user_sees_all_drafts(user):
            return pages
        return pages.filter(Q(live=True) | Q(owner=user))
