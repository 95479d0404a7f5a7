"""Dashboard panel of the editorial board: units below quota this month and the days left."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from editorial import roles
from editorial.calendar import WorkingCalendar

from .quotas import month_end
from .reports import can_view_reports
from .works import QuotaTable


def days_left_in_month(today, calendar):
    """Return (calendar days, working days) from ``today`` to the month's end, both included."""
    last_day = month_end(today)
    days = [
        today + datetime.timedelta(days=offset) for offset in range((last_day - today).days + 1)
    ]
    return len(days), sum(1 for day in days if calendar.is_working_day(day))


def is_board_member(user):
    return any(roles.user_in_group(user, group_name) for group_name in roles.BOARD_ROLES)


class QuotaDashboardPanel(Component):
    name = "units_quota"
    template_name = "units/panels/quota_panel.html"
    order = 80
    limit = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        month = today.replace(day=1)
        table = QuotaTable(month, month)
        site = Site.find_for_request(self.request)
        calendar_days, working_days = days_left_in_month(today, WorkingCalendar.for_site(site))
        below = sorted(table.units_below(month), key=lambda cell: (-cell.missing, cell.unit.title))
        context.update(
            month=month,
            month_end=month_end(today),
            below=below[: self.limit],
            below_count=len(below),
            has_rules=any(row.cells[0].rule for row in table.rows),
            calendar_days=calendar_days,
            working_days=working_days,
        )
        return context


def show_quota_panel(user):
    """Return True for members of the board's groups who may read the quota report."""
    return can_view_reports(user) and is_board_member(user)
