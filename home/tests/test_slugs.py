"""ASCII slugs transliterated from Vietnamese, on the server side.

The cases are read from ``cases/slugs.tsv`` in the shared folder that sits beside the
repository; the MUONGTE_SHARED_DIR environment variable overrides that folder's path.
"""

import os
import unicodedata
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from home.factories import site_home_page
from home.text import slugify_vi
from news.factories import ArticlePageFactory, SectionPageFactory
from news.models import SectionPage

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
SHARED_DIR = Path(os.environ.get("MUONGTE_SHARED_DIR", REPOSITORY_ROOT.parent / "shared"))
SLUG_CASES_FILE = SHARED_DIR / "cases" / "slugs.tsv"


def load_slug_cases():
    """Return (title, expected slug) pairs; fail the test run when the table is missing."""
    if not SLUG_CASES_FILE.is_file():
        pytest.fail(
            f"Slug cases not found at {SLUG_CASES_FILE}: clone the shared folder beside the "
            "repository as ../shared, or set MUONGTE_SHARED_DIR to its path.",
            pytrace=False,
        )
    cases = []
    for line in SLUG_CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        title, expected = line.split("\t")
        cases.append((title, expected.strip()))
    return cases


def test_slug_cases_include_nfd_title():
    titles = [title for title, _slug in load_slug_cases()]

    assert len(titles) >= 5
    assert any(not unicodedata.is_normalized("NFC", title) for title in titles)


def test_slugify_vi_matches_every_case():
    for title, expected in load_slug_cases():
        assert slugify_vi(title) == expected, title


def test_slugify_vi_turns_d_with_stroke_into_d():
    assert slugify_vi("Đấu thầu đường Đông Hà") == "dau-thau-duong-dong-ha"


def test_slugify_vi_returns_empty_for_punctuation():
    assert slugify_vi("… – !") == ""


def test_slugify_vi_respects_max_length():
    slug = slugify_vi("Quyết định số 15/2024/QĐ-UBND về đường giao thông", max_length=20)

    assert len(slug) <= 20
    assert not slug.endswith("-")


@pytest.mark.django_db
def test_page_without_slug_gets_case_slug():
    for title, expected in load_slug_cases():
        section = SectionPageFactory(title=title)

        assert section.slug.startswith(expected), title
        section.delete()


@pytest.mark.django_db
def test_page_slugs_get_numbered_suffix():
    first = SectionPageFactory(title="Thông báo lịch tiếp công dân")
    second = SectionPageFactory(title="Thông báo lịch tiếp công dân")
    third = SectionPageFactory(title=unicodedata.normalize("NFD", "Thông báo lịch tiếp công dân"))

    assert first.slug == "thong-bao-lich-tiep-cong-dan"
    assert second.slug == "thong-bao-lich-tiep-cong-dan-2"
    assert third.slug == "thong-bao-lich-tiep-cong-dan-3"


@pytest.mark.django_db
def test_same_title_under_other_parent_keeps_slug():
    economy = SectionPageFactory(title="Kinh tế")
    culture = SectionPageFactory(title="Văn hóa - Xã hội")

    in_economy = ArticlePageFactory(parent=economy, title="Đại hội Đảng bộ xã Mù Cả")
    in_culture = ArticlePageFactory(parent=culture, title="Đại hội Đảng bộ xã Mù Cả")

    assert in_economy.slug == "dai-hoi-dang-bo-xa-mu-ca"
    assert in_culture.slug == "dai-hoi-dang-bo-xa-mu-ca"


def post_new_section(client, parent, title, slug):
    """Submit the admin's create form for a SectionPage under ``parent``, published."""
    url = reverse("wagtailadmin_pages:add", args=("news", "sectionpage", parent.pk))
    return client.post(
        url,
        {
            "title": title,
            "slug": slug,
            "intro": rich_text(""),
            "seo_title": "",
            "search_description": "",
            "action-publish": "publish",
        },
    )


@pytest.mark.django_db
def test_admin_form_turns_typed_slug_into_ascii(admin_client):
    home = site_home_page()

    for index, (title, expected) in enumerate(load_slug_cases()):
        # A distinct suffix keeps sibling slugs apart, since two rows share a title.
        response = post_new_section(admin_client, home, title, f"{title} {index}")

        assert response.status_code == 302, response.context["form"].errors
        page = SectionPage.objects.get(
            title=unicodedata.normalize("NFC", title), slug__endswith=f"-{index}"
        )
        assert page.slug == f"{expected}-{index}"
        assert page.live


@pytest.mark.django_db
def test_admin_form_rejects_taken_slug(admin_client):
    home = site_home_page()
    SectionPageFactory(title="Kinh tế")

    response = post_new_section(admin_client, home, "Kinh tế mới", "Kinh Tế")

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert SectionPage.objects.filter(title="Kinh tế mới").count() == 0


@pytest.mark.django_db
def test_admin_form_falls_back_to_title_slug(admin_client):
    home = site_home_page()

    response = post_new_section(admin_client, home, "Quốc phòng - An ninh", "– !")

    assert response.status_code == 302, response.context["form"].errors
    assert SectionPage.objects.get(title="Quốc phòng - An ninh").slug == "quoc-phong-an-ninh"
