from django import template

from ..models import latest_content

register = template.Library()


@register.filter
def missing_attribution(page):
    """Return True when the item, as it would be published, has an empty author or source."""
    content = latest_content(page)
    return any(getattr(content, name, None) == "" for name in ("author", "source"))
