"""Admin integration of the editorial workflow: where contributors may write, what they see,
the rejection of confidential items on every publishing path, and the board's snippets."""

from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from home.models import BasePage
from news.models import CONTENT_PAGE_TYPES, SectionPage

from . import roles
from .deadline_views import (
    DeadlineReportView,
    DeadlinesPanel,
    EventTimeView,
    user_sees_deadlines,
)
from .models import (
    CalendarOverride,
    ContributorProfile,
    DeadlineRule,
    DeputyAssignment,
    ItemDeadline,
    RoyaltyRateTable,
    RoyaltyRecord,
)
from .publishing import (
    ConfidentialPublishError,
    EditorialPublishPageRevisionAction,
    raise_if_confidential,
    revision_is_confidential,
)
from .royalty_views import REPORT_PERMISSION, RoyaltyReportView
from .signals import release_reviewer_lock
from .status import submission_status
from .word_import import wagtail_hooks as word_import_hooks  # noqa: F401 (registers the import view)

# Wagtail admin strings around the workflow's buttons, worded for the board in this app's
# catalogue ("Đã kiểm tra và đăng tải", "Gửi duyệt theo Quy trình biên tập").
WAGTAIL_WORDING = (
    gettext_lazy("%(label)s and Publish"),
    gettext_lazy("Submit to %(workflow_name)s"),
    gettext_lazy("Resubmit to %(task_name)s"),
)


@hooks.register("register_actions")
def register_publish_action(registry):
    registry.register(BasePage, EditorialPublishPageRevisionAction)


# Where contributors may write ------------------------------------------------------------


def is_contributor_only(user):
    """Return True for contributors who hold no board or administrator role."""
    if user.is_superuser or not roles.user_in_group(user, roles.CONTRIBUTOR):
        return False
    return not any(
        roles.user_in_group(user, role) for role in [roles.ADMINISTRATOR, *roles.BOARD_ROLES]
    )


def contributor_create_error(user, parent, page_class):
    """Return why a contributor may not create a ``page_class`` under ``parent``, or None."""
    content_types = {label.lower() for label in CONTENT_PAGE_TYPES}
    if page_class._meta.label_lower not in content_types:
        return _("Contributors write articles, albums and video or audio items only.")
    profile = ContributorProfile.objects.filter(user=user).first()
    if profile is None:
        return _(
            "Your account is not linked to a unit yet: ask an administrator to add your "
            "contributor profile."
        )
    section = parent.specific
    if not isinstance(section, SectionPage) or not profile.allows_section(section):
        return _("You may not write in the section “%(section)s”.") % {
            "section": parent.get_admin_display_title()
        }
    return None


@hooks.register("before_create_page")
def restrict_contributor_create(request, parent_page, page_class):
    if not is_contributor_only(request.user):
        return None
    reason = contributor_create_error(request.user, parent_page, page_class)
    if reason:
        messages.error(request, reason)
        return redirect("wagtailadmin_explore", parent_page.pk)
    return None


# NOTE: copying a page is not limited to the contributor's sections, because Wagtail's
# before_copy_page hook does not receive the destination. The copy is an unpublished draft
# that still has to pass the workflow.
@hooks.register("before_move_page")
def restrict_contributor_move(request, page, destination):
    if not is_contributor_only(request.user):
        return None
    reason = contributor_create_error(request.user, destination, page.specific_class)
    if reason:
        messages.error(request, reason)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("after_edit_page")
def release_lock_after_cancel(request, page):
    """Release a reviewer's lock again after the editor has saved the cancelled item.

    Cancelling from the editor saves the page as it was loaded, lock included, after the
    ``workflow_cancelled`` receiver has released it.
    """
    if not request.POST.get("action-cancel-workflow"):
        return None
    workflow_state = page.workflow_states.order_by("-created_at").first()
    if workflow_state and workflow_state.status == WorkflowState.STATUS_CANCELLED:
        release_reviewer_lock(workflow_state, user=request.user)
    return None


# What contributors see -------------------------------------------------------------------


def hide_other_peoples_drafts(pages, user):
    """Limit ``pages`` to live pages and the user's own, for users who may not edit others'."""
    if policy_registry.get_by_type(Page).user_sees_all_drafts(user):
        return pages
    return pages.filter(Q(live=True) | Q(owner=user))


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_drafts(pages, request):
    return hide_other_peoples_drafts(pages, request.user)


