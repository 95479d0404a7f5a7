"""Factories for sections, articles, albums, media, projects, reports and schedules, in Vietnamese."""

import datetime

import factory
from wagtail.rich_text import RichText

from home.factories import BasePageFactory, ImageFactory, site_home_page
from news.models import AlbumPage, AlbumPhoto, ArticlePage, MediaPage, SectionPage
from news.procurement import BiddingPackage, ProjectIndexPage, ProjectPage
from news.statistics_reports import StatisticsIndexPage, StatisticsReportPage
from news.work_schedule import ScheduleEntry, WorkScheduleIndexPage, WorkSchedulePage


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


class ProjectIndexPageFactory(BasePageFactory):
    title = "Dự án - Đấu thầu"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Đường giao thông bản Nậm Củm – Pa Ủ, đoạn {n}")
    objective = "<p>Xây dựng tuyến đường dài 5,2 km phục vụ đi lại của nhân dân.</p>"
    field = ProjectPage.Field.TRANSPORT
    investor = "Ban Quản lý dự án đầu tư xây dựng huyện Mường Tè"
    location = "Xã Pa Ủ, huyện Mường Tè"
    total_investment = 14_500_000_000
    funding_source = "Vốn ngân sách tỉnh"
    start_year = 2025
    end_year = 2027
    status = ProjectPage.Status.IN_PROGRESS
    parent = factory.SubFactory(ProjectIndexPageFactory)

    class Meta:
        model = ProjectPage


class BiddingPackageFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = factory.Sequence(lambda n: f"Gói thầu số {n:02d}: Thi công xây dựng")
    estimated_price = 12_000_000_000
    selection_method = BiddingPackage.SelectionMethod.OPEN_BIDDING
    notice_number = factory.Sequence(lambda n: f"IB25000{n:04d}")
    notice_url = "https://muasamcong.mpi.gov.vn/"
    notice_published_on = datetime.date(2025, 3, 3)
    sort_order = factory.Sequence(int)

    class Meta:
        model = BiddingPackage


class StatisticsIndexPageFactory(BasePageFactory):
    title = "Thống kê - Báo cáo"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = StatisticsIndexPage


class StatisticsReportPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Báo cáo tình hình kinh tế - xã hội quý I năm 2026 ({n})")
    period_kind = StatisticsReportPage.PeriodKind.QUARTER
    year = 2026
    period_number = 1
    summary = "<p>Tổng sản lượng lương thực có hạt đạt 4.120 tấn, tăng 3,5% so với cùng kỳ.</p>"
    parent = factory.SubFactory(StatisticsIndexPageFactory)

    class Meta:
        model = StatisticsReportPage


class WorkScheduleIndexPageFactory(BasePageFactory):
    title = "Lịch công tác"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = WorkScheduleIndexPage


class WorkSchedulePageFactory(BasePageFactory):
    title = factory.LazyAttribute(
        lambda page: f"Lịch công tác tuần {page.week_start.isocalendar().week}"
    )
    week_start = datetime.date(2026, 6, 1)
    parent = factory.SubFactory(WorkScheduleIndexPageFactory)

    class Meta:
        model = WorkSchedulePage


class ScheduleEntryFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(WorkSchedulePageFactory)
    weekday = 0
    start_time = datetime.time(7, 30)
    leaders = "Chủ tịch UBND huyện"
    content = "Họp giao ban Thường trực UBND huyện"
    place = "Phòng họp số 1, UBND huyện"
    preparing_unit = "Văn phòng HĐND và UBND huyện"
    sort_order = factory.Sequence(int)

    class Meta:
        model = ScheduleEntry
