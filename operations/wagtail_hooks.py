from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import two_factor
from .models import SiteBanner
from .reports import PageViewReport


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("hai-lop/thiet-lap/", two_factor.setup, name="operations_two_factor_setup"),
        path("hai-lop/xac-thuc/", two_factor.verify, name="operations_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if two_factor.has_confirmed_device(request.user):
        return None
    return {
        "url": reverse("operations_two_factor_setup"),
        "label": _("Turn on two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }


class SiteBannerViewSet(SnippetViewSet):
    model = SiteBanner
    icon = "warning"
    menu_label = _("Site banners")
    list_display = ["kind", "message", "show_from", "suspension_starts", "show_until"]
    list_filter = ["kind"]


register_snippet(SiteBannerViewSet)


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Note which page a request serves, for the view counts of operations.visits."""
    request.served_page_id = page.pk


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("bao-cao/luot-xem/", PageViewReport.as_view(), name="operations_page_views"),
        path(
            "bao-cao/luot-xem/ket-qua/",
            PageViewReport.as_view(results_only=True),
            name="operations_page_views_results",
        ),
    ]


class PageViewsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("operations.view_pageviewday")


@hooks.register("register_reports_menu_item")
def register_page_views_menu_item():
    return PageViewsMenuItem(
        _("Page views"),
        reverse("operations_page_views"),
        name="page-views",
        icon_name="view",
        order=1100,
    )
