"""Demo documents for the library: varied types, issuing bodies, fields and statuses.

The national documents are real ones that the portal's regulation cites; the district's
own plans, notices and decisions are invented for the demo. Dates of the documents that
must stay "not yet in force" are computed from the day the demo is built.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from home.text import to_nfc

from .models import (
    DocumentField,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
)
from .numbers import number_key
from .samples import docx_bytes, pdf_bytes

DISTRICT = "UBND huyện Mường Tè"
DISTRICT_COUNCIL = "HĐND huyện Mường Tè"
GOVERNMENT = "Chính phủ"
MINISTRY = "Bộ Thông tin và Truyền thông"
INFORMATION = "Thông tin và Truyền thông"
date = datetime.date

# The decision that the portal's regulation replaces (Điều 3 of the regulation).
OLD_REGULATION_NUMBER = "181/QĐ-UBND"


def demo_documents(today):
    """Return the demo documents oldest first, so that each relation points at an earlier one."""
    next_year = today.year + 1
    return [
        {
            "type": "Quyết định",
            "number": OLD_REGULATION_NUMBER,
            "title": "Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè (năm 2017)",
            "summary": "Ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè",
            "issuer": DISTRICT,
            "field": INFORMATION,
            "issued_on": date(2017, 3, 10),
        },
        {
            "type": "Nghị định",
            "number": "72/2013/NĐ-CP",
            "title": "Nghị định về quản lý, cung cấp, sử dụng dịch vụ internet và thông tin trên mạng",
            "summary": "Quy định chi tiết việc quản lý, cung cấp, sử dụng dịch vụ internet và thông tin trên mạng",
            "issuer": GOVERNMENT,
            "field": INFORMATION,
            "issued_on": date(2013, 7, 15),
            "effective_from": date(2013, 9, 1),
            "relations": [
                (DocumentRelation.Kind.REPLACED_BY, "147/2024/NĐ-CP", date(2024, 11, 9)),
            ],
        },
        {
            "type": "Thông tư",
            "number": "09/2014/TT-BTTTT",
            "title": "Thông tư quy định chi tiết về hoạt động quản lý, cung cấp, sử dụng thông tin trên trang thông tin điện tử và mạng xã hội",
            "summary": "Quy định chi tiết về hoạt động quản lý, cung cấp, sử dụng thông tin trên trang thông tin điện tử và mạng xã hội",
            "issuer": MINISTRY,
            "field": INFORMATION,
            "issued_on": date(2014, 8, 19),
        },
        {
            "type": "Nghị định",
            "number": "27/2018/NĐ-CP",
            "title": "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 72/2013/NĐ-CP",
            "summary": "Sửa đổi, bổ sung một số điều của Nghị định số 72/2013/NĐ-CP về quản lý, cung cấp, sử dụng dịch vụ internet và thông tin trên mạng",
            "issuer": GOVERNMENT,
            "field": INFORMATION,
            "issued_on": date(2018, 3, 1),
            "relations": [
                (DocumentRelation.Kind.AMENDS, "72/2013/NĐ-CP", None),
                (DocumentRelation.Kind.REPLACED_BY, "147/2024/NĐ-CP", date(2024, 11, 9)),
            ],
        },
        {
            "type": "Nghị định",
            "number": "42/2022/NĐ-CP",
            "title": "Nghị định quy định về cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
            "summary": "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
            "issuer": GOVERNMENT,
            "field": INFORMATION,
            "issued_on": date(2022, 6, 24),
            "effective_from": date(2022, 8, 1),
            "relations": [(DocumentRelation.Kind.REPLACES, "43/2011/NĐ-CP", date(2011, 6, 13))],
        },
        {
            "type": "Quyết định",
            "number": "35/QĐ-UBND",
            "title": "Quyết định kiện toàn Ban Biên tập Trang thông tin điện tử huyện Mường Tè",
            "summary": "Kiện toàn Ban Biên tập Trang thông tin điện tử huyện Mường Tè",
            "issuer": DISTRICT,
            "field": INFORMATION,
            "issued_on": date(2024, 2, 20),
            "signer": "Lò Văn Minh",
            "signer_position": "Phó Chủ tịch UBND huyện",
        },
        {
            "type": "Hướng dẫn",
            "number": "05/HD-UBND",
            "title": "Hướng dẫn cung cấp tin, bài cho Trang thông tin điện tử huyện",
            "summary": "Hướng dẫn các cơ quan, đơn vị và UBND các xã, thị trấn cung cấp tin, bài cho Trang thông tin điện tử huyện",
            "issuer": DISTRICT,
            "field": INFORMATION,
            "issued_on": date(2024, 4, 12),
        },
        {
            "type": "Thông báo",
            "number": "112/TB-UBND",
            "title": "Thông báo lịch tiếp công dân định kỳ năm 2025",
            "summary": "Lịch tiếp công dân định kỳ của Chủ tịch UBND huyện năm 2025",
            "issuer": DISTRICT,
            "field": "Nội vụ",
            "issued_on": date(2025, 1, 6),
            "effective_until": date(2025, 12, 31),
        },
        {
            "type": "Quyết định",
            "number": "402/QĐ-UBND",
            "title": "Quyết định sửa đổi, bổ sung Quyết định kiện toàn Ban Biên tập Trang thông tin điện tử huyện",
            "summary": "Sửa đổi, bổ sung thành viên Ban Biên tập Trang thông tin điện tử huyện Mường Tè",
            "issuer": DISTRICT,
            "field": INFORMATION,
            "issued_on": date(2025, 8, 11),
            "signer": "Lò Văn Minh",
            "signer_position": "Phó Chủ tịch UBND huyện",
            "relations": [(DocumentRelation.Kind.AMENDS, "35/QĐ-UBND", None)],
        },
        {
            "type": "Chỉ thị",
            "number": "03/CT-UBND",
            "title": "Chỉ thị tăng cường công tác phòng cháy, chữa cháy rừng mùa khô 2025 - 2026",
            "summary": "Tăng cường các biện pháp phòng cháy, chữa cháy rừng trong mùa khô 2025 - 2026",
            "issuer": DISTRICT,
            "field": "Nông nghiệp",
            "issued_on": date(2025, 11, 10),
        },
        {
            "type": "Nghị quyết",
            "number": "12/NQ-HĐND",
            "title": "Nghị quyết về dự toán thu, chi ngân sách huyện năm 2026",
            "summary": "Quyết định dự toán thu ngân sách nhà nước trên địa bàn và chi ngân sách huyện năm 2026",
            "issuer": DISTRICT_COUNCIL,
            "field": "Tài chính",
            "issued_on": date(2025, 12, 20),
            "effective_from": date(2026, 1, 1),
            "effective_until": date(2026, 12, 31),
        },
        {
            "type": "Kế hoạch",
            "number": "25/KH-UBND",
            "title": "Kế hoạch phát triển cây sâm Lai Châu dưới tán rừng năm 2026",
            "summary": "Mở rộng diện tích trồng sâm Lai Châu dưới tán rừng tại các xã vùng cao năm 2026",
            "issuer": DISTRICT,
            "field": "Nông nghiệp",
            "issued_on": date(2026, 1, 15),
        },
        {
            "type": "Báo cáo",
            "number": "210/BC-UBND",
            "title": "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026",
            "summary": "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2026",
            "issuer": DISTRICT,
            "field": "Tài chính",
            "issued_on": date(2026, 7, 5),
        },
        {
            "type": "Công văn",
            "number": "830/UBND-VP",
            "title": "Công văn đôn đốc cung cấp tin, bài cho Trang thông tin điện tử huyện",
            "summary": "Đôn đốc các cơ quan, đơn vị cung cấp tin, bài theo định mức cho Trang thông tin điện tử huyện",
            "issuer": DISTRICT,
            "field": INFORMATION,
            "issued_on": date(2026, 9, 15),
        },
        {
            "type": "Quyết định",
            "number": "560/QĐ-UBND",
            "title": f"Quyết định ban hành Quy định quản lý chợ trên địa bàn huyện từ năm {next_year}",
            "summary": "Ban hành Quy định quản lý, khai thác chợ trên địa bàn huyện Mường Tè",
            "issuer": DISTRICT,
            "field": "Tài chính",
            "issued_on": today - datetime.timedelta(days=3),
            "effective_from": date(next_year, 1, 1),
            "signer": "Lò Văn Minh",
            "signer_position": "Phó Chủ tịch UBND huyện",
        },
    ]


class LibraryDemo:
    """Fill the library with the demo documents; every step is safe to repeat."""

    def __init__(self, library, report):
        self.library = library
        self.report = report

    def build(self):
        today = timezone.localdate()
        for data in demo_documents(today):
            self.document(data)
        self.link_replaced_regulation()

    def find(self, number, issuer):
        return LegalDocumentPage.objects.filter(
            number_key=number_key(number), issuing_body__name=issuer
        ).first()

    def document(self, data):
        label = f"Văn bản: {data['number']}"
        existing = self.find(data["number"], data["issuer"])
        if existing:
            self.report(label, created=False)
            return existing
        document_type, _ = DocumentType.objects.get_or_create(name=data["type"])
        issuing_body, _ = IssuingBody.objects.get_or_create(name=data["issuer"])
        field, _ = DocumentField.objects.get_or_create(name=data["field"])
        page = LegalDocumentPage(
            title=data["title"],
            number=data["number"],
            summary=data["summary"],
            document_type=document_type,
            issuing_body=issuing_body,
            field=field,
            issued_on=data["issued_on"],
            effective_from=data.get("effective_from"),
            effective_until=data.get("effective_until"),
            signer=data.get("signer", ""),
            signer_position=data.get("signer_position", ""),
        )
        page.attachments.add(
            LegalDocumentAttachment(file=self.file(data), label="Bản điện tử của văn bản")
        )
        for kind, number, issued_on in data.get("relations", []):
            target = LegalDocumentPage.objects.filter(number_key=number_key(number)).first()
            page.relations.add(
                DocumentRelation(
                    kind=kind,
                    target_page=target,
                    target_number="" if target else number,
                    target_issued_on=None if target else issued_on,
                )
            )
        self.library.add_child(instance=page)
        page.save_revision().publish()
        self.report(label, created=True)
        return page

    def file(self, data):
        """Create the file of a demo document: a PDF for national documents, else a Word file."""
        title = f"{data['type']} {data['number'].replace('/', '-')}"
        lines = [data["issuer"], f"Số: {data['number']}", data["title"], data["summary"]]
        Document = get_document_model()
        document = Document(title=title)
        slug_name = number_key(data["number"]).lower()
        if data["issuer"] in (GOVERNMENT, MINISTRY):
            content = ContentFile(pdf_bytes(lines), name=f"{slug_name}.pdf")
        else:
            content = ContentFile(docx_bytes(lines), name=f"{slug_name}.docx")
        document.file = content
        document.save()
        return document

    def link_replaced_regulation(self):
        """Point the regulation's "replaces 181/QĐ-UBND" at the page of that decision.

        The regulation may have been built before the old decision had a page. Its latest
        revision then gets the link and is published again, so both pages show the relation.
        """
        old = self.find(OLD_REGULATION_NUMBER, DISTRICT)
        relations = DocumentRelation.objects.filter(
            kind=DocumentRelation.Kind.REPLACES, target_page__isnull=True
        ).select_related("document")
        for relation in relations:
            if number_key(relation.target_number) != number_key(OLD_REGULATION_NUMBER):
                continue
            page = relation.document.get_latest_revision_as_object()
            draft_relations = list(page.relations.all())
            for draft_relation in draft_relations:
                if (
                    draft_relation.kind == DocumentRelation.Kind.REPLACES
                    and draft_relation.target_page_id is None
                    and number_key(draft_relation.target_number) == old.number_key
                ):
                    draft_relation.target_page = old
            page.relations = draft_relations
            page.save_revision().publish()
            self.report(to_nfc(f"Liên kết: {page.title} thay thế {old.number}"), created=True)