class MySubmissionsPanel(Component):
    """Dashboard panel listing the user's own items and the status of each."""

    name = "editorial_my_submissions"
    template_name = "editorial/panels/my_submissions.html"
    order = 90
    limit = 15

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = (
            Page.objects.filter(owner=self.user)
            .exclude(depth__lte=1)
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .order_by("-latest_revision_created_at", "-pk")[: self.limit]
        )
        # Items whose deadline counts from their submission, for which the author can give the
        # event time.
        event_links = dict(
            ItemDeadline.objects.open()
            .filter(page__in=[page.pk for page in pages], reference_from_submission=True)
            .values_list("page_id", "pk")
        )
        context["items"] = [
            (page, submission_status(page), event_links.get(page.pk)) for page in pages
        ]
        context["request"] = parent_context.get("request")
        return context


@hooks.register("construct_homepage_panels")
def add_my_submissions_panel(request, panels):
    if request.user.is_superuser or roles.user_in_group(request.user, roles.ADMINISTRATOR):
        return
    panels.append(MySubmissionsPanel(request.user))


# Confidential items are never published ------------------------------------------------------


def confidential_error_response(request, error, page):
    messages.error(request, error.message)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def reject_confidential_publish(request, page):
    try:
        raise_if_confidential(page)
    except ConfidentialPublishError as error:
        return confidential_error_response(request, error, page)
    return None


@hooks.register("before_create_page")
def save_confidential_new_page_as_draft(request, parent_page, page_class):
    """Turn "publish" into "save draft" when a new page is ticked confidential.

    The create view inserts the new page live before ``before_publish_page`` runs, so the
    model guard would reject the whole request and lose what the author typed.
    """
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if request.POST.get("is_confidential") in (None, "", "false", "False", "off"):
        return None
    data = request.POST.copy()
    del data["action-publish"]
    request.POST = data
    title = data.get("title") or page_class._meta.verbose_name
    messages.error(request, ConfidentialPublishError(title).message)
    return None


@hooks.register("before_bulk_action")
def reject_confidential_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish" or not objects or not isinstance(objects[0], Page):
        return None
    candidates = []
    for page in objects:
        candidates.append(page)
        candidates.extend(page.get_descendants().not_live())
    for page in candidates:
        if revision_is_confidential(page.get_latest_revision()):
            error = ConfidentialPublishError(page.get_admin_display_title())
            messages.error(request, error.message)
            return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None


@hooks.register("before_edit_page")
def warn_confidential(request, page):
    if request.method == "GET" and getattr(page, "is_confidential", False):
        messages.warning(
            request,
            _(
                "This item is marked as containing confidential information: it can go "
                "through review but can never be published."
            ),
        )
    return None


@hooks.register("construct_admin_api")
def reject_confidential_in_admin_api(router):
    from .admin_api import EditorialPagesAdminAPIViewSet

    router.register_endpoint("pages", EditorialPagesAdminAPIViewSet)


# Snippets --------------------------------------------------------------------------------


class ContributorProfileViewSet(SnippetViewSet):
    model = ContributorProfile
    icon = "user"
    menu_label = gettext_lazy("Contributors")
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


class DeputyAssignmentViewSet(SnippetViewSet):
    model = DeputyAssignment
    icon = "group"
    menu_label = gettext_lazy("Deputies' sections")
    list_display = ["deputy"]


class CalendarOverrideViewSet(SnippetViewSet):
    model = CalendarOverride
    icon = "date"
    menu_label = gettext_lazy("Calendar changes")
    list_display = ["date", "is_working_day", "reason"]
    list_filter = ["is_working_day"]


class DeadlineRuleViewSet(SnippetViewSet):
    model = DeadlineRule
    icon = "time"
    menu_label = gettext_lazy("Deadline rules")
    list_display = ["kind", "amount", "unit", "warning_hours"]


class ItemDeadlineViewSet(SnippetViewSet):
    """Deadlines of submitted items, whose kind and reference time the board may correct."""

    model = ItemDeadline
    icon = "time"
    menu_label = gettext_lazy("Items' deadlines")
    list_display = ["page", "unit", "kind", "due_display", "status_label"]
    list_filter = ["kind", "unit"]
    inspect_view_enabled = True


