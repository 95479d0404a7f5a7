"""Document file URLs: Wagtail's, with the download view of this app in front."""

from django.urls import re_path
from wagtail.documents import urls as wagtaildocs_urls

from .downloads import serve_document

# The same pattern as Wagtail's ``wagtaildocs_serve``, matched first, so that every link
# Wagtail builds for a document reaches ``serve_document``.
urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="document_download"),
    *wagtaildocs_urls.urlpatterns,
]
