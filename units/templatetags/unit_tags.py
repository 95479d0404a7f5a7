from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def unit_attribution(page):
    """The providing unit of ``page`` under the name it had when ``page`` was first published.

    The name links to the unit, or to the unit it was merged into once it is no longer live;
    it is plain text when neither is live. A draft unit that was never published gives "".
    """
    unit = getattr(page, "unit", None)
    if unit is None:
        return ""
    if not unit.live and unit.first_published_at is None and unit.merged_into_id is None:
        return ""
    name = unit.name_on(getattr(page, "first_published_at", None))
    target = unit if unit.live else unit.successor()
    if target is None:
        return name
    return format_html('<a href="{}">{}</a>', target.url, name)
