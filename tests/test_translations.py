"""The Vietnamese catalogues are complete, compiled and in step with the source.

The project's catalogues cover the project's own strings; locale/thirdparty covers every
message of the installed Wagtail, Django and third-party catalogues. These tests call gettext's
tools (msgfmt, xgettext), which CI installs with the gettext package.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from muongte.catalogues import (
    expected_entries,
    read_catalogue,
    thirdparty_catalogue,
    write_catalogue,
)

REPO = Path(__file__).resolve().parent.parent
APPS = ["home", "news", "documents", "units", "feedback", "search", "editorial", "operations"]
# Each app keeps its own catalogue; the project-level one covers what no app owns.
CATALOGUE_DIRS = {
    **{REPO / app: REPO / app / "locale/vi/LC_MESSAGES/django.po" for app in APPS},
    REPO: REPO / "locale/vi/LC_MESSAGES/django.po",
}
THIRDPARTY_CATALOGUES = [thirdparty_catalogue("django"), thirdparty_catalogue("djangojs")]
# What the project-level catalogue covers: site-wide templates and the project package.
PROJECT_SOURCES = ["templates", "muongte"]
STATISTICS = re.compile(
    r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?(?:, (\d+) untranslated messages?)?"
)


def catalogue_statistics(po_path):
    """Return (translated, fuzzy, untranslated) counts that msgfmt reports for ``po_path``."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    match = STATISTICS.search(result.stderr)
    assert match, f"unexpected msgfmt output for {po_path}: {result.stderr}"
    return tuple(int(group or 0) for group in match.groups())


def catalogue_ids(paths=None):
    return [str(path.relative_to(REPO)) for path in paths or CATALOGUE_DIRS.values()]


ALL_CATALOGUES = [*CATALOGUE_DIRS.values(), *THIRDPARTY_CATALOGUES]


@pytest.mark.parametrize("po_path", ALL_CATALOGUES, ids=catalogue_ids(ALL_CATALOGUES))
def test_catalogue_fully_translated(po_path):
    translated, fuzzy, untranslated = catalogue_statistics(po_path)
    assert translated > 0
    assert fuzzy == 0, f"{po_path} has fuzzy entries"
    assert untranslated == 0, f"{po_path} has untranslated entries"


@pytest.mark.parametrize("po_path", ALL_CATALOGUES, ids=catalogue_ids(ALL_CATALOGUES))
def test_compiled_catalogue_up_to_date(po_path, tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(po_path)], check=True)
    committed = po_path.with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run compilemessages"
    assert committed.read_bytes() == compiled.read_bytes(), (
        f"{committed} is stale: run compilemessages"
    )


@pytest.mark.parametrize("source_root", CATALOGUE_DIRS.keys(), ids=catalogue_ids())
def test_catalogue_covers_source(source_root, tmp_path, monkeypatch):
    """makemessages over a copy of the source finds no msgid the catalogue lacks."""
    copy = tmp_path / "source"
    if source_root == REPO:
        copy.mkdir()
        for name in [*PROJECT_SOURCES, "locale"]:
            shutil.copytree(REPO / name, copy / name)
    else:
        shutil.copytree(source_root, copy, ignore=shutil.ignore_patterns("tests", "__pycache__"))
    monkeypatch.chdir(copy)

    call_command("makemessages", locale=["vi"], verbosity=0, no_obsolete=True)

    translated, fuzzy, untranslated = catalogue_statistics(copy / "locale/vi/LC_MESSAGES/django.po")
    assert (fuzzy, untranslated) == (0, 0), (
        f"strings in {source_root.name} lack a Vietnamese translation: run makemessages -l vi there and translate"
    )


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_thirdparty_catalogue_covers_installed_packages(domain):
    """Every message of the installed packages' catalogues has a Vietnamese translation."""
    _, entries = read_catalogue(thirdparty_catalogue(domain))
    translated = {entry.key for entry in entries if entry.is_translated}

    missing = [
        f"{entry.comments[0][3:]}: {entry.msgid!r}"
        for key, entry in expected_entries(domain).items()
        if key not in translated
    ]

    assert not missing, (
        f"{len(missing)} messages lack a translation in {thirdparty_catalogue(domain).name}, "
        f"run bin/update-thirdparty-catalogue and translate them: {missing[:20]}"
    )


HTML_TAG = re.compile(r"<[^>]*>")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdr]|%[sdr]|\{[a-z_]*\}")


@pytest.mark.parametrize("po_path", THIRDPARTY_CATALOGUES, ids=catalogue_ids(THIRDPARTY_CATALOGUES))
def test_thirdparty_translations_keep_markup(po_path):
    """Translations keep the HTML tags and placeholders of their msgid, with or without format flags."""
    _, entries = read_catalogue(po_path)
    for entry in entries:
        source = entry.msgid_plural or entry.msgid
        assert sorted(HTML_TAG.findall(entry.msgstr[0])) == sorted(HTML_TAG.findall(source)), (
            entry.msgid
        )
        assert set(PLACEHOLDER.findall(entry.msgstr[0])) == set(PLACEHOLDER.findall(source)), (
            entry.msgid
        )


@pytest.mark.parametrize("po_path", CATALOGUE_DIRS.values(), ids=catalogue_ids())
def test_project_msgids_agree_with_thirdparty(po_path):
    """A msgid the project shares with Wagtail or Django has one translation everywhere.

    locale/thirdparty takes precedence over the apps' catalogues, so a different translation
    in an app would be silently replaced there, or would rename Wagtail's admin if it won.
    """
    _, thirdparty = read_catalogue(thirdparty_catalogue("django"))
    shared = {entry.key: entry.msgstr[0] for entry in thirdparty}
    _, entries = read_catalogue(po_path)

    disagreements = {
        entry.msgid: (entry.msgstr[0], shared[entry.key])
        for entry in entries
        if entry.key in shared and entry.msgstr[0] != shared[entry.key]
    }

    assert not disagreements, f"project translation vs locale/thirdparty: {disagreements}"


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Save draft", "Lưu bản nháp"),
        ("Submit for moderation", "Gửi duyệt"),
        ("Request changes", "Yêu cầu chỉnh sửa"),
        ("Images", "Ảnh"),
        ("Documents", "Tài liệu"),
        ("Workflows", "Quy trình"),
        ("Reports", "Báo cáo"),
        ("Snippets", "Mục dùng chung"),
        ("in moderation", "đang chờ duyệt"),
        ("Pages", "Trang"),
    ],
)
def test_admin_strings_resolve_to_vietnamese(msgid, expected):
    with translation.override("vi"):
        assert translation.gettext(msgid) == expected


@pytest.mark.django_db
def test_admin_javascript_catalogue_in_vietnamese(admin_client):
    response = admin_client.get("/admin/jsi18n/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "Tr\\u00ecnh duy\\u1ec7t trang" in text or "Trình duyệt trang" in text
    assert "Vi\\u1ebft n\\u1ed9i dung" in text or "Viết nội dung" in text


@pytest.mark.parametrize("po_path", THIRDPARTY_CATALOGUES, ids=catalogue_ids(THIRDPARTY_CATALOGUES))
def test_thirdparty_catalogue_round_trip(po_path, tmp_path):
    """Reading and writing the catalogue gives back the same file, so rebuilds show real changes."""
    _, entries = read_catalogue(po_path)
    copy = tmp_path / po_path.name

    write_catalogue(copy, entries)

    assert copy.read_text(encoding="utf-8") == po_path.read_text(encoding="utf-8")
