"""The home page stays light enough for slow mobile networks, measured in Chromium."""

import pytest

from .public_site import build_public_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

KIB = 1024
# First visit of the home page on a phone: everything but the editorial photos, then all.
BUDGET_WITHOUT_PHOTOS = 150 * KIB
BUDGET_WITH_PHOTOS = 400 * KIB


@pytest.fixture
def phone_page(browser, live_server):
    """A tab the size of a common phone screen (360 × 800 CSS pixels, pixel ratio 2)."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport={"width": 360, "height": 800},
        device_scale_factor=2,
        is_mobile=True,
    )
    tab = context.new_page()
    yield tab
    context.close()


def test_home_page_within_weight_budget(phone_page, settings):
    build_public_site(article_count=6)
    transferred = {}

    def record(request):
        sizes = request.sizes()
        transferred[request.url] = sizes["responseHeadersSize"] + sizes["responseBodySize"]

    phone_page.on("requestfinished", record)
    phone_page.goto("/", wait_until="load")
    # Scrolling to the end loads every lazy image, as a reader who reads the whole page would.
    phone_page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    phone_page.wait_for_load_state("networkidle")

    photos = {url: size for url, size in transferred.items() if settings.MEDIA_URL in url}
    without_photos = sum(transferred.values()) - sum(photos.values())
    assert photos, "the home page showed no photo, so the budget with photos was not measured"
    assert without_photos <= BUDGET_WITHOUT_PHOTOS, transferred
    assert sum(transferred.values()) <= BUDGET_WITH_PHOTOS, transferred


def test_photos_are_responsive(phone_page):
    site = build_public_site(article_count=4)

    phone_page.goto("/")

    pictures = phone_page.locator("picture")
    assert pictures.count() >= 4
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        assert picture.locator("source[type='image/webp']").count() == 1
        image = picture.locator("img")
        assert image.get_attribute("srcset")
        assert image.get_attribute("sizes")
        assert image.get_attribute("width")
        assert image.get_attribute("height")
        assert image.get_attribute("alt")
    # The lead photo is above the fold and loads at once; the cards below load when reached.
    assert pictures.first.locator("img").get_attribute("loading") is None
    assert pictures.nth(1).locator("img").get_attribute("loading") == "lazy"
    assert site["article"].featured_image.renditions.filter(file__endswith=".webp").exists()


def test_pages_fit_phone_width(phone_page):
    site = build_public_site()
    long_word = "a" * 200
    urls = [f"/tim-kiem/?q={long_word}", site["library"].url, site["article"].url]

    for url in urls:
        phone_page.goto(url)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{url[:40]}: {width} px wide"
