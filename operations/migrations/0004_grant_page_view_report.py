"""Let administrators and the editorial board open the page views report."""

from django.db import migrations

from editorial import roles


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = global_apps.get_app_config("operations")
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    view = Permission.objects.filter(
        content_type__app_label="operations", codename="view_pageviewday"
    )
    for group in Group.objects.filter(name__in=[roles.ADMINISTRATOR, *roles.BOARD_ROLES]):
        group.permissions.add(*view)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    view = Permission.objects.filter(
        content_type__app_label="operations", codename="view_pageviewday"
    )
    for group in Group.objects.filter(name__in=[roles.ADMINISTRATOR, *roles.BOARD_ROLES]):
        group.permissions.remove(*view)


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0003_pageviewday"),
        ("operations", "0002_grant_banner_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
