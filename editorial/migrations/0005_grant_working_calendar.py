"""Let the board keep the working calendar: office hours and announced days off or worked."""

from django.db import migrations

from editorial import roles

CALENDAR = [f"editorial.{action}_calendaroverride" for action in roles.SNIPPET_ACTIONS]
GRANTS = {
    roles.ADMINISTRATOR: ["editorial.change_workingcalendarsettings", *CALENDAR],
    roles.HEAD: ["editorial.change_workingcalendarsettings", *CALENDAR],
    roles.SECRETARY: ["editorial.change_workingcalendarsettings", *CALENDAR],
    roles.DEPUTY: ["editorial.view_calendaroverride"],
}


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0004_working_calendar")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
