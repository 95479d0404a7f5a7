"""robots.txt and the HTML sitemap: what search engines and visitors may find, and where."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from wagtail.models import Page, Site

# Levels of the page tree below the home page that the HTML sitemap lists: sections and their
# subsections, not every article, which the section pages list themselves.
HTML_SITEMAP_DEPTH = 3


def robots_txt(request):
    """Allow the public site, keep crawlers out of the admin and the search results."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {reverse('search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def sitemap_tree(root, max_depth):
    """Return the live, public, non-confidential pages below ``root`` as nested (page, children)."""
    pages = (
        Page.objects.descendant_of(root)
        .live()
        .public()
        .filter(depth__lte=root.depth + max_depth)
        .order_by("path")
        .specific(defer=True)
    )
    nodes = {root.path: []}
    for page in pages:
        children = nodes.get(page.path[: -Page.steplen])
        if children is None or getattr(page, "is_confidential", False):
            # Under a confidential page, or its parent was left out: skip the whole branch.
            continue
        node_children = []
        children.append((page, node_children))
        nodes[page.path] = node_children
    return nodes[root.path]


def html_sitemap(request):
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    root = site.root_page
    context = {"root": root, "tree": sitemap_tree(root, HTML_SITEMAP_DEPTH)}
    return TemplateResponse(request, "search/html_sitemap.html", context)


def favicon(request):
    """Redirect /favicon.ico, which browsers and feed readers request whatever a page declares."""
    return redirect(static("favicon.svg"), permanent=True)
