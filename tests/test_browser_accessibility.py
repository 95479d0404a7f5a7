"""WCAG 2.1 AA on the public pages, checked with axe-core in Chromium, and keyboard use."""

from pathlib import Path

import pytest
from django.templatetags.static import static
from playwright.sync_api import expect

from .public_site import build_public_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The pages a visitor reaches, as URL builders over the site from build_public_site.
PUBLIC_PAGES = {
    "home page": lambda site: site["home"].url,
    "section": lambda site: site["section"].url,
    "article": lambda site: site["article"].url,
    "document": lambda site: site["document"].url,
    "library with filters": lambda site: (
        f"{site['library'].url}?type={site['document_type'].pk}&year=2024"
    ),
    "unit": lambda site: site["unit"].url,
    "search results": lambda site: "/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B",
    "questions and answers": lambda site: site["questions"].url,
    "question form": lambda site: site["questions"].ask_url,
    "page not found": lambda site: "/trang-khong-co/",
}


def axe_violations(browser_page):
    # The public site's Content-Security-Policy blocks an injected <script> tag, but not code
    # that Playwright evaluates through the DevTools protocol.
    browser_page.evaluate("() => {\n" + AXE_SCRIPT.read_text(encoding="utf-8") + "\n}")
    result = browser_page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    assert result["passes"], "axe-core ran no rule"
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.fixture
def public_site():
    return build_public_site(article_count=2)


@pytest.mark.parametrize("display_options", ["", "a11y-large-text a11y-high-contrast"])
def test_public_pages_pass_axe(browser_page, public_site, display_options):
    browser_page.add_init_script(f"localStorage.setItem('muongte-a11y', '{display_options}')")
    failures = {}

    for name, build_url in PUBLIC_PAGES.items():
        response = browser_page.goto(build_url(public_site))
        expected_status = 404 if name == "page not found" else 200
        assert response.status == expected_status, name

        violations = axe_violations(browser_page)
        if violations:
            failures[name] = violations

    report = "\n".join(f"{name}: {violations}" for name, violations in failures.items())
    assert not failures, f"axe-core found WCAG 2.1 AA violations:\n{report}"


def test_skip_link_moves_focus_to_content(browser_page, public_site):
    browser_page.goto(public_site["article"].url)

    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"
    browser_page.keyboard.press("Enter")
    browser_page.keyboard.press("Tab")

    focused_in_main = browser_page.evaluate(
        "document.activeElement.closest('main') !== null || document.activeElement.id === 'main'"
    )
    assert focused_in_main


def test_keyboard_reaches_every_control(browser_page, public_site):
    """Tabbing through the home page visits each link and control once, visibly focused."""
    browser_page.goto("/")
    focusable = browser_page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea')]
              .filter(el => !el.closest('[hidden]') && el.offsetParent !== null).length"""
    )
    visits = 0

    for _ in range(focusable + 1):
        browser_page.keyboard.press("Tab")
        focused = browser_page.evaluate(
            """() => {
                 const el = document.activeElement;
                 const style = getComputedStyle(el);
                 const first = !el.dataset.tabVisited;
                 el.dataset.tabVisited = "yes";
                 return [el.tagName, el.outerHTML.slice(0, 120), first, style.outlineStyle];
               }"""
        )
        tag, html, first_visit, outline_style = focused
        if tag == "BODY" or not first_visit:
            break
        visits += 1
        assert outline_style != "none", f"no visible focus on {html}"

    assert visits == focusable


def test_toolbar_options_persist_without_server(browser_page, public_site):
    browser_page.goto(public_site["article"].url)
    # The browser fetches the icon on its own once the page has loaded;
    # wait for that so only requests caused by the toolbar are counted.
    browser_page.wait_for_load_state("networkidle")
    larger_text = browser_page.get_by_role("button", name="Chữ lớn hơn")
    high_contrast = browser_page.get_by_role("button", name="Tương phản cao")
    base_size = browser_page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    requests = []
    icon = static("favicon.svg")
    browser_page.on(
        "request",
        lambda request: None if request.url.endswith(icon) else requests.append(request.url),
    )

    larger_text.focus()
    browser_page.keyboard.press("Enter")
    high_contrast.focus()
    browser_page.keyboard.press("Space")

    assert requests == []
    expect(larger_text).to_have_attribute("aria-pressed", "true")
    expect(high_contrast).to_have_attribute("aria-pressed", "true")
    size = browser_page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size == pytest.approx(base_size * 1.25)

    browser_page.goto(public_site["home"].url)

    classes = browser_page.evaluate("document.documentElement.className")
    assert "a11y-large-text" in classes
    assert "a11y-high-contrast" in classes
    expect(browser_page.get_by_role("button", name="Chữ lớn hơn")).to_have_attribute(
        "aria-pressed", "true"
    )

    browser_page.get_by_role("button", name="Chữ lớn hơn").click()
    browser_page.reload()

    assert "a11y-large-text" not in browser_page.evaluate("document.documentElement.className")


def test_nothing_moves_by_itself(browser_page, public_site):
    browser_page.goto("/")
    browser_page.wait_for_timeout(1500)

    assert browser_page.evaluate("document.getAnimations().length") == 0
    assert browser_page.locator("marquee, video[autoplay], audio[autoplay]").count() == 0


def test_article_body_in_serif_system_font(browser_page, public_site):
    browser_page.goto(public_site["article"].url)

    font_family = browser_page.locator(".article__body").evaluate(
        "element => getComputedStyle(element).fontFamily"
    )
    font_size = browser_page.locator(".article__body").evaluate(
        "element => parseFloat(getComputedStyle(element).fontSize)"
    )
    assert font_family.startswith('"Times New Roman"')
    assert font_family.endswith("serif")
    assert font_size >= 18
    # System fonts only: the page loads no font file.
    assert browser_page.evaluate("document.fonts.size") == 0
