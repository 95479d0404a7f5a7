"""Factories for sections, articles, albums and video or audio items, in Vietnamese."""

import factory
from wagtail.rich_text import RichText

from home.factories import BasePageFactory, ImageFactory, site_home_page
from news.models import AlbumPage, AlbumPhoto, ArticlePage, MediaPage, SectionPage


class SectionPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Tin tức - Sự kiện {n}")
    intro = "<p>Tin hoạt động của huyện, các cơ quan, đơn vị và các xã, thị trấn.</p>"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = SectionPage


class ArticlePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Mường Tè mở rộng diện tích trồng sâm Lai Châu, bài {n}")
    lead = "Huyện Mường Tè hỗ trợ các hộ dân vùng cao trồng sâm dưới tán rừng tự nhiên."
    body = factory.LazyFunction(
        lambda: [
            (
                "paragraph",
                RichText("<p>Người dân xã Pa Ủ được tập huấn kỹ thuật chăm sóc sâm.</p>"),
            )
        ]
    )
    author = "Lò Văn Minh"
    source = "Phòng Nông nghiệp và Phát triển nông thôn"
    parent = factory.SubFactory(SectionPageFactory)

    class Meta:
        model = ArticlePage


class AlbumPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Mường Tè mùa lúa chín {n}")
    description = "<p>Những thửa ruộng bậc thang vàng óng trên các xã vùng cao.</p>"
    author = "Phòng Văn hóa và Thông tin"
    source = "Phòng Văn hóa và Thông tin"
    parent = factory.SubFactory(SectionPageFactory, title="Thư viện ảnh")

    class Meta:
        model = AlbumPage


class AlbumPhotoFactory(factory.django.DjangoModelFactory):
    album = factory.SubFactory(AlbumPageFactory)
    image = factory.SubFactory(ImageFactory)
    alt_text = factory.Sequence(lambda n: f"Ruộng bậc thang xã Ka Lăng, ảnh {n}")
    caption = "Ruộng bậc thang vào mùa lúa chín"
    sort_order = factory.Sequence(int)

    class Meta:
        model = AlbumPhoto


class MediaPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Phóng sự: Lễ hội Cầu mưa của người Hà Nhì {n}")
    kind = MediaPage.Kind.VIDEO
    description = "<p>Lễ hội truyền thống của đồng bào Hà Nhì ở xã Ka Lăng.</p>"
    embed_url = "https://www.youtube.com/watch?v=muongte01"
    transcript = "Người dẫn chuyện: Mỗi năm một lần, dân bản làm lễ cầu mưa."
    parent = factory.SubFactory(SectionPageFactory)

    class Meta:
        model = MediaPage
