from django.template.response import TemplateResponse
from wagtail.models import Page

from home.pagination import paginate
from home.text import to_nfc

MAX_QUERY_LENGTH = 200


def search(request):
    """Search live, public pages; an empty or over-long query gets the form back, never an error."""
    query = to_nfc(request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().exclude(depth__lte=1).specific().search(query)
        results = paginate(request, pages, per_page=20)
    return TemplateResponse(request, "search/search.html", {"query": query, "results": results})
