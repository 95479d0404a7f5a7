"""Admin widgets shared by every page type."""

from wagtail.admin.widgets import SlugInput

from .text import slug_formatters


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug input, filled from the title with the server's transliteration.

    Wagtail's own JavaScript table has no Vietnamese letters: it turns đ into "dj" and drops
    ư and ơ. The formatters from ``slug_formatters`` run in the browser before that table, so
    the slug typed or synced from the title is the one ``slugify_vi`` gives on the server.

    NOTE: Wagtail's copy-page form builds its own SlugInput for "new slug", which still uses
    Wagtail's table there.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, formatters=slug_formatters())
