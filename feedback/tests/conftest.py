import pytest
from django.core.cache import cache

from editorial import roles
from editorial.factories import ContributorProfileFactory, UserFactory
from feedback.factories import QuestionIndexPageFactory
from units.factories import UnitPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Start each test with no rate-limit counter in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def qa_page(db):
    return QuestionIndexPageFactory()


@pytest.fixture
def unit(db):
    return UnitPageFactory(title="Xã Tá Bạ")


@pytest.fixture
def other_unit(db):
    return UnitPageFactory(title="Xã Pa Ủ")


@pytest.fixture
def secretary(db):
    return UserFactory(username="thuky", email="thuky@example.invalid", roles=[roles.SECRETARY])


@pytest.fixture
def contributor(unit):
    user = UserFactory(
        username="ctv-ta-ba", email="ctv-ta-ba@example.invalid", roles=[roles.CONTRIBUTOR]
    )
    ContributorProfileFactory(user=user, unit=unit)
    return user


@pytest.fixture
def other_contributor(other_unit):
    user = UserFactory(username="ctv-pa-u", roles=[roles.CONTRIBUTOR])
    ContributorProfileFactory(user=user, unit=other_unit)
    return user
