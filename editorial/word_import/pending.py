"""Uploaded Word files waiting between the preview and the creation of the draft.

The file is kept in the default storage (local disk or object storage, so any app server
can read it back) under a random name. Only the session of the person who uploaded it
stores that name, with the chosen section and the original file name.
"""

import secrets
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

PENDING_FOLDER = "word_import/pending"
SESSION_KEY = "editorial_word_import"
# Files whose preview was abandoned are deleted at the next upload after this age.
PENDING_LIFETIME = timedelta(days=1)


def store_pending(request, data, filename, section_id):
    """Keep an uploaded file for later; returns the token that names it in the session."""
    delete_stale_files()
    token = secrets.token_urlsafe(18)
    default_storage.save(f"{PENDING_FOLDER}/{token}.bin", ContentFile(data))
    uploads = request.session.get(SESSION_KEY, {})
    uploads[token] = {"filename": filename, "section": section_id}
    request.session[SESSION_KEY] = uploads
    return token


def get_pending(request, token):
    """Return (data, filename, section_id) for a token of this session, or None."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None:
        return None
    path = f"{PENDING_FOLDER}/{token}.bin"
    if not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as pending_file:
        return pending_file.read(), entry["filename"], entry["section"]


def discard_pending(request, token):
    uploads = request.session.get(SESSION_KEY, {})
    if uploads.pop(token, None) is not None:
        request.session[SESSION_KEY] = uploads
        default_storage.delete(f"{PENDING_FOLDER}/{token}.bin")


def delete_stale_files():
    """Delete pending files older than ``PENDING_LIFETIME``."""
    try:
        _folders, files = default_storage.listdir(PENDING_FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - PENDING_LIFETIME
    for name in files:
        path = f"{PENDING_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
