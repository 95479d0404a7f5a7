from django import template
from django.urls import reverse

from ..forms import RatingForm

register = template.Library()


@register.inclusion_tag("feedback/includes/rating.html", takes_context=True)
def rating_form(context, page):
    """Render the "Was this information useful?" form for ``page``."""
    request = context.get("request")
    return {
        "request": request,
        # Built without the request: the page is cached for every visitor, so the captcha
        # of a client with many submissions appears on the rejection page instead.
        "form": RatingForm(auto_id="id_rating_%s"),
        "action": reverse("feedback:rate", args=[page.pk]),
        "thanked": request is not None and request.GET.get("danh-gia") == "cam-on",
    }
