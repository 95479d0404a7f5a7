"""The smallest editorial setting the tests need: one user per role, two news sections and a
unit, on top of the groups and the workflow that the migrations create."""

import pytest
from django.core import mail
from wagtail.models import Page

from editorial import roles
from editorial.factories import (
    ContributorProfileFactory,
    DeputyAssignmentFactory,
    SectionPageFactory,
    UnitIndexPageFactory,
    UnitPageFactory,
    UserFactory,
)


@pytest.fixture
def home():
    return Page.objects.get(depth=2, slug="home").specific


@pytest.fixture
def news(home):
    return SectionPageFactory(parent=home, title="Tin tức - Sự kiện")


@pytest.fixture
def economy(news):
    return SectionPageFactory(parent=news, title="Kinh tế")


@pytest.fixture
def culture(home):
    return SectionPageFactory(parent=home, title="Văn hóa - Xã hội")


@pytest.fixture
def unit(home):
    index = UnitIndexPageFactory(parent=home)
    return UnitPageFactory(parent=index, title="Xã Ka Lăng")


@pytest.fixture
def contributor(unit):
    user = UserFactory(
        username="ctv-ka-lang", first_name="Thị Hoa", last_name="Lò", roles=[roles.CONTRIBUTOR]
    )
    ContributorProfileFactory(user=user, unit=unit)
    return user


@pytest.fixture
def other_contributor(unit):
    user = UserFactory(
        username="ctv-mu-ca", first_name="Văn Sáng", last_name="Pờ", roles=[roles.CONTRIBUTOR]
    )
    ContributorProfileFactory(user=user, unit=unit)
    return user


@pytest.fixture
def secretary():
    return UserFactory(
        username="thu-ky", first_name="Thu Hương", last_name="Trần", roles=[roles.SECRETARY]
    )


@pytest.fixture
def head():
    return UserFactory(username="truong-ban", first_name="Đức Thắng", roles=[roles.HEAD])


@pytest.fixture
def deputy(news):
    user = UserFactory(username="pho-ban", first_name="Minh Đức", roles=[roles.DEPUTY])
    DeputyAssignmentFactory(deputy=user, sections=[news])
    return user


@pytest.fixture
def member():
    return UserFactory(username="thanh-vien", first_name="Quốc Huy", roles=[roles.MEMBER])


@pytest.fixture
def administrator():
    return UserFactory(username="quan-tri", first_name="Hải Nam", roles=[roles.ADMINISTRATOR])


@pytest.fixture
def board(secretary, head, deputy, member, administrator):
    """Every role of the board and the administrator, keyed by group name."""
    return {
        roles.SECRETARY: secretary,
        roles.HEAD: head,
        roles.DEPUTY: deputy,
        roles.MEMBER: member,
        roles.ADMINISTRATOR: administrator,
    }


@pytest.fixture(autouse=True)
def empty_outbox():
    mail.outbox = []
