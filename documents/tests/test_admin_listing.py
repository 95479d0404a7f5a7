import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from documents.factories import (
    DocumentTypeFactory,
    IssuingBodyFactory,
    LegalDocumentPageFactory,
)


@pytest.fixture
def listing_documents(library):
    plan = DocumentTypeFactory(name="Kế hoạch")
    return {
        "decision": LegalDocumentPageFactory(
            parent=library,
            title="Quyết định về công tác văn thư",
            number="181/QĐ-UBND",
            summary="Về việc ban hành quy định công tác văn thư, lưu trữ",
            signer="Lò Văn Minh",
            issued_on=datetime.date(2017, 3, 10),
            effective_until=datetime.date(2020, 12, 31),
        ),
        "plan": LegalDocumentPageFactory(
            parent=library,
            title="Kế hoạch trồng sâm Lai Châu",
            number="88/KH-UBND",
            summary="Phát triển cây sâm Lai Châu dưới tán rừng",
            document_type=plan,
            issuing_body=IssuingBodyFactory(name="HĐND huyện Mường Tè"),
            issued_on=datetime.date(2024, 5, 20),
        ),
    }


def index_url(**params):
    url = reverse("legal_documents:index")
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def exported_csv(response):
    assert response.status_code == 200
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_listing_shows_documents(admin_client, listing_documents):
    response = admin_client.get(index_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "181/QĐ-UBND" in html
    assert "88/KH-UBND" in html
    assert "Hết hiệu lực" in html


@pytest.mark.django_db
def test_listing_filters_by_status(admin_client, listing_documents):
    response = admin_client.get(index_url(status="expired"))
    pages = list(response.context["object_list"])
    assert [page.pk for page in pages] == [listing_documents["decision"].pk]


@pytest.mark.django_db
def test_listing_search_by_number(admin_client, listing_documents):
    response = admin_client.get(index_url(q="181 qd ubnd"))
    pages = list(response.context["object_list"])
    assert [page.pk for page in pages] == [listing_documents["decision"].pk]


@pytest.mark.django_db
def test_listing_bad_filter_no_error(admin_client, listing_documents):
    response = admin_client.get(index_url(status="bogus", year="abc", document_type="x"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_csv_export_keeps_vietnamese(admin_client, listing_documents):
    rows = exported_csv(admin_client.get(index_url(export="csv")))
    assert rows[0][:3] == ["Số ký hiệu", "Tiêu đề", "Loại văn bản"]
    numbers = [row[0] for row in rows[1:]]
    assert numbers == ["88/KH-UBND", "181/QĐ-UBND"]
    decision = rows[2]
    assert "Quyết định về công tác văn thư" in decision
    assert "Lò Văn Minh" in decision
    assert "Hết hiệu lực" in decision


@pytest.mark.django_db
def test_csv_export_follows_filters(admin_client, listing_documents):
    plan_type = listing_documents["plan"].document_type
    rows = exported_csv(admin_client.get(index_url(export="csv", document_type=plan_type.pk)))
    assert [row[0] for row in rows[1:]] == ["88/KH-UBND"]
    assert "HĐND huyện Mường Tè" in rows[1]


@pytest.mark.django_db
def test_xlsx_export_keeps_vietnamese(admin_client, listing_documents):
    response = admin_client.get(index_url(export="xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Số ký hiệu", "Tiêu đề")
    assert rows[1][0] == "88/KH-UBND"
    assert rows[1][1] == "Kế hoạch trồng sâm Lai Châu"
    assert rows[2][0] == "181/QĐ-UBND"
    assert "Còn hiệu lực" in rows[1]


@pytest.mark.django_db
def test_listing_needs_admin_access(client, listing_documents):
    response = client.get(index_url())
    assert response.status_code == 302


@pytest.mark.django_db
def test_csv_export_defuses_formulas(admin_client, library):
    LegalDocumentPageFactory(
        parent=library,
        number="9/TB-UBND",
        summary='=HYPERLINK("http://example.invalid","Bấm vào đây")',
    )
    rows = exported_csv(admin_client.get(index_url(export="csv")))
    summary_column = rows[0].index("Trích yếu")
    assert rows[1][summary_column] == '\'=HYPERLINK("http://example.invalid","Bấm vào đây")'