class EditorialBoardGroup(SnippetViewSetGroup):
    items = (
        ContributorProfileViewSet,
        DeputyAssignmentViewSet,
        CalendarOverrideViewSet,
        DeadlineRuleViewSet,
        ItemDeadlineViewSet,
    )
    menu_icon = "group"
    menu_label = gettext_lazy("Editorial board")
    menu_order = 250


register_snippet(EditorialBoardGroup)


# Publication deadlines ---------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_deadline_report_urls():
    return [
        path("reports/deadlines/", DeadlineReportView.as_view(), name="editorial_deadline_report"),
        path(
            "reports/deadlines/results/",
            DeadlineReportView.as_view(results_only=True),
            name="editorial_deadline_report_results",
        ),
        path("deadlines/<int:pk>/event/", EventTimeView.as_view(), name="editorial_event_time"),
    ]


class DeadlineReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_sees_deadlines(request.user)


@hooks.register("register_reports_menu_item")
def register_deadline_report_menu_item():
    return DeadlineReportMenuItem(
        gettext_lazy("Publication deadlines"),
        reverse("editorial_deadline_report"),
        name="editorial-deadlines",
        icon_name="time",
        order=950,
    )


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if user_sees_deadlines(request.user) and not is_contributor_only(request.user):
        panels.append(DeadlinesPanel())


# Royalties -----------------------------------------------------------------------------------


class RoyaltyRateTableViewSet(SnippetViewSet):
    model = RoyaltyRateTable
    icon = "table"
    menu_label = gettext_lazy("Royalty rate tables")
    list_display = ["name", "effective_from", "unit_value"]


class RoyaltyRecordCreateView(CreateView):
    """Create a royalty record, with the work filled in when the link names one (?page=ID)."""

    def get_initial_form_instance(self):
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit() and Page.objects.filter(pk=page_id).exists():
            return RoyaltyRecord(page_id=int(page_id))
        return super().get_initial_form_instance()


class RoyaltyRecordViewSet(SnippetViewSet):
    model = RoyaltyRecord
    icon = "doc-full"
    menu_label = gettext_lazy("Royalty records")
    add_view_class = RoyaltyRecordCreateView
    list_display = ["page", "published_on", "work_kind", "coefficient", "work_amount"]
    list_filter = ["published_on"]
    inspect_view_enabled = True


class RoyaltyGroup(SnippetViewSetGroup):
    items = (RoyaltyRecordViewSet, RoyaltyRateTableViewSet)
    menu_icon = "doc-full"
    menu_label = gettext_lazy("Royalties")
    menu_order = 260


register_snippet(RoyaltyGroup)


@hooks.register("register_admin_urls")
def register_royalty_report_urls():
    return [
        path("reports/royalties/", RoyaltyReportView.as_view(), name="editorial_royalty_report")
    ]


class RoyaltyReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_royalty_report_menu_item():
    return RoyaltyReportMenuItem(
        gettext_lazy("Monthly royalties"),
        reverse("editorial_royalty_report"),
        name="editorial-royalties",
        icon_name="doc-full",
        order=960,
    )


def record_royalty_button(page, user, priority):
    """Offer to record the royalty of a published work that has no royalty record yet."""
    if not page.live or not user.has_perm("editorial.add_royaltyrecord"):
        return
    if RoyaltyRecord.objects.filter(page_id=page.pk).exists():
        return
    url = reverse("wagtailsnippets_editorial_royaltyrecord:add")
    yield Button(
        _("Record the royalty"), f"{url}?page={page.pk}", icon_name="doc-full", priority=priority
    )


@hooks.register("register_page_header_buttons")
def page_header_record_royalty(page, user, view_name, next_url=None):
    yield from record_royalty_button(page, user, priority=50)


@hooks.register("register_page_listing_more_buttons")
def page_listing_record_royalty(page, user, next_url=None):
    yield from record_royalty_button(page, user, priority=50)


@hooks.register("before_delete_page")
def keep_works_with_royalties(request, page):
    """Keep published works that have a royalty record, since the payment history refers to them."""
    pages = page.get_descendants(inclusive=True)
    if not RoyaltyRecord.objects.filter(page__in=pages).exists():
        return None
    messages.error(
        request,
        _(
            "“%(title)s” or one of its subpages has a royalty record, so it cannot be deleted. "
            "Unpublish it instead."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
