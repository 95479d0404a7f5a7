"""Keep pages out of the search index as soon as the public may no longer see them.

``modelsearch`` adds or updates a page on save but never removes one that stops qualifying
(unpublished, marked confidential, made private), and a view restriction is saved without
saving its page at all.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from modelsearch import index
from wagtail.models import Page, PageViewRestriction


def refresh_page(page):
    """Add ``page`` to the search index if it qualifies, else remove it."""
    page = page.specific
    if not isinstance(page, index.Indexed):
        return
    if type(page).get_indexed_objects().filter(pk=page.pk).exists():
        index.insert_or_update_object(page)
    else:
        index.remove_object(page)


@receiver(post_save)
def remove_unqualified_page(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or not isinstance(instance, index.Indexed):
        return
    if not type(instance).get_indexed_objects().filter(pk=instance.pk).exists():
        index.remove_object(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def refresh_restricted_pages(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        refresh_page(descendant)
