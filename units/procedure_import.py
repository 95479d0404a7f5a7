"""Bulk import of administrative procedures from a CSV or XLSX file into a procedure list.

The first row names the columns (in Vietnamese, any case, with or without diacritics); each
later row is one procedure. Every row is checked before anything is written: one bad row
rejects the whole file, and every error is reported with its row number as the spreadsheet
shows it (the header is row 1). A valid file becomes a new draft revision of the page, which
then goes through moderation like any other edit.
"""

import csv
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from home.text import to_nfc

from .models import Procedure

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 2000

# Folded header (see fold_header) → Procedure field. Several spellings name the same column.
HEADERS = {
    "ma thu tuc": "code",
    "ma tthc": "code",
    "ma so": "code",
    "ten thu tuc": "name",
    "ten tthc": "name",
    "linh vuc": "field",
    "cap thuc hien": "level",
    "cap": "level",
    "thoi han giai quyet": "processing_time",
    "thoi gian giai quyet": "processing_time",
    "phi, le phi": "fee",
    "phi le phi": "fee",
    "le phi": "fee",
    "phi": "fee",
    "cac buoc thuc hien": "steps",
    "trinh tu thuc hien": "steps",
    "cac buoc": "steps",
    "duong dan": "system_path",
    "duong dan tren he thong": "system_path",
}
REQUIRED_COLUMNS = ["name", "field", "level", "processing_time"]
# The header each column should carry, as named in error messages and in the admin help.
# These are the literal names the file must use, so they are not translated.
COLUMN_HEADERS = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "level": "Cấp thực hiện",
    "processing_time": "Thời hạn giải quyết",
    "fee": "Phí, lệ phí",
    "steps": "Các bước thực hiện",
    "system_path": "Đường dẫn",
}

# Folded level names → Procedure.Level. "Cấp huyện" and "huyện" both mean the district level.
LEVELS = {
    "tinh": Procedure.Level.PROVINCE,
    "cap tinh": Procedure.Level.PROVINCE,
    "huyen": Procedure.Level.DISTRICT,
    "cap huyen": Procedure.Level.DISTRICT,
    "xa": Procedure.Level.COMMUNE,
    "cap xa": Procedure.Level.COMMUNE,
    "lien thong": Procedure.Level.INTER_LEVEL,
    "lien cap": Procedure.Level.INTER_LEVEL,
    "nhieu cap": Procedure.Level.INTER_LEVEL,
}
STEP_SEPARATOR = re.compile(r"\s*(?:\r?\n|;)\s*")
SPACES = re.compile(r"\s+")


class ProcedureImportError(Exception):
    """The file was rejected; ``errors`` lists every problem found, with row numbers."""

    def __init__(self, errors):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class RowError:
    row: int | None
    message: str

    def __str__(self):
        if self.row is None:
            return self.message
        return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ParsedFile:
    procedures: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def fold(text):
    """Lower-case ASCII form of ``text`` with single spaces: "Cấp  Huyện" gives "cap huyen"."""
    return SPACES.sub(" ", anyascii(to_nfc(str(text))).lower()).strip()


def fold_header(text):
    return fold(text).strip(" *:")


