"""Quota rules in the snippet admin: who may edit them, and the overlap message on the form."""

import pytest
from django.urls import reverse

from editorial import roles
from units.factories import QuotaRuleFactory
from units.quotas import QuotaRule

from .test_quota_report import logged_in

ADD_URL = "wagtailsnippets_units_quotarule:add"
INDEX_URL = "wagtailsnippets_units_quotarule:list"


def rule_form(**fields):
    data = {
        "unit": "",
        "works_per_month": "2",
        "kinds": ["article", "video"],
        "effective_from": "2026-03-01",
        "effective_to": "",
        "note": "Điều 10 Quy chế hoạt động Trang TTĐT",
    }
    data.update(fields)
    return data


@pytest.mark.django_db
class TestQuotaRuleSnippet:
    def test_secretary_adds_rule(self, client, ka_lang):
        response = logged_in(client, roles.SECRETARY).post(
            reverse(ADD_URL), rule_form(unit=str(ka_lang.pk))
        )

        assert response.status_code == 302
        rule = QuotaRule.objects.get()
        assert rule.unit == ka_lang
        assert rule.works_per_month == 2
        assert rule.kinds == ["article", "video"]

    def test_overlap_shown_on_form(self, client, ka_lang):
        QuotaRuleFactory(unit=ka_lang)

        response = logged_in(client, roles.HEAD).post(
            reverse(ADD_URL), rule_form(unit=str(ka_lang.pk))
        )

        assert response.status_code == 200
        assert "Đã có định mức khác của Xã Ka Lăng áp dụng từ 01/01/2026" in (
            response.content.decode()
        )
        assert QuotaRule.objects.count() == 1

    def test_no_kind_shown_on_form(self, client):
        response = logged_in(client, roles.SECRETARY).post(reverse(ADD_URL), rule_form(kinds=[]))

        assert "Hãy chọn ít nhất một loại tác phẩm được tính." in response.content.decode()
        assert not QuotaRule.objects.exists()

    @pytest.mark.parametrize("group", [roles.MEMBER, roles.DEPUTY])
    def test_board_readers_cannot_add(self, client, group):
        response = logged_in(client, group).post(reverse(ADD_URL), rule_form())

        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert not QuotaRule.objects.exists()

    @pytest.mark.parametrize("group", [roles.MEMBER, roles.DEPUTY])
    def test_board_readers_can_list(self, client, group):
        QuotaRuleFactory()

        response = logged_in(client, group).get(reverse(INDEX_URL))

        assert response.status_code == 200

    def test_contributor_cannot_list(self, client):
        response = logged_in(client, roles.CONTRIBUTOR, username="ctv").get(reverse(INDEX_URL))

        assert response.status_code == 302
