"""Factories for questions, consultations, comments and ratings, with Vietnamese data."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from home.factories import BasePageFactory, site_home_page

from .models import (
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationPage,
    PageRating,
    Question,
    QuestionIndexPage,
)


class QuestionIndexPageFactory(BasePageFactory):
    title = "Hỏi đáp"
    intro = "<p>Người dân gửi câu hỏi; Ban Biên tập chuyển đơn vị có thẩm quyền trả lời.</p>"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = QuestionIndexPage


class QuestionFactory(DjangoModelFactory):
    page = factory.SubFactory(QuestionIndexPageFactory)
    full_name = "Lò Thị Mai"
    address = "Bản Nậm Khao, xã Tá Bạ, huyện Mường Tè"
    phone = "0912 345 678"
    email = factory.Sequence(lambda n: f"lothimai{n}@example.invalid")
    subject = "Thủ tục cấp giấy chứng nhận quyền sử dụng đất"
    topic = "Đất đai"
    text = "Gia đình tôi muốn làm sổ đỏ cho mảnh đất ở bản Nậm Khao thì cần giấy tờ gì?"
    publication_consent = True
    consented_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))

    class Meta:
        model = Question


class ConsultationIndexPageFactory(BasePageFactory):
    title = "Lấy ý kiến dự thảo"
    parent = factory.LazyFunction(site_home_page)

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Dự thảo Kế hoạch phát triển du lịch cộng đồng {n}")
    summary = (
        "Lấy ý kiến nhân dân về dự thảo kế hoạch phát triển du lịch cộng đồng giai đoạn 2026–2030."
    )
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    parent = factory.SubFactory(ConsultationIndexPageFactory)

    class Meta:
        model = ConsultationPage


class ConsultationCommentFactory(DjangoModelFactory):
    page = factory.SubFactory(ConsultationPageFactory)
    full_name = "Chu Văn Páo"
    organisation = "Hợp tác xã Du lịch Pa Ủ"
    email = factory.Sequence(lambda n: f"chuvanpao{n}@example.invalid")
    clause = "Điều 3, khoản 2"
    text = "Đề nghị bổ sung hỗ trợ đào tạo hướng dẫn viên người địa phương."
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ConsultationComment


class PageRatingFactory(DjangoModelFactory):
    score = 4
    comment = "Thông tin rõ ràng, dễ hiểu."

    class Meta:
        model = PageRating
