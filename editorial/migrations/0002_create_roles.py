"""Create the editorial roles as groups with their permissions, and remove Wagtail's sample
groups, whose "Moderators" held the publish permission that only administrators may hold."""

import logging

from django.db import migrations

from editorial import roles

logger = logging.getLogger(__name__)

WAGTAIL_SAMPLE_GROUPS = ["Moderators", "Editors"]


def ensure_permissions_exist(apps):
    """Create the content types and permissions that Django otherwise adds after ``migrate``."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)


def find_permission(Permission, app_label, codename):
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        logger.warning("Permission %s.%s not found; not granted", app_label, codename)
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    ensure_permissions_exist(apps)
    Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS).delete()

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name in roles.ALL_ROLES:
        group, _created = Group.objects.get_or_create(name=name)

        for action in roles.PAGE_PERMISSIONS[name]:
            permission = find_permission(Permission, "wagtailcore", f"{action}_page")
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )

        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in roles.COLLECTION_PERMISSIONS[name]:
                permission = find_permission(Permission, app_label, f"{action}_{model}")
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

        for label in roles.MODEL_PERMISSIONS[name]:
            app_label, codename = label.split(".")
            permission = find_permission(Permission, app_label, codename)
            if permission:
                group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name__in=roles.ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("home", "0003_create_homepage"),
        ("documents", "0001_initial"),
        ("news", "0002_initial"),
        ("units", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
