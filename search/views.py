import unicodedata

from django.template.response import TemplateResponse
from wagtail.models import Page

from home.pagination import paginate
from home.text import to_nfc

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Return the query as NFC text without control characters or double quotes.

    PostgreSQL rejects NUL bytes, and SQLite's FTS5 fails on an unbalanced double quote
    ("unterminated string"); a plain-text search gains nothing from either.
    """
    text = "".join(
        " " if char == '"' or unicodedata.category(char) == "Cc" else char for char in to_nfc(raw)
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search(request):
    """Search live, public pages; an empty or over-long query gets the form back, never an error."""
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().exclude(depth__lte=1).specific().search(query)
        results = paginate(request, pages, per_page=20)
    return TemplateResponse(request, "search/search.html", {"query": query, "results": results})
