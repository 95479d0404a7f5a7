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


def create_role_user(username, group_name):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username, f"{username}@example.vn", "mat-khau-dai", first_name="Thị Hoa", last_name="Lò"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def create_secretary():
    from editorial import roles

    return create_role_user("thu-ky", roles.SECRETARY)


def create_head():
    from editorial import roles

    return create_role_user("truong-ban", roles.HEAD)


def create_contributor():
    from editorial import roles
    from editorial.models import ContributorProfile
    from units.models import UnitIndexPage, UnitPage

    home = Page.objects.get(depth=2, slug="home")
    directory = home.add_child(instance=UnitIndexPage(title="Cơ quan, đơn vị"))
    unit = directory.add_child(instance=UnitPage(title="Xã Ka Lăng", kind=UnitPage.Kind.COMMUNE))
    user = create_role_user("ctv-kalang", roles.CONTRIBUTOR)
    ContributorProfile.objects.create(user=user, unit=unit)
    return user


# The screens each editorial role works in; administrators' screens are checked as a superuser.
BOARD_SCREENS = [
    "dashboard",
    "page explorer",
    "article editor",
    "new article",
    "page history",
    "images",
    "image upload",
    "documents",
    "document upload",
    "account",
]
CONTRIBUTOR_SCREENS = [
    screen for screen in BOARD_SCREENS if screen not in ("article editor", "page history")
]

# Whose admin screens the test checks, one user per way of seeing the admin, with the screens
# that user opens (None: every screen below).
ADMIN_USERS = {
    "superuser": (create_superuser, None),
    "secretary": (create_secretary, BOARD_SCREENS),
    "head": (create_head, BOARD_SCREENS),
    "contributor": (create_contributor, CONTRIBUTOR_SCREENS),
}

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


@pytest.mark.parametrize(("make_user", "screens"), ADMIN_USERS.values(), ids=ADMIN_USERS.keys())
def test_admin_screens_in_vietnamese(browser_page, live_server, article, make_user, screens):
    log_in(browser_page, live_server, make_user())
    english, english_pattern = english_interface_strings()
    ids = {"section": article.get_parent().pk, "article": article.pk}
    untranslated = {}

    for screen, url in ADMIN_SCREENS.items():
        if screens is not None and screen not in screens:
            continue
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
