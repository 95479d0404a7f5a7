"""Read and write gettext catalogues, and list the third-party strings the portal shows.

Wagtail's own Vietnamese catalogue translates about a fifth of its admin. The catalogue in
``locale/thirdparty`` completes it, together with Django's and the other installed packages'
strings. ``bin/update-thirdparty-catalogue`` rebuilds it from the installed packages; the
translation tests check it against the same list.

Only the subset of the PO format that gettext's tools and Django's makemessages write is
read: comments, flags, ``msgctxt``, ``msgid``, ``msgid_plural`` and ``msgstr``/``msgstr[N]``,
each as one or more quoted lines. Obsolete entries (``#~``) are dropped.
"""

import dataclasses
import importlib.util
import re
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
THIRDPARTY_LOCALE_DIR = BASE_DIR / "locale" / "thirdparty"
LANGUAGE = "vi"
# Wagtail's admin loads its JavaScript strings from the djangojs catalogue of this package
# (wagtail.admin.views.i18n.js_catalog); LOCALE_PATHS catalogues are merged over it.
JAVASCRIPT_PACKAGES = ["wagtail.admin"]
# The project's own apps keep their strings in their own catalogues.
PROJECT_APPS = {
    "home",
    "news",
    "documents",
    "units",
    "feedback",
    "search",
    "editorial",
    "operations",
}

HEADER = """\
# Vietnamese translation of the Wagtail, Django and third-party strings the portal shows.
# Rebuilt by bin/update-thirdparty-catalogue; terms follow docs/glossary.md.
msgid ""
msgstr ""
"Project-Id-Version: muongte-portal thirdparty\\n"
"PO-Revision-Date: 2026-12-05 00:00+0700\\n"
"Last-Translator: Mường Tè portal developers\\n"
"Language-Team: Vietnamese\\n"
"Language: vi\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""

ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
ESCAPE_SEQUENCE = re.compile(r"\\(.)")
KEYWORD_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$')
CONTINUATION_LINE = re.compile(r'^"(.*)"$')
LINE_PIECE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclasses.dataclass
class Entry:
    """One message of a catalogue. ``msgstr`` is a list with one string per plural form."""

    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = dataclasses.field(default_factory=list)
    flags: list[str] = dataclasses.field(default_factory=list)
    comments: list[str] = dataclasses.field(default_factory=list)

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def is_fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def is_translated(self):
        return bool(self.msgstr) and all(self.msgstr) and not self.is_fuzzy


@dataclasses.dataclass(frozen=True)
class Source:
    """A catalogue of an installed package: where its msgids and its Vietnamese live."""

    name: str
    domain: str
    locale_dir: Path

    def catalogue(self, language):
        return self.locale_dir / language / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def msgid_catalogue(self):
        """The package's English catalogue, or its largest one when it ships no English."""
        english = self.catalogue("en")
        if english.exists():
            return english
        candidates = sorted(self.locale_dir.glob(f"*/LC_MESSAGES/{self.domain}.po"))
        return max(candidates, key=lambda path: path.stat().st_size)


def unescape(text):
    return ESCAPE_SEQUENCE.sub(lambda match: ESCAPES.get(match.group(1), match.group(0)), text)


def escape(text):
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )


def read_catalogue(path):
    """Return the header msgstr and the entries of the PO file at ``path``, in file order."""
    entries = []
    header = ""
    fields = {}
    flags = []
    comments = []
    current = None

    def finish():
        nonlocal header, fields, flags, comments, current
        if "msgid" in fields:
            plural_forms = sorted(
                (int(name[7:-1]), value) for name, value in fields.items() if name[:7] == "msgstr["
            )
            msgstr = [value for _, value in plural_forms] or [fields.get("msgstr", "")]
            if fields["msgid"] == "" and fields.get("msgctxt") is None:
                header = msgstr[0]
            else:
                entries.append(
                    Entry(
                        msgid=fields["msgid"],
                        msgctxt=fields.get("msgctxt"),
                        msgid_plural=fields.get("msgid_plural"),
                        msgstr=msgstr,
                        flags=flags,
                        comments=comments,
                    )
                )
        fields, flags, comments, current = {}, [], [], None

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
        elif line.startswith("#"):
            comments.append(line)
        elif match := KEYWORD_LINE.match(line):
            if match.group(1) in ("msgctxt", "msgid") and "msgid" in fields:
                finish()
            current = match.group(1)
            fields[current] = unescape(match.group(2))
        elif (match := CONTINUATION_LINE.match(line)) and current:
            fields[current] += unescape(match.group(1))
        else:
            raise ValueError(f"{path}: cannot read line {line!r}")
    finish()
    return header, entries


def quoted(keyword, text):
    """Format one field the way msgcat does: text with line breaks gets one quoted line each."""
    pieces = LINE_PIECE.findall(text)
    if len(pieces) <= 1:
        return [f'{keyword} "{escape(text)}"']
    return [f'{keyword} ""'] + [f'"{escape(piece)}"' for piece in pieces]


def format_entry(entry):
    lines = list(entry.comments)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    if entry.msgctxt is not None:
        lines += quoted("msgctxt", entry.msgctxt)
    lines += quoted("msgid", entry.msgid)
    if entry.msgid_plural is not None:
        lines += quoted("msgid_plural", entry.msgid_plural)
        lines += quoted("msgstr[0]", entry.msgstr[0] if entry.msgstr else "")
    else:
        lines += quoted("msgstr", entry.msgstr[0] if entry.msgstr else "")
    return "\n".join(lines)


def write_catalogue(path, entries):
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(format_entry(entry) for entry in entries)
    path.write_text(HEADER + "\n" + body + "\n", encoding="utf-8")


def package_locale_dir(name):
    if name == "django":
        return Path(django.__file__).parent / "conf" / "locale"
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent / "locale"


def installed_sources(domain):
    """List the installed packages whose ``domain`` catalogue the portal uses, Django first."""
    from django.apps import apps

    if domain == "djangojs":
        names = JAVASCRIPT_PACKAGES
    else:
        names = ["django"] + [
            config.name for config in apps.get_app_configs() if config.name not in PROJECT_APPS
        ]
    sources = []
    for name in names:
        locale_dir = package_locale_dir(name)
        if any(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
            sources.append(Source(name, domain, locale_dir))
    return sources


def expected_entries(domain):
    """Return every message of the installed sources once, keyed by (msgctxt, msgid).

    Each entry carries the package's own Vietnamese translation where it has one, and a
    comment naming the package it comes from.
    """
    entries = {}
    for source in installed_sources(domain):
        own = {}
        if source.catalogue(LANGUAGE).exists():
            _, translated = read_catalogue(source.catalogue(LANGUAGE))
            own = {entry.key: entry for entry in translated if entry.is_translated}
        _, messages = read_catalogue(source.msgid_catalogue)
        for message in messages:
            if message.key in entries:
                continue
            existing = own.get(message.key)
            entries[message.key] = Entry(
                msgid=message.msgid,
                msgctxt=message.msgctxt,
                msgid_plural=message.msgid_plural,
                msgstr=[existing.msgstr[0]] if existing else [""],
                flags=[flag for flag in message.flags if flag != "fuzzy"],
                comments=[f"#. {source.name}"],
            )
    return entries


def thirdparty_catalogue(domain):
    return THIRDPARTY_LOCALE_DIR / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
