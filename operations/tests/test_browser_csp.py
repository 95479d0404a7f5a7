"""The public site's Content-Security-Policy in Chromium: the site's own code still runs."""

import pytest

from tests.public_site import build_public_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_public_pages_raise_no_csp_violation(browser_page):
    site = build_public_site(article_count=1)
    violations = []
    browser_page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    browser_page.add_init_script("localStorage.setItem('muongte-a11y', 'a11y-high-contrast')")

    for url in ("/", site["section"].url, site["article"].url, "/tim-kiem/?q=huyện"):
        browser_page.goto(url)
        # The inline script in <head> re-applied the stored option, and accessibility.js
        # showed the toolbar.
        assert "a11y-high-contrast" in browser_page.evaluate("document.documentElement.className")
        assert browser_page.locator("[data-a11y-toolbar]").is_visible(), url

    assert violations == []


def test_injected_inline_script_is_blocked(browser_page):
    build_public_site(article_count=1)
    browser_page.goto("/")

    with pytest.raises(Exception, match="Content Security Policy"):
        browser_page.add_script_tag(content="window.injected = true;")

    assert browser_page.evaluate("window.injected === undefined")
