"""Add many generated articles to the demo site quickly, for benchmarks of a large portal.

``add_child`` validates each page, reads its parent again and queues one index task per page,
which is too slow for 100,000 articles. Here each section's next tree positions are computed once, and every article is
inserted with Django's plain ``Model.save``. The other signal receivers still run, so the
pages are normalised to NFC like any page. The search index gets each batch in one bulk write
instead of one task per page, and the reference index is skipped: these articles link to
nothing.
"""

import datetime

from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backend
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from news.models import ArticlePage, SectionPage

SLUG_PREFIX = "bai-mau-"
BATCH_SIZE = 500

COMMUNES = ["Ka Lăng", "Thu Lũm", "Pa Ủ", "Mù Cả", "Tà Tổng", "Bum Nưa", "Bum Tở", "Kan Hồ"]
TOPICS = [
    ("hội nghị triển khai nhiệm vụ năm 2026", "Hội nghị đánh giá kết quả và giao chỉ tiêu."),
    ("ra quân trồng rừng phòng hộ đầu nguồn", "Người dân và lực lượng vũ trang cùng tham gia."),
    ("tiêm chủng mở rộng cho trẻ em vùng cao", "Trạm y tế xã phối hợp với trường học."),
    ("nghiệm thu công trình nước sinh hoạt", "Công trình phục vụ hơn 200 hộ dân các bản."),
    ("lớp xóa mù chữ cho đồng bào Hà Nhì", "Lớp học buổi tối tại nhà văn hóa bản."),
    ("tuyên truyền phòng chống ma túy", "Cán bộ công an xã đến từng hộ gia đình."),
]


def generated_count():
    return ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).count()


def add_generated_articles(total, report=None):
    """Add generated articles, spread over every live section, until ``total`` of them exist.

    Returns the number added. A second run with the same ``total`` adds none.
    """
    existing = generated_count()
    missing = max(total - existing, 0)
    sections = list(SectionPage.objects.live().order_by("path"))
    if missing and not sections:
        raise ValueError(_("The demo site has no live section: run load_demo_content first."))
    added = 0
    post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    try:
        with disable_reference_index_auto_update():
            while added < missing:
                batch = min(BATCH_SIZE, missing - added)
                add_batch(sections, existing + added, batch)
                added += batch
                if report:
                    report(existing + added)
    finally:
        post_save.connect(post_save_signal_handler, sender=ArticlePage)
    return added


@transaction.atomic
def add_batch(sections, first_number, count):
    """Insert articles ``first_number + 1`` to ``first_number + count``, round robin over sections."""
    now = timezone.now()
    positions = {}
    for section in sections:
        last_child = SectionPage.objects.get(pk=section.pk).get_last_child()
        positions[section.pk] = last_child._get_lastpos_in_path() if last_child else 0
    children = dict.fromkeys(positions, 0)
    articles = []
    for number in range(first_number + 1, first_number + count + 1):
        section = sections[number % len(sections)]
        children[section.pk] += 1
        commune = COMMUNES[number % len(COMMUNES)]
        topic, lead = TOPICS[number % len(TOPICS)]
        slug = f"{SLUG_PREFIX}{number}"
        # One article every 20 minutes, back from now: listings sort on a realistic spread.
        published_at = now - datetime.timedelta(minutes=20 * number)
        article = ArticlePage(
            title=f"Xã {commune}: {topic} (bài số {number})",
            slug=slug,
            lead=f"{lead} Ủy ban nhân dân xã {commune} chủ trì.",
            body=[
                (
                    "paragraph",
                    f"<p>Ngày {published_at:%d/%m/%Y}, xã {commune} tổ chức {topic}.</p>",
                ),
                ("paragraph", "<p>Các thôn, bản đã hoàn thành kế hoạch đề ra đúng thời hạn.</p>"),
            ],
            author="Lò Văn Minh",
            source=f"UBND xã {commune}",
            depth=section.depth + 1,
            path=ArticlePage._get_path(
                section.path, section.depth + 1, positions[section.pk] + children[section.pk]
            ),
            url_path=f"{section.url_path}{slug}/",
            locale_id=section.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published_at,
            last_published_at=published_at,
        )
        article.draft_title = article.title
        # Page.save would read the parent again and validate every field. The values above
        # are valid by construction, and the tree position is computed here.
        models.Model.save(article)
        articles.append(article)
    get_search_backend().add_bulk(ArticlePage, articles)
    for section_pk, added in children.items():
        if added:
            SectionPage.objects.filter(pk=section_pk).update(numchild=F("numchild") + added)
