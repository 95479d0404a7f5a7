"""The page permission policy: users who may not edit other people's pages do not see their
drafts either."""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy


class EditorialPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, hiding other people's unpublished pages from contributors.

    Wagtail lists every page under a user's permitted section in the explorer, the admin
    search and the admin API, drafts of other people included. A user without the "change"
    permission (contributors and board members) gets only live pages and their own.
    """

    def user_sees_all_drafts(self, user):
        """Return True for users who may edit other people's pages somewhere in the tree.

        ``user_has_permission(user, "change")`` is no test for that: Wagtail's ownership
        policy grants "change" to anyone who may "add", for their own pages.
        """
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        change = self._get_permission_codename("change")
        return any(
            perm.permission.codename == change
            for perm in self.get_cached_permissions_for_user(user)
        )

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if self.user_sees_all_drafts(user):
            return pages
        return pages.filter(Q(live=True) | Q(owner=user))
