"""Quota reminders: who gets them, when, and only once per unit and month."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from editorial.factories import ContributorProfileFactory, UserFactory
from home.factories import default_site
from units.factories import QuotaRuleFactory
from units.quotas import QuotaReminder, QuotaSettings
from units.reminders import send_quota_reminders

from .conftest import local_time

# On this day the reminder counts 4 days left in the month, today included.
LATE_JANUARY = datetime.date(2026, 1, 28)


@pytest.fixture
def ka_lang_contributors(ka_lang):
    writer = UserFactory(
        username="ctv-kalang", first_name="Thị Hoa", last_name="Lò", email="hoa@example.invalid"
    )
    ContributorProfileFactory(user=writer, unit=ka_lang)
    no_email = UserFactory(username="ctv-kalang-2", email="")
    ContributorProfileFactory(user=no_email, unit=ka_lang)
    return [writer]


@pytest.fixture
def mu_ca_contributor(mu_ca):
    writer = UserFactory(username="ctv-muca", email="muca@example.invalid")
    ContributorProfileFactory(user=writer, unit=mu_ca)
    return writer


@pytest.mark.django_db
class TestSendQuotaReminders:
    def test_only_units_below_quota_emailed(
        self, ka_lang, mu_ca, ka_lang_contributors, mu_ca_contributor, publish_work
    ):
        QuotaRuleFactory(works_per_month=1)
        publish_work(local_time(2026, 1, 10), unit=mu_ca)

        outcomes = send_quota_reminders(today=LATE_JANUARY)

        assert [(outcome.unit, outcome.status) for outcome in outcomes] == [(ka_lang, "sent")]
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["hoa@example.invalid"]
        assert "Xã Ka Lăng" in message.subject
        assert "01/2026" in message.subject
        assert "Lò Thị Hoa" in message.body
        assert "31/01/2026" in message.body
        assert "4 ngày" in message.body
        reminder = QuotaReminder.objects.get()
        assert reminder.unit == ka_lang
        assert reminder.month == datetime.date(2026, 1, 1)
        assert reminder.recipient_count == 1

    def test_second_run_sends_nothing(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()

        send_quota_reminders(today=LATE_JANUARY)
        outcomes = send_quota_reminders(today=LATE_JANUARY + datetime.timedelta(days=1))

        assert [outcome.status for outcome in outcomes] == ["already_sent"]
        assert len(mail.outbox) == 1
        assert QuotaReminder.objects.count() == 1

    def test_next_month_sends_again(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()

        send_quota_reminders(today=LATE_JANUARY)
        send_quota_reminders(today=datetime.date(2026, 2, 27))

        assert len(mail.outbox) == 2
        assert QuotaReminder.objects.count() == 2

    def test_too_early_in_month(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()

        assert send_quota_reminders(today=datetime.date(2026, 1, 25)) == []
        assert mail.outbox == []

    def test_first_reminder_day_by_default(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()

        outcomes = send_quota_reminders(today=datetime.date(2026, 1, 26))

        assert [outcome.status for outcome in outcomes] == ["sent"]

    def test_days_come_from_setting(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()
        QuotaSettings.objects.create(site=default_site(), reminder_days_before_month_end=10)

        outcomes = send_quota_reminders(today=datetime.date(2026, 1, 21))

        assert [outcome.status for outcome in outcomes] == ["sent"]

    def test_disabled_setting_sends_nothing(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()
        QuotaSettings.objects.create(site=default_site(), reminders_enabled=False)

        assert send_quota_reminders(today=LATE_JANUARY) == []
        assert mail.outbox == []

    def test_unit_without_recipients_not_logged(self, ka_lang):
        QuotaRuleFactory()

        outcomes = send_quota_reminders(today=LATE_JANUARY)

        assert [outcome.status for outcome in outcomes] == ["no_recipients"]
        assert not QuotaReminder.objects.exists()

    def test_failed_send_retried_next_run(self, ka_lang, ka_lang_contributors, settings):
        QuotaRuleFactory()
        settings.EMAIL_BACKEND = "units.tests.failing_email.FailingEmailBackend"

        with pytest.raises(ConnectionRefusedError):
            send_quota_reminders(today=LATE_JANUARY)
        assert not QuotaReminder.objects.exists()

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        send_quota_reminders(today=LATE_JANUARY)
        assert len(mail.outbox) == 1

    def test_dry_run_sends_and_logs_nothing(self, ka_lang, ka_lang_contributors):
        QuotaRuleFactory()

        outcomes = send_quota_reminders(today=LATE_JANUARY, dry_run=True)

        assert [outcome.status for outcome in outcomes] == ["sent"]
        assert mail.outbox == []
        assert not QuotaReminder.objects.exists()

    def test_command_reports_each_unit(self, ka_lang, ka_lang_contributors, capsys):
        QuotaRuleFactory()

        call_command("send_quota_reminders", "--date", "2026-01-28")
        call_command("send_quota_reminders", "--date", "2026-01-29")

        output = capsys.readouterr().out
        assert "Xã Ka Lăng: đã gửi nhắc nhở (1 người nhận)" in output
        assert "Xã Ka Lăng: đã nhắc trong tháng này (0 người nhận)" in output
        assert len(mail.outbox) == 1
