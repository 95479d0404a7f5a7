"""Factories for the editorial tests: users in their roles, sections, units, articles and
royalty rate tables."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from news.models import ArticlePage, SectionPage
from units.models import UnitIndexPage, UnitPage

from .models import ContributorProfile, DeputyAssignment
from .royalties import RoyaltyAddOn, RoyaltyRateTable, RoyaltyWorkKind

TEST_PASSWORD = "mật-khẩu-thử-nghiệm"  # noqa: S105 (test accounts only)


class UserFactory(DjangoModelFactory):
    """An active user; ``roles=[...]`` puts them in the editorial groups of those names."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoi-dung-{n}")
    first_name = "Văn Anh"
    last_name = "Nguyễn"
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        if create:
            self.save()


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Chuyên mục thứ {n}")


class UnitIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UnitIndexPage

    title = "Cơ quan, đơn vị"


class UnitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UnitPage

    title = factory.Sequence(lambda n: f"Xã Mù Cả {n}")
    kind = UnitPage.Kind.COMMUNE


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article that is a draft (not live) unless ``live=True`` is given."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Mường Tè mở rộng diện tích trồng sâm, bài {n}")
    lead = "Huyện Mường Tè hỗ trợ người dân trồng sâm Lai Châu dưới tán rừng."
    author = "Lò Văn Minh"
    source = "Phòng Nông nghiệp và Phát triển nông thôn"
    live = False


class ContributorProfileFactory(DjangoModelFactory):
    class Meta:
        model = ContributorProfile

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitPageFactory)


class DeputyAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = DeputyAssignment
        skip_postgeneration_save = True

    deputy = factory.SubFactory(UserFactory)

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        if create and extracted:
            self.sections.set(extracted)


class RoyaltyRateTableFactory(DjangoModelFactory):
    """A rate table; add kinds of work and add-ons with the two factories below."""

    class Meta:
        model = RoyaltyRateTable

    name = factory.Sequence(lambda n: f"Bảng nhuận bút theo Quyết định số {n}/QĐ-UBND")
    effective_from = datetime.date(2026, 9, 1)
    unit_value = 2_340_000


class RoyaltyWorkKindFactory(DjangoModelFactory):
    class Meta:
        model = RoyaltyWorkKind

    table = factory.SubFactory(RoyaltyRateTableFactory)
    name = "Bài viết"
    coefficient_min = Decimal("1.0")
    coefficient_max = Decimal("3.0")


class RoyaltyAddOnFactory(DjangoModelFactory):
    class Meta:
        model = RoyaltyAddOn

    table = factory.SubFactory(RoyaltyRateTableFactory)
    name = "Viết bằng tiếng dân tộc thiểu số"
    percent = Decimal("20")
