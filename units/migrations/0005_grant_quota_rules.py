"""Let the editorial board keep the unit quotas and read the quota and contribution reports."""

from django.db import migrations

from editorial import roles

REPORTS = ["units.view_quota_reports", "units.view_quotarule", "units.view_quotareminder"]
EDIT_RULES = [f"units.{action}_quotarule" for action in ("add", "change", "delete")]
KEEPERS = [*REPORTS, *EDIT_RULES, "units.change_quotasettings"]
GRANTS = {
    roles.ADMINISTRATOR: KEEPERS,
    roles.HEAD: KEEPERS,
    roles.SECRETARY: KEEPERS,
    roles.DEPUTY: REPORTS,
    roles.MEMBER: REPORTS,
}


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0004_quota_rules"),
        ("editorial", "0002_create_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
