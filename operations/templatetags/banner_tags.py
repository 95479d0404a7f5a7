from django import template
from django.utils import timezone

from operations.models import SiteBanner
from operations.shared_content import get_or_build

register = template.Library()


@register.inclusion_tag("operations/includes/banners.html")
def site_banners():
    """Render the maintenance notices and alerts showing now, alerts first."""
    now = timezone.now()
    # The cached list contains every banner not yet over, so a banner whose time comes while
    # the list is cached still shows. The filter below applies the rule of showing().
    upcoming = get_or_build(
        "banners",
        lambda: list(SiteBanner.objects.filter(show_until__gt=now).order_by("kind", "show_from")),
    )
    return {"banners": [b for b in upcoming if b.show_from <= now < b.show_until]}
