"""Let the editorial board and administrators schedule banners, and administrators and the
head of the board set the notice period."""

from django.db import migrations

from editorial import roles

BANNER_ROLES = [roles.ADMINISTRATOR, roles.HEAD, roles.DEPUTY, roles.SECRETARY]
NOTICE_SETTING_ROLES = [roles.ADMINISTRATOR, roles.HEAD]


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = global_apps.get_app_config("operations")
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    banner = Permission.objects.filter(
        content_type__app_label="operations",
        codename__in=[f"{action}_sitebanner" for action in ("add", "change", "delete", "view")],
    )
    notice = Permission.objects.filter(
        content_type__app_label="operations", codename="change_maintenancesettings"
    )
    for group in Group.objects.filter(name__in=BANNER_ROLES):
        group.permissions.add(*banner)
    for group in Group.objects.filter(name__in=NOTICE_SETTING_ROLES):
        group.permissions.add(*notice)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = Permission.objects.filter(content_type__app_label="operations")
    for group in Group.objects.filter(name__in=BANNER_ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_initial"),
        ("editorial", "0002_create_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
