"""The monthly royalty report: per person and per unit, as a page, a payment list and CSV."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.exports import UTF8_BOM, neutralise_formula

from .royalties import RoyaltyPayment, format_dong

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_PERMISSION = "editorial.view_royaltyrecord"


@dataclass
class PersonTotal:
    full_name: str
    unit_name: str
    works: list = field(default_factory=list)
    amount: int = 0

    @property
    def works_text(self):
        return "; ".join(self.works)


def previous_month(today=None):
    today = today or timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def parse_month(value):
    """Return the first day of the month given as "YYYY-MM", or None when it is invalid."""
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


def month_payments(month):
    """Return the payments for works first published in the month starting on ``month``."""
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    return (
        RoyaltyPayment.objects.filter(
            record__published_on__gte=month, record__published_on__lt=next_month
        )
        .select_related("record__page", "unit")
        .order_by("full_name", "unit__title", "record__published_on", "pk")
    )


def royalty_totals(month):
    """Return (totals per person, totals per unit, grand total) for the month."""
    people = {}
    units = {}
    for payment in month_payments(month):
        unit_name = payment.unit.title if payment.unit else _("No unit")
        key = (payment.full_name.strip().casefold(), payment.unit_id)
        person = people.setdefault(key, PersonTotal(payment.full_name.strip(), unit_name))
        title = payment.record.page.get_admin_display_title()
        if title not in person.works:
            person.works.append(title)
        person.amount += payment.amount
        units[unit_name] = units.get(unit_name, 0) + payment.amount
    people_list = sorted(people.values(), key=lambda person: (person.unit_name, person.full_name))
    unit_list = sorted(units.items())
    return people_list, unit_list, sum(units.values())


class RoyaltyReportView(WagtailAdminTemplateMixin, TemplateView):
    """Royalties of the works published in one month, by person and by unit."""

    template_name = "editorial/royalty_report.html"
    page_title = gettext_lazy("Monthly royalties")
    header_icon = "doc-full"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.month = parse_month(request.GET.get("month")) or previous_month()
        self.people, self.units, self.total = royalty_totals(self.month)
        export = request.GET.get("export")
        if export == "xlsx":
            return self.xlsx_response()
        if export == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    @property
    def month_label(self):
        return f"{self.month:%m/%Y}"

    @property
    def filename(self):
        return f"nhuan-but-{self.month:%Y-%m}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            month=self.month,
            month_value=f"{self.month:%Y-%m}",
            month_label=self.month_label,
            people=[(person, format_dong(person.amount)) for person in self.people],
            units=[(name, format_dong(amount)) for name, amount in self.units],
            total=format_dong(self.total),
        )
        return context

    def headings(self):
        return [
            _("No."),
            _("Full name"),
            _("Unit"),
            _("Works"),
            _("Amount (đồng)"),
            _("Signature"),
        ]

    def csv_response(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.headings())
        for number, person in enumerate(self.people, start=1):
            writer.writerow(
                [
                    number,
                    neutralise_formula(person.full_name),
                    neutralise_formula(person.unit_name),
                    neutralise_formula(person.works_text),
                    person.amount,
                    "",
                ]
            )
        writer.writerow(["", _("Total"), "", "", self.total, ""])
        response = HttpResponse(
            UTF8_BOM + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.csv"'
        return response

    def xlsx_response(self):
        output = io.BytesIO()
        self.payment_list_workbook().save(output)
        response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.xlsx"'
        return response

    def payment_list_workbook(self):
        """Build the payment list: title, month, one row per person, a total row."""
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Payment list")
        columns = len(self.headings())
        bold = Font(bold=True)
        thin = Side(style="thin")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)

        sheet.append([_("ROYALTY PAYMENT LIST")])
        sheet.append([_("Month %(month)s") % {"month": self.month_label}])
        for row in (1, 2):
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
            sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
            sheet.cell(row=row, column=1).font = Font(bold=True, size=14 if row == 1 else 12)
        sheet.append([])

        sheet.append(self.headings())
        header_row = sheet.max_row
        for number, person in enumerate(self.people, start=1):
            sheet.append(
                [
                    number,
                    neutralise_formula(person.full_name),
                    neutralise_formula(person.unit_name),
                    neutralise_formula(person.works_text),
                    person.amount,
                    "",
                ]
            )
        sheet.append(["", _("Total"), "", "", self.total, ""])
        total_row = sheet.max_row

        for row in sheet.iter_rows(min_row=header_row, max_row=total_row, max_col=columns):
            for cell in row:
                cell.border = border
                cell.alignment = Alignment(vertical="top", wrap_text=True)
        for cell in sheet[header_row] + sheet[total_row]:
            cell.font = bold
        for row in range(header_row + 1, total_row + 1):
            sheet.cell(row=row, column=5).number_format = "#,##0"
        for index, width in enumerate([6, 28, 28, 50, 16, 18], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width

        units_sheet = workbook.create_sheet(_("By unit"))
        units_sheet.append([_("Unit"), _("Amount (đồng)")])
        for name, amount in self.units:
            units_sheet.append([neutralise_formula(name), amount])
        units_sheet.append([_("Total"), self.total])
        return workbook
