"""Spreadsheet exports that open cleanly in Excel and cannot smuggle in formulas.

Mix ``SafeSpreadsheetExportMixin`` into any Wagtail view that uses Wagtail's own
``SpreadsheetExportMixin`` (index views, ``ReportView``) to export CSV and XLSX files.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

# A byte order mark lets Excel open a UTF-8 CSV file with its Vietnamese letters intact.
UTF8_BOM = "\ufeff"
# Spreadsheets read a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
CSV_DATE_FORMAT = "%d/%m/%Y"


def neutralise_formula(value):
    """Return ``value`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value


class SafeSpreadsheetExportMixin:
    """Export mixin for CSV and XLSX files that read well in Vietnamese.

    CSV files start with a byte order mark, and their text cells cannot run as formulas.
    Times are in the portal's time zone, written as dd/mm/yyyy hh:mm in CSV, and a field
    with choices shows the label people see in the admin rather than the stored code.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = self.choice_label(field, value)
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.make_naive(value)
        if export_format == self.FORMAT_CSV:
            if isinstance(value, datetime.datetime):
                return value.strftime(CSV_DATETIME_FORMAT)
            if isinstance(value, datetime.date):
                return value.strftime(CSV_DATE_FORMAT)
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value

    def choice_label(self, field, value):
        model = getattr(self, "model", None)
        if model is None:
            return value
        try:
            model_field = model._meta.get_field(field)
        except FieldDoesNotExist:
            return value
        if not model_field.choices:
            return value
        return str(dict(model_field.flatchoices).get(value, value))

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
