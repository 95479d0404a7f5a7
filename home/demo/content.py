"""Build the demo site: units, sections, articles, an album, a notice, the regulation and more.

The units, spokespersons, procedures, project, statistics report and work schedule come
from ``directory.DirectoryDemoMixin``.

Every step looks its object up first and creates it only when missing, so running the
builder again changes nothing and reports each object as already there.
"""

import datetime
import io
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from documents.demo import LibraryDemo
from documents.fulltext import plain_text_to_html
from documents.models import (
    DocumentField,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from documents.samples import docx_bytes
from editorial.demo import build_board_reports_demo
from feedback.demo import FeedbackDemo
from home.models import (
    HomeFeaturedItem,
    HomePage,
    HomeQuickLink,
    HomeSection,
    MenuItem,
    NavigationMenu,
    PortalSettings,
)
from home.text import to_nfc
from news.models import AlbumPage, AlbumPhoto, ArticlePage, SectionPage
from units.demo import build_quota_demo
from units.models import UnitIndexPage, UnitPage

from .directory import DirectoryDemoMixin
from .images import draw_landscape

REGULATION_FILE = Path(__file__).with_name("quy-che-trang-ttdt-muong-te.txt")
DEMO_ADMIN_USERNAME = "admin"

# One demo account per editorial role: (username, first name, last name, group).
DEMO_BOARD_USERS = [
    ("quantri", "Hải Nam", "Vũ", "Quản trị hệ thống"),
    ("truongban", "Đức Thắng", "Hoàng", "Trưởng Ban Biên tập"),
    ("phoban", "Minh Đức", "Lê", "Phó Trưởng Ban Biên tập"),
    ("thuky", "Thu Hương", "Trần", "Thư ký Ban Biên tập"),
    ("thanhvien", "Quốc Huy", "Đỗ", "Thành viên Ban Biên tập"),
    ("ctv-kalang", "Thị Hoa", "Lò", "Cộng tác viên"),
]
DEMO_DEPUTY_SECTION = "Tin tức - Sự kiện"
DEMO_CONTRIBUTOR_UNIT = "Xã Ka Lăng"

PORTAL = {
    "portal_name": "Trang thông tin điện tử huyện Mường Tè",
    "governing_body": "Ủy ban nhân dân huyện Mường Tè",
    "content_responsible": "Trưởng Ban Biên tập Trang thông tin điện tử huyện Mường Tè",
    "address": "Thị trấn Mường Tè, huyện Mường Tè, tỉnh Lai Châu",
    "email": "huyenmuongte.25@gmail.com",
    "licence": "Trang thông tin điện tử huyện Mường Tè. Cơ quan chủ quản: Ủy ban nhân dân huyện Mường Tè.",
    "provincial_portal_url": "https://laichau.gov.vn",
    "procedures_url": "https://dichvucong.laichau.gov.vn",
    "office_hours": "Sáng 7h30–11h30, chiều 13h30–17h30, từ thứ Hai đến thứ Sáu",
}

SECTIONS = [
    (
        "Tin tức - Sự kiện",
        "Tin hoạt động của huyện, các cơ quan, đơn vị và các xã, thị trấn.",
        ["Chính trị", "Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh"],
    ),
    ("Thông báo", "Thông báo của UBND huyện và các cơ quan, đơn vị.", []),
    ("Thư viện ảnh", "Hình ảnh về con người và cảnh sắc Mường Tè.", []),
]

ARTICLES = [
    {
        "section": "Kinh tế",
        "title": "Mường Tè mở rộng diện tích trồng sâm Lai Châu dưới tán rừng",
        "lead": "Năm 2026, huyện Mường Tè tiếp tục hỗ trợ các hộ dân ở vùng cao mở rộng diện tích trồng sâm Lai Châu dưới tán rừng tự nhiên, gắn phát triển kinh tế với bảo vệ rừng.",
        "paragraphs": [
            "Theo Phòng Nông nghiệp và Phát triển nông thôn, các xã Mù Cả, Ka Lăng, Thu Lũm và Pa Ủ có điều kiện khí hậu, thổ nhưỡng phù hợp với cây sâm Lai Châu.",
            "Người dân được tập huấn kỹ thuật chọn giống, làm đất, chăm sóc và phòng trừ sâu bệnh; các hợp tác xã liên kết với doanh nghiệp để bao tiêu sản phẩm.",
            "Việc trồng sâm dưới tán rừng giúp người dân có thêm thu nhập ổn định, đồng thời nâng cao ý thức giữ rừng đầu nguồn.",
        ],
        "author": "Lò Văn Minh",
        "source": "Phòng Nông nghiệp và Phát triển nông thôn",
        "unit": "Phòng Nông nghiệp và Phát triển nông thôn",
        "image": "nui-rung",
        "image_alt": "Rừng già trên núi cao ở Mường Tè, nơi trồng sâm dưới tán rừng",
        "tags": ["sâm Lai Châu", "nông nghiệp"],
    },
    {
        "section": "Chính trị",
        "title": "Hội nghị sơ kết 6 tháng đầu năm 2026",
        "lead": "UBND huyện Mường Tè tổ chức hội nghị sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2026.",
        "paragraphs": [
            "Hội nghị đánh giá kết quả thực hiện các chỉ tiêu kinh tế - xã hội, quốc phòng - an ninh và công tác cải cách hành chính trong 6 tháng đầu năm.",
            "Các đại biểu thảo luận những khó khăn, vướng mắc ở cơ sở và đề xuất giải pháp hoàn thành kế hoạch năm.",
        ],
        "author": "Ban Biên tập",
        "source": "Văn phòng HĐND và UBND huyện",
        "unit": "Văn phòng HĐND và UBND huyện",
        "image": "hoi-nghi",
        "image_alt": "Hội trường UBND huyện trong ngày hội nghị",
        "tags": ["hội nghị"],
    },
    {
        "section": "Văn hóa - Xã hội",
        "title": "Bảo tồn tiếng nói và chữ viết của đồng bào La Hủ ở xã Pa Ủ",
        "lead": "Xã Pa Ủ mở lớp truyền dạy dân ca, dân vũ và tiếng nói của đồng bào La Hủ cho thanh thiếu niên trong xã.",
        "paragraphs": [
            "Lớp học do các nghệ nhân trong bản trực tiếp truyền dạy vào các buổi tối trong tuần.",
            "Hoạt động góp phần giữ gìn bản sắc văn hóa của một trong những dân tộc ít người nhất cả nước.",
        ],
        "author": "Pờ Xé Lừ",
        "source": "UBND xã Pa Ủ",
        "unit": "Xã Pa Ủ",
        "image": "ban-lang",
        "image_alt": "Bản làng của đồng bào La Hủ bên sườn núi",
        "tags": ["văn hóa", "La Hủ"],
    },
    {
        "section": "Quốc phòng - An ninh",
        "title": "Bảo đảm an ninh trật tự dịp Tết",
        "lead": "Công an huyện phối hợp với các xã, thị trấn triển khai kế hoạch bảo đảm an ninh trật tự, an toàn giao thông trong dịp Tết Nguyên đán.",
        "paragraphs": [
            "Các lực lượng tăng cường tuần tra, kiểm soát trên các tuyến đường trọng điểm và tại các khu vực tổ chức lễ hội.",
            "Người dân được khuyến cáo không đốt pháo, không uống rượu bia khi tham gia giao thông.",
        ],
        "author": "Ban Biên tập",
        "source": "Công an huyện Mường Tè",
        "unit": "Thị trấn Mường Tè",
        "image": "song-da",
        "image_alt": "Dòng sông Đà chảy qua thị trấn Mường Tè",
        "tags": ["an ninh trật tự", "Tết"],
    },
]

NOTICES = [
    {
        "title": "Thông báo lịch tiếp công dân",
        "lead": "Lãnh đạo UBND huyện tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân huyện.",
        "paragraphs": [
            "Công dân có nhu cầu kiến nghị, phản ánh đến đúng giờ hành chính, mang theo giấy tờ tùy thân và tài liệu liên quan.",
            "Trường hợp ngày 15 trùng ngày nghỉ, lịch tiếp công dân chuyển sang ngày làm việc kế tiếp.",
        ],
        "author": "Văn phòng HĐND và UBND huyện",
        "source": "Văn phòng HĐND và UBND huyện",
        "unit": "Văn phòng HĐND và UBND huyện",
    },
]

ALBUM = {
    "title": "Mường Tè mùa lúa chín",
    "description": "<p>Những thửa ruộng bậc thang vàng óng trên các xã vùng cao của huyện.</p>",
    "photos": [
        ("ruong-bac-thang", "Ruộng bậc thang vào mùa lúa chín", "Ruộng bậc thang xã Ka Lăng"),
        ("nui-rung", "Núi rừng nhiều tầng xanh thẫm", "Núi rừng Mù Cả"),
        ("song-da", "Sông Đà giữa hai dãy núi", "Sông Đà đoạn qua thị trấn"),
        ("ban-lang", "Bản làng bên sườn núi", "Một bản người Hà Nhì"),
    ],
    "author": "Phòng Văn hóa và Thông tin",
    "source": "Phòng Văn hóa và Thông tin",
}

DOCUMENT_TYPES = [
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
    "Kế hoạch",
    "Thông báo",
    "Công văn",
    "Báo cáo",
    "Hướng dẫn",
]
ISSUING_BODIES = ["UBND huyện Mường Tè", "HĐND huyện Mường Tè", "UBND tỉnh Lai Châu", "Chính phủ"]
DOCUMENT_FIELDS = ["Thông tin và Truyền thông", "Nội vụ", "Tài chính", "Nông nghiệp"]

REGULATION = {
    "title": "Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè",
    "summary": "Ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè",
    "replaces_number": "181/QĐ-UBND",
    "replaces_issued_on": datetime.date(2017, 3, 10),
    "replaces_title": "Quyết định của UBND huyện Mường Tè, được thay thế theo Điều 3 của Quyết định này",
}


class DemoContentBuilder(DirectoryDemoMixin):
    """Create the demo site step by step, reporting each step through ``report(message, created)``."""

    def __init__(self, report):
        self.report = report
        self.images = {}

    @transaction.atomic
    def build(self):
        home = self.home_page()
        self.portal_settings(home)
        units = self.units(home)
        sections = self.sections(home)
        articles = self.articles(sections, units)
        self.notices(sections, units)
        self.album(sections)
        library = self.document_library(home)
        self.regulation(library)
        LibraryDemo(library, self.report).build()
        self.home_layout(home, sections, articles, library)
        unit_index = UnitIndexPage.objects.get()
        pages = {
            "spokespersons": self.spokespersons(unit_index, units),
            "procedures": self.procedures(home, units),
            "projects": self.projects(home, units),
            "statistics": self.statistics(home, units),
            "work_schedule": self.work_schedule(home),
        }
        self.menus(home, sections, library, units, pages)
        build_quota_demo(self.report)
        FeedbackDemo(home, self.report).build()

    # Pages -----------------------------------------------------------------------------------

    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="Trang chủ", slug="home"))
            self.report("Trang chủ", created=True)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        site = Site.objects.get(is_default_site=True)
        if site.site_name != PORTAL["portal_name"]:
            site.site_name = PORTAL["portal_name"]
            site.save(update_fields=["site_name"])
        if not home.live:
            home.save_revision().publish()
        return home

    def child_page(self, parent, model, title, **fields):
        """Return the live child of ``parent`` titled ``title``, creating and publishing it if missing."""
        existing = model.objects.child_of(parent).filter(title=to_nfc(title)).first()
        if existing:
            self.report(f"{model._meta.verbose_name}: {title}", created=False)
            return existing
        page = model(title=title, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"{model._meta.verbose_name}: {title}", created=True)
        return page

    def portal_settings(self, home):
        site = Site.objects.get(root_page=home)
        portal = PortalSettings.for_site(site)
        if portal.governing_body:
            self.report("Cài đặt Trang TTĐT", created=False)
            return
        for name, value in PORTAL.items():
            setattr(portal, name, value)
        portal.save()
        self.report("Cài đặt Trang TTĐT", created=True)

    def sections(self, home):
        sections = {}
        for title, intro, children in SECTIONS:
            section = self.child_page(home, SectionPage, title, intro=f"<p>{intro}</p>")
            sections[title] = section
            for child_title in children:
                sections[child_title] = self.child_page(section, SectionPage, child_title)
        return sections

    def image(self, name, title):
        if name not in self.images:
            Image = get_image_model()
            image = Image.objects.filter(title=to_nfc(title)).first()
            if image is None:
                image = Image(
                    title=title,
                    file=ImageFile(io.BytesIO(draw_landscape(name)), name=f"{name}.jpg"),
                )
                image.save()
            self.images[name] = image
        return self.images[name]

    def article(self, section, data, units):
        fields = {
            "lead": data["lead"],
            "body": [("paragraph", f"<p>{paragraph}</p>") for paragraph in data["paragraphs"]],
            "author": data["author"],
            "source": data["source"],
            "unit": units.get(data.get("unit")),
        }
        if data.get("image"):
            fields["featured_image"] = self.image(data["image"], data["image_alt"])
            fields["featured_image_alt"] = data["image_alt"]
        article = self.child_page(section, ArticlePage, data["title"], **fields)
        if data.get("tags") and not article.tags.exists():
            article.tags.add(*data["tags"])
            article.save_revision().publish()
        return article

    def articles(self, sections, units):
        return [self.article(sections[data["section"]], data, units) for data in ARTICLES]

    def notices(self, sections, units):
        return [self.article(sections["Thông báo"], data, units) for data in NOTICES]

    def album(self, sections):
        parent = sections["Thư viện ảnh"]
        existing = AlbumPage.objects.child_of(parent).filter(title=ALBUM["title"]).first()
        if existing:
            self.report(f"Album ảnh: {ALBUM['title']}", created=False)
            return existing
        cover_name, cover_alt, _caption = ALBUM["photos"][0]
        album = AlbumPage(
            title=ALBUM["title"],
            description=ALBUM["description"],
            author=ALBUM["author"],
            source=ALBUM["source"],
            featured_image=self.image(cover_name, cover_alt),
            featured_image_alt=cover_alt,
        )
        for name, alt_text, caption in ALBUM["photos"]:
            album.photos.add(
                AlbumPhoto(image=self.image(name, alt_text), alt_text=alt_text, caption=caption)
            )
        parent.add_child(instance=album)
        album.save_revision().publish()
        self.report(f"Album ảnh: {ALBUM['title']}", created=True)
        return album

    # Legal documents -----------------------------------------------------------------------

    def document_library(self, home):
        for names, model in (
            (DOCUMENT_TYPES, DocumentType),
            (ISSUING_BODIES, IssuingBody),
            (DOCUMENT_FIELDS, DocumentField),
        ):
            for name in names:
                model.objects.get_or_create(name=name)
        return self.child_page(
            home,
            LegalDocumentIndexPage,
            "Văn bản",
            intro="<p>Văn bản chỉ đạo, điều hành của huyện và văn bản pháp luật có liên quan.</p>",
        )

    def regulation(self, library):
        existing = (
            LegalDocumentPage.objects.child_of(library).filter(title=REGULATION["title"]).first()
        )
        if existing:
            self.report(f"Văn bản: {REGULATION['title']}", created=False)
            return existing
        text = to_nfc(REGULATION_FILE.read_text(encoding="utf-8"))
        Document = get_document_model()
        # Uploads accept office formats only, so the text is attached as a Word file.
        docx = ContentFile(
            docx_bytes(text.splitlines()), name=REGULATION_FILE.with_suffix(".docx").name
        )
        file = Document(
            title="Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè", file=docx
        )
        file.save()

        page = LegalDocumentPage(
            title=REGULATION["title"],
            summary=REGULATION["summary"],
            document_type=DocumentType.objects.get(name="Quyết định"),
            issuing_body=IssuingBody.objects.get(name="UBND huyện Mường Tè"),
            field=DocumentField.objects.get(name="Thông tin và Truyền thông"),
            full_text=plain_text_to_html(text),
        )
        # The copy received leaves the number and the date of signature blank, so they stay
        # empty here until the editorial board fills them in from the signed original.
        page.attachments.add(
            LegalDocumentAttachment(file=file, label="Toàn văn Quy chế (tệp văn bản)")
        )
        page.relations.add(
            DocumentRelation(
                kind=DocumentRelation.Kind.REPLACES,
                target_number=REGULATION["replaces_number"],
                target_issued_on=REGULATION["replaces_issued_on"],
                target_title=REGULATION["replaces_title"],
            )
        )
        library.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"Văn bản: {REGULATION['title']}", created=True)
        return page

    # Home page layout and menus -------------------------------------------------------------

    def home_layout(self, home, sections, articles, library):
        if home.home_sections.exists():
            self.report("Bố cục trang chủ", created=False)
            return
        home.intro = "Thông tin chính thức của Ủy ban nhân dân huyện Mường Tè, tỉnh Lai Châu."
        home.notices_section = sections["Thông báo"]
        for article in articles[:3]:
            home.featured_items.add(HomeFeaturedItem(page=article))
        for title in ("Tin tức - Sự kiện", "Thư viện ảnh"):
            home.home_sections.add(HomeSection(section=sections[title], item_count=4))
        home.quick_links.add(HomeQuickLink(label="Văn bản chỉ đạo, điều hành", link_page=library))
        home.save_revision().publish()
        self.report("Bố cục trang chủ", created=True)

    def menus(self, home, sections, library, units, pages):
        unit_index = UnitIndexPage.objects.first()
        layouts = {
            NavigationMenu.Location.MAIN: [
                ("Trang chủ", home),
                ("Tin tức - Sự kiện", sections["Tin tức - Sự kiện"]),
                ("Văn bản", library),
                ("Thông báo", sections["Thông báo"]),
                ("Thư viện ảnh", sections["Thư viện ảnh"]),
                ("Cơ quan, đơn vị", unit_index),
                ("Lịch công tác", pages["work_schedule"]),
                ("Thủ tục hành chính", pages["procedures"]),
            ],
            NavigationMenu.Location.FOOTER: [
                ("Giới thiệu Ban Biên tập", units["Văn phòng HĐND và UBND huyện"]),
                ("Văn bản", library),
                ("Người phát ngôn", pages["spokespersons"]),
                ("Dự án - Đấu thầu", pages["projects"]),
                ("Thống kê - Báo cáo", pages["statistics"]),
                ("Cổng thông tin điện tử tỉnh Lai Châu", PORTAL["provincial_portal_url"]),
            ],
        }
        for location, items in layouts.items():
            menu, created = NavigationMenu.objects.get_or_create(location=location)
            # Items added by a later version of the demo are appended to an existing menu.
            present = set(menu.items.values_list("label", flat=True))
            missing = [(label, target) for label, target in items if label not in present]
            for order, (label, target) in enumerate(missing, start=len(present)):
                if isinstance(target, str):
                    menu.items.add(MenuItem(label=label, link_url=target, sort_order=order))
                else:
                    menu.items.add(MenuItem(label=label, link_page=target, sort_order=order))
            if missing:
                menu.save()
            self.report(f"Trình đơn: {menu}", created=bool(missing))

    # Users ------------------------------------------------------------------------------------

    def board_reports(self):
        """Add items waiting in the workflow and royalties; run after ``demo_board_users``.

        The waiting items belong to the demo contributor, so that the contributor can correct
        the one returned to them.
        """
        build_board_reports_demo(self.report)

    def demo_board_users(self):
        """Create one account per editorial role and return their shared password.

        Returns None when every account already exists. The deputy approves the section
        "Tin tức - Sự kiện"; the contributor writes for Xã Ka Lăng in every section.
        """
        from django.contrib.auth.models import Group

        from editorial.models import ContributorProfile, DeputyAssignment

        User = get_user_model()
        password = secrets.token_urlsafe(12)
        created_any = False
        for username, first_name, last_name, group_name in DEMO_BOARD_USERS:
            label = f"Tài khoản mẫu {group_name}: {username}"
            if User.objects.filter(username=username).exists():
                self.report(label, created=False)
                continue
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.invalid",
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=group_name))
            created_any = True
            self.report(label, created=True)

        deputy = User.objects.get(username="phoban")
        section = SectionPage.objects.filter(title=DEMO_DEPUTY_SECTION).first()
        if section and not DeputyAssignment.objects.filter(deputy=deputy).exists():
            DeputyAssignment.objects.create(deputy=deputy).sections.add(section)
        contributor = User.objects.get(username="ctv-kalang")
        unit = UnitPage.objects.filter(title=DEMO_CONTRIBUTOR_UNIT).first()
        if unit:
            ContributorProfile.objects.get_or_create(user=contributor, defaults={"unit": unit})
        return password if created_any else None

    def demo_admin(self):
        """Create the demo administrator and return its password, or None if it already exists."""
        User = get_user_model()
        if User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            self.report(f"Tài khoản quản trị mẫu: {DEMO_ADMIN_USERNAME}", created=False)
            return None
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=DEMO_ADMIN_USERNAME,
            email="admin@example.invalid",
            password=password,
            first_name="Quản trị",
            last_name="Hệ thống",
        )
        self.report(f"Tài khoản quản trị mẫu: {DEMO_ADMIN_USERNAME}", created=True)
        return password
