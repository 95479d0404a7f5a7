"""Site search: folded and exact matching, document numbers first, filters and exclusions.

Results come in this order:
1. legal documents whose number matches the query ("181 qd ubnd" finds 181/QĐ-UBND);
2. pages that contain every word with the same diacritics as typed, then pages that contain
   every word once diacritics are folded away, each group in the backend's relevance order.
The first candidates of (2) are then reordered by where and how often the query occurs as a
phrase.
"""

import datetime
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site

from operations.shared_content import get_or_build

from .folding import MAX_QUERY_WORDS, exact_words, folded_words

# The search backend returns at most this many pages per group.
# NOTE: a query that matches more pages shows only the most relevant ones, and the result
# count on the page then counts only those, not every matching page.
MAX_RESULTS = 500
FIRST_YEAR = 1945
# Candidates reordered by the phrase checks of ``relevance_key``, which read each page's text.
RERANK_LIMIT = 40


@dataclass
class SearchFilters:
    """The filters of one request that could be applied, and messages about the others."""

    content_type: ContentType | None = None
    section: Page | None = None
    year: int | None = None
    messages: list = field(default_factory=list)

    def apply(self, queryset):
        if self.content_type is not None:
            queryset = queryset.filter(content_type=self.content_type)
        if self.section is not None:
            queryset = queryset.descendant_of(self.section)
        if self.year is not None:
            zone = timezone.get_current_timezone()
            start = datetime.datetime(self.year, 1, 1, tzinfo=zone)
            end = datetime.datetime(self.year + 1, 1, 1, tzinfo=zone)
            queryset = queryset.filter(first_published_at__gte=start, first_published_at__lt=end)
        return queryset

    def as_params(self):
        params = {}
        if self.content_type is not None:
            params["type"] = self.content_type.model_class()._meta.label_lower
        if self.section is not None:
            params["section"] = self.section.pk
        if self.year is not None:
            params["year"] = self.year
        return params


def public_pages():
    """Live, public pages below the tree's root, as the search may return them."""
    return Page.objects.live().public().exclude(depth__lte=1)


def content_type_choices():
    """Return (label, verbose name) of the page types that have live public pages."""
    # The query reads every public page, so the cache keeps the result until the next publish.
    ids = get_or_build(
        "search-content-type-ids",
        lambda: sorted(
            public_pages().order_by().values_list("content_type_id", flat=True).distinct()
        ),
    )
    choices = []
    for content_type in ContentType.objects.filter(pk__in=ids):
        model = content_type.model_class()
        if model is not None:
            choices.append((model._meta.label_lower, model._meta.verbose_name))
    return sorted(choices, key=lambda choice: str(choice[1]))


def year_choices():
    """Return the years in which live public pages were first published, newest first."""

    def build():
        dates = (
            public_pages()
            .exclude(first_published_at=None)
            .dates("first_published_at", "year", order="DESC")
        )
        return [date.year for date in dates]

    return get_or_build("search-years", build)


