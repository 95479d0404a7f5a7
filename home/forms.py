from wagtail.admin.forms import WagtailAdminPageForm

from .text import slugify_vi


class BasePageForm(WagtailAdminPageForm):
    """Page form that turns whatever is typed into the slug field into an ASCII slug."""

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return slugify_vi(slug) if slug else slug
