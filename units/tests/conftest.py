"""Units, a news section and a helper that publishes works at a given local time."""

import datetime

import pytest
from django.utils import timezone

from news.factories import (
    AlbumPageFactory,
    ArticlePageFactory,
    MediaPageFactory,
    SectionPageFactory,
)
from units.factories import UnitIndexPageFactory, UnitPageFactory
from units.models import UnitPage


def local_time(year, month, day, hour=9, minute=0):
    """Return an aware datetime at the given wall-clock time in Asia/Ho_Chi_Minh."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def unit_index(db):
    return UnitIndexPageFactory()


@pytest.fixture
def ka_lang(unit_index):
    return UnitPageFactory(parent=unit_index, title="Xã Ka Lăng", kind=UnitPage.Kind.COMMUNE)


@pytest.fixture
def mu_ca(unit_index):
    return UnitPageFactory(parent=unit_index, title="Xã Mù Cả", kind=UnitPage.Kind.COMMUNE)


@pytest.fixture
def culture_office(unit_index):
    return UnitPageFactory(
        parent=unit_index,
        title="Phòng Văn hóa và Thông tin",
        kind=UnitPage.Kind.SPECIALISED_OFFICE,
    )


@pytest.fixture
def section(db):
    return SectionPageFactory(title="Tin tức - Sự kiện")


@pytest.fixture
def publish_work(section):
    """Create a work first published at ``published_at`` (live unless ``live=False``)."""
    factories = {
        "article": ArticlePageFactory,
        "album": AlbumPageFactory,
        "media": MediaPageFactory,
    }

    def publish(published_at, model="article", **fields):
        fields.setdefault("parent", section)
        fields.setdefault("live", True)
        return factories[model](first_published_at=published_at, **fields)

    return publish
