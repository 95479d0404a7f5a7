"""Grant the permissions of the models added after the roles were created.

The spokesperson list is public contact information that the secretary keeps up to date
and the head answers for. Former unit names, unit merges and the upload rules change the
site's structure or its security, so they stay with the administrators.
"""

from django.db import migrations

from editorial import roles

SPOKESPERSON = [f"units.{action}_spokesperson" for action in roles.SNIPPET_ACTIONS]
GRANTS = {
    roles.ADMINISTRATOR: [
        *SPOKESPERSON,
        *[f"units.{action}_unitname" for action in roles.SNIPPET_ACTIONS],
        "units.merge_units",
        "documents.change_uploadsettings",
    ],
    roles.HEAD: ["units.add_spokesperson", "units.change_spokesperson", "units.view_spokesperson"],
    roles.SECRETARY: [
        "units.add_spokesperson",
        "units.change_spokesperson",
        "units.view_spokesperson",
    ],
}


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0009_grant_royalties"),
        ("units", "0003_merge_help_text_and_directory"),
        ("documents", "0002_library_status_uploads"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
