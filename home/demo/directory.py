"""Demo units, spokespersons, procedures, a project, a statistics report and a work schedule.

The unit names and kinds follow the district's organisation. People's names are marked
"(tên mẫu)" and e-mail addresses use the reserved ``.example`` domain, because the real
names and contacts are not known here; phone numbers are left empty for the same reason.
Procedure codes are left empty rather than guessed, and figures are marked as illustrative.
"""

import datetime

from django.utils import timezone

from news.procurement import BiddingPackage, ProjectIndexPage, ProjectPage
from news.statistics_reports import StatisticsIndexPage, StatisticsReportPage
from news.work_schedule import ScheduleEntry, Week, WorkScheduleIndexPage, WorkSchedulePage
from units.models import (
    Procedure,
    ProcedureIndexPage,
    ProcedureListPage,
    Spokesperson,
    SpokespersonIndexPage,
    UnitIndexPage,
    UnitLeader,
    UnitPage,
)

DISTRICT_ADDRESS = "Thị trấn Mường Tè, huyện Mường Tè, tỉnh Lai Châu"
COMMITTEE = "Ủy ban nhân dân huyện Mường Tè"
OFFICE = "Văn phòng HĐND và UBND huyện"
FRONT = "Ủy ban MTTQ Việt Nam huyện Mường Tè"
Kind = UnitPage.Kind

