"""The Vietnamese catalogues are complete, compiled and in step with the source.

These tests call gettext's tools (msgfmt, xgettext), which CI installs with the gettext package.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parent.parent
APPS = ["home", "news", "documents", "units", "feedback", "search", "editorial"]
# Each app keeps its own catalogue; the project-level one covers what no app owns.
CATALOGUE_DIRS = {
    **{REPO / app: REPO / app / "locale/vi/LC_MESSAGES/django.po" for app in APPS},
    REPO: REPO / "locale/vi/LC_MESSAGES/django.po",
}
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


def catalogue_ids():
    return [str(path.relative_to(REPO)) for path in CATALOGUE_DIRS.values()]


@pytest.mark.parametrize("po_path", CATALOGUE_DIRS.values(), ids=catalogue_ids())
def test_catalogue_fully_translated(po_path):
    translated, fuzzy, untranslated = catalogue_statistics(po_path)
    assert translated > 0
    assert fuzzy == 0, f"{po_path} has fuzzy entries"
    assert untranslated == 0, f"{po_path} has untranslated entries"


@pytest.mark.parametrize("po_path", CATALOGUE_DIRS.values(), ids=catalogue_ids())
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
