from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial board")

    def ready(self):
        from wagtail.models import AbstractPage
        from wagtail.permissions import policy_registry

        from . import signals  # noqa: F401
        from .permissions import EditorialPagePermissionPolicy

        policy_registry.register(AbstractPage, EditorialPagePermissionPolicy())
