"""Retire the anonymous page cache whenever published content or navigation changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import retire_cached_pages
from .shared_content import retire_shared_content

# Page fields that menus and other shared content show. A draft save changes none of them.
SHARED_PAGE_FIELDS = {"live", "title", "slug", "url_path", "path"}


def retire(sender, **kwargs):
    retire_cached_pages()
    retire_shared_content()


def retire_shared(sender, **kwargs):
    retire_shared_content()


def retire_shared_on_page_save(sender, instance, update_fields=None, **kwargs):
    from wagtail.models import Page

    if not isinstance(instance, Page):
        return
    if update_fields is None or SHARED_PAGE_FIELDS & set(update_fields):
        retire_shared_content()


def connect():
    from wagtail.models import Page, PageViewRestriction, Site

    from home.models import MenuItem, NavigationMenu, PortalSettings

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
    post_save.connect(retire_shared_on_page_save, dispatch_uid="operations_shared_page_saved")
    for model in (MenuItem, PageViewRestriction, Site):
        post_save.connect(
            retire_shared, sender=model, dispatch_uid=f"operations_shared_{model.__name__}"
        )
        post_delete.connect(
            retire_shared, sender=model, dispatch_uid=f"operations_shared_{model.__name__}_deleted"
        )
