"""Demo data for the board's reports: items waiting in the workflow past their deadline,
royalty rate tables and the royalties of works published last month.

Times are relative to the day the demo is built, so the overdue list and last month's royalty
list always have content. The rates are examples, not any agency's real rates. Running the
builder again changes nothing.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from home.text import to_nfc
from news.models import ArticlePage, SectionPage
from units.models import UnitPage

from .royalties import (
    RoyaltyAddOn,
    RoyaltyPayment,
    RoyaltyRateTable,
    RoyaltyRecord,
    RoyaltyWorkKind,
)

DEMO_SECTION = "Tin tức - Sự kiện"
DEMO_UNIT = "Xã Ka Lăng"
DEMO_CONTRIBUTOR = "ctv-kalang"
DEMO_SECRETARY = "thuky"

# Title, lead, how many hours before the build the event took place, and the item's stage:
# waiting for the secretary, returned to its author, or forwarded to the leaders.
WAITING_ITEMS = [
    (
        "Xã Ka Lăng ra quân trồng rừng phòng hộ đầu nguồn",
        "Hơn 200 đoàn viên, thanh niên và người dân xã Ka Lăng trồng 15 ha rừng phòng hộ.",
        24 * 15,
        "forwarded",
    ),
    (
        "Hội nghị triển khai chương trình mục tiêu quốc gia vùng đồng bào dân tộc thiểu số",
        "UBND xã Ka Lăng tổ chức hội nghị triển khai các dự án thành phần năm 2027.",
        24 * 20,
        "returned",
    ),
    (
        "Khám bệnh, cấp thuốc miễn phí cho người cao tuổi xã Ka Lăng",
        "Trạm Y tế xã phối hợp với Trung tâm Y tế huyện khám bệnh cho 150 người cao tuổi.",
        1,
        "submitted",
    ),
]


# Name, effective from, unit value in đồng, kinds of work (name, minimum, maximum coefficient),
# add-ons (name, percent).
RATE_TABLES = [
    (
        "Bảng nhuận bút mẫu áp dụng đến hết tháng 8/2026",
        datetime.date(2024, 1, 1),
        1_800_000,
        [("Tin", "0.5", "2"), ("Bài viết", "1.5", "5"), ("Ảnh", "0.3", "1")],
        [("Viết bằng tiếng dân tộc thiểu số", "20"), ("Tác nghiệp ở xã đặc biệt khó khăn", "10")],
    ),
    (
        "Bảng nhuận bút mẫu theo quyết định của Chủ tịch UBND huyện",
        datetime.date(2026, 9, 1),
        2_340_000,
        [("Tin", "1", "3"), ("Bài viết", "2", "6"), ("Ảnh", "0.5", "1.5")],
        [("Viết bằng tiếng dân tộc thiểu số", "30"), ("Tác nghiệp ở xã đặc biệt khó khăn", "20")],
    ),
]

# Title, lead, day of last month it was published, kind of work, coefficient, add-on names,
# authors (full name, share in percent), editor's payment in đồng.
PAID_WORKS = [
    (
        "Xã Ka Lăng thu hoạch sâm Lai Châu vụ đầu tiên",
        "Các hộ trồng sâm dưới tán rừng ở xã Ka Lăng thu hoạch vụ sâm đầu tiên.",
        8,
        "Bài viết",
        "3",
        ["Tác nghiệp ở xã đặc biệt khó khăn"],
        [("Lò Thị Hoa", "70"), ("Pờ Văn Sáng", "30")],
        150_000,
    ),
    (
        "Mường Tè tổ chức Ngày hội văn hóa các dân tộc",
        "Ngày hội quy tụ các đội văn nghệ của người Hà Nhì, La Hủ, Cống và Si La.",
        19,
        "Tin",
        "1.5",
        ["Viết bằng tiếng dân tộc thiểu số"],
        [("Lò Thị Hoa", "100")],
        None,
    ),
]


class BoardReportsDemo:
    """Create items waiting in the workflow, rate tables and last month's royalty records."""

    def __init__(self, report):
        self.report = report
        users = get_user_model().objects
        self.contributor = users.filter(username=DEMO_CONTRIBUTOR).first()
        self.secretary = users.filter(username=DEMO_SECRETARY).first()

    def build(self):
        self.waiting_items()
        self.rate_tables()
        self.royalties()

    def waiting_items(self):
        section = SectionPage.objects.filter(title=DEMO_SECTION).first()
        unit = UnitPage.objects.filter(title=DEMO_UNIT).first()
        if section is None:
            return
        now = timezone.now()
        for title, lead, hours_ago, stage in WAITING_ITEMS:
            label = f"Tin chờ duyệt: {title}"
            if ArticlePage.objects.child_of(section).filter(title=to_nfc(title)).exists():
                self.report(label, created=False)
                continue
            article = ArticlePage(
                title=title,
                lead=lead,
                author="Lò Thị Hoa",
                source="UBND xã Ka Lăng",
                unit=unit,
                event_at=now - datetime.timedelta(hours=hours_ago),
                live=False,
                owner=self.contributor,
            )
            section.add_child(instance=article)
            article.save_revision(user=self.contributor)
            workflow = article.get_workflow()
            if workflow is None:
                self.report(f"{label} (chưa có quy trình biên tập)", created=False)
                continue
            workflow_state = workflow.start(article, self.contributor)
            if stage == "returned":
                workflow_state.current_task_state.reject(
                    user=self.secretary, comment="Bổ sung danh sách đại biểu và ảnh hội nghị."
                )
            elif stage == "forwarded":
                workflow_state.current_task_state.approve(user=self.secretary)
            self.report(label, created=True)

    def rate_tables(self):
        for name, effective_from, unit_value, kinds, add_ons in RATE_TABLES:
            table, created = RoyaltyRateTable.objects.get_or_create(
                effective_from=effective_from, defaults={"name": name, "unit_value": unit_value}
            )
            if created:
                for order, (kind, minimum, maximum) in enumerate(kinds):
                    RoyaltyWorkKind.objects.create(
                        table=table,
                        sort_order=order,
                        name=kind,
                        coefficient_min=Decimal(minimum),
                        coefficient_max=Decimal(maximum),
                    )
                for order, (add_on, percent) in enumerate(add_ons):
                    RoyaltyAddOn.objects.create(
                        table=table, sort_order=order, name=add_on, percent=Decimal(percent)
                    )
            self.report(f"Bảng nhuận bút: {name}", created=created)

    def royalties(self):
        """Publish two works dated last month and record their royalties."""
        section = SectionPage.objects.filter(title=DEMO_SECTION).first()
        unit = UnitPage.objects.filter(title=DEMO_UNIT).first()
        if section is None:
            return
        last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(
            day=1
        )
        for title, lead, day, kind, coefficient, add_ons, authors, editor_amount in PAID_WORKS:
            label = f"Nhuận bút: {title}"
            work = ArticlePage.objects.child_of(section).filter(title=to_nfc(title)).first()
            if work is not None and RoyaltyRecord.objects.filter(page=work).exists():
                self.report(label, created=False)
                continue
            if work is None:
                work = ArticlePage(
                    title=title,
                    lead=lead,
                    author=authors[0][0],
                    source="UBND xã Ka Lăng",
                    unit=unit,
                )
                section.add_child(instance=work)
                work.save_revision().publish()
            published_at = timezone.make_aware(
                datetime.datetime.combine(last_month.replace(day=day), datetime.time(9, 0))
            )
            Page.objects.filter(pk=work.pk).update(first_published_at=published_at)
            work = Page.objects.get(pk=work.pk)
            self.record_royalty(work, unit, kind, coefficient, add_ons, authors, editor_amount)
            self.report(label, created=True)

    def record_royalty(self, work, unit, kind, coefficient, add_ons, authors, editor_amount):
        published_on = RoyaltyRecord.publication_date(work)
        table = RoyaltyRateTable.in_force_on(published_on)
        record = RoyaltyRecord.objects.create(
            page=work,
            published_on=published_on,
            rate_table=table,
            work_kind=table.work_kinds.get(name=kind),
            coefficient=Decimal(coefficient),
            recorded_by=self.secretary,
        )
        record.add_ons.set(table.add_ons.filter(name__in=add_ons))
        record.save()
        for order, (full_name, share) in enumerate(authors):
            RoyaltyPayment.objects.create(
                record=record,
                sort_order=order,
                role=RoyaltyPayment.Role.AUTHOR,
                full_name=full_name,
                unit=unit,
                share_percent=Decimal(share),
            )
        if editor_amount:
            RoyaltyPayment.objects.create(
                record=record,
                sort_order=len(authors),
                role=RoyaltyPayment.Role.EDITOR,
                full_name="Trần Thu Hương",
                fixed_amount=editor_amount,
            )
        record.update_amounts()


def build_board_reports_demo(report):
    """Add the board's report data to the demo site (see ``BoardReportsDemo``)."""
    BoardReportsDemo(report).build()
