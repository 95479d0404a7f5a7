from wagtail.admin.forms import WagtailAdminPageForm

from .text import slugify_vi
from .widgets import VietnameseSlugInput


class BasePageForm(WagtailAdminPageForm):
    """Page form that turns whatever is typed into the slug field into an ASCII slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Field validation runs before clean_slug, and the Unicode slug validator would
            # reject "Quyết định 15/QĐ" before clean_slug could transliterate it. The
            # transliterated slug is always [a-z0-9-] and at most 255 characters, so
            # dropping the field's validators loses no check.
            self.fields["slug"].validators = []
            self.fields["slug"].widget = VietnameseSlugInput()

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            return slug
        # A slug typed only of punctuation ("– !") transliterates to nothing, so the
        # title's slug takes its place rather than a "cannot be blank" error.
        return slugify_vi(slug) or slugify_vi(self.cleaned_data.get("title", ""))
