"""Quota rules: validation of their periods, and the works counted against them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from editorial.factories import ContributorProfileFactory, UserFactory
from news.models import ArticlePage
from units.factories import QuotaRuleFactory
from units.models import UnitPage
from units.quotas import QuotaRule, WorkKind
from units.works import QuotaTable, published_works

from .conftest import local_time

JANUARY = datetime.date(2026, 1, 1)
FEBRUARY = datetime.date(2026, 2, 1)


def quota_cell(unit, month, first=JANUARY, last=FEBRUARY):
    return QuotaTable(first, last).cell(unit.pk, month)


@pytest.mark.django_db
class TestQuotaRuleValidation:
    def test_overlap_same_unit_rejected(self, ka_lang):
        QuotaRuleFactory(unit=ka_lang, effective_from=datetime.date(2026, 1, 1))
        rule = QuotaRule(unit=ka_lang, works_per_month=2, effective_from=datetime.date(2026, 6, 1))
        with pytest.raises(ValidationError) as error:
            rule.full_clean()
        message = " ".join(error.value.messages)
        assert "Xã Ka Lăng" in message
        assert "01/01/2026" in message
        assert "trùng" in message

    def test_overlap_all_units_rejected(self):
        QuotaRuleFactory(effective_from=datetime.date(2026, 1, 1), effective_to=None)
        rule = QuotaRule(
            effective_from=datetime.date(2025, 6, 1), effective_to=datetime.date(2026, 1, 1)
        )
        with pytest.raises(ValidationError) as error:
            rule.full_clean()
        assert "mọi đơn vị" in " ".join(error.value.messages)

    def test_adjacent_periods_accepted(self, ka_lang):
        QuotaRuleFactory(
            unit=ka_lang,
            effective_from=datetime.date(2026, 1, 1),
            effective_to=datetime.date(2026, 6, 30),
        )
        rule = QuotaRule(unit=ka_lang, effective_from=datetime.date(2026, 7, 1))
        rule.full_clean()

    def test_unit_rule_beside_shared_rule_accepted(self, ka_lang):
        QuotaRuleFactory(effective_from=datetime.date(2026, 1, 1))
        rule = QuotaRule(unit=ka_lang, works_per_month=3, effective_from=datetime.date(2026, 1, 1))
        rule.full_clean()

    def test_editing_rule_not_overlapping_itself(self, ka_lang):
        rule = QuotaRuleFactory(unit=ka_lang)
        rule.works_per_month = 4
        rule.full_clean()

    def test_end_before_start_rejected(self):
        rule = QuotaRule(
            effective_from=datetime.date(2026, 3, 1), effective_to=datetime.date(2026, 2, 1)
        )
        with pytest.raises(ValidationError) as error:
            rule.full_clean()
        assert "effective_to" in error.value.message_dict

    def test_no_kind_rejected(self):
        rule = QuotaRule(effective_from=datetime.date(2026, 3, 1), kinds=[])
        with pytest.raises(ValidationError) as error:
            rule.full_clean()
        assert "kinds" in error.value.message_dict

    def test_defaults_one_work_every_kind(self):
        rule = QuotaRule(effective_from=datetime.date(2026, 3, 1))
        assert rule.works_per_month == 1
        assert sorted(rule.kinds) == sorted(WorkKind.values)


@pytest.mark.django_db
class TestQuotaCounting:
    def test_only_live_public_works_count(self, ka_lang, publish_work):
        QuotaRuleFactory(works_per_month=2)
        published = publish_work(local_time(2026, 1, 10), unit=ka_lang)
        publish_work(local_time(2026, 1, 11), unit=ka_lang, live=False)  # unpublished later
        publish_work(None, unit=ka_lang, live=False)  # draft, never published
        # The publish guard rejects saving a live confidential page, so mark it afterwards,
        # as an administrator's correction straight in the database would.
        confidential = publish_work(local_time(2026, 1, 12), unit=ka_lang)
        ArticlePage.objects.filter(pk=confidential.pk).update(is_confidential=True)

        cell = quota_cell(ka_lang, JANUARY)

        assert [work.page_id for work in cell.works] == [published.pk]
        assert cell.required == 2
        assert cell.is_below
        assert cell.missing == 1

    def test_late_evening_local_counts_in_that_month(self, ka_lang, publish_work):
        QuotaRuleFactory()
        # 23:30 on 31 January in Hà Nội is 16:30 UTC the same day.
        publish_work(local_time(2026, 1, 31, 23, 30), unit=ka_lang)

        assert quota_cell(ka_lang, JANUARY).count == 1
        assert quota_cell(ka_lang, FEBRUARY).count == 0

    def test_early_morning_local_counts_in_new_month(self, ka_lang, publish_work):
        QuotaRuleFactory()
        # 00:30 on 1 February in Hà Nội is still 31 January (17:30) in UTC.
        work = publish_work(local_time(2026, 2, 1, 0, 30), unit=ka_lang)
        assert work.first_published_at.astimezone(datetime.UTC).day == 31

        assert quota_cell(ka_lang, JANUARY).count == 0
        assert quota_cell(ka_lang, FEBRUARY).count == 1
        assert quota_cell(ka_lang, JANUARY).is_below
        assert not quota_cell(ka_lang, FEBRUARY).is_below

    def test_works_outside_range_ignored(self, ka_lang, publish_work):
        publish_work(local_time(2025, 12, 31, 23, 59), unit=ka_lang)
        publish_work(local_time(2026, 3, 1, 0, 0), unit=ka_lang)

        assert published_works(JANUARY, FEBRUARY) == []

    def test_only_counted_kinds_count(self, ka_lang, publish_work):
        QuotaRuleFactory(kinds=[WorkKind.ALBUM, WorkKind.VIDEO])
        publish_work(local_time(2026, 1, 5), unit=ka_lang)
        album = publish_work(local_time(2026, 1, 6), model="album", unit=ka_lang)
        video = publish_work(local_time(2026, 1, 7), model="media", unit=ka_lang)
        publish_work(local_time(2026, 1, 8), model="media", kind="audio", unit=ka_lang)

        cell = quota_cell(ka_lang, JANUARY)

        assert sorted(work.page_id for work in cell.works) == sorted([album.pk, video.pk])

    def test_unit_rule_wins_over_shared_rule(self, ka_lang, mu_ca, publish_work):
        QuotaRuleFactory(works_per_month=1)
        QuotaRuleFactory(unit=ka_lang, works_per_month=3)
        publish_work(local_time(2026, 1, 5), unit=ka_lang)
        publish_work(local_time(2026, 1, 6), unit=mu_ca)

        assert quota_cell(ka_lang, JANUARY).required == 3
        assert quota_cell(ka_lang, JANUARY).is_below
        assert quota_cell(mu_ca, JANUARY).required == 1
        assert not quota_cell(mu_ca, JANUARY).is_below

    def test_rule_periods_by_month(self, ka_lang):
        QuotaRuleFactory(effective_from=datetime.date(2026, 2, 1))

        assert quota_cell(ka_lang, JANUARY).rule is None
        assert not quota_cell(ka_lang, JANUARY).is_below
        assert quota_cell(ka_lang, FEBRUARY).is_below

    def test_owner_unit_when_work_has_none(self, ka_lang, publish_work):
        QuotaRuleFactory()
        contributor = UserFactory(username="ctv-kalang")
        ContributorProfileFactory(user=contributor, unit=ka_lang)
        publish_work(local_time(2026, 1, 9), unit=None, owner=contributor)

        assert quota_cell(ka_lang, JANUARY).count == 1

    def test_work_unit_wins_over_owner_unit(self, ka_lang, mu_ca, publish_work):
        contributor = UserFactory(username="ctv-kalang")
        ContributorProfileFactory(user=contributor, unit=ka_lang)
        publish_work(local_time(2026, 1, 9), unit=mu_ca, owner=contributor)

        assert quota_cell(ka_lang, JANUARY).count == 0
        assert quota_cell(mu_ca, JANUARY).count == 1

    def test_unit_kind_filter(self, ka_lang, culture_office):
        table = QuotaTable(JANUARY, JANUARY, unit_kind="specialised_office")

        assert [row.unit for row in table.rows] == [culture_office]

    def test_merged_unit_works_go_to_successor(self, ka_lang, mu_ca, culture_office, publish_work):
        QuotaRuleFactory()
        publish_work(local_time(2026, 1, 9), unit=mu_ca)
        UnitPage.objects.filter(pk=mu_ca.pk).update(
            merged_into=culture_office, merged_on=datetime.date(2026, 1, 20), live=False
        )
        UnitPage.objects.filter(pk=culture_office.pk).update(merged_into=ka_lang)

        table = QuotaTable(JANUARY, JANUARY)

        assert table.cell(ka_lang.pk, JANUARY).count == 1
        assert table.cell(mu_ca.pk, JANUARY) is None
