"""Demo quota rules: created once, and shown in this month's quota table."""

import pytest
from django.utils import timezone

from units.demo import build_quota_demo
from units.factories import UnitPageFactory
from units.models import UnitPage
from units.quotas import QuotaRule
from units.works import QuotaTable


@pytest.mark.django_db
def test_demo_rules_idempotent(unit_index):
    office = UnitPageFactory(
        parent=unit_index,
        title="Văn phòng HĐND và UBND huyện",
        kind=UnitPage.Kind.COMMITTEE_OFFICE,
    )
    reports = []

    build_quota_demo(lambda label, created: reports.append(created))
    build_quota_demo(lambda label, created: reports.append(created))

    assert reports == [True, True, False, False]
    assert QuotaRule.objects.filter(unit__isnull=True).count() == 1
    assert QuotaRule.objects.get(unit=office).works_per_month == 2
    month = timezone.localdate().replace(day=1)
    assert QuotaTable(month, month).cell(office.pk, month).required == 2
