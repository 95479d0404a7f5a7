"""The board's report screens, opened in Chromium by the secretary, show no English text."""

import datetime

import pytest
from django.utils import timezone

from editorial import roles
from tests.admin_session import log_in
from tests.test_browser_admin_vietnamese import (
    VISIBLE_TEXT_SCRIPT,
    create_role_user,
    english_interface_strings,
)
from units.factories import QuotaRuleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_report_screens_in_vietnamese(browser_page, live_server, ka_lang, mu_ca, publish_work):
    QuotaRuleFactory(effective_from=datetime.date(2020, 1, 1))
    publish_work(timezone.now(), unit=mu_ca, title="Mù Cả ra quân làm đường giao thông nông thôn")
    log_in(browser_page, live_server, create_role_user("thu-ky", roles.SECRETARY))
    month = timezone.localdate()
    screens = {
        "dashboard": "/admin/",
        "quota report": "/admin/reports/quotas/",
        "works of the month": f"/admin/reports/quotas/{mu_ca.pk}/{month.year}/{month.month}/",
        "contribution statistics": "/admin/reports/contributions/",
        "quota rules": "/admin/snippets/units/quotarule/",
        "new quota rule": "/admin/snippets/units/quotarule/add/",
        "quota reminder settings": "/admin/settings/units/quotasettings/",
    }
    english, english_pattern = english_interface_strings()
    untranslated = {}

    for screen, url in screens.items():
        response = browser_page.goto(url)
        assert response.ok, f"{screen}: HTTP {response.status}"
        texts = {" ".join(text.split()) for text in browser_page.evaluate(VISIBLE_TEXT_SCRIPT)}
        found = sorted(text for text in texts if text in english or english_pattern.fullmatch(text))
        if found:
            untranslated[screen] = found

    report = "\n".join(f"{screen}: {strings}" for screen, strings in untranslated.items())
    assert not untranslated, f"English on the report screens:\n{report}"
