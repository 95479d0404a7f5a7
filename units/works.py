"""Published works counted for unit quotas and contribution statistics.

A work is a live, non-confidential article, photo album or video or audio item. It counts in
the month of its first publication in the site's time zone (Asia/Ho_Chi_Minh), so a work
first published at 00:30 on 1 February local time (17:30 UTC on 31 January) is a February work.

A work is credited to the unit chosen in its "Providing unit" field. When that field is
empty, it is credited to the unit of its owner's contributor profile, and when the owner has
no profile either, to no unit. A unit merged into another passes its works to the unit that
continues, following chains of merges. Its author is the "Author" field, or the owner's name when
that field is empty.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from news.models import AlbumPage, ArticlePage, MediaPage

from .models import UnitPage
from .quotas import QuotaRule, WorkKind, add_months, month_start

WORK_FIELDS = [
    "pk",
    "title",
    "path",
    "unit_id",
    "author",
    "first_published_at",
    "owner__contributor_profile__unit_id",
    "owner__first_name",
    "owner__last_name",
    "owner__username",
]
NO_AUTHOR = _("Author not given")


@dataclass(frozen=True)
class Work:
    page_id: int
    title: str
    kind: str
    unit_id: int | None
    author: str
    section_id: int | None
    published_at: datetime.datetime

    @property
    def month(self):
        return self.published_at.date().replace(day=1)

    @property
    def kind_label(self):
        return WorkKind(self.kind).label


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def month_range(first_month, last_month):
    """Return the first days of the months from ``first_month`` to ``last_month``, inclusive."""
    months = []
    current = month_start(first_month)
    while current <= last_month:
        months.append(current)
        current = add_months(current, 1)
    return months


def _author_name(row):
    # NOTE: the "Author" field is free text, so "Lò Văn Minh, Tòng Thị Hoa" counts as one
    # author and spelling variants of a name count separately.
    author = (row["author"] or "").strip()
    if author:
        return author
    owner = f"{row['owner__last_name'] or ''} {row['owner__first_name'] or ''}".strip()
    return owner or str(NO_AUTHOR)


def merge_successors():
    """Map each merged unit's id to the id of the unit that continues it today."""
    merged_into = dict(
        UnitPage.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id")
    )
    successors = {}
    for unit_id in merged_into:
        seen = {unit_id}
        current = merged_into[unit_id]
        while current in merged_into and current not in seen:
            seen.add(current)
            current = merged_into[current]
        successors[unit_id] = current
    return successors


def published_works(first_month, last_month):
    """Return the works first published from ``first_month`` to the end of ``last_month``."""
    start = local_midnight(month_start(first_month))
    end = local_midnight(add_months(last_month, 1))
    sources = [
        (ArticlePage, lambda row: WorkKind.ARTICLE),
        (AlbumPage, lambda row: WorkKind.ALBUM),
        (MediaPage, lambda row: row["kind"]),
    ]
    rows = []
    for model, kind_of in sources:
        fields = [*WORK_FIELDS, "kind"] if model is MediaPage else WORK_FIELDS
        queryset = model.objects.live().filter(
            is_confidential=False, first_published_at__gte=start, first_published_at__lt=end
        )
        rows.extend((row, kind_of(row)) for row in queryset.values(*fields))

    parent_paths = {row["path"][: -Page.steplen] for row, _kind in rows}
    section_ids = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "pk"))
    successors = merge_successors()

    def credited_unit(row):
        unit_id = row["unit_id"] or row["owner__contributor_profile__unit_id"]
        return successors.get(unit_id, unit_id)

    works = [
        Work(
            page_id=row["pk"],
            title=row["title"],
            kind=str(kind),
            unit_id=credited_unit(row),
            author=_author_name(row),
            section_id=section_ids.get(row["path"][: -Page.steplen]),
            published_at=timezone.localtime(row["first_published_at"]),
        )
        for row, kind in rows
    ]
    works.sort(key=lambda work: (work.published_at, work.page_id))
    return works


def rule_for(unit_id, month, rules):
    """Return the rule in force for ``unit_id`` in ``month``, or None.

    A rule of the unit wins over a rule for every unit. When two rules of one scope both
    apply to the month (one ends and the next starts within it), the later one wins.
    """
    candidates = [rule for rule in rules if rule.applies_in_month(month)]
    own = [rule for rule in candidates if rule.unit_id == unit_id]
    shared = [rule for rule in candidates if rule.unit_id is None]
    for group in (own, shared):
        if group:
            return max(group, key=lambda rule: rule.effective_from)
    return None


@dataclass
class QuotaCell:
    unit: UnitPage
    month: datetime.date
    rule: QuotaRule | None
    works: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.works)

    @property
    def required(self):
        return self.rule.works_per_month if self.rule else None

    @property
    def is_below(self):
        return self.rule is not None and self.count < self.rule.works_per_month

    @property
    def missing(self):
        return max(self.required - self.count, 0) if self.rule else 0


@dataclass
class QuotaRow:
    unit: UnitPage
    cells: list

    @property
    def months_below(self):
        return sum(1 for cell in self.cells if cell.is_below)


@dataclass
class MonthTotal:
    month: datetime.date
    count: int
    required: int
    units_below: int


class QuotaTable:
    """Works counted against the quota, per unit (rows) and month (columns)."""

    def __init__(self, first_month, last_month, unit_kind="", unit_ids=None, works=None):
        self.months = month_range(first_month, last_month)
        units = UnitPage.objects.live().order_by("title")
        if unit_kind:
            units = units.filter(kind=unit_kind)
        if unit_ids is not None:
            units = units.filter(pk__in=unit_ids)
        self.units = list(units)
        rules = list(
            QuotaRule.objects.in_force_between(self.months[0], self.months[-1]).select_related(
                "unit"
            )
        )
        if works is None:
            works = published_works(self.months[0], self.months[-1])
        by_unit_month = defaultdict(list)
        for work in works:
            by_unit_month[work.unit_id, work.month].append(work)

        self.rows = []
        for unit in self.units:
            cells = []
            for month in self.months:
                rule = rule_for(unit.pk, month, rules)
                counted = [
                    work
                    for work in by_unit_month[unit.pk, month]
                    if rule is None or work.kind in rule.kinds
                ]
                cells.append(QuotaCell(unit=unit, month=month, rule=rule, works=counted))
            self.rows.append(QuotaRow(unit=unit, cells=cells))

    def cell(self, unit_id, month):
        for row in self.rows:
            if row.unit.pk == unit_id:
                return row.cells[self.months.index(month)]
        return None

    def month_totals(self):
        totals = []
        for index, month in enumerate(self.months):
            cells = [row.cells[index] for row in self.rows]
            totals.append(
                MonthTotal(
                    month=month,
                    count=sum(cell.count for cell in cells),
                    required=sum(cell.required or 0 for cell in cells),
                    units_below=sum(1 for cell in cells if cell.is_below),
                )
            )
        return totals

    def units_below(self, month):
        index = self.months.index(month)
        return [row.cells[index] for row in self.rows if row.cells[index].is_below]


def count_by(works, key):
    """Return (value, count) pairs of ``key(work)``, the largest count first."""
    counts = Counter(key(work) for work in works)
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
