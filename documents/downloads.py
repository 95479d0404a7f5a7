"""Serving of document files: always as a download, with the Vietnamese file name intact.

``serve_document`` wraps Wagtail's document view, which keeps its collection privacy,
conditional requests and ``document_served`` signal, and rewrites the headers of the
file it sends. ``reject_confidential_document`` runs as a ``before_serve_document`` hook.
"""

import re
import unicodedata
from urllib.parse import quote

from anyascii import anyascii
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve
from wagtail.models import Revision

from home.text import to_nfc

from .models import LegalDocumentAttachment, LegalDocumentPage
from .uploads import DOCUMENT_FORMATS

# Characters that file systems or the header syntax do not accept in a file name.
UNSAFE_NAME_CHARS = re.compile(r'[\\/:*?"<>|;\x00-\x1f\x7f]+')
MAX_NAME_LENGTH = 150
FALLBACK_NAME = "tai-lieu"


def download_name(document):
    """Return the file name a download gets: the document's title and its extension.

    A document titled "Quyết định 181" whose file is a PDF downloads as "Quyết định 181.pdf".
    """
    extension = document.file_extension.lower()
    title = to_nfc(document.title or "")
    title = "".join(char for char in title if unicodedata.category(char)[0] != "C")
    title = " ".join(UNSAFE_NAME_CHARS.sub(" ", title).split()).strip(" .")
    if extension and title.lower().endswith(f".{extension}"):
        title = title[: -len(extension) - 1].rstrip(" .")
    title = title[:MAX_NAME_LENGTH] or FALLBACK_NAME
    return f"{title}.{extension}" if extension else title


def content_disposition(filename):
    """Return an attachment header with an ASCII fallback and the UTF-8 name (RFC 6266)."""
    ascii_name = anyascii(filename)
    ascii_name = "".join(char for char in ascii_name if 32 <= ord(char) < 127)
    ascii_name = ascii_name.replace('"', "").replace("\\", "") or FALLBACK_NAME
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def is_confidential_file(document):
    """True when a confidential legal document uses the file, in its saved or latest draft form."""
    if LegalDocumentAttachment.objects.filter(
        file=document, document__is_confidential=True
    ).exists():
        return True
    latest_revision_ids = LegalDocumentPage.objects.filter(latest_revision__isnull=False).values(
        "latest_revision_id"
    )
    confidential_drafts = Revision.objects.filter(
        pk__in=latest_revision_ids, content__is_confidential=True
    ).values_list("content", flat=True)
    for content in confidential_drafts:
        for attachment in (content or {}).get("attachments", []):
            if attachment.get("file") == document.pk:
                return True
    return False


def reject_confidential_document(document, request):
    """Raise Http404 for a file of a confidential document, for every user."""
    if is_confidential_file(document):
        raise Http404


def serve_document(request, document_id, document_filename):
    """Serve a document through Wagtail's view, always as a download under its title.

    Responses that are not the file itself (a password form, a redirect to the login
    page, a 404) pass through unchanged.
    NOTE: with object storage the file streams through the application server, because
    the settings turn off Wagtail's redirect to the storage URL.
    """
    response = wagtail_serve(request, document_id, document_filename)
    if not getattr(response, "streaming", False):
        return response
    document = get_document_model().objects.get(pk=document_id)
    file_format = DOCUMENT_FORMATS.get(document.file_extension.lower())
    content_type = file_format.content_type if file_format else "application/octet-stream"
    response["Content-Type"] = content_type
    # Wagtail's sendfile sets Content-Encoding from the guessed encoding, even to "None".
    # The files are sent as stored, so no content coding applies.
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    response["Content-Disposition"] = content_disposition(download_name(document))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