def section_choices(request):
    """Return the live, public pages just below the site's home page, which act as sections."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return public_pages().child_of(site.root_page).order_by("path")


def parse_filters(request):
    """Read the ``type``, ``section`` and ``year`` parameters, ignoring invalid values."""
    filters = SearchFilters()
    data = request.GET

    raw_type = data.get("type", "").strip()
    if raw_type:
        try:
            model = apps.get_model(raw_type)
        except (LookupError, ValueError):
            model = None
        if model is not None and issubclass(model, Page):
            filters.content_type = ContentType.objects.get_for_model(model)
        else:
            filters.messages.append(
                gettext("The content type “%(value)s” is unknown and was ignored.")
                % {"value": raw_type[:50]}
            )

    raw_section = data.get("section", "").strip()
    if raw_section:
        section = None
        if raw_section.isdigit():
            section = section_choices(request).filter(pk=int(raw_section)).first()
        if section is not None:
            filters.section = section
        else:
            filters.messages.append(
                gettext("The section “%(value)s” was not found and was ignored.")
                % {"value": raw_section[:50]}
            )

    raw_year = data.get("year", "").strip()
    if raw_year:
        this_year = timezone.localdate().year
        if raw_year.isdigit() and FIRST_YEAR <= int(raw_year) <= this_year:
            filters.year = int(raw_year)
        else:
            filters.messages.append(
                gettext(
                    "The year “%(value)s” is not between %(first)s and %(last)s and was ignored."
                )
                % {"value": raw_year[:10], "first": FIRST_YEAR, "last": this_year}
            )
    return filters


def document_number_matches(query, base):
    """Return the ids of live public documents whose number matches ``query``, if any."""
    if not apps.is_installed("documents"):
        return []
    from documents.models import LegalDocumentPage
    from documents.numbers import number_key

    key = number_key(query)
    # A number has a digit and a letter ("181/QĐ-UBND"); a plain word is never a number.
    if not (any(char.isdigit() for char in key) and any(char.isalpha() for char in key)):
        return []
    documents = LegalDocumentPage.objects.live().public().with_number(query)
    documents = documents.filter(is_confidential=False, pk__in=base.values("pk"))
    return list(documents.order_by("-issued_on", "-pk").values_list("pk", flat=True))


def backend_matches(base, terms):
    if not terms:
        return []
    results = base.search(" ".join(terms), operator="and")
    return [page.pk for page in results[:MAX_RESULTS]]


def without_confidential(page_ids):
    """Return ``page_ids`` without confidential pages, in the same order.

    The index never holds confidential pages; this check guards against an index built
    before a page was marked confidential.
    """
    rows = Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id")
    ids_by_type = {}
    for pk, content_type_id in rows:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    excluded = set()
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            excluded.update(ids)
            continue
        field_names = {model_field.name for model_field in model._meta.get_fields()}
        if "is_confidential" in field_names:
            excluded.update(
                model.objects.filter(pk__in=ids, is_confidential=True).values_list("pk", flat=True)
            )
    return [pk for pk in page_ids if pk not in excluded]


def phrase_count(phrase, text):
    """Return how often ``phrase`` occurs in ``text`` as whole words."""
    if not phrase:
        return 0
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))


def relevance_key(page, exact_phrase, folded_phrase, position):
    """Return the sort key of one candidate page; smaller sorts first.

    The backends rank by word frequency normalised by length, so a long regulation that
    repeats "chính sách" ranks below short pages that mention it once, and the title "Xã
    Mường Tè" ties with long titles that contain it. The key puts first the pages whose title
    contains the query (with the diacritics as typed, then folded), the shortest such titles
    first, then the pages whose text contains the query as a phrase, most occurrences first.
    """
    title = " ".join(unicodedata.normalize("NFC", page.title).lower().split())
    folded_title = " ".join(folded_words(page.title))
    texts = page.search_texts() if hasattr(page, "search_texts") else [page.title]
    text = " ".join(unicodedata.normalize("NFC", " ".join(texts)).lower().split())
    folded_text = " ".join(folded_words(text))
    exact_in_title = phrase_count(exact_phrase, title) > 0
    folded_in_title = phrase_count(folded_phrase, folded_title) > 0
    exact_count = phrase_count(exact_phrase, text)
    folded_count = phrase_count(folded_phrase, folded_text)
    return (
        not exact_in_title,
        not folded_in_title,
        len(folded_title) if folded_in_title else 0,
        exact_count == 0,
        folded_count == 0,
        -exact_count,
        -folded_count,
        position,
    )


def rerank(page_ids, query):
    """Sort the first ``RERANK_LIMIT`` ids by ``relevance_key``; the rest keep their order."""
    head, tail = page_ids[:RERANK_LIMIT], page_ids[RERANK_LIMIT:]
    exact_phrase = " ".join(unicodedata.normalize("NFC", query).lower().split())
    exact_phrase = " ".join(
        "".join(char for char in word if char.isalnum()) for word in exact_phrase.split()
    ).strip()
    folded_phrase = " ".join(folded_words(query)[:MAX_QUERY_WORDS])
    keys = {
        page.pk: relevance_key(page, exact_phrase, folded_phrase, position)
        for position, page in enumerate(load_pages(head))
    }
    head = sorted(head, key=lambda pk: keys.get(pk, (True,) * 7 + (RERANK_LIMIT,)))
    return head + tail


def search_page_ids(query, filters):
    """Return the ids of the matching pages, best first."""
    base = filters.apply(public_pages())
    folded = folded_words(query)[:MAX_QUERY_WORDS]
    exact = exact_words(query)[:MAX_QUERY_WORDS]

    numbers = document_number_matches(query, base)
    matches = {}
    for terms in (exact, folded):
        group = backend_matches(base, terms)
        for pk in group:
            if pk not in numbers:
                matches.setdefault(pk, None)
        # A full exact group already fills the result list, and ranking the folded group
        # costs a second pass over every matching page.
        if len(group) >= MAX_RESULTS:
            break
    return without_confidential(numbers + rerank(list(matches), query))


def load_pages(page_ids):
    """Return the specific pages of ``page_ids`` in the same order."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    return [pages[pk] for pk in page_ids if pk in pages]


def suggest_titles(query, limit=8):
    """Return live public pages whose folded title starts with the folded words of ``query``."""
    terms = folded_words(query)[:MAX_QUERY_WORDS]
    if not terms:
        return []

    def build():
        results = public_pages().autocomplete(" ".join(terms), operator="and")
        return without_confidential([page.pk for page in results[: limit * 2]])[:limit]

    return load_pages(cached_lookup("search-suggestions", [terms, limit], build))


def cached_search_page_ids(query, filters):
    """Return ``search_page_ids(query, filters)``, cached like the shared content."""
    return cached_lookup(
        "search-results", [query, filters.as_params()], lambda: search_page_ids(query, filters)
    )


def cached_lookup(name, key_parts, build):
    """Return ``build()``, kept in the shared-content cache while the page cache is on.

    A common query ranks every page that contains its words: about 0.3 s of PostgreSQL time on
    100,000 articles in docs/benchmarks.md. Each entry lists ids of public pages only and is
    retired whenever a page is published, unpublished, moved or restricted, like the pages.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return build()
    digest = hashlib.sha256(json.dumps(key_parts, ensure_ascii=False).encode()).hexdigest()
    return get_or_build(f"{name}:{digest}", build)
