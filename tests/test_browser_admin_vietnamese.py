"""The main admin screens show no interface string in English."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Page

from muongte.catalogues import expected_entries, read_catalogue
from news.models import ArticlePage, SectionPage

from .admin_session import log_in
from .test_translations import CATALOGUE_DIRS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def create_superuser():
    return get_user_model().objects.create_superuser(
        "quan-tri", "quantri@example.vn", "mat-khau-dai", first_name="Lò Văn", last_name="Minh"
    )


# Whose admin screens the test checks, one user per way of seeing the admin.
# NOTE: only a superuser is checked so far. Add a user in each editorial group (Thư ký Ban Biên
# tập, Cộng tác viên, Trưởng Ban Biên tập…) here once a migration creates the groups.
ADMIN_USERS = {"superuser": create_superuser}

# The screens contributors, the secretary and the head use, as URL templates over the tree below.
ADMIN_SCREENS = {
    "dashboard": "/admin/",
    "page explorer": "/admin/pages/{section}/",
    "article editor": "/admin/pages/{article}/edit/",
    "new article": "/admin/pages/add/news/articlepage/{section}/",
    "page history": "/admin/pages/{article}/history/",
    "images": "/admin/images/",
    "image upload": "/admin/images/multiple/add/",
    "documents": "/admin/documents/",
    "document upload": "/admin/documents/multiple/add/",
    "snippets": "/admin/snippets/",
    "menus": "/admin/snippets/home/navigationmenu/",
    "portal settings": "/admin/settings/home/portalsettings/",
    "locked pages report": "/admin/reports/locked/",
    "workflows report": "/admin/reports/workflow/",
    "site history report": "/admin/reports/site-history/",
    "aging pages report": "/admin/reports/aging-pages/",
    "workflows": "/admin/workflows/list/",
    "workflow tasks": "/admin/workflows/tasks/index/",
    "account": "/admin/account/",
    "users": "/admin/users/",
    "groups": "/admin/groups/",
}

# Every piece of text a person can read or hear on the page: text nodes outside hidden
# elements, the attributes that screen readers announce or browsers show, and the title.
VISIBLE_TEXT_SCRIPT = """() => {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && !parent.closest("script, style, noscript, [hidden]")) {
      texts.push(walker.currentNode.textContent);
    }
  }
  for (const element of document.querySelectorAll("[placeholder], [aria-label], [title], [alt]")) {
    for (const name of ["placeholder", "aria-label", "title", "alt"]) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}"""

LETTERS = re.compile(r"[A-Za-z]{2}")
MARKUP = re.compile(r"[<>]")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")
# A msgid with placeholders is looked for only when its fixed words are long enough to tell
# English from Vietnamese ("%(count)s pages" is; "%(label)s:" is not).
MIN_FIXED_LETTERS = 6


def english_interface_strings():
    """Return the English msgids whose Vietnamese differs, as screen text and as one pattern.

    The set contains the msgids without placeholders; the pattern matches a text made from a
    msgid with placeholders, whatever the values put in them.
    """
    entries = [*expected_entries("django").values(), *expected_entries("djangojs").values()]
    for po_path in CATALOGUE_DIRS.values():
        entries += read_catalogue(po_path)[1]

    strings = set()
    patterns = set()
    for entry in entries:
        translations = set(entry.msgstr)
        for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
            text = " ".join(msgid.split())
            if text in translations or not LETTERS.search(text) or MARKUP.search(text):
                continue
            fixed_parts = PLACEHOLDER.split(text)
            if len(fixed_parts) == 1:
                strings.add(text)
            elif (
                sum(len(re.findall("[A-Za-z]", part)) for part in fixed_parts) >= MIN_FIXED_LETTERS
            ):
                patterns.add(".+?".join(re.escape(part) for part in fixed_parts))
    return strings, re.compile("|".join(sorted(patterns)))


def open_body_editor(browser_page):
    """Open the body's block menu, then add a text block; return the text seen on the way.

    The block menu and the rich text toolbar exist only once an editor opens them.
    """
    texts = []
    browser_page.locator("[data-contentpath='body'] .c-sf-add-button").first.click()
    texts += browser_page.evaluate(VISIBLE_TEXT_SCRIPT)
    with translation.override("vi"):
        text_block = translation.gettext("Text")
    browser_page.get_by_role("option", name=text_block, exact=True).click()
    browser_page.locator("[data-contentpath='body'] .Draftail-Editor").first.wait_for()
    browser_page.locator("[data-contentpath='body'] .public-DraftEditor-content").first.click()
    texts += browser_page.evaluate(VISIBLE_TEXT_SCRIPT)
    return texts


@pytest.fixture
def article():
    home = Page.objects.get(depth=2, slug="home")
    section = home.add_child(instance=SectionPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
    return section.add_child(
        instance=ArticlePage(
            title="Hội nghị sơ kết 6 tháng đầu năm 2026",
            slug="hoi-nghi-so-ket",
            lead="Sáng nay, huyện Mường Tè tổ chức hội nghị sơ kết.",
            author="Nguyễn Văn A",
        )
    )


@pytest.mark.parametrize("make_user", ADMIN_USERS.values(), ids=ADMIN_USERS.keys())
def test_admin_screens_in_vietnamese(browser_page, live_server, article, make_user):
    log_in(browser_page, live_server, make_user())
    english, english_pattern = english_interface_strings()
    ids = {"section": article.get_parent().pk, "article": article.pk}
    untranslated = {}

    for screen, url in ADMIN_SCREENS.items():
        response = browser_page.goto(url.format(**ids))
        assert response.ok, f"{screen}: HTTP {response.status}"
        browser_page.wait_for_load_state("networkidle")

        texts = set(browser_page.evaluate(VISIBLE_TEXT_SCRIPT))
        if screen == "new article":
            texts.update(open_body_editor(browser_page))
        # Editors keep their Promote and Settings fields in tabs that are hidden until chosen.
        for tab in browser_page.get_by_role("tab").all():
            tab.click()
            texts.update(browser_page.evaluate(VISIBLE_TEXT_SCRIPT))

        texts = {" ".join(text.split()) for text in texts}
        found = sorted(text for text in texts if text in english or english_pattern.fullmatch(text))
        if found:
            untranslated[screen] = found

    report = "\n".join(f"{screen}: {strings}" for screen, strings in untranslated.items())
    assert not untranslated, f"English on the admin screens:\n{report}"
