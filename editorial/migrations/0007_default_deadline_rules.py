"""Store the regulation's publication deadlines as rules, and let the board see and edit them.

The defaults: news within 8 office hours of the event, documents issued by the district within
2 working days of issue, conference and major event reports within 3 days of the event, and
periodic statistics by the last day of their month, quarter or year.
"""

from django.db import migrations

from editorial import roles

DEFAULT_RULES = [
    # kind, amount, unit, warning hours
    ("news", 8, "office_hours", 2),
    ("district_document", 2, "working_days", 8),
    ("conference_report", 3, "calendar_days", 12),
    ("statistics", 0, "end_of_period", 72),
]

RULES = [f"editorial.{action}_deadlinerule" for action in roles.SNIPPET_ACTIONS]
DEADLINES = ["editorial.view_itemdeadline", "editorial.change_itemdeadline"]
GRANTS = {
    roles.ADMINISTRATOR: [*RULES, *DEADLINES],
    roles.HEAD: [*RULES, *DEADLINES],
    roles.SECRETARY: [*RULES, *DEADLINES],
    roles.DEPUTY: ["editorial.view_deadlinerule", "editorial.view_itemdeadline"],
    roles.MEMBER: ["editorial.view_deadlinerule", "editorial.view_itemdeadline"],
}


def create_rules(apps, schema_editor):
    DeadlineRule = apps.get_model("editorial", "DeadlineRule")
    for kind, amount, unit, warning_hours in DEFAULT_RULES:
        DeadlineRule.objects.get_or_create(
            kind=kind, defaults={"amount": amount, "unit": unit, "warning_hours": warning_hours}
        )
    roles.grant_model_permissions(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0006_deadlines")]

    operations = [migrations.RunPython(create_rules, migrations.RunPython.noop)]
