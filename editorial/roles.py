"""The editorial roles: their group names and the permissions each one holds.

Group names are Vietnamese because people see them in the admin. The permission sets are
data, read by the migration that creates the groups, so that a fresh ``migrate`` has them.
Only administrators hold the page ``publish`` permission: everyone else reaches the public
site by finishing the editorial workflow.
"""

ADMINISTRATOR = "Quản trị hệ thống"
HEAD = "Trưởng Ban Biên tập"
DEPUTY = "Phó Trưởng Ban Biên tập"
MEMBER = "Thành viên Ban Biên tập"
SECRETARY = "Thư ký Ban Biên tập"
CONTRIBUTOR = "Cộng tác viên"

ALL_ROLES = [ADMINISTRATOR, HEAD, DEPUTY, MEMBER, SECRETARY, CONTRIBUTOR]
BOARD_ROLES = [HEAD, DEPUTY, MEMBER, SECRETARY]

# Page permissions, granted on the root of the page tree so that they cover every site.
# "add" lets a user create pages and edit the ones they own; "change" lets them edit any page.
PAGE_PERMISSIONS = {
    ADMINISTRATOR: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
    HEAD: ["add", "change", "lock", "unlock"],
    DEPUTY: ["add", "change", "lock"],
    SECRETARY: ["add", "change", "lock", "unlock"],
    MEMBER: ["add"],
    CONTRIBUTOR: ["add"],
}

# Image and document permissions, granted on the root collection. "add" lets a user upload
# and edit their own files; "change" lets them edit anyone's; deleting is for administrators,
# since the portal keeps every published work.
COLLECTION_PERMISSIONS = {
    ADMINISTRATOR: ["add", "change", "delete", "choose"],
    HEAD: ["add", "change", "choose"],
    DEPUTY: ["add", "change", "choose"],
    SECRETARY: ["add", "change", "choose"],
    MEMBER: ["add", "choose"],
    CONTRIBUTOR: ["add", "choose"],
}

SNIPPET_ACTIONS = ["add", "change", "delete", "view"]

# Model permissions as "app_label.codename". Every role may log in to the admin.
# The migration grants what exists when it runs. A model added later grants its permissions
# to these groups in its own data migration, through grant_model_permissions().
MODEL_PERMISSIONS = {
    ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        *[f"auth.{action}_user" for action in SNIPPET_ACTIONS],
        "auth.view_group",
        "auth.change_group",
        *[f"wagtailcore.{action}_site" for action in SNIPPET_ACTIONS],
        *[f"wagtailcore.{action}_collection" for action in SNIPPET_ACTIONS],
        *[f"wagtailcore.{action}_workflow" for action in ("add", "change", "delete")],
        *[f"wagtailcore.{action}_task" for action in ("add", "change", "delete")],
        *[f"wagtailredirects.{action}_redirect" for action in ("add", "change", "delete")],
        "home.change_portalsettings",
        *[f"home.{action}_navigationmenu" for action in SNIPPET_ACTIONS],
        *[f"documents.{action}_documenttype" for action in SNIPPET_ACTIONS],
        *[f"documents.{action}_issuingbody" for action in SNIPPET_ACTIONS],
        *[f"documents.{action}_documentfield" for action in SNIPPET_ACTIONS],
        *[f"editorial.{action}_contributorprofile" for action in SNIPPET_ACTIONS],
        *[f"editorial.{action}_deputyassignment" for action in SNIPPET_ACTIONS],
    ],
    # The head assigns sections to deputies and looks up which unit a contributor is from.
    HEAD: [
        "wagtailadmin.access_admin",
        *[f"editorial.{action}_deputyassignment" for action in SNIPPET_ACTIONS],
        "editorial.view_contributorprofile",
    ],
    DEPUTY: ["wagtailadmin.access_admin", "editorial.view_deputyassignment"],
    SECRETARY: ["wagtailadmin.access_admin", "editorial.view_contributorprofile"],
    MEMBER: ["wagtailadmin.access_admin"],
    CONTRIBUTOR: ["wagtailadmin.access_admin"],
}


def user_in_group(user, group_name):
    """Return True when ``user`` belongs to the group called ``group_name``."""
    cache = getattr(user, "_editorial_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True)) if user.pk else set()
        user._editorial_group_names = cache
    return group_name in cache


def is_administrator(user):
    """Return True for superusers and members of the administrators' group."""
    return user.is_active and (user.is_superuser or user_in_group(user, ADMINISTRATOR))


def grant_model_permissions(apps, grants):
    """Grant model permissions to the role groups from a data migration.

    ``grants`` maps a group name to "app_label.codename" strings. The groups are made by
    ``0002_create_roles``, which grants only the permissions of models that existed then;
    each later model grants its own through this function. Missing groups are skipped, so
    that an installation which renamed or removed a role still migrates.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    labels = {label.split(".")[0] for codenames in grants.values() for label in codenames}
    for app_label in labels:
        create_permissions(global_apps.get_app_config(app_label), verbosity=0, apps=apps)
    for group in Group.objects.filter(name__in=grants):
        for label in grants[group.name]:
            app_label, codename = label.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
