"""A small public site for the browser tests: one page of each kind a visitor opens."""

import datetime
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from documents.models import (
    DocumentField,
    DocumentType,
    IssuingBody,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from feedback.models import QuestionIndexPage
from home.models import HomeFeaturedItem, HomeSection, PortalSettings
from news.models import ArticlePage, SectionPage
from units.models import UnitIndexPage, UnitPage


def make_photo(title, width=1600, height=1000, seed=0):
    """Return a saved Wagtail image that compresses about as well as a camera photo.

    Smooth colour areas with film-like grain: a 640 × 400 WebP rendition of it weighs about
    20 KB and a JPEG about 40 KB, in the range of real photos at those sizes.
    """
    generator = random.Random(seed)  # noqa: S311 (a repeatable picture, not a secret)
    colours = bytes(generator.getrandbits(8) for _ in range(20 * 12 * 3))
    base = PillowImage.frombytes("RGB", (20, 12), colours).resize(
        (width, height), PillowImage.Resampling.BICUBIC
    )
    grain = PillowImage.effect_noise((width, height), 48).convert("RGB")
    buffer = io.BytesIO()
    PillowImage.blend(base, grain, 0.2).save(buffer, "JPEG", quality=85)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"anh-{seed}.jpg"), width=width, height=height
    )


def build_public_site(article_count=1):
    """Build home → section → articles, the legal library with a document, and a unit."""
    home = Page.objects.get(depth=2, slug="home").specific
    home.intro = "Thông tin chính thức của Ủy ban nhân dân huyện Mường Tè, tỉnh Lai Châu."
    home.save()
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.portal_name = "Trang thông tin điện tử huyện Mường Tè"
    portal.governing_body = "Ủy ban nhân dân huyện Mường Tè"
    portal.phone = "0213 3881 234"
    portal.save()

    section = home.add_child(instance=SectionPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
    articles = []
    for number in range(article_count):
        photo = make_photo(f"Hội nghị {number}", seed=number)
        articles.append(
            section.add_child(
                instance=ArticlePage(
                    title=f"Hội nghị sơ kết 6 tháng đầu năm 2026 ({number + 1})",
                    slug=f"hoi-nghi-so-ket-{number + 1}",
                    lead="Sáng nay, Ủy ban nhân dân huyện Mường Tè tổ chức hội nghị sơ kết.",
                    author="Nguyễn Văn A",
                    source="Văn phòng HĐND và UBND huyện",
                    featured_image=photo,
                    featured_image_alt="Quang cảnh hội nghị tại hội trường huyện",
                    body=[
                        ("paragraph", "<p>Hội nghị đánh giá kết quả sáu tháng đầu năm.</p>"),
                        (
                            "image",
                            {"image": photo, "alt_text": "Đại biểu dự hội nghị", "caption": ""},
                        ),
                        ("quote", {"text": "Cần đẩy mạnh chuyển đổi số.", "attribution": ""}),
                    ],
                )
            )
        )
    for position, article in enumerate(articles[:3]):
        HomeFeaturedItem.objects.create(home=home, page=article, sort_order=position)
    HomeSection.objects.create(home=home, section=section, item_count=6, sort_order=0)

    library = home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    decision = DocumentType.objects.create(name="Quyết định")
    document = library.add_child(
        instance=LegalDocumentPage(
            title="Quyết định về đường giao thông nông thôn",
            slug="quyet-dinh-15-2024",
            number="15/2024/QĐ-UBND",
            document_type=decision,
            issuing_body=IssuingBody.objects.create(name="UBND huyện Mường Tè"),
            field=DocumentField.objects.create(name="Giao thông"),
            signer="Lò Văn Minh",
            issued_on=datetime.date(2024, 5, 10),
            summary="Về việc phê duyệt kế hoạch làm đường giao thông nông thôn năm 2024.",
            full_text="<h2>Điều 1</h2><p>Phê duyệt kế hoạch.</p>",
        )
    )

    directory = home.add_child(instance=UnitIndexPage(title="Đơn vị", slug="don-vi"))
    unit = directory.add_child(
        instance=UnitPage(
            title="Xã Mù Cả",
            slug="xa-mu-ca",
            kind=UnitPage.Kind.COMMUNE,
            summary="Xã vùng cao biên giới của huyện Mường Tè.",
            address="Bản Mù Cả, xã Mù Cả",
            phone="0213 3881 000",
        )
    )
    questions = home.add_child(instance=QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    return {
        "home": home,
        "questions": questions,
        "section": section,
        "article": articles[0] if articles else None,
        "library": library,
        "document_type": decision,
        "document": document,
        "unit": unit,
    }
