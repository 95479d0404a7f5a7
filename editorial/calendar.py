"""Lịch làm việc: tính hạn đăng tải theo giờ hành chính và ngày làm việc.

Quy chế (Điều 10 khoản 2) đặt hạn theo "giờ hành chính" (tin: 8 giờ hành chính kể từ khi
sự kiện diễn ra) và theo "ngày làm việc" (văn bản: 2 ngày làm việc kể từ ngày ban hành).
Một ngày là ngày làm việc khi, theo thứ tự ưu tiên:

1. Ban Biên tập đã khai báo ngày đó trong "Điều chỉnh lịch" (nghỉ thêm hoặc làm bù);
2. ngày đó là ngày lễ, Tết hoặc ngày nghỉ bù mà gói ``holidays`` biết cho Việt Nam;
3. ngày đó là ngày làm bù (thứ Bảy đi làm) mà gói ``holidays`` biết;
4. ngày đó thuộc các ngày làm việc trong tuần của cài đặt "Lịch làm việc".

Giờ hành chính là hai buổi sáng và chiều của cài đặt đó; mặc định 07:30–11:30 và
13:30–17:30, từ thứ Hai đến thứ Sáu.
"""

from datetime import date, datetime, timedelta
from functools import cached_property

import holidays
from django.utils import timezone
from wagtail.models import Site

from .models import CalendarOverride, WorkingCalendarSettings

# Searches for the next office minute stop after this many days, so that a calendar with
# no working day raises an error instead of looping forever.
MAX_SEARCH_DAYS = 366 * 5
NO_WORKING_DAY = (
    f"No working day found within {MAX_SEARCH_DAYS} days: tick at least one working weekday "
    "in the working calendar settings, or remove the calendar changes that close every day."
)


class CalendarError(ValueError):
    pass


class WorkingCalendar:
    """The working days and office hours of one site."""

    def __init__(self, settings):
        self.settings = settings
        self.timezone = timezone.get_current_timezone()

    @classmethod
    def for_site(cls, site=None):
        """Return the calendar of ``site``, or of the default site when none is given."""
        site = site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return cls(WorkingCalendarSettings())
        return cls(WorkingCalendarSettings.for_site(site))

    @cached_property
    def overrides(self):
        return dict(CalendarOverride.objects.values_list("date", "is_working_day"))

    def _public_holidays(self, year):
        cache = self.__dict__.setdefault("_holidays_by_year", {})
        if year not in cache:
            cache[year] = holidays.country_holidays("VN", years=year)
        return cache[year]

    def is_working_day(self, day):
        if day in self.overrides:
            return self.overrides[day]
        calendar = self._public_holidays(day.year)
        if day in calendar:
            return False
        if day in calendar.weekend_workdays:
            return True
        return day.weekday() in self.settings.weekdays

    def office_periods(self, day):
        """Return the aware (start, end) datetimes of the office periods of ``day``."""
        if not self.is_working_day(day):
            return []
        return [
            (self._at(day, start), self._at(day, end))
            for start, end in self.settings.office_periods
        ]

    def next_working_day(self, day):
        for _offset in range(MAX_SEARCH_DAYS):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise CalendarError(NO_WORKING_DAY)

    def add_office_hours(self, start, hours):
        """Return when ``hours`` office hours have passed since ``start``.

        Counting starts at the next office minute when ``start`` falls outside office hours.
        A deadline that ends exactly at the end of a period is that period's end.
        """
        remaining = timedelta(hours=float(hours))
        if remaining < timedelta(0):
            raise CalendarError(
                f"Invalid number of office hours: {hours}. It must be zero or more."
            )
        cursor = self._local(start)
        day = cursor.date()
        for _offset in range(MAX_SEARCH_DAYS):
            for period_start, period_end in self.office_periods(day):
                begin = max(period_start, cursor)
                if begin >= period_end:
                    continue
                if remaining <= period_end - begin:
                    return begin + remaining
                remaining -= period_end - begin
            day += timedelta(days=1)
        raise CalendarError(NO_WORKING_DAY)

    def add_working_days(self, start, days):
        """Return the end of the ``days``-th working day after the day of ``start``."""
        if days < 0:
            raise CalendarError(f"Invalid number of working days: {days}. It must be zero or more.")
        day = self._local(start).date() if isinstance(start, datetime) else start
        if days == 0 and not self.is_working_day(day):
            day = self.next_working_day(day)
        for _count in range(days):
            day = self.next_working_day(day)
        return self._at(day, self.settings.afternoon_end)

    def _at(self, day, moment):
        return timezone.make_aware(datetime.combine(day, moment), self.timezone)

    def _local(self, moment):
        if isinstance(moment, date) and not isinstance(moment, datetime):
            return self._at(moment, datetime.min.time())
        if timezone.is_naive(moment):
            return timezone.make_aware(moment, self.timezone)
        return timezone.localtime(moment, self.timezone)


def add_office_hours(start, hours, site=None):
    """Return the aware datetime when ``hours`` office hours have passed since ``start``."""
    return WorkingCalendar.for_site(site).add_office_hours(start, hours)


def add_working_days(start, days, site=None):
    """Return the end of the ``days``-th working day after the date of ``start``."""
    return WorkingCalendar.for_site(site).add_working_days(start, days)
