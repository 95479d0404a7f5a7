"""Site search: folded and exact matching, document numbers first, filters and exclusions.

Results come in three groups, each in the backend's relevance order:
1. legal documents whose number matches the query ("181 qd ubnd" finds 181/QĐ-UBND);
2. pages that contain every word with the same diacritics as typed;
3. pages that contain every word once diacritics are folded away.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site

from .folding import MAX_QUERY_WORDS, exact_words, folded_words

# The search backend returns at most this many pages per group. NOTE: a query matching more
# pages than this shows only the most relevant ones; the count on the page says so.
MAX_RESULTS = 500
FIRST_YEAR = 1945


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
    ids = public_pages().values_list("content_type_id", flat=True).distinct()
    choices = []
    for content_type in ContentType.objects.filter(pk__in=ids):
        model = content_type.model_class()
        if model is not None:
            choices.append((model._meta.label_lower, model._meta.verbose_name))
    return sorted(choices, key=lambda choice: str(choice[1]))


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


def title_score(title, words):
    """Return how well a title matches: (query phrase in title, share of title words matched).

    The backends rank by word frequency, so a long title that mentions "Mường Tè" once would
    tie with the unit "Xã Mường Tè"; the share of the title that the query covers breaks it.
    """
    title_words = folded_words(title)
    if not title_words:
        return (False, 0.0)
    phrase = " ".join(words)
    matched = sum(1 for word in title_words if word in words)
    return (phrase in " ".join(title_words), matched / len(title_words))


def rank_by_title(page_ids, words):
    """Sort ``page_ids`` by title score, keeping the backend's order between equal scores."""
    titles = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "title"))
    position = {pk: index for index, pk in enumerate(page_ids)}

    def sort_key(pk):
        in_title, coverage = title_score(titles.get(pk, ""), words)
        return (not in_title, -coverage, position[pk])

    return sorted(page_ids, key=sort_key)


def search_page_ids(query, filters):
    """Return the ids of the matching pages, best first."""
    base = filters.apply(public_pages())
    folded = folded_words(query)[:MAX_QUERY_WORDS]
    exact = exact_words(query)[:MAX_QUERY_WORDS]

    ordered = {}
    for group in (
        document_number_matches(query, base),
        rank_by_title(backend_matches(base, exact), folded),
        rank_by_title(backend_matches(base, folded), folded),
    ):
        for pk in group:
            ordered.setdefault(pk, None)
    return without_confidential(list(ordered))


def load_pages(page_ids):
    """Return the specific pages of ``page_ids`` in the same order."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    return [pages[pk] for pk in page_ids if pk in pages]


def suggest_titles(query, limit=8):
    """Return live public pages whose folded title starts with the folded words of ``query``."""
    terms = folded_words(query)[:MAX_QUERY_WORDS]
    if not terms:
        return []
    results = public_pages().autocomplete(" ".join(terms), operator="and")
    ids = without_confidential([page.pk for page in results[: limit * 2]])[:limit]
    return load_pages(ids)
