from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import two_factor
from .models import SiteBanner


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
