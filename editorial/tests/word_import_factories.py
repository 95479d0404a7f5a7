"""Factories for the Word import tests: sections under the home page and their users."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from news.models import SectionPage


def home_page():
    """The home page that the migrations create under the root."""
    return Page.objects.get(depth=2, slug="home")


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin tức - Sự kiện {n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = SectionPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"cong-tac-vien-{n}")
    first_name = "Lò Văn"
    last_name = "Minh"
    email = factory.Sequence(lambda n: f"ctv{n}@muongte.example")
    password = factory.django.Password("mật-khẩu-thử")

    class Meta:
        model = get_user_model()


def contributor_for(*sections, name="Cộng tác viên thử"):
    """A user with admin access who may add and edit pages under each of ``sections``."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for section in sections:
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=Permission.objects.get(codename=codename)
            )
    user = UserFactory()
    user.groups.add(group)
    return user
