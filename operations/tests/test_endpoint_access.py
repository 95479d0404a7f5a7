"""Every admin URL against anonymous visitors and every editorial role.

The project exposes no API (Wagtail's API app is not installed), so the admin is the whole
authenticated surface. URLs without parameters are collected from the URLconf, so that a
view added later is covered without editing this file.
"""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from editorial import roles
from editorial.factories import UserFactory

pytestmark = pytest.mark.django_db

# Admin views meant for visitors who have not signed in.
PUBLIC_ADMIN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_logout",
    # The SVG icon sprite, the same for everyone.
    "wagtailadmin_sprite",
}

# Views that only administrators may open; every other role must be refused.
ADMINISTRATOR_ONLY_URL_NAMES = [
    "wagtailusers_users:index",
    "wagtailusers_users:add",
    "wagtailusers_groups:index",
    "wagtailsites:index",
    "wagtailsites:add",
    "wagtailadmin_workflows:index",
    "wagtailadmin_workflows:add",
    "wagtailadmin_workflows:task_index",
    "wagtailredirects:index",
    "wagtailredirects:add",
]

# Views that the groups of editorial.roles do not grant at all, so only superusers open them.
# NOTE: managing collections needs collection-scoped permissions, which roles.py does not
# grant to administrators.
SUPERUSER_ONLY_URL_NAMES = [
    "wagtailusers_groups:add",
    "wagtailadmin_collections:index",
    "wagtailadmin_collections:add",
]

PARAMETER = re.compile(r"[<(]")


def parameterless_admin_urls():
    """Return (name, path) for every admin URL pattern that takes no arguments."""
    admin_prefix = "/" + settings.ADMIN_URL_PATH
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            route = str(entry.pattern)
            if PARAMETER.search(route):
                continue
            route = route.lstrip("^").rstrip("$")
            if isinstance(entry, URLResolver):
                child_namespace = namespace
                if entry.namespace:
                    child_namespace = f"{namespace}{entry.namespace}:"
                walk(entry.url_patterns, prefix + route, child_namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                found.append((namespace + entry.name, prefix + route))

    walk(get_resolver().url_patterns, "/", "")
    return sorted({(name, path) for name, path in found if path.startswith(admin_prefix)})


ADMIN_URLS = parameterless_admin_urls()


def test_collects_admin_urls():
    names = {name for name, _path in ADMIN_URLS}

    assert len(ADMIN_URLS) > 50
    assert "wagtailadmin_home" in names
    assert "wagtailusers_users:index" in names
    assert "operations_two_factor_setup" in names


def refused(response, login_url):
    """Return True for a redirect to the login form, a 403 or a 404."""
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"].startswith(login_url)


PRIVATE_ADMIN_URLS = [
    (name, path) for name, path in ADMIN_URLS if name not in PUBLIC_ADMIN_URL_NAMES
]
PRIVATE_IDS = [name for name, _path in PRIVATE_ADMIN_URLS]


@pytest.mark.parametrize(("name", "path"), PRIVATE_ADMIN_URLS, ids=PRIVATE_IDS)
def test_anonymous_refused(client, name, path):
    response = client.get(path)

    assert refused(response, reverse("wagtailadmin_login")), response.status_code


@pytest.mark.parametrize(("name", "path"), PRIVATE_ADMIN_URLS, ids=PRIVATE_IDS)
def test_user_without_role_refused(client, name, path):
    client.force_login(UserFactory(username="khong-vai-tro"))

    response = client.get(path)

    assert refused(response, reverse("wagtailadmin_login")), response.status_code


@pytest.mark.parametrize(("name", "path"), PRIVATE_ADMIN_URLS, ids=PRIVATE_IDS)
def test_unverified_administrator_refused(client, settings, name, path):
    """An administrator who passed the password but not the TOTP step reaches only enrolment."""
    settings.TWO_FACTOR_ENFORCED = True
    client.force_login(UserFactory(username="quan-tri-chua-totp", roles=[roles.ADMINISTRATOR]))

    response = client.get(path)

    if name.startswith("operations_two_factor"):
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("operations_two_factor_setup"))


NON_ADMINISTRATOR_ROLES = [role for role in roles.ALL_ROLES if role != roles.ADMINISTRATOR]


def refused_by_permission(response):
    """Return True for Wagtail's permission refusal: a 403 or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("url_name", ADMINISTRATOR_ONLY_URL_NAMES)
@pytest.mark.parametrize("role", NON_ADMINISTRATOR_ROLES)
def test_role_refused_administration(client, role, url_name):
    client.force_login(UserFactory(username="nguoi-co-vai-tro", roles=[role]))

    response = client.get(reverse(url_name))

    assert refused_by_permission(response), response.status_code


@pytest.mark.parametrize("url_name", SUPERUSER_ONLY_URL_NAMES)
@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_role_refused_superuser_views(client, role, url_name):
    client.force_login(UserFactory(username="nguoi-co-vai-tro", roles=[role]))

    response = client.get(reverse(url_name))

    assert refused_by_permission(response), response.status_code


@pytest.mark.parametrize("url_name", ADMINISTRATOR_ONLY_URL_NAMES)
def test_administrator_allowed_administration(client, url_name):
    client.force_login(UserFactory(username="quan-tri", roles=[roles.ADMINISTRATOR]))

    response = client.get(reverse(url_name))

    assert response.status_code == 200