def read_rows(uploaded_file, filename):
    """Return the rows of a CSV or XLSX file as lists of strings, header first.

    Raises ProcedureImportError with a single file-level error when the file cannot be read.
    """
    data = uploaded_file.read()
    if len(data) > MAX_FILE_SIZE:
        raise ProcedureImportError(
            [
                RowError(
                    None,
                    _("The file is larger than %(size)d MB. Split it into smaller files.")
                    % {"size": MAX_FILE_SIZE // (1024 * 1024)},
                )
            ]
        )
    name = filename.lower()
    if name.endswith(".csv"):
        return read_csv(data)
    if name.endswith(".xlsx"):
        return read_xlsx(data)
    raise ProcedureImportError(
        [RowError(None, _("Unsupported file type: choose a .csv or .xlsx file."))]
    )


def read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProcedureImportError(
            [
                RowError(
                    None,
                    _(
                        "The CSV file is not in UTF-8. Save it again as “CSV UTF-8” and "
                        "import it again."
                    ),
                )
            ]
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def read_xlsx(data):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ProcedureImportError(
            [RowError(None, _("The file is not a valid Excel (.xlsx) workbook."))]
        ) from None
    try:
        return sheet_rows(workbook.worksheets[0])
    finally:
        workbook.close()


def sheet_rows(sheet):
    """Return the rows of ``sheet`` as lists of strings, without its trailing empty rows.

    A sheet formatted down to its last row reports a million rows, so empty rows are kept
    only when a filled row follows them (they still count for row numbers), and reading
    stops once the sheet has more filled rows than an import may take.
    """
    rows = []
    pending_empty = 0
    filled = 0
    for values in sheet.iter_rows(values_only=True):
        cells = [cell_text(value) for value in values]
        if not any(cells):
            pending_empty += 1
            continue
        rows.extend([] for _ in range(pending_empty))
        pending_empty = 0
        rows.append(cells)
        filled += 1
        if filled > MAX_ROWS + 1:
            break
    return rows


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_steps(text, row_number, errors):
    """Parse "Step | Person responsible | Time limit" lines (or ";"-separated items)."""
    steps = []
    for line in STEP_SEPARATOR.split(text.strip()):
        if not line:
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 3:
            errors.append(
                RowError(
                    row_number,
                    _(
                        "Invalid step “%(step)s”: write each step as “Step | Person "
                        "responsible | Time limit” (the time limit may be left out)."
                    )
                    % {"step": line},
                )
            )
            continue
        steps.append(
            (
                "step",
                {
                    "action": parts[0],
                    "responsible": parts[1],
                    "time_limit": parts[2] if len(parts) == 3 else "",
                },
            )
        )
    return steps


def parse_rows(rows):
    """Check every row and return the procedures built from them with every error found."""
    result = ParsedFile()
    if not rows or not any(rows[0]):
        result.errors.append(
            RowError(None, _("The file is empty: the first row must name the columns."))
        )
        return result

    columns = {}
    for index, header in enumerate(rows[0]):
        name = HEADERS.get(fold_header(header))
        if name and name not in columns:
            columns[name] = index
    missing = [COLUMN_HEADERS[name] for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        result.errors.append(
            RowError(
                1,
                _("Missing columns: %(columns)s. The first row must name the columns.")
                % {"columns": ", ".join(missing)},
            )
        )
        return result

    data_rows = [
        (number, row)
        for number, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    if not data_rows:
        result.errors.append(RowError(None, _("The file has a header row but no procedure.")))
        return result
    if len(data_rows) > MAX_ROWS:
        result.errors.append(
            RowError(
                None,
                _("The file has more than %(max)d procedures; import at most %(max)d at a time.")
                % {"max": MAX_ROWS},
            )
        )
        return result

    for number, row in data_rows:
        procedure = parse_row(number, row, columns, result.errors)
        if procedure is not None:
            result.procedures.append(procedure)
    return result


def parse_row(number, row, columns, errors):
    def value(name):
        index = columns.get(name)
        if index is None or index >= len(row):
            return ""
        return to_nfc(row[index].strip())

    errors_before = len(errors)
    level_text = value("level")
    level = LEVELS.get(fold(level_text), "")
    if level_text and not level:
        errors.append(
            RowError(
                number,
                _("Unknown level “%(level)s”: use Cấp tỉnh, Cấp huyện, Cấp xã or Liên thông.")
                % {"level": level_text},
            )
        )
    procedure = Procedure(
        code=value("code"),
        name=value("name"),
        field=value("field"),
        level=level,
        processing_time=value("processing_time"),
        fee=value("fee"),
        system_path=value("system_path"),
        steps=parse_steps(value("steps"), number, errors),
    )
    try:
        procedure.full_clean(exclude=["page", "sort_order"])
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            if field_name == "level" and level_text and not level:
                continue
            label = COLUMN_HEADERS.get(field_name, field_name)
            for message in messages:
                errors.append(RowError(number, f"{label}: {message}"))
    if len(errors) > errors_before:
        return None
    return procedure


def parse_file(uploaded_file, filename):
    """Read and check a whole file; never raises for bad content, only collects errors."""
    try:
        rows = read_rows(uploaded_file, filename)
    except ProcedureImportError as error:
        return ParsedFile(errors=error.errors)
    return parse_rows(rows)


def import_procedures(page, uploaded_file, filename, user=None, replace=True):
    """Write the procedures of a valid file into a new draft revision of ``page``.

    With ``replace`` the file's procedures take the place of the current list; otherwise
    they are added after it. Raises ProcedureImportError, having saved nothing, when any
    row is invalid. Returns the new revision and the number of procedures imported.
    """
    parsed = parse_file(uploaded_file, filename)
    if parsed.errors:
        logger.info(
            "Procedure import into page %s rejected: %d errors", page.pk, len(parsed.errors)
        )
        raise ProcedureImportError(parsed.errors)

    with transaction.atomic():
        # A fresh copy, because a page without revisions returns itself here and the
        # caller's instance would show the draft's procedures.
        draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
        kept = [] if replace else list(draft.procedures.all())
        for order, procedure in enumerate([*kept, *parsed.procedures]):
            procedure.sort_order = order
        draft.procedures.set([*kept, *parsed.procedures])
        revision = draft.save_revision(user=user, log_action=True)
    logger.info("Imported %d procedures into a draft of page %s", len(parsed.procedures), page.pk)
    return revision, len(parsed.procedures)
