"""A 503 page instead of a server error while the database is unreachable."""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import get_template
from django.utils import translation

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)

# Seconds between two log lines about the outage; the requests in between are only counted.
LOG_INTERVAL = 10


class DatabaseUnavailableMiddleware:
    """Answer HTTP 503 with ``Retry-After`` when a view raises a database connection error.

    The page is rendered without a request, so no context processor runs and nothing reads the
    database. Django opens a new connection for the next request (with ``CONN_HEALTH_CHECKS``
    in production), so the site recovers by itself once the database is back.
    NOTE: only errors raised by views reach ``process_exception``. An error raised inside
    another middleware, such as the session middleware saving a session, still gives the 500
    page.
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
        with translation.override(settings.LANGUAGE_CODE):
            content = get_template("operations/database_unavailable.html").render()
        response = HttpResponse(content, status=503)
        response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response

    def log_outage(self, request, exception):
        """Log the method, path and error class, never the query string, body or user."""
        now = time.monotonic()
        if now - self.last_logged < LOG_INTERVAL:
            self.suppressed += 1
            return
        logger.error(
            "Database unavailable, answered 503 to %s %s (%s); %d similar requests not logged",
            request.method,
            request.path_info,
            type(exception).__name__,
            self.suppressed,
        )
        self.suppressed = 0
        self.last_logged = now
