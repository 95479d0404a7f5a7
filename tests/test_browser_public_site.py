import pytest
from wagtail.models import Site

from home.models import PortalSettings

# serialized_rollback restores the home page and site created by migrations after the flush
# that ends every transactional test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_in_chromium(browser_page):
    site = Site.objects.get(is_default_site=True)
    portal = PortalSettings.for_site(site)
    portal.portal_name = "Trang thông tin điện tử huyện Mường Tè"
    portal.save()

    browser_page.goto("/")

    assert browser_page.locator("html").get_attribute("lang") == "vi"
    assert browser_page.locator(".site-brand__name").inner_text() == portal.portal_name
    browser_page.keyboard.press("Tab")
    skip_link = browser_page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
