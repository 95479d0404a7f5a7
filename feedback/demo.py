"""Demo questions and answers, one open and one concluded consultation, and a few ratings.

Every step looks its object up first, so running the demo builder again changes nothing.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.search.index import insert_or_update_object

from documents.samples import docx_bytes
from home.models import MenuItem, NavigationMenu
from home.text import to_nfc
from news.models import ArticlePage
from units.models import UnitPage

from .consultations import (
    ConsultationComment,
    ConsultationDraft,
    ConsultationIndexPage,
    ConsultationPage,
)
from .models import Question
from .pages import QuestionIndexPage
from .ratings import PageRating
from .workflow import compute_deadline

ASKER = {
    "full_name": "Người dân (dữ liệu mẫu)",
    "address": "Bản mẫu, huyện Mường Tè",
    "phone": "0900 000 000",
}

PUBLISHED_QUESTIONS = [
    {
        "subject": "Hỗ trợ giống sâm Lai Châu cho hộ nghèo",
        "text": "Hộ nghèo ở xã Ka Lăng muốn trồng sâm Lai Châu dưới tán rừng thì có được hỗ trợ giống không?",
        "answer": "Hộ nghèo, hộ cận nghèo tham gia trồng sâm dưới tán rừng được hỗ trợ giống theo kế hoạch của huyện. Bà con đăng ký với UBND xã để được hướng dẫn hồ sơ.",
        "unit": "Phòng Nông nghiệp và Phát triển nông thôn",
    },
    {
        "subject": "Thời gian tiếp nhận hồ sơ tại bộ phận một cửa",
        "text": "Bộ phận một cửa của UBND huyện có làm việc sáng thứ Bảy không?",
        "answer": "Bộ phận tiếp nhận và trả kết quả của UBND huyện làm việc từ thứ Hai đến thứ Sáu, sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ 30.",
        "unit": "Văn phòng HĐND và UBND huyện",
    },
    {
        "subject": "Đăng ký khai sinh cho con ở bản xa",
        "text": "Con tôi sinh ở nhà, bản cách xã 20 km, tôi đăng ký khai sinh cho con ở đâu?",
        "answer": "Bạn đăng ký khai sinh tại UBND xã nơi cư trú, mang theo giấy chứng sinh hoặc văn bản của người làm chứng. Thời hạn đăng ký là 60 ngày kể từ ngày sinh.",
        "unit": "Xã Ka Lăng",
    },
]

OPEN_QUESTIONS = [
    ("Sửa đường vào bản Pa Ủ mùa mưa", "new", None),
    ("Hỗ trợ làm nhà cho hộ nghèo năm 2027", "forwarded", "Xã Ka Lăng"),
]


class FeedbackDemo:
    def __init__(self, home, report):
        self.home = home
        self.report = report

    def build(self):
        qa_page = self.page(
            QuestionIndexPage,
            "Hỏi đáp",
            intro="<p>Người dân gửi câu hỏi về chính sách, thủ tục và đời sống ở huyện; Ban Biên tập chuyển đơn vị có thẩm quyền trả lời.</p>",
        )
        self.questions(qa_page)
        consultations = self.page(
            ConsultationIndexPage,
            "Lấy ý kiến dự thảo",
            intro="<p>Người dân, tổ chức góp ý các dự thảo văn bản của huyện.</p>",
        )
        self.consultations(consultations)
        self.ratings()
        self.menu_items(qa_page, consultations)

    def page(self, model, title, **fields):
        existing = model.objects.child_of(self.home).filter(title=to_nfc(title)).first()
        if existing:
            self.report(f"{model._meta.verbose_name}: {title}", created=False)
            return existing
        page = model(title=title, **fields)
        self.home.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"{model._meta.verbose_name}: {title}", created=True)
        return page

    def unit(self, title):
        return UnitPage.objects.filter(title=title).first() if title else None

    def questions(self, qa_page):
        now = timezone.now()
        rows = [(data, "published") for data in PUBLISHED_QUESTIONS] + [
            (
                {
                    "subject": subject,
                    "text": f"{subject}: xin Ban Biên tập cho biết.",
                    "unit": unit,
                },
                status,
            )
            for subject, status, unit in OPEN_QUESTIONS
        ]
        for number, (data, status) in enumerate(rows):
            if Question.objects.filter(page=qa_page, subject=data["subject"]).exists():
                self.report(f"Câu hỏi: {data['subject']}", created=False)
                continue
            submitted_at = now - datetime.timedelta(days=30 - number * 5)
            question = Question(
                page=qa_page,
                **{**ASKER, "consented_at": submitted_at},
                email=f"nguoi-hoi-{number}@example.invalid",
                subject=data["subject"],
                text=data["text"],
                publication_consent=True,
                submitted_at=submitted_at,
                status=status,
                unit=self.unit(data.get("unit")),
            )
            question.deadline = compute_deadline(question, qa_page.get_site())
            if status == "published":
                question.answer = data["answer"]
                question.public_subject = data["subject"]
                question.public_question = data["text"]
                question.answered_at = question.answer_sent_at = submitted_at + datetime.timedelta(
                    days=6
                )
                question.published_at = submitted_at + datetime.timedelta(days=7)
            if status == "forwarded":
                question.forwarded_at = submitted_at + datetime.timedelta(days=1)
            question.save()
            self.report(f"Câu hỏi: {data['subject']}", created=True)
        # The page's search index entry contains the published answers.
        insert_or_update_object(qa_page)

    def consultations(self, index):
        now = timezone.now()
        open_page = self.consultation(
            index,
            "Dự thảo Kế hoạch phát triển du lịch cộng đồng huyện Mường Tè giai đoạn 2027–2030",
            summary="UBND huyện lấy ý kiến nhân dân, doanh nghiệp và các hợp tác xã về dự thảo kế hoạch phát triển du lịch cộng đồng tại các bản Pa Ủ, Ka Lăng và Mù Cả.",
            opens_at=now - datetime.timedelta(days=7),
            closes_at=now + datetime.timedelta(days=21),
            unit="Phòng Văn hóa và Thông tin",
        )
        if open_page and not open_page.comments.exists():
            ConsultationComment.objects.create(
                page=open_page,
                full_name="Người góp ý (dữ liệu mẫu)",
                organisation="Hợp tác xã Du lịch Pa Ủ",
                email="gop-y@example.invalid",
                clause="Mục III, điểm 2",
                text="Đề nghị bổ sung nội dung đào tạo hướng dẫn viên là người dân tộc Si La và Hà Nhì.",
                consented_at=now,
                status=ConsultationComment.Status.APPROVED,
            )
        self.consultation(
            index,
            "Dự thảo Quy định bảo vệ môi trường tại các điểm du lịch",
            summary="Dự thảo quy định về thu gom rác thải và giữ gìn cảnh quan tại các điểm du lịch của huyện.",
            opens_at=now - datetime.timedelta(days=90),
            closes_at=now - datetime.timedelta(days=60),
            unit="Phòng Tài nguyên và Môi trường",
            outcome="<p>UBND huyện đã nhận 14 ý kiến góp ý, tiếp thu 9 ý kiến và giải trình 5 ý kiến trong báo cáo tổng hợp.</p>",
        )

    def consultation(self, index, title, unit, **fields):
        existing = ConsultationPage.objects.child_of(index).filter(title=to_nfc(title)).first()
        if existing:
            self.report(f"Lấy ý kiến: {title}", created=False)
            return existing
        document = get_document_model().objects.create(
            title=f"{title} (dự thảo)",
            file=ContentFile(docx_bytes([title, fields["summary"]]), name="du-thao.docx"),
        )
        page = ConsultationPage(title=title, responsible_unit=self.unit(unit), **fields)
        page.drafts.add(ConsultationDraft(document=document, label="Dự thảo lần 1"))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"Lấy ý kiến: {title}", created=True)
        return page

    def ratings(self):
        articles = list(ArticlePage.objects.live().order_by("pk")[:3])
        if not articles or PageRating.objects.exists():
            self.report("Đánh giá mẫu", created=False)
            return
        for article, scores in zip(articles, [(5, 4, 5), (3, 4), (2, 5, 4, 4)], strict=False):
            for score in scores:
                PageRating.objects.create(page=article, score=score)
        self.report("Đánh giá mẫu", created=True)

    def menu_items(self, qa_page, consultations):
        menu = NavigationMenu.objects.filter(location=NavigationMenu.Location.MAIN).first()
        if menu is None:
            return
        present = set(menu.items.values_list("label", flat=True))
        missing = [
            (label, page)
            for label, page in [("Hỏi đáp", qa_page), ("Lấy ý kiến dự thảo", consultations)]
            if label not in present
        ]
        for order, (label, page) in enumerate(missing, start=len(present)):
            menu.items.add(MenuItem(label=label, link_page=page, sort_order=order))
        if missing:
            menu.save()
