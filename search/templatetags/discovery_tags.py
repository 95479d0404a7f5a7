"""Tags for base.html: canonical URL, Open Graph, feed links, share links and the print footer."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from home.models import AttributionMixin, PortalSettings

register = template.Library()

OG_IMAGE_RENDITION = "fill-1200x630"
DESCRIPTION_LENGTH = 160


def page_description(page):
    for name in ("search_description", "lead", "summary", "description", "intro"):
        value = getattr(page, name, "")
        if value:
            text = " ".join(strip_tags(str(value)).split())
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


@register.inclusion_tag("search/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Render the canonical link, Open Graph tags, feed links and the print stylesheet."""
    request = context.get("request")
    page = context.get("page")
    meta = {"request": request, "settings": context.get("settings"), "page": None}
    if page is None or request is None or not hasattr(page, "get_full_url"):
        return meta
    meta["page"] = page
    meta["canonical_url"] = page.get_full_url(request)
    meta["description"] = page_description(page)
    # Works name an author and a source (AttributionMixin); other pages describe the site.
    meta["og_type"] = "article" if isinstance(page, AttributionMixin) else "website"
    image = getattr(page, "featured_image", None)
    if image is not None:
        rendition = image.get_rendition(OG_IMAGE_RENDITION)
        meta["og_image"] = request.build_absolute_uri(rendition.url)
        meta["og_image_alt"] = getattr(page, "featured_image_alt", "")
    return meta


@register.inclusion_tag("search/includes/share.html", takes_context=True)
def share_and_print(context):
    """Render the share links and, for print only, the source and the address of the page."""
    request = context.get("request")
    page = context.get("page")
    if page is None or request is None or page.depth <= 2 or not hasattr(page, "get_full_url"):
        return {"page": None}
    portal = PortalSettings.for_request(request)
    url = page.get_full_url(request)
    title = page.title
    return {
        "page": page,
        "url": url,
        "facebook_url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "x_url": "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title}),
        "email_url": f"mailto:?subject={quote(title)}&body={quote(url)}",
        "author": getattr(page, "author", ""),
        "source": getattr(page, "source", ""),
        "portal_name": portal.portal_name,
    }
