from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 12


def paginate(request, items, per_page=DEFAULT_PER_PAGE):
    """Return the requested page of ``items``.

    A missing, malformed or out-of-range ``page`` parameter gives the first or last page
    instead of an error, so a mistyped or outdated link still shows a list.
    """
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))
