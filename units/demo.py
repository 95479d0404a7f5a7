"""Demo quota rules, so that the demo content fills this month's quota table for the board.

Most demo units have no work this month, so the table and the dashboard panel show units
below quota next to the few that provided the demo articles.
"""

import datetime

from django.utils import timezone

from .models import UnitPage
from .quotas import QuotaRule, WorkKind

REGULATION = "Khoản 3 Điều 10 Quy chế hoạt động Trang TTĐT huyện Mường Tè"
# (unit title, works per month, kinds of work that count)
UNIT_RULES = [
    ("Văn phòng HĐND và UBND huyện", 2, list(WorkKind.values)),
    ("Phòng Văn hóa và Thông tin", 2, [WorkKind.ALBUM, WorkKind.VIDEO, WorkKind.AUDIO]),
]


def build_quota_demo(report):
    """Create the demo quota rules unless rules of the same scope already exist."""
    start = datetime.date(timezone.localdate().year, 1, 1)
    if QuotaRule.objects.filter(unit__isnull=True).exists():
        report("Định mức chung cho mọi đơn vị", created=False)
    else:
        QuotaRule.objects.create(
            works_per_month=1, kinds=list(WorkKind.values), effective_from=start, note=REGULATION
        )
        report("Định mức chung cho mọi đơn vị", created=True)

    for title, works_per_month, kinds in UNIT_RULES:
        unit = UnitPage.objects.filter(title=title).first()
        if unit is None:
            continue
        label = f"Định mức riêng: {title}"
        if QuotaRule.objects.filter(unit=unit).exists():
            report(label, created=False)
            continue
        QuotaRule.objects.create(
            unit=unit,
            works_per_month=works_per_month,
            kinds=kinds,
            effective_from=start,
            note=REGULATION,
        )
        report(label, created=True)
