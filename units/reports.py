"""Admin reports of the editorial board: unit quotas and the works behind them.

Only users with the ``units.view_quota_reports`` permission (the board's roles and the
administrators) may open them; the check runs on every request, exports included.
"""

import datetime
import re
from functools import cached_property

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page

from home.exports import SafeSpreadsheetExportMixin

from .charts import column_chart
from .models import UnitPage
from .quotas import add_months
from .works import QuotaTable, published_works

REPORT_PERMISSION = "units.view_quota_reports"
MAX_MONTHS = 36
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def can_view_reports(user):
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def current_month():
    return timezone.localdate().replace(day=1)


def month_label(month):
    return f"{month:%m/%Y}"


class MonthField(forms.CharField):
    """A month typed as YYYY-MM (the value of ``<input type="month">``), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = MONTH_PATTERN.match(value.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(
                _("Invalid month “%(value)s”: write it as year-month, for example 2026-01."),
                params={"value": value},
            )
        return datetime.date(int(match.group(1)), int(match.group(2)), 1)


class MonthRangeForm(forms.Form):
    """Filters of the board's reports: a range of months and a kind of unit."""

    month_from = MonthField(label=gettext_lazy("From month"), required=False)
    month_to = MonthField(label=gettext_lazy("To month"), required=False)
    unit_kind = forms.ChoiceField(
        label=gettext_lazy("Kind of unit"),
        required=False,
        choices=[("", gettext_lazy("All kinds"))] + list(UnitPage.Kind.choices),
    )

    def __init__(self, *args, default_months=6, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_months = default_months
        last = current_month()
        self.initial.setdefault("month_to", f"{last:%Y-%m}")
        self.initial.setdefault("month_from", f"{add_months(last, 1 - default_months):%Y-%m}")

    def clean(self):
        cleaned = super().clean()
        last = cleaned.get("month_to") or current_month()
        first = cleaned.get("month_from") or add_months(last, 1 - self.default_months)
        if first > last:
            raise forms.ValidationError(_("The first month must not be after the last month."))
        span = (last.year - first.year) * 12 + last.month - first.month + 1
        if span > MAX_MONTHS:
            raise forms.ValidationError(
                _("Choose at most %(max)d months; the chosen range has %(span)d.")
                % {"max": MAX_MONTHS, "span": span}
            )
        cleaned["month_from"], cleaned["month_to"] = first, last
        return cleaned

    def months(self):
        """Return (first month, last month, unit kind), or the defaults when the form is invalid."""
        if self.is_valid():
            data = self.cleaned_data
            return data["month_from"], data["month_to"], data["unit_kind"]
        last = current_month()
        return add_months(last, 1 - self.default_months), last, ""


class BoardReportView(
    SafeSpreadsheetExportMixin, SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView
):
    """An admin page for the board, exported as CSV or XLSX from a list of row dicts."""

    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def export_columns(self):
        """Return (field, heading) pairs of the exported columns."""
        raise NotImplementedError

    def export_rows(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if self.is_export:
            columns = self.export_columns()
            self.list_export = [field for field, _heading in columns]
            self.export_headings = dict(columns)
            return self.as_spreadsheet(self.export_rows(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["xlsx_export_url"] = self.xlsx_export_url
        context["csv_export_url"] = self.csv_export_url
        return context


class QuotaReportView(BoardReportView):
    """Works per unit (rows) and month (columns) against the quota, with a 12-month chart."""

    template_name = "units/reports/quota_report.html"
    page_title = gettext_lazy("Unit quotas")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.form = MonthRangeForm(request.GET or None)
        self.first_month, self.last_month, self.unit_kind = self.form.months()

    @cached_property
    def table(self):
        return QuotaTable(self.first_month, self.last_month, unit_kind=self.unit_kind)

    def get_filename(self):
        return f"dinh-muc-tin-bai-{self.first_month:%Y-%m}-{self.last_month:%Y-%m}"

    def export_columns(self):
        columns = [("unit", _("Unit")), ("kind", _("Kind of unit"))]
        for month in self.table.months:
            label = month_label(month)
            columns.append((f"{month:%Y-%m}-count", _("%(month)s: works") % {"month": label}))
            columns.append((f"{month:%Y-%m}-required", _("%(month)s: quota") % {"month": label}))
            columns.append((f"{month:%Y-%m}-status", _("%(month)s: status") % {"month": label}))
        columns.append(("months_below", _("Months below quota")))
        return columns

    def export_rows(self):
        rows = []
        for row in self.table.rows:
            values = {"unit": row.unit.title, "kind": row.unit.get_kind_display()}
            for cell in row.cells:
                key = f"{cell.month:%Y-%m}"
                values[f"{key}-count"] = cell.count
                values[f"{key}-required"] = cell.required
                values[f"{key}-status"] = status_label(cell)
            values["months_below"] = row.months_below
            rows.append(values)
        return rows

    def chart(self):
        last = current_month()
        if self.first_month == add_months(last, -11) and self.last_month == last:
            table = self.table
        else:
            table = QuotaTable(add_months(last, -11), last, unit_kind=self.unit_kind)
        totals = table.month_totals()
        return {
            "geometry": column_chart(
                [(f"{total.month:%m/%y}", total.count) for total in totals],
                targets=[total.required for total in totals],
            ),
            "totals": totals,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            table=self.table,
            totals=self.table.month_totals(),
            chart=self.chart(),
            current_month=current_month(),
        )
        return context


def status_label(cell):
    if cell.rule is None:
        return _("No quota")
    if cell.is_below:
        return _("Below quota (%(missing)d missing)") % {"missing": cell.missing}
    return _("Met")


class QuotaWorksView(BoardReportView):
    """The works a unit published in one month, and whether each counts towards its quota."""

    template_name = "units/reports/quota_works.html"
    page_title = gettext_lazy("Works of the month")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.month = datetime.date(int(kwargs["year"]), int(kwargs["month"]), 1)
        except ValueError as error:
            raise Http404("Invalid month") from error

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        self.unit = get_object_or_404(UnitPage, pk=kwargs["unit_id"])
        self.cell = QuotaTable(self.month, self.month, unit_ids=[self.unit.pk]).cell(
            self.unit.pk, self.month
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.unit.title} – {month_label(self.month)}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("units_quota_report"), "label": _("Unit quotas")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_filename(self):
        return f"tac-pham-{self.unit.slug}-{self.month:%Y-%m}"

    def works(self):
        """Return (work, counted, section title) for every work of the unit in the month."""
        works = [
            work for work in published_works(self.month, self.month) if work.unit_id == self.unit.pk
        ]
        counted = {work.page_id for work in self.cell.works} if self.cell else set()
        sections = dict(
            Page.objects.filter(pk__in={work.section_id for work in works}).values_list(
                "pk", "title"
            )
        )
        return [
            (work, work.page_id in counted, sections.get(work.section_id, "")) for work in works
        ]

    def export_columns(self):
        return [
            ("title", _("Title")),
            ("kind", _("Kind of work")),
            ("author", _("Author")),
            ("section", pgettext("news section", "Section")),
            ("published_at", _("First published")),
            ("counted", _("Counts towards the quota")),
        ]

    def export_rows(self):
        return [
            {
                "title": work.title,
                "kind": work.kind_label,
                "author": work.author,
                "section": section,
                "published_at": timezone.make_naive(work.published_at),
                "counted": _("Yes") if counted else _("No"),
            }
            for work, counted, section in self.works()
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(unit=self.unit, month=self.month, cell=self.cell, rows=self.works())
        return context
