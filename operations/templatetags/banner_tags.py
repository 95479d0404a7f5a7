from django import template

from operations.models import SiteBanner

register = template.Library()


@register.inclusion_tag("operations/includes/banners.html")
def site_banners():
    """Render the maintenance notices and alerts showing now, alerts first."""
    return {"banners": list(SiteBanner.objects.showing())}
