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
        "form": RatingForm(request=request, auto_id="id_rating_%s"),
        "action": reverse("feedback:rate", args=[page.pk]),
        "thanked": request is not None and request.GET.get("danh-gia") == "cam-on",
        "csrf_token": context.get("csrf_token"),
    }
