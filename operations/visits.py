"""Server-side page view counts, per page and per day, without cookies or IP addresses.

Each worker process adds up views in memory and writes them to ``PageViewDay`` at most every
``VISIT_FLUSH_SECONDS``, so a page view costs no query.
NOTE: views not yet written are lost when a worker stops abruptly; the counts are
statistics, not an audit log.
"""

import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

BOT_USER_AGENT = re.compile(r"bot|crawl|spider|slurp|preview|monitor|curl|wget", re.IGNORECASE)


class ViewCounter:
    def __init__(self):
        self.lock = threading.Lock()
        self.pending = Counter()
        self.last_flush = time.monotonic()

    def add(self, page_id):
        with self.lock:
            self.pending[(timezone.localdate(), page_id)] += 1
            due = time.monotonic() - self.last_flush >= settings.VISIT_FLUSH_SECONDS
        if due:
            self.flush()

    def flush(self):
        from .models import PageViewDay

        with self.lock:
            pending, self.pending = self.pending, Counter()
            self.last_flush = time.monotonic()
        for (day, page_id), views in pending.items():
            # The row of the day usually exists, so a single UPDATE is enough. Only the first
            # view of a page on a day needs the savepoint around the INSERT.
            updated = PageViewDay.objects.filter(page_id=page_id, date=day).update(
                views=F("views") + views
            )
            if updated:
                continue
            try:
                with transaction.atomic():
                    PageViewDay.objects.create(page_id=page_id, date=day, views=views)
            except IntegrityError:
                # Another worker created the row first, or the page was deleted meanwhile.
                updated = PageViewDay.objects.filter(page_id=page_id, date=day).update(
                    views=F("views") + views
                )
                if not updated:
                    logger.warning("Dropped %s views of deleted page %s", views, page_id)


counter = ViewCounter()


def should_count(request):
    if request.method != "GET":
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not BOT_USER_AGENT.search(request.headers.get("User-Agent", ""))
