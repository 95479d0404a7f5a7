from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap

from search import discovery
from search import views as search_views
from search.api import api_router
from search.feeds import LatestWorksAtomFeed, LatestWorksFeed

urlpatterns = [
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    path("documents/", include("documents.urls")),
    path("tim-kiem/", search_views.search, name="search"),
    path("tim-kiem/goi-y/", search_views.suggestions, name="search_suggestions"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v2/", api_router.urls),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    path("favicon.ico", discovery.favicon, name="favicon"),
    path("so-do-trang/", discovery.html_sitemap, name="html_sitemap"),
    path("feeds/rss.xml", LatestWorksFeed.as_view(), name="feed_rss"),
    path("feeds/atom.xml", LatestWorksAtomFeed.as_view(), name="feed_atom"),
    path("feeds/<int:section_id>/rss.xml", LatestWorksFeed.as_view(), name="section_feed_rss"),
    path(
        "feeds/<int:section_id>/atom.xml", LatestWorksAtomFeed.as_view(), name="section_feed_atom"
    ),
    path("gop-y/", include("feedback.urls")),
    path("captcha/", include("captcha.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# A database connection error raised outside a view gets the 503 page too (operations.outage).
handler500 = "operations.outage.server_error"
