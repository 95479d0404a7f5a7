"""Wagtail's ``update_index``, followed by removal of pages the public may not see.

The search backends' rebuild adds every qualifying page but deletes only the entries of
objects that no longer exist. Without this step, a page unpublished, made private or marked
confidential without a signal (a bulk update, a restore from backup) would stay in the index.
"""

from django.contrib.contenttypes.models import ContentType
from modelsearch import index
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as UpdateIndexCommand,
)

from search.indexing import FoldedSearchMixin


def remove_unqualified_pages():
    """Remove from every search backend the pages that ``get_indexed_objects`` leaves out.

    Returns the number of pages removed.
    """
    removed = 0
    for model in index.get_indexed_models():
        if not issubclass(model, FoldedSearchMixin):
            continue
        content_type = ContentType.objects.get_for_model(model)
        qualifying = model.get_indexed_objects().values("pk")
        hidden = model.objects.filter(content_type=content_type).exclude(pk__in=qualifying)
        for page in hidden.iterator():
            index.remove_object(page)
            removed += 1
    return removed


class Command(UpdateIndexCommand):
    def handle(self, **options):
        super().handle(**options)
        removed = remove_unqualified_pages()
        if options.get("verbosity", 1) >= 1:
            self.stdout.write(f"Removed {removed} pages that are not public from the index.")
