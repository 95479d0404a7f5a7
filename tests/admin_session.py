"""Log a browser tab into the Wagtail admin without typing a password."""

from django.conf import settings
from django.test import Client


def log_in(browser_page, live_server, user):
    """Give ``browser_page`` a session of ``user`` on the live server."""
    client = Client()
    client.force_login(user)
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
