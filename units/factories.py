"""Factories for units, their leaders, spokespersons and procedures, in Vietnamese."""

import datetime

import factory

from home.factories import BasePageFactory, site_home_page
from units.models import (
    Procedure,
    ProcedureIndexPage,
    ProcedureListPage,
    Spokesperson,
    SpokespersonIndexPage,
    UnitIndexPage,
    UnitLeader,
    UnitPage,
)
from units.quotas import QuotaRule


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


class SpokespersonIndexPageFactory(BasePageFactory):
    title = "Người phát ngôn"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = SpokespersonIndexPage


class ProcedureIndexPageFactory(BasePageFactory):
    title = "Thủ tục hành chính"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = ProcedureIndexPage


class UnitLeaderFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(UnitPageFactory)
    name = factory.Sequence(lambda n: f"Lò Văn Thành {n}")
    position = "Chủ tịch UBND xã"
    phone = "0912 345 678"
    email = "lovanthanh@muongte.example"
    sort_order = factory.Sequence(int)

    class Meta:
        model = UnitLeader


class SpokespersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nguyễn Thị Hương {n}")
    position = "Phó Chủ tịch UBND huyện"
    unit = factory.SubFactory(UnitPageFactory)
    role = Spokesperson.Role.SPOKESPERSON
    scope = "Các lĩnh vực do UBND huyện quản lý"
    phone = "0213 3881 234"
    email = "phatngon@muongte.example"
    appointed_on = datetime.date(2024, 1, 15)

    class Meta:
        model = Spokesperson


class ProcedureListPageFactory(BasePageFactory):
    title = "Thủ tục hành chính"
    intro = "<p>Các thủ tục hành chính do đơn vị giải quyết.</p>"
    parent = factory.SubFactory(UnitPageFactory)

    class Meta:
        model = ProcedureListPage


class ProcedureFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ProcedureListPageFactory)
    code = factory.Sequence(lambda n: f"1.00{4200 + n}")
    name = factory.Sequence(lambda n: f"Đăng ký khai sinh {n}")
    field = "Hộ tịch"
    level = Procedure.Level.COMMUNE
    processing_time = "Ngay trong ngày làm việc"
    fee = "Miễn lệ phí"
    steps = factory.LazyFunction(
        lambda: [
            (
                "step",
                {
                    "action": "Tiếp nhận hồ sơ",
                    "responsible": "Công chức Tư pháp - Hộ tịch",
                    "time_limit": "0,5 ngày",
                },
            )
        ]
    )
    sort_order = factory.Sequence(int)

    class Meta:
        model = Procedure


class QuotaRuleFactory(factory.django.DjangoModelFactory):
    """A rule for every unit, one work a month of any kind, in force from 1/1/2026."""

    unit = None
    works_per_month = 1
    effective_from = datetime.date(2026, 1, 1)
    note = "Điều 10 Quy chế hoạt động Trang TTĐT huyện Mường Tè"

    class Meta:
        model = QuotaRule
