"""Retire the anonymous page cache whenever published content or navigation changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import retire_cached_pages


def retire(sender, **kwargs):
    retire_cached_pages()


def connect():
    from wagtail.models import Page

    from home.models import NavigationMenu, PortalSettings

    from .models import SiteBanner

    page_published.connect(retire, dispatch_uid="operations_cache_published")
    page_unpublished.connect(retire, dispatch_uid="operations_cache_unpublished")
    post_page_move.connect(retire, dispatch_uid="operations_cache_moved")
    post_delete.connect(retire, sender=Page, dispatch_uid="operations_cache_deleted")
    for model in (NavigationMenu, PortalSettings, SiteBanner):
        post_save.connect(retire, sender=model, dispatch_uid=f"operations_cache_{model.__name__}")
        post_delete.connect(
            retire, sender=model, dispatch_uid=f"operations_cache_{model.__name__}_deleted"
        )
