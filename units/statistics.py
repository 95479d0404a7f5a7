"""Contribution statistics: published works per unit, author, section and month.

The board uses them to propose rewards for contributors. The works are the ones the quota
report counts (see ``units.works``), of every kind unless the kind filter narrows them.
"""

from collections import defaultdict

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail.models import Page

from .charts import bar_chart, column_chart
from .models import UnitPage
from .quotas import WorkKind
from .reports import BoardReportView, MonthRangeForm, month_label
from .works import month_range, published_works

CHART_TOP = 15


class StatisticsForm(MonthRangeForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of work"),
        required=False,
        choices=[("", gettext_lazy("All kinds"))] + list(WorkKind.choices),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, default_months=12, **kwargs)


def dimension_labels():
    return {
        "unit": _("Unit"),
        "author": _("Author"),
        "section": pgettext("news section", "Section"),
        "month": _("Month"),
    }


class ContributionStatisticsView(BoardReportView):
    template_name = "units/reports/statistics.html"
    page_title = gettext_lazy("Contribution statistics")
    header_icon = "table"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.form = StatisticsForm(request.GET or None)
        self.first_month, self.last_month, self.unit_kind = self.form.months()
        self.kind = self.form.cleaned_data.get("kind", "") if self.form.is_valid() else ""
        dimension = request.GET.get("by", "unit")
        self.dimension = dimension if dimension in dimension_labels() else "unit"

    def works(self):
        works = published_works(self.first_month, self.last_month)
        if self.kind:
            works = [work for work in works if work.kind == self.kind]
        if self.unit_kind:
            unit_ids = set(
                UnitPage.objects.filter(kind=self.unit_kind).values_list("pk", flat=True)
            )
            works = [work for work in works if work.unit_id in unit_ids]
        return works

    def tables(self):
        """Return one list of rows per dimension: a label, a total and a count per kind."""
        works = self.works()
        units = dict(UnitPage.objects.values_list("pk", "title"))
        sections = dict(
            Page.objects.filter(pk__in={work.section_id for work in works}).values_list(
                "pk", "title"
            )
        )
        no_unit = _("Unit not identified")
        keys = {
            "unit": lambda work: units.get(work.unit_id, no_unit),
            "author": lambda work: work.author,
            "section": lambda work: sections.get(work.section_id, ""),
            "month": lambda work: work.month,
        }
        tables = {}
        for dimension, key in keys.items():
            counts = defaultdict(lambda: defaultdict(int))
            for work in works:
                counts[key(work)][work.kind] += 1
            if dimension == "month":
                # Months without works still get a row, so the chart has no gaps.
                for month in month_range(self.first_month, self.last_month):
                    counts.setdefault(month, defaultdict(int))
            rows = [
                {
                    "label": month_label(label) if dimension == "month" else str(label),
                    "sort_key": label if dimension == "month" else "",
                    "total": sum(by_kind.values()),
                    **{kind: by_kind.get(kind, 0) for kind in WorkKind.values},
                }
                for label, by_kind in counts.items()
            ]
            rows.sort(key=lambda row: (row["sort_key"], -row["total"], row["label"]))
            tables[dimension] = rows
        return tables

    def get_filename(self):
        return f"thong-ke-tin-bai-{self.dimension}-{self.first_month:%Y-%m}-{self.last_month:%Y-%m}"

    def export_columns(self):
        return [
            ("label", dimension_labels()[self.dimension]),
            ("total", _("Total")),
            *[(kind, label) for kind, label in WorkKind.choices],
        ]

    def export_rows(self):
        return self.tables()[self.dimension]

    def export_url(self, dimension, export_format):
        params = self.request.GET.copy()
        params["by"] = dimension
        params["export"] = export_format
        return f"{self.request.path}?{params.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tables = self.tables()
        labels = dimension_labels()
        blocks = []
        for dimension, rows in tables.items():
            points = [(row["label"], row["total"]) for row in rows]
            if dimension == "month":
                chart = column_chart(
                    [(label[:2] + "/" + label[-2:], total) for label, total in points]
                )
            else:
                chart = bar_chart(points[:CHART_TOP])
            blocks.append(
                {
                    "dimension": dimension,
                    "label": labels[dimension],
                    "rows": rows,
                    "chart": chart,
                    "is_column_chart": dimension == "month",
                    "xlsx_url": self.export_url(dimension, "xlsx"),
                    "csv_url": self.export_url(dimension, "csv"),
                }
            )
        context.update(
            form=self.form,
            blocks=blocks,
            kinds=WorkKind.choices,
            total=sum(row["total"] for row in tables["month"]),
            chart_top=CHART_TOP,
        )
        return context
