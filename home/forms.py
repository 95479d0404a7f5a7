from wagtail.admin.forms import WagtailAdminPageForm

from .text import slugify_vi
from .widgets import VietnameseSlugInput


class BasePageForm(WagtailAdminPageForm):
    """Page form that turns whatever is typed into the slug field into an ASCII slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget = VietnameseSlugInput()

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return slugify_vi(slug) if slug else slug
