"""Factories for the unit directory and unit pages, in Vietnamese."""

import factory

from home.factories import BasePageFactory, site_home_page
from units.models import UnitIndexPage, UnitPage


class UnitIndexPageFactory(BasePageFactory):
    title = "Cơ quan, đơn vị"
    intro = "<p>Các cơ quan chuyên môn và UBND các xã, thị trấn của huyện Mường Tè.</p>"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = UnitIndexPage


class UnitPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Xã Mù Cả {n}")
    kind = UnitPage.Kind.COMMUNE
    summary = "Xã vùng cao biên giới phía tây bắc của huyện."
    functions = "<p>Quản lý nhà nước trên địa bàn xã theo quy định của pháp luật.</p>"
    address = "Bản Mù Cả, xã Mù Cả, huyện Mường Tè"
    phone = "0213 3881 567"
    email = "xamuca@muongte.example"
    parent = factory.SubFactory(UnitIndexPageFactory)

    class Meta:
        model = UnitPage
