"""Search index rules: live, public, non-confidential pages only, with folded copies.

``FoldedSearchMixin`` is a base of ``home.models.BasePage``, so every page type of the project
that declares search fields is indexed the same way, including page types added later.
"""

from django.utils.encoding import force_str
from django.utils.html import strip_tags
from modelsearch import index

from .folding import exact_copy, fold, folded_copy

FOLDED_FIELDS = [
    index.SearchField("search_folded_text"),
    index.SearchField("search_exact_text"),
    index.AutocompleteField("search_folded_title"),
]
# Fields left out of the copies: ours, and legal documents' own folded copy, whose ASCII words
# would otherwise count as exact matches of a query typed without diacritics.
FOLDED_FIELD_NAMES = {field.field_name for field in FOLDED_FIELDS} | {"folded_text"}


def flatten(value):
    """Return the text of a search field value (string, list, dict or object), tags removed."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(flatten(item) for item in value.values())
    text = force_str(value)
    if "<" in text:
        text = strip_tags(text)
    return text


class FoldedSearchMixin:
    """Index only what the public may see, and add folded copies of every searchable field.

    The same rule keeps confidential pages out of ``sitemap.xml``.
    """

    @classmethod
    def get_search_fields(cls):
        fields = super().get_search_fields()
        if any(isinstance(field, index.SearchField) for field in fields):
            fields = fields + [
                field
                for field in FOLDED_FIELDS
                if (type(field), field.field_name)
                not in {(type(own), own.field_name) for own in fields}
            ]
        return fields

    @classmethod
    def get_indexed_objects(cls):
        # The page row contains the live content. Wagtail stores unpublished changes of a
        # live page in revisions only, so the index never reads them.
        # NOTE: the admin's page search reads the same index, so it no longer finds drafts,
        # private or confidential pages by title. Editors reach them through the page tree.
        return super().get_indexed_objects().live().public().filter(is_confidential=False)

    def search_texts(self, include_title=True):
        """Return the text of each of the page's own search fields, in declaration order."""
        texts = []
        for field in type(self).get_search_fields():
            if not isinstance(field, index.SearchField) or field.field_name in FOLDED_FIELD_NAMES:
                continue
            if field.field_name == "title" and not include_title:
                continue
            text = flatten(field.get_value(self)).strip()
            if text:
                texts.append(text)
        return texts

    def search_folded_text(self):
        return folded_copy(self.search_texts())

    def search_exact_text(self):
        return exact_copy(self.search_texts())

    def search_folded_title(self):
        return fold(self.title)

    def get_sitemap_urls(self, request=None):
        # Wagtail's sitemap already lists only live, public pages.
        if self.is_confidential:
            return []
        return super().get_sitemap_urls(request)
