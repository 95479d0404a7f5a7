import unicodedata
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from home.text import to_nfc

from .folding import MAX_QUERY_WORDS, folded_words, highlight
from .query import (
    cached_search_page_ids,
    content_type_choices,
    load_pages,
    parse_filters,
    section_choices,
    suggest_titles,
    year_choices,
)

MAX_QUERY_LENGTH = 200
PER_PAGE = 20


def clean_query(raw):
    """Return the query as NFC text without control characters or double quotes.

    PostgreSQL rejects NUL bytes, and SQLite's FTS5 fails on an unbalanced double quote
    ("unterminated string"); a plain-text search gains nothing from either.
    """
    text = "".join(
        " " if char == '"' or unicodedata.category(char) == "Cc" else char for char in to_nfc(raw)
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def excerpt(page, words):
    """Return an HTML excerpt of the page's searchable text with the query words marked."""
    texts = []
    if getattr(page, "search_description", ""):
        texts.append(page.search_description)
    if hasattr(page, "search_texts"):
        texts.extend(page.search_texts(include_title=False))
    return highlight(" ".join(texts), words)


def search(request):
    """Search live, public pages; an empty, absurd or over-long query gets help, never an error."""
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    messages = []
    if len(raw_query) > MAX_QUERY_LENGTH:
        messages.append(
            gettext("The search text was shortened to its first %(count)s characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    filters = parse_filters(request)
    messages.extend(filters.messages)

    words = folded_words(query)
    if len(words) > MAX_QUERY_WORDS:
        messages.append(
            gettext("Only the first %(count)s words were searched.") % {"count": MAX_QUERY_WORDS}
        )
        words = words[:MAX_QUERY_WORDS]

    results = None
    no_words = bool(query) and not words
    if words:
        page_ids = cached_search_page_ids(query, filters)
        results = Paginator(page_ids, PER_PAGE).get_page(request.GET.get("page"))
        results.object_list = [
            {"page": page, "excerpt": excerpt(page, words)}
            for page in load_pages(list(results.object_list))
        ]

    context = {
        "query": query,
        "results": results,
        "no_words": no_words,
        "messages_list": messages,
        "suggestions": suggest_titles(query, limit=5) if words else [],
        "filters": filters,
        "filter_params": filters.as_params(),
        "extra_query": urlencode({"q": query, **filters.as_params()}),
        "type_choices": content_type_choices(),
        "section_choices": section_choices(request),
        "year_choices": year_choices(),
    }
    return TemplateResponse(request, "search/search.html", context)


def suggestions(request):
    """List page titles that start with the words typed so far; a plain page, no script needed."""
    query = clean_query(request.GET.get("q", ""))
    pages = suggest_titles(query, limit=20) if query else []
    return TemplateResponse(
        request, "search/suggestions.html", {"query": query, "suggestions": pages}
    )
