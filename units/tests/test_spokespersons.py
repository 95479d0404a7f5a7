"""Spokespersons: only those in the role today are public, and past entries are kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from units.factories import SpokespersonFactory, SpokespersonIndexPageFactory, UnitPageFactory
from units.models import Spokesperson

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def test_current_excludes_past_and_future():
    current = SpokespersonFactory(
        name="Đương nhiệm", appointed_on=TODAY - datetime.timedelta(days=30)
    )
    last_day_today = SpokespersonFactory(name="Hết hôm nay", ended_on=TODAY)
    past = SpokespersonFactory(name="Đã thôi", ended_on=TODAY - datetime.timedelta(days=1))
    future = SpokespersonFactory(name="Sắp nhận", appointed_on=TODAY + datetime.timedelta(days=1))

    names = set(Spokesperson.objects.current().values_list("name", flat=True))

    assert names == {current.name, last_day_today.name}
    assert set(Spokesperson.objects.past().values_list("name", flat=True)) == {past.name}
    assert Spokesperson.objects.filter(pk__in=[past.pk, future.pk]).count() == 2
    assert not past.is_current()
    assert current.is_current()


def test_public_page_shows_current_only(client):
    page = SpokespersonIndexPageFactory(title="Người phát ngôn và cung cấp thông tin")
    unit = UnitPageFactory(title="UBND huyện Mường Tè")
    SpokespersonFactory(
        unit=unit,
        name="Nguyễn Thị Hương",
        position="Phó Chủ tịch UBND huyện",
        phone="0213 3881 234",
        email="phatngon@muongte.example",
        scope="Các lĩnh vực do UBND huyện quản lý",
    )
    SpokespersonFactory(
        unit=unit,
        name="Lò Văn Cũ",
        ended_on=TODAY - datetime.timedelta(days=10),
    )
    SpokespersonFactory(
        unit=unit,
        name="Vàng Thị Mỷ",
        role=Spokesperson.Role.PRESS_CONTACT,
        position="Chánh Văn phòng HĐND và UBND huyện",
    )

    html = client.get(page.url).content.decode()

    assert "Nguyễn Thị Hương" in html
    assert 'href="tel:02133881234"' in html
    assert "Các lĩnh vực do UBND huyện quản lý" in html
    assert "Lò Văn Cũ" not in html
    press = html[html.index('id="press-contacts-heading"') :]
    assert "Vàng Thị Mỷ" in press
    assert "Nguyễn Thị Hương" not in press


def test_unit_page_shows_its_current_spokespersons(client):
    unit = UnitPageFactory(title="Xã Pa Ủ")
    other = UnitPageFactory(parent=unit.get_parent(), title="Xã Thu Lũm")
    SpokespersonFactory(unit=unit, name="Lý Gạ Xá")
    SpokespersonFactory(
        unit=unit, name="Người đã thôi", ended_on=TODAY - datetime.timedelta(days=1)
    )
    SpokespersonFactory(unit=other, name="Phát ngôn xã khác")

    html = client.get(unit.url).content.decode()

    assert "Lý Gạ Xá" in html
    assert "Người đã thôi" not in html
    assert "Phát ngôn xã khác" not in html


def test_end_before_start_rejected():
    person = SpokespersonFactory.build(
        unit=UnitPageFactory(),
        appointed_on=datetime.date(2025, 5, 1),
        ended_on=datetime.date(2025, 4, 30),
    )

    with pytest.raises(ValidationError) as error:
        person.full_clean()

    assert "ended_on" in error.value.message_dict


def test_admin_filters_past_entries(admin_client):
    SpokespersonFactory(name="Lò Văn Chung")
    SpokespersonFactory(name="Giàng A Páo", ended_on=TODAY - datetime.timedelta(days=3))
    url = reverse("wagtailsnippets_units_spokesperson:list")

    current_html = admin_client.get(url, {"status": "current"}).content.decode()
    past_html = admin_client.get(url, {"status": "past"}).content.decode()

    assert "Lò Văn Chung" in current_html
    assert "Giàng A Páo" not in current_html
    assert "Giàng A Páo" in past_html
    assert "Lò Văn Chung" not in past_html