# (title, kind, parent title, summary, e-mail name, leader positions)
UNITS = [
    (
        COMMITTEE,
        Kind.COMMITTEE_OFFICE,
        None,
        "Cơ quan hành chính nhà nước ở địa phương, chấp hành Nghị quyết của HĐND huyện.",
        "ubnd",
        ["Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện"],
    ),
    (
        OFFICE,
        Kind.COMMITTEE_OFFICE,
        COMMITTEE,
        "Cơ quan tham mưu, giúp việc cho HĐND và UBND huyện; thường trực Ban Biên tập Trang TTĐT.",
        "vanphong",
        ["Chánh Văn phòng", "Phó Chánh Văn phòng"],
    ),
    (
        "Phòng Nội vụ",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về tổ chức bộ máy, công chức, viên chức, cải cách hành chính, thi đua, khen thưởng.",
        "noivu",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Tư pháp",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về công tác tư pháp, hộ tịch, chứng thực và phổ biến pháp luật.",
        "tuphap",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Tài chính - Kế hoạch",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về tài chính, ngân sách, kế hoạch và đầu tư.",
        "taichinh",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Tài nguyên và Môi trường",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về đất đai, tài nguyên nước, khoáng sản và môi trường.",
        "tnmt",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Lao động - Thương binh và Xã hội",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về lao động, việc làm, người có công và bảo trợ xã hội.",
        "ldtbxh",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Văn hóa và Thông tin",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện quản lý nhà nước về văn hóa, thể thao, du lịch và thông tin.",
        "vhtt",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Giáo dục và Đào tạo",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện quản lý nhà nước về giáo dục mầm non, tiểu học và trung học cơ sở.",
        "gddt",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Y tế",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện quản lý nhà nước về y tế và an toàn thực phẩm.",
        "yte",
        ["Trưởng phòng"],
    ),
    (
        "Phòng Kinh tế - Hạ tầng",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về công thương, xây dựng, giao thông và hạ tầng.",
        "kinhtehatang",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Nông nghiệp và Phát triển nông thôn",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về nông nghiệp, lâm nghiệp, thủy lợi và phát triển nông thôn.",
        "nongnghiep",
        ["Trưởng phòng", "Phó Trưởng phòng"],
    ),
    (
        "Phòng Dân tộc",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về công tác dân tộc và chính sách dân tộc.",
        "dantoc",
        ["Trưởng phòng"],
    ),
    (
        "Thanh tra huyện",
        Kind.SPECIALISED_OFFICE,
        COMMITTEE,
        "Tham mưu cho UBND huyện về thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng.",
        "thanhtra",
        ["Chánh Thanh tra"],
    ),
    (
        "Ban Quản lý dự án đầu tư xây dựng huyện",
        Kind.PUBLIC_SERVICE_UNIT,
        COMMITTEE,
        "Làm chủ đầu tư và quản lý các dự án đầu tư xây dựng sử dụng vốn ngân sách của huyện.",
        "bqlda",
        ["Giám đốc", "Phó Giám đốc"],
    ),
    (
        "Trung tâm Văn hóa, Thể thao và Truyền thông",
        Kind.PUBLIC_SERVICE_UNIT,
        COMMITTEE,
        "Tổ chức hoạt động văn hóa, thể thao, phát thanh, truyền hình trên địa bàn huyện.",
        "ttvhtt",
        ["Giám đốc"],
    ),
    (
        "Trung tâm Dịch vụ nông nghiệp",
        Kind.PUBLIC_SERVICE_UNIT,
        COMMITTEE,
        "Chuyển giao kỹ thuật, khuyến nông và cung ứng dịch vụ nông nghiệp.",
        "dvnn",
        ["Giám đốc"],
    ),
    (
        FRONT,
        Kind.MASS_ORGANISATION,
        None,
        "Tổ chức liên minh chính trị, liên hiệp tự nguyện của các tổ chức và cá nhân tiêu biểu trong huyện.",
        "mttq",
        ["Chủ tịch", "Phó Chủ tịch"],
    ),
    (
        "Hội Liên hiệp Phụ nữ huyện",
        Kind.MASS_ORGANISATION,
        FRONT,
        "Đại diện quyền, lợi ích hợp pháp của phụ nữ trong huyện.",
        "hoiphunu",
        ["Chủ tịch"],
    ),
    (
        "Huyện đoàn Mường Tè",
        Kind.MASS_ORGANISATION,
        FRONT,
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Mường Tè.",
        "huyendoan",
        ["Bí thư"],
    ),
    (
        "Hội Nông dân huyện",
        Kind.MASS_ORGANISATION,
        FRONT,
        "Đại diện quyền, lợi ích hợp pháp của nông dân trong huyện.",
        "hoinongdan",
        ["Chủ tịch"],
    ),
    (
        "Hội Cựu chiến binh huyện",
        Kind.MASS_ORGANISATION,
        FRONT,
        "Tập hợp, đoàn kết cựu chiến binh trong huyện.",
        "hoiccb",
        ["Chủ tịch"],
    ),
    (
        "Thị trấn Mường Tè",
        Kind.TOWN,
        COMMITTEE,
        "Trung tâm hành chính của huyện.",
        "thitran",
        ["Chủ tịch UBND thị trấn", "Phó Chủ tịch UBND thị trấn"],
    ),
    (
        "Xã Bum Nưa",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã nằm ven sông Đà, giáp thị trấn Mường Tè.",
        "bumnua",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Bum Tở",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao, nơi sinh sống của đồng bào Hà Nhì, La Hủ và Thái.",
        "bumto",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Ka Lăng",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã biên giới, nơi sinh sống của đồng bào dân tộc Hà Nhì.",
        "kalang",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Kan Hồ",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao phía đông của huyện.",
        "kanho",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Mù Cả",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao biên giới phía tây bắc của huyện.",
        "muca",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Mường Tè",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã ven sông Đà, có đông đồng bào Thái sinh sống.",
        "xamuongte",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Nậm Khao",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao giáp thị trấn Mường Tè.",
        "namkhao",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Pa Ủ",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã có đông đồng bào dân tộc La Hủ sinh sống.",
        "pau",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Pa Vệ Sử",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao của đồng bào La Hủ và Hà Nhì.",
        "pavesu",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Tá Bạ",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao có đồng bào La Hủ, Hà Nhì và Cống.",
        "taba",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Tà Tổng",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao phía đông nam của huyện.",
        "tatong",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Thu Lũm",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã biên giới giáp Trung Quốc.",
        "thulum",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
    (
        "Xã Vàng San",
        Kind.COMMUNE,
        COMMITTEE,
        "Xã vùng cao phía nam của huyện.",
        "vangsan",
        ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ),
]

PLACEHOLDER_NAMES = ["Lò Văn A", "Nguyễn Thị B", "Giàng A C", "Vàng Thị D", "Pờ Xé E"]

SPOKESPERSONS = [
    (
        COMMITTEE,
        Spokesperson.Role.SPOKESPERSON,
        "Chủ tịch UBND huyện",
        "Mọi lĩnh vực thuộc thẩm quyền của UBND huyện.",
    ),
    (
        COMMITTEE,
        Spokesperson.Role.SPOKESPERSON,
        "Phó Chủ tịch UBND huyện",
        "Kinh tế, đầu tư, đất đai và xây dựng, khi được Chủ tịch UBND huyện giao.",
    ),
    (
        OFFICE,
        Spokesperson.Role.PRESS_CONTACT,
        "Chánh Văn phòng HĐND và UBND huyện",
        "Cung cấp thông tin, tài liệu cho báo chí về hoạt động chỉ đạo, điều hành của UBND huyện.",
    ),
    (
        "Phòng Văn hóa và Thông tin",
        Spokesperson.Role.PRESS_CONTACT,
        "Trưởng phòng Văn hóa và Thông tin",
        "Đầu mối phối hợp với các cơ quan báo chí.",
    ),
]

PROCEDURE_UNIT = "Xã Mù Cả"
COMMUNE_STEPS = [
    ("Tiếp nhận, kiểm tra hồ sơ", "Công chức Tư pháp - Hộ tịch tại Bộ phận Một cửa"),
    ("Xem xét, trình ký", "Công chức Tư pháp - Hộ tịch"),
    ("Ký kết quả", "Chủ tịch hoặc Phó Chủ tịch UBND xã"),
    ("Trả kết quả", "Bộ phận Một cửa UBND xã"),
]
# (name, field, processing time, fee)
PROCEDURES = [
    ("Đăng ký khai sinh", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "Miễn lệ phí"),
    (
        "Đăng ký kết hôn",
        "Hộ tịch",
        "Ngay trong ngày; nếu cần xác minh thì không quá 05 ngày làm việc",
        "Miễn lệ phí",
    ),
    ("Đăng ký khai tử", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "Miễn lệ phí"),
    (
        "Chứng thực bản sao từ bản chính",
        "Chứng thực",
        "Trong ngày tiếp nhận hồ sơ hoặc ngày làm việc tiếp theo",
        "2.000 đồng/trang",
    ),
]

PROJECT = {
    "title": "Đường giao thông nông thôn đến trung tâm xã Mù Cả (dữ liệu minh họa)",
    "objective": "<p>Cứng hóa 6,5 km đường giao thông nông thôn đến trung tâm xã Mù Cả, bảo đảm đi lại quanh năm cho nhân dân các bản.</p><p><em>Dự án và số liệu chỉ dùng để minh họa trang thông tin.</em></p>",
    "field": ProjectPage.Field.TRANSPORT,
    "investor": "Ban Quản lý dự án đầu tư xây dựng huyện",
    "location": "Xã Mù Cả, huyện Mường Tè, tỉnh Lai Châu",
    "total_investment": 14_500_000_000,
    "funding_source": "Vốn ngân sách tỉnh (minh họa)",
    "status": ProjectPage.Status.BIDDING,
    "progress": "<p>Đã phê duyệt báo cáo kinh tế - kỹ thuật; đang lựa chọn nhà thầu thi công.</p>",
}

SCHEDULE_ENTRIES = [
    (
        0,
        datetime.time(7, 30),
        "Chủ tịch, các Phó Chủ tịch UBND huyện",
        "Họp giao ban Thường trực UBND huyện",
        "Phòng họp số 1, UBND huyện",
        OFFICE,
    ),
    (
        1,
        datetime.time(8, 0),
        "Chủ tịch UBND huyện",
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân huyện",
        "Thanh tra huyện",
    ),
    (
        2,
        None,
        "Phó Chủ tịch UBND huyện phụ trách khối kinh tế",
        "Kiểm tra tiến độ dự án đường giao thông đến trung tâm xã Mù Cả",
        "Xã Mù Cả",
        "Ban Quản lý dự án đầu tư xây dựng huyện",
    ),
    (
        3,
        datetime.time(14, 0),
        "Phó Chủ tịch UBND huyện phụ trách khối văn hóa - xã hội",
        "Làm việc với Phòng Giáo dục và Đào tạo về chuẩn bị năm học",
        "Phòng Giáo dục và Đào tạo",
        "Phòng Giáo dục và Đào tạo",
    ),
    (
        4,
        datetime.time(8, 0),
        "Chủ tịch, các Phó Chủ tịch UBND huyện",
        "Hội nghị đánh giá tình hình kinh tế - xã hội trong tuần",
        "Hội trường UBND huyện",
        OFFICE,
    ),
]


def email_for(name):
    return f"{name.lower()}@muongte.example"


def latest_complete_quarter(today):
    """The (year, quarter) of the last quarter that ended before ``today``."""
    quarter = (today.month - 1) // 3
    if quarter == 0:
        return today.year - 1, 4
    return today.year, quarter


class DirectoryDemoMixin:
    """Steps of DemoContentBuilder for units and the pages of Đ9.4, Đ9.6–9.8 and Đ9.11."""

    def units(self, home):
        index = self.child_page(
            home,
            UnitIndexPage,
            "Cơ quan, đơn vị",
            intro="<p>Các cơ quan chuyên môn, đơn vị và UBND các xã, thị trấn của huyện Mường Tè. Họ tên lãnh đạo ghi “(tên mẫu)” và địa chỉ thư điện tử có đuôi .example là dữ liệu minh họa.</p>",
        )
        units = {}
        for title, kind, _parent, summary, email_name, positions in UNITS:
            address = DISTRICT_ADDRESS
            if kind in (Kind.COMMUNE, Kind.TOWN):
                local_name = title[0].lower() + title[1:]
                address = f"Trụ sở UBND {local_name}, huyện Mường Tè, tỉnh Lai Châu"
            units[title] = self.unit_page(
                index,
                title,
                kind=kind,
                summary=summary,
                functions=f"<p>{summary}</p>",
                address=address,
                email=email_for(email_name),
                leaders=positions,
            )
        for title, _kind, parent_title, *_rest in UNITS:
            unit = units[title]
            if parent_title and unit.parent_unit_id is None:
                unit.parent_unit = units[parent_title]
                unit.save_revision().publish()
        return units

    def unit_page(self, index, title, leaders, **fields):
        unit = UnitPage.objects.child_of(index).filter(title=title).first()
        if unit is not None:
            self.report(f"Đơn vị: {title}", created=False)
            if not unit.leaders.exists():
                self.add_leaders(unit, leaders)
                unit.save_revision().publish()
            return unit
        unit = UnitPage(title=title, **fields)
        self.add_leaders(unit, leaders)
        index.add_child(instance=unit)
        unit.save_revision().publish()
        self.report(f"Đơn vị: {title}", created=True)
        return unit

    def add_leaders(self, unit, positions):
        for order, position in enumerate(positions):
            name = PLACEHOLDER_NAMES[order % len(PLACEHOLDER_NAMES)]
            unit.leaders.add(
                UnitLeader(name=f"{name} (tên mẫu)", position=position, sort_order=order)
            )

    def spokespersons(self, unit_index, units):
        page = self.child_page(
            unit_index,
            SpokespersonIndexPage,
            "Người phát ngôn và cung cấp thông tin cho báo chí",
            intro="<p>Danh sách người phát ngôn và người được giao cung cấp thông tin cho báo chí của UBND huyện Mường Tè. Họ tên ghi “(tên mẫu)” là dữ liệu minh họa.</p>",
        )
        for order, (unit_title, role, position, scope) in enumerate(SPOKESPERSONS):
            _person, created = Spokesperson.objects.get_or_create(
                unit=units[unit_title],
                position=position,
                defaults={
                    "name": f"{PLACEHOLDER_NAMES[order]} (tên mẫu)",
                    "role": role,
                    "scope": scope,
                    "email": email_for("phatngon"),
                    "appointed_on": datetime.date(2024, 1, 2),
                    "appointment": "Quyết định của Chủ tịch UBND huyện (minh họa)",
                    "sort_order": order,
                },
            )
            self.report(f"Người phát ngôn: {position}", created=created)
        return page

    def procedures(self, home, units):
        overview = self.child_page(
            home,
            ProcedureIndexPage,
            "Thủ tục hành chính",
            intro="<p>Thủ tục hành chính do các cơ quan, đơn vị của huyện Mường Tè giải quyết. Thông tin chính thức và việc nộp hồ sơ trực tuyến được thực hiện trên hệ thống giải quyết thủ tục hành chính của tỉnh.</p>",
        )
        unit = units[PROCEDURE_UNIT]
        existing = ProcedureListPage.objects.child_of(unit).first()
        if existing:
            self.report(f"Thủ tục hành chính: {PROCEDURE_UNIT}", created=False)
            return overview
        page = ProcedureListPage(
            title=f"Thủ tục hành chính {PROCEDURE_UNIT}",
            intro="<p>Một số thủ tục hành chính cấp xã, dùng để minh họa; mã thủ tục và đường dẫn cụ thể được cập nhật từ Cơ sở dữ liệu quốc gia về thủ tục hành chính.</p>",
        )
        for order, (name, field, processing_time, fee) in enumerate(PROCEDURES):
            page.procedures.add(
                Procedure(
                    name=name,
                    field=field,
                    level=Procedure.Level.COMMUNE,
                    processing_time=processing_time,
                    fee=fee,
                    steps=[
                        ("step", {"action": action, "responsible": responsible, "time_limit": ""})
                        for action, responsible in COMMUNE_STEPS
                    ],
                    sort_order=order,
                )
            )
        unit.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"Thủ tục hành chính: {PROCEDURE_UNIT}", created=True)
        return overview

    def projects(self, home, units):
        index = self.child_page(
            home,
            ProjectIndexPage,
            "Dự án - Đấu thầu",
            intro="<p>Thông tin về dự án, hạng mục đầu tư, đấu thầu và mua sắm công của huyện.</p>",
        )
        if ProjectPage.objects.child_of(index).filter(title=PROJECT["title"]).exists():
            self.report(f"Dự án: {PROJECT['title']}", created=False)
            return index
        year = timezone.localdate().year
        project = ProjectPage(
            **PROJECT,
            start_year=year,
            end_year=year + 1,
            approval="Quyết định phê duyệt của UBND huyện (minh họa)",
            unit=units["Ban Quản lý dự án đầu tư xây dựng huyện"],
            source="Ban Quản lý dự án đầu tư xây dựng huyện",
        )
        notice_day = timezone.localdate() - datetime.timedelta(days=10)
        project.packages.add(
            BiddingPackage(
                name="Gói thầu số 01: Tư vấn khảo sát, lập báo cáo kinh tế - kỹ thuật",
                estimated_price=450_000_000,
                selection_method=BiddingPackage.SelectionMethod.DIRECT_APPOINTMENT,
                winner="Nhà thầu tư vấn (tên mẫu)",
                contract_price=432_000_000,
                result_decision="Quyết định phê duyệt kết quả lựa chọn nhà thầu (minh họa)",
                result_on=notice_day - datetime.timedelta(days=60),
                sort_order=0,
            )
        )
        project.packages.add(
            BiddingPackage(
                name="Gói thầu số 02: Thi công xây dựng công trình",
                estimated_price=13_200_000_000,
                selection_method=BiddingPackage.SelectionMethod.OPEN_BIDDING,
                notice_url="https://muasamcong.mpi.gov.vn/",
                notice_published_on=notice_day,
                bid_closing_at=timezone.make_aware(
                    datetime.datetime.combine(
                        notice_day + datetime.timedelta(days=22), datetime.time(9, 0)
                    )
                ),
                sort_order=1,
            )
        )
        index.add_child(instance=project)
        project.save_revision().publish()
        self.report(f"Dự án: {PROJECT['title']}", created=True)
        return index

    def statistics(self, home, units):
        index = self.child_page(
            home,
            StatisticsIndexPage,
            "Thống kê - Báo cáo",
            intro="<p>Thông tin thống kê, báo cáo tình hình kinh tế - xã hội định kỳ theo tháng, quý, năm.</p>",
        )
        year, quarter = latest_complete_quarter(timezone.localdate())
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[quarter]
        title = f"Báo cáo tình hình kinh tế - xã hội quý {roman} năm {year}"
        if StatisticsReportPage.objects.child_of(index).filter(title=title).exists():
            self.report(f"Báo cáo: {title}", created=False)
            return index
        report = StatisticsReportPage(
            title=title,
            period_kind=StatisticsReportPage.PeriodKind.QUARTER,
            year=year,
            period_number=quarter,
            summary="<p>Tình hình kinh tế - xã hội của huyện trong quý tiếp tục ổn định; sản xuất nông, lâm nghiệp đạt kế hoạch; an ninh chính trị, trật tự an toàn xã hội được giữ vững.</p><p><em>Số liệu trong bảng chỉ dùng để minh họa.</em></p>",
            data=[
                (
                    "table",
                    {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "data": [
                            [
                                "Chỉ tiêu",
                                "Đơn vị tính",
                                "Thực hiện trong quý",
                                "So với cùng kỳ (%)",
                            ],
                            ["Tổng sản lượng lương thực có hạt", "Tấn", "4.120", "103,5"],
                            ["Diện tích trồng rừng mới", "Ha", "85", "110,0"],
                            ["Thu ngân sách trên địa bàn", "Triệu đồng", "9.850", "104,2"],
                        ],
                    },
                )
            ],
            unit=units["Phòng Tài chính - Kế hoạch"],
            source="Phòng Tài chính - Kế hoạch",
        )
        index.add_child(instance=report)
        report.save_revision().publish()
        self.report(f"Báo cáo: {title}", created=True)
        return index

    def work_schedule(self, home):
        index = self.child_page(
            home,
            WorkScheduleIndexPage,
            "Lịch công tác",
            intro="<p>Lịch công tác tuần của Thường trực UBND huyện Mường Tè.</p>",
        )
        week = Week.containing(timezone.localdate())
        if WorkSchedulePage.objects.child_of(index).filter(week_start=week.monday).exists():
            self.report(f"Lịch công tác tuần {week.param}", created=False)
            return index
        page = WorkSchedulePage(
            title=f"Lịch công tác tuần {week.number} năm {week.iso_year}",
            week_start=week.monday,
            notes="<p>Lịch công tác có thể thay đổi; các thay đổi được thông báo trên trang này.</p>",
        )
        for order, (weekday, start, leaders, content, place, unit) in enumerate(SCHEDULE_ENTRIES):
            page.entries.add(
                ScheduleEntry(
                    weekday=weekday,
                    start_time=start,
                    leaders=leaders,
                    content=content,
                    place=place,
                    preparing_unit=unit,
                    sort_order=order,
                )
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"Lịch công tác tuần {week.param}", created=True)
        return index
