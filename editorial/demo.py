"""Demo data for the board's reports: items waiting in the workflow past their deadline.

Times are relative to the day the demo is built, so the overdue list always has content.
Running the builder again changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.text import to_nfc
from news.models import ArticlePage, SectionPage
from units.models import UnitPage

DEMO_SECTION = "Tin tức - Sự kiện"
DEMO_UNIT = "Xã Ka Lăng"
DEMO_CONTRIBUTOR = "ctv-kalang"
DEMO_SECRETARY = "thuky"

# Title, lead, how many hours before the build the event took place, returned to the author.
WAITING_ITEMS = [
    (
        "Xã Ka Lăng ra quân trồng rừng phòng hộ đầu nguồn",
        "Hơn 200 đoàn viên, thanh niên và người dân xã Ka Lăng trồng 15 ha rừng phòng hộ.",
        72,
        False,
    ),
    (
        "Hội nghị triển khai chương trình mục tiêu quốc gia vùng đồng bào dân tộc thiểu số",
        "UBND xã Ka Lăng tổ chức hội nghị triển khai các dự án thành phần năm 2027.",
        120,
        True,
    ),
    (
        "Khám bệnh, cấp thuốc miễn phí cho người cao tuổi xã Ka Lăng",
        "Trạm Y tế xã phối hợp với Trung tâm Y tế huyện khám bệnh cho 150 người cao tuổi.",
        1,
        False,
    ),
]


class BoardReportsDemo:
    """Create items waiting in the editorial workflow, some of them overdue."""

    def __init__(self, report):
        self.report = report
        users = get_user_model().objects
        self.contributor = users.filter(username=DEMO_CONTRIBUTOR).first()
        self.secretary = users.filter(username=DEMO_SECRETARY).first()

    def build(self):
        self.waiting_items()

    def waiting_items(self):
        section = SectionPage.objects.filter(title=DEMO_SECTION).first()
        unit = UnitPage.objects.filter(title=DEMO_UNIT).first()
        if section is None:
            return
        now = timezone.now()
        for title, lead, hours_ago, returned in WAITING_ITEMS:
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
            workflow_state = article.get_workflow().start(article, self.contributor)
            if returned:
                workflow_state.current_task_state.reject(
                    user=self.secretary, comment="Bổ sung danh sách đại biểu và ảnh hội nghị."
                )
            self.report(label, created=True)


def build_board_reports_demo(report):
    """Add the board's report data to the demo site (see ``BoardReportsDemo``)."""
    BoardReportsDemo(report).build()
