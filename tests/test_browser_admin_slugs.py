"""Typing a Vietnamese title in the page editor fills the slug as the server would."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Page

from home.text import slugify_vi
from news.models import SectionPage

from .admin_session import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Titles and the slugs the server gives them, kept in the shared/ folder beside the repository
# (MUONGTE_SHARED_DIR points elsewhere, for a work tree that has no shared/ beside it).
REPO = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("MUONGTE_SHARED_DIR", REPO.parent / "shared"))
SLUG_CASES = SHARED_DIR / "cases" / "slugs.tsv"


def read_slug_cases():
    cases = []
    for line in SLUG_CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, slug = line.split("\t")
            cases.append((title, slug))
    return cases


@pytest.fixture
def section():
    home = Page.objects.get(depth=2, slug="home")
    section = SectionPage(title="Tin tức - Sự kiện", slug="tin-tuc-su-kien")
    home.add_child(instance=section)
    return section


def test_slug_cases_readable():
    cases = read_slug_cases()

    assert len(cases) >= 6
    for title, slug in cases:
        assert slugify_vi(title) == slug


def test_editor_slug_matches_server(browser_page, live_server, section):
    admin = get_user_model().objects.create_superuser("bien-tap", "bt@example.vn", "mat-khau-dai")
    log_in(browser_page, live_server, admin)

    for typed_title, expected_slug in read_slug_cases():
        browser_page.goto(f"/admin/pages/add/news/articlepage/{section.pk}/")
        # Wagtail's Stimulus controllers connect after the scripts have loaded.
        browser_page.wait_for_load_state("networkidle")
        title = browser_page.locator("#id_title")
        title.focus()
        title.press_sequentially(typed_title)
        title.blur()

        expect(browser_page.locator("#id_slug")).to_have_value(expected_slug)
