"""Spreadsheet exports that open cleanly in Excel and cannot smuggle in formulas.

Mix ``SafeSpreadsheetExportMixin`` into any Wagtail view that uses Wagtail's own
``SpreadsheetExportMixin`` (index views, ``ReportView``) to export CSV and XLSX files.
"""

# A byte order mark lets Excel open a UTF-8 CSV file with its Vietnamese letters intact.
UTF8_BOM = "\ufeff"
# Spreadsheets read a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Return ``value`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value


class SafeSpreadsheetExportMixin:
    """Add a byte order mark to CSV exports and keep text cells from running as formulas."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
