"""Cache of whole public pages for anonymous visitors.

A response is cached when the request is an anonymous GET or HEAD outside the admin, the
document downloads and the search, and the response is a 200 that sets no cookie and is
not marked private. Keys contain the host, so each site has its own entries. They also
contain a generation number, which publishing, unpublishing, moving or deleting a page, or
changing a menu, a banner or the portal settings increments. That retires every cached page
of every site at once, so listings, parents and the home page never show a stale list.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import patch_cache_control

from .csp import is_admin_path
from .shared_content import attach_site
from .visits import counter, should_count

GENERATION_KEY = "anonymous-page-cache:generation"
# Listings paginate with ?page=N; any other query string (filters, search) is not cached.
CACHEABLE_QUERY_PARAMETERS = {"page"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def retire_cached_pages():
    """Increment the generation after the current transaction commits."""

    def increment():
        cache = page_cache()
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 2, timeout=None)

    transaction.on_commit(increment)


def excluded_prefixes():
    return [f"/{prefix.strip('/')}/" for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES]


def cache_key(request):
    return (
        f"anonymous-page:{current_generation()}:{request.get_host()}:{request.method}:"
        f"{request.get_full_path()}"
    )


def is_cacheable_request(request):
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    if set(request.GET) - CACHEABLE_QUERY_PARAMETERS:
        return False
    path = request.path_info
    if is_admin_path(path) or any(path.startswith(prefix) for prefix in excluded_prefixes()):
        return False
    # A visitor with a session may be signed in; reading request.user would load it.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors from the page cache; see the module docstring for the rules.

    It also counts page views (operations.visits), because cached hits never reach Wagtail.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            if not is_admin_path(request.path_info):
                attach_site(request)
            return self.count_view(request, self.get_response(request))

        key = cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            response, page_id = cached
            response["X-Page-Cache"] = "hit"
            if page_id and should_count(request):
                counter.add(page_id)
            return response

        attach_site(request)
        response = self.count_view(request, self.get_response(request))
        if is_cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # Shared caches (nginx) may keep the page briefly; browsers revalidate.
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS
            )
            page_id = getattr(request, "served_page_id", None)
            page_cache().set(key, (response, page_id), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def count_view(self, request, response):
        page_id = getattr(request, "served_page_id", None)
        if page_id and response.status_code == 200 and should_count(request):
            counter.add(page_id)
        return response
