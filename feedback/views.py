"""The rating endpoint: the form on article and document pages posts here."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import antispam
from .forms import RatingForm
from .ratings import RATED_PAGE_TYPES, PageRating


def rated_page_types():
    from django.apps import apps

    return [apps.get_model(label) for label in RATED_PAGE_TYPES]


# The rating form is on every article and document page, which the page cache serves to
# anonymous visitors. A CSRF token would set a cookie and make each of those pages uncacheable.
# A rating is anonymous and changes no account, so the honeypot, the signed time stamp, the
# per-address limits and the captcha after repeated submissions protect it instead.
@csrf_exempt
@require_POST
def rate(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not isinstance(page, tuple(rated_page_types())):
        raise Http404
    form = RatingForm(request.POST, request=request, auto_id="id_rating_%s")
    if antispam.check_submission(form, request):
        PageRating.objects.create(
            page=page, score=form.cleaned_data["score"], comment=form.cleaned_data["comment"]
        )
        return redirect(f"{page.url}?danh-gia=cam-on#danh-gia")
    return TemplateResponse(
        request,
        "feedback/rating_rejected.html",
        {"form": form, "rated_page": page, "action": reverse("feedback:rate", args=[page.pk])},
        status=400,
    )
