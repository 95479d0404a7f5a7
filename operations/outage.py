"""A 503 page instead of a server error while the database is unreachable."""

import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import get_template
from django.utils import translation
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)

# Minimum seconds between two log lines about the outage. Requests in between are counted.
LOG_INTERVAL = 10


class DatabaseUnavailableMiddleware:
    """Return HTTP 503 with ``Retry-After`` when a view raises a database connection error.

    Django opens a new connection for the next request (with ``CONN_HEALTH_CHECKS`` in
    production), so the site recovers by itself once the database is back. Only errors raised
    by views reach ``process_exception``; ``server_error`` handles those raised inside another
    middleware, such as the session middleware saving a session.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.suppressed = 0
        self.last_logged = 0.0

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        self.log_outage(request, exception)
        return database_unavailable_response()

    def log_outage(self, request, exception):
        """Log the method, path and error class, never the query string, body or user."""
        now = time.monotonic()
        if now - self.last_logged < LOG_INTERVAL:
            self.suppressed += 1
            return
        logger.error(
            "Database unavailable, returned 503 for %s %s (%s); %d similar requests not logged",
            request.method,
            request.path_info,
            type(exception).__name__,
            self.suppressed,
        )
        self.suppressed = 0
        self.last_logged = now


def database_unavailable_response():
    """Render the 503 page without a request, so no context processor reads the database."""
    with translation.override(settings.LANGUAGE_CODE):
        content = get_template("operations/database_unavailable.html").render()
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """Return the 503 page for a database connection error, else Django's 500 page.

    Django calls ``handler500`` inside its ``except`` block, so ``sys.exc_info()`` contains the
    error. Django's ``django.request`` logger then logs it with its traceback.
    """
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response()
    return defaults.server_error(request)
