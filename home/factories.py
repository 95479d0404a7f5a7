"""Factories for the home app: pages, images, site settings and menus, with Vietnamese data."""

import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from home.models import (
    HomeFeaturedItem,
    HomePage,
    HomeQuickLink,
    HomeSection,
    MenuItem,
    NavigationMenu,
    PortalSettings,
)


def default_site():
    """Return the default Site, which the migrations create with a HomePage as its root."""
    return Site.objects.get(is_default_site=True)


def site_home_page():
    """Return the HomePage at the root of the default site."""
    return HomePage.objects.get(pk=default_site().root_page_id)


def make_jpeg(width=48, height=32, colour=(40, 110, 70)):
    """Return the bytes of a small JPEG drawn with Pillow: a coloured field under a pale sky."""
    picture = PillowImage.new("RGB", (width, height), (190, 220, 240))
    ImageDraw.Draw(picture).rectangle([(0, height // 2), (width, height)], fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


class BasePageFactory(wagtail_factories.PageFactory):
    """Leaves the slug empty, so that BasePage derives it from the title as it does in use."""

    slug = ""

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    """A second HomePage under the tree root; most tests use ``site_home_page()`` instead."""

    title = factory.Sequence(lambda n: f"Trang chủ {n}")
    intro = "Thông tin chính thức của Ủy ban nhân dân huyện Mường Tè, tỉnh Lai Châu."
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class ImageFactory(wagtail_factories.ImageFactory):
    """A real JPEG made with Pillow, in the root collection."""

    title = factory.Sequence(lambda n: f"Ruộng bậc thang Mường Tè {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda obj: ImageFile(io.BytesIO(make_jpeg()), name="ruong-bac-thang.jpg")
    )

    class Meta:
        model = get_image_model()


class PortalSettingsFactory(factory.django.DjangoModelFactory):
    """The default site's settings, filled with the district's names and contacts."""

    site = factory.LazyFunction(default_site)
    portal_name = "Trang thông tin điện tử huyện Mường Tè"
    governing_body = "Ủy ban nhân dân huyện Mường Tè"
    content_responsible = "Trưởng Ban Biên tập Trang thông tin điện tử huyện Mường Tè"
    address = "Thị trấn Mường Tè, huyện Mường Tè, tỉnh Lai Châu"
    phone = "0213 3881 234"
    email = "banbientap@muongte.example"
    licence = "Giấy phép số 01/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Lai Châu cấp."
    provincial_portal_url = "https://laichau.gov.vn/"
    procedures_url = "https://dichvucong.laichau.gov.vn/"
    office_hours = "Sáng 7h30–11h30, chiều 13h30–17h30, thứ Hai đến thứ Sáu"

    class Meta:
        model = PortalSettings

    @classmethod
    def _create(cls, model_class, site, **fields):
        # One settings row exists per site, so update the row for_site() returns.
        portal = model_class.for_site(site)
        for name, value in fields.items():
            setattr(portal, name, value)
        portal.save()
        return portal


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    location = NavigationMenu.Location.MAIN

    class Meta:
        model = NavigationMenu
        django_get_or_create = ("location",)


class MenuItemFactory(factory.django.DjangoModelFactory):
    """A menu item to a web address; pass ``link_page`` and ``link_url=""`` for a page."""

    menu = factory.SubFactory(NavigationMenuFactory)
    label = factory.Sequence(lambda n: f"Mục trình đơn {n}")
    link_page = None
    link_url = "https://laichau.gov.vn/"
    sort_order = factory.Sequence(int)

    class Meta:
        model = MenuItem


class HomeFeaturedItemFactory(factory.django.DjangoModelFactory):
    home = factory.LazyFunction(site_home_page)
    sort_order = factory.Sequence(int)

    class Meta:
        model = HomeFeaturedItem


class HomeSectionFactory(factory.django.DjangoModelFactory):
    home = factory.LazyFunction(site_home_page)
    item_count = 4
    sort_order = factory.Sequence(int)

    class Meta:
        model = HomeSection


class HomeQuickLinkFactory(factory.django.DjangoModelFactory):
    home = factory.LazyFunction(site_home_page)
    label = "Văn bản chỉ đạo, điều hành"
    link_page = None
    link_url = "https://vanban.laichau.gov.vn/"
    sort_order = factory.Sequence(int)

    class Meta:
        model = HomeQuickLink
