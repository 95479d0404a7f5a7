"""Admin screens of models added after the roles: who may open them, through their real URLs."""

import pytest
from django.urls import reverse

from editorial import roles
from editorial.factories import UserFactory

pytestmark = pytest.mark.django_db

# Screen: (URL name, URL arguments, the roles that may open it).
SCREENS = {
    "spokespersons": (
        "wagtailsnippets_units_spokesperson:list",
        [],
        {roles.ADMINISTRATOR, roles.HEAD, roles.SECRETARY},
    ),
    "new spokesperson": (
        "wagtailsnippets_units_spokesperson:add",
        [],
        {roles.ADMINISTRATOR, roles.HEAD, roles.SECRETARY},
    ),
    "former unit names": ("wagtailsnippets_units_unitname:list", [], {roles.ADMINISTRATOR}),
    "unit merge": ("units_merge", [], {roles.ADMINISTRATOR}),
    "upload rules": (
        "wagtailsettings:edit",
        ["documents", "uploadsettings"],
        {roles.ADMINISTRATOR},
    ),
    "calendar changes": (
        "wagtailsnippets_editorial_calendaroverride:list",
        [],
        {roles.ADMINISTRATOR, roles.HEAD, roles.SECRETARY, roles.DEPUTY},
    ),
}

CASES = [
    (screen, role, role in allowed)
    for screen, (_name, _args, allowed) in SCREENS.items()
    for role in roles.ALL_ROLES
]


@pytest.mark.parametrize(("screen", "role", "allowed"), CASES)
def test_role_opens_screen(client, screen, role, allowed):
    name, args, _allowed = SCREENS[screen]
    client.force_login(UserFactory(roles=[role]))

    url = reverse(name, args=args)

    if allowed:
        # A generic setting's URL redirects to the URL of its single row.
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert response.request["PATH_INFO"].startswith(url)
    else:
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/admin/login/" not in response["Location"]
