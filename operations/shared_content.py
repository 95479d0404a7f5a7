"""Cross-request cache of what every uncached public page reads: the site, its home page,
the menus, banners, portal settings and the paths of restricted and alias pages.

Without it each uncached page spends about eight queries on the same few rows. Entries are
keyed on their own generation number, which operations.signals increments when a site, a menu
or menu item, a banner, the portal settings, a view restriction, or a page's publication,
title, slug or place in the tree change. The number goes up at once and again after the
transaction commits, so a request that read the old rows before the commit cannot keep them
cached.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError, transaction

GENERATION_KEY = "shared-content:generation"
# A safety limit: every edit that matters already retires the entries through the generation.
SHARED_CONTENT_SECONDS = 300


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def shared_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def increment_generation():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def retire_shared_content():
    increment_generation()
    transaction.on_commit(increment_generation)


def get_or_build(name, build):
    """Return the cached value called ``name``, calling ``build()`` to make it when missing."""
    cache = page_cache()
    key = f"shared-content:{shared_generation()}:{name}"
    stored = cache.get(key)
    if stored is None:
        # A one-item tuple, so that a built value of None is cached too.
        stored = (build(),)
        cache.set(key, stored, SHARED_CONTENT_SECONDS)
    return stored[0]


def restricted_page_paths():
    """Return the tree paths of the pages that carry a view restriction."""
    from wagtail.models import PageViewRestriction

    return get_or_build(
        "restricted-page-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def alias_page_paths():
    """Return the tree paths of the alias pages, whose restrictions come from their source."""
    from wagtail.models import Page

    return get_or_build(
        "alias-page-paths",
        lambda: sorted(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    )


def exclude_private(queryset):
    """Return ``queryset`` without the pages in a private section, like ``.public()``.

    Wagtail's ``public()`` reads every view restriction on each call, but this reads them
    once per generation of the shared-content cache.
    """
    from django.db.models import Q

    private = Q(pk__in=[])
    for path in restricted_page_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def attach_site(request):
    """Set Wagtail's ``request._wagtail_site`` from the cache, its home page already specific.

    ``Site.find_for_request`` and Wagtail's router then need no query for the site or the
    home page. A host that matches no site is cached as None, and Wagtail looks it up again.
    """
    from django.http.request import split_domain_port
    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def load_site():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    try:
        site = get_or_build(f"site:{hostname}:{port}", load_site)
    except (OperationalError, InterfaceError):
        # The database is down. The view's own lookup then fails inside
        # DatabaseUnavailableMiddleware, which returns the 503 page.
        return
    if site is not None:
        request._wagtail_site = site
