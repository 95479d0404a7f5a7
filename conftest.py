"""Fixtures shared by every app's tests, including the real Chromium for browser tests."""

import os
from pathlib import Path

import pytest

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Flags for a root user on a machine without network access: no sandbox (root), no GPU, and
# no background requests to Google's services, which would only time out here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def keep_serialized_contents(start):
    """Call ``start`` and give Django's new connections the test database's serialized contents.

    Django keeps its database connections in thread-local storage, but in a thread with a
    running asyncio loop, which Playwright's sync API leaves behind, it switches to separate
    connection objects. Those lack the ``_test_serialized_contents`` that ``serialized_rollback``
    restores from, so every transactional test after the browser started found an empty database.
    """
    from django.db import connections

    contents = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    result = start()
    for alias, serialized in contents.items():
        connections[alias]._test_serialized_contents = serialized
    return result


@pytest.fixture(scope="session", autouse=True)
def serial_live_server_on_shared_sqlite():
    """Make the live server handle one request at a time when it shares an in-memory SQLite.

    The test database then has a single connection, which the server's request threads share.
    Two admin requests at once (a page and the editing-session beacon the browser sends when
    it leaves an editor) interleaved their savepoints on it: "no such savepoint", then every
    later query of the test failed. PostgreSQL gives each thread its own connection.
    """
    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        yield
        return

    class SerialWSGIServer(WSGIServer):
        # Chromium opens up to six connections per host, and they wait here in turn.
        request_queue_size = 64

        def __init__(self, *args, connections_override=None, **kwargs):
            # LiveServerThread.run() already installed the shared connection in the one
            # thread that handles every request.
            super().__init__(*args, **kwargs)

    original = LiveServerThread.server_class
    LiveServerThread.server_class = SerialWSGIServer
    yield
    LiveServerThread.server_class = original


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """A headless Debian Chromium driven by Playwright; fails, never skips, when it is missing."""
    if not CHROMIUM_PATH.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM_PATH}: install Debian's chromium package "
            "(apt-get install chromium) or set CHROMIUM_PATH."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
    # alongside it are still synchronous, so Django's async-safety guard does not apply.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = keep_serialized_contents(sync_playwright().start)
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh browser tab whose relative URLs point at the test server."""
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def home_page(db):
    """The HomePage the migrations create at the root of the default site."""
    from home.factories import site_home_page

    return site_home_page()


@pytest.fixture(autouse=True)
def retire_shared_content_cache():
    """Retire the menus, settings and site cached by an earlier test, whose rows rolled back."""
    from operations.shared_content import increment_generation

    increment_generation()
