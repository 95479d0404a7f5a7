"""RSS 2.0 and Atom feeds of the latest works, for the provincial portal and feed readers.

Each feed lists live, public, non-confidential works (articles, albums, video and audio),
site-wide or under one news section, newest first.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from home.models import PortalSettings
from news.models import AlbumPage, ArticlePage, MediaPage, SectionPage

FEED_LENGTH = 30
ENCLOSURE_RENDITION = "width-800"


def public_works():
    return (
        Page.objects.live()
        .public()
        .type(ArticlePage, AlbumPage, MediaPage)
        .order_by("-first_published_at", "-pk")
    )


def without_confidential(pages):
    return [page for page in pages if not getattr(page, "is_confidential", False)]


class LatestWorksFeed(Feed):
    """RSS 2.0 feed of the latest works of the site or of one section."""

    feed_type = Rss201rev2Feed

    @classmethod
    def as_view(cls):
        """Return a view that builds a new feed per request, because the feed keeps the request."""

        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        return view

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, section_id=None):
        if section_id is None:
            return None
        section = SectionPage.objects.live().public().filter(pk=section_id).first()
        if section is None or section.is_confidential:
            raise Http404(_("This news section does not exist or is not public."))
        return section

    def portal_name(self):
        return PortalSettings.for_site(self.site).portal_name if self.site else ""

    def title(self, section):
        if section is None:
            return self.portal_name()
        return f"{section.title} – {self.portal_name()}"

    def link(self, section):
        page = section or (self.site.root_page if self.site else None)
        return page.get_url(self.request) if page else "/"

    def description(self, section):
        if section is None:
            return _("The latest news and works published on %(portal)s.") % {
                "portal": self.portal_name()
            }
        return _("The latest works of the section “%(section)s”.") % {"section": section.title}

    def items(self, section):
        pages = public_works()
        if section is not None:
            pages = pages.descendant_of(section)
        # Over-fetch a little, so the feed stays full after confidential items are dropped.
        return without_confidential(pages.specific()[: FEED_LENGTH + 10])[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        return (
            getattr(item, "lead", "") or getattr(item, "description", "") or item.search_description
        )

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return getattr(item, "author", "") or None

    def item_enclosures(self, item):
        image = getattr(item, "featured_image", None)
        if image is None:
            return []
        rendition = image.get_rendition(ENCLOSURE_RENDITION)
        url = self.request.build_absolute_uri(rendition.url)
        try:
            length = rendition.file.size
        except OSError:
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(url, str(length), mime_type)]


class LatestWorksAtomFeed(LatestWorksFeed):
    """Atom 1.0 feed with the same items as the RSS feed."""

    feed_type = Atom1Feed

    def subtitle(self, section):
        return self.description(section)
