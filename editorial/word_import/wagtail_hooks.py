"""Admin URL and menu item of the Word import.

Wagtail loads only ``<app>/wagtail_hooks.py`` by itself, so ``editorial/wagtail_hooks.py``
imports this module.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from news.models import SectionPage

from . import urls
from .drafts import can_import_into


class WordImportMenuItem(MenuItem):
    """Shown to users who may add an article to at least one section."""

    def is_shown(self, request):
        return any(
            can_import_into(section, request.user)
            for section in SectionPage.objects.order_by("path")
        )


@hooks.register("register_admin_urls")
def register_word_import_urls():
    return [path("word-import/", include(urls, namespace="editorial_word_import"))]


@hooks.register("register_admin_menu_item")
def register_word_import_menu_item():
    return WordImportMenuItem(
        _("Import from Word file"),
        reverse("editorial_word_import:upload"),
        name="word-import",
        icon_name="doc-full-inverse",
        order=250,
    )
