"""Let the head and administrators keep the royalty rate tables, and the secretary record royalties.

Deputies, members and contributors get no royalty permission, so they see neither the rate
tables, the records nor the monthly report.
"""

from django.db import migrations

from editorial import roles

TABLES = [f"editorial.{action}_royaltyratetable" for action in roles.SNIPPET_ACTIONS]
RECORDS = [f"editorial.{action}_royaltyrecord" for action in roles.SNIPPET_ACTIONS]
GRANTS = {
    roles.ADMINISTRATOR: [*TABLES, *RECORDS],
    roles.HEAD: [*TABLES, *RECORDS],
    roles.SECRETARY: ["editorial.view_royaltyratetable", *RECORDS],
}


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0008_royalties")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
