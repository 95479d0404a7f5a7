"""Consultations on drafts: status from the dates, moderated comments, refusal after closing."""

import datetime
import io
import unicodedata

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from feedback.consultations import ConsultationComment, ConsultationPage
from feedback.factories import ConsultationCommentFactory, ConsultationPageFactory

from .helpers import aged_token

pytestmark = pytest.mark.django_db

OPENS = datetime.datetime(2026, 12, 1, 7, 30, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2026, 12, 15, 17, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


def comment_data(**overrides):
    return {
        "full_name": "Chu Văn Páo",
        "organisation": "Hợp tác xã Du lịch Pa Ủ",
        "email": "chuvanpao@example.invalid",
        "clause": "Điều 3",
        "text": "Đề nghị bổ sung hỗ trợ đào tạo hướng dẫn viên.",
        "processing_consent": "on",
        "website": "",
        "form_token": aged_token(),
        **overrides,
    }


@pytest.mark.parametrize(
    ("moment", "outcome", "expected"),
    [
        (OPENS - MINUTE, "", ConsultationPage.Status.UPCOMING),
        (OPENS, "", ConsultationPage.Status.OPEN),
        (CLOSES - MINUTE, "", ConsultationPage.Status.OPEN),
        (CLOSES, "", ConsultationPage.Status.CLOSED),
        (CLOSES + MINUTE, "<p>Đã tiếp thu 12 ý kiến.</p>", ConsultationPage.Status.CONCLUDED),
    ],
    ids=["minute-before-opening", "opening", "minute-before-closing", "closing", "concluded"],
)
def test_status_at_boundary_minutes(moment, outcome, expected):
    page = ConsultationPage(opens_at=OPENS, closes_at=CLOSES, outcome=outcome)

    assert page.status_at(moment) == expected


def test_closing_before_opening_invalid():
    from django.core.exceptions import ValidationError

    page = ConsultationPageFactory.build(opens_at=CLOSES, closes_at=OPENS)

    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "closes_at" in error.value.message_dict


def test_comment_stored_pending_and_hidden(client):
    page = ConsultationPageFactory()

    response = client.post(
        page.url, comment_data(full_name=unicodedata.normalize("NFD", "Chu Văn Páo"))
    )

    comment = ConsultationComment.objects.get()
    assert response.status_code == 302
    assert comment.status == ConsultationComment.Status.PENDING
    assert comment.full_name == "Chu Văn Páo"
    assert "Đề nghị bổ sung" not in client.get(page.url).content.decode()
    assert "Cảm ơn bạn" in client.get(response["Location"]).content.decode()


def test_approved_comment_hides_identity(client):
    page = ConsultationPageFactory()
    ConsultationCommentFactory(page=page, status=ConsultationComment.Status.APPROVED)

    html = client.get(page.url).content.decode()

    assert "Đề nghị bổ sung hỗ trợ đào tạo" in html
    assert "Hợp tác xã Du lịch Pa Ủ" in html
    assert "Chu Văn Páo" not in html
    assert "chuvanpao" not in html


def test_comment_rejection_keeps_input(client):
    page = ConsultationPageFactory()

    response = client.post(page.url, comment_data(email="sai-dia-chi", website=""))

    html = response.content.decode()
    assert ConsultationComment.objects.count() == 0
    assert "email hợp lệ" in html
    assert "Đề nghị bổ sung hỗ trợ đào tạo hướng dẫn viên." in html


def test_honeypot_comment_rejected(client):
    page = ConsultationPageFactory()

    client.post(page.url, comment_data(website="http://quang-cao.example"))

    assert ConsultationComment.objects.count() == 0


def test_closed_consultation_refuses_post(client):
    page = ConsultationPageFactory(
        opens_at=timezone.now() - datetime.timedelta(days=10),
        closes_at=timezone.now() - MINUTE,
    )

    get_html = client.get(page.url).content.decode()
    response = client.post(page.url, comment_data())

    assert 'name="text"' not in get_html
    assert "Đã hết thời hạn lấy ý kiến" in get_html
    assert response.status_code == 403
    assert "Góp ý của bạn không được ghi nhận" in response.content.decode()
    assert ConsultationComment.objects.count() == 0


def test_upcoming_consultation_has_no_form(client):
    page = ConsultationPageFactory(
        opens_at=timezone.now() + datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=10),
    )

    html = client.get(page.url).content.decode()

    assert 'name="text"' not in html
    assert "Nhận góp ý từ" in html
    assert client.post(page.url, comment_data()).status_code == 403


def test_index_lists_open_first(client):
    open_page = ConsultationPageFactory(title="Dự thảo đang mở")
    ConsultationPageFactory(
        parent=open_page.get_parent(),
        title="Dự thảo đã đóng",
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )

    html = client.get(open_page.get_parent().url).content.decode()

    assert html.index("Dự thảo đang mở") < html.index("Dự thảo đã đóng")
    assert "Đã hết hạn góp ý" in html


def test_board_moderates_and_exports_xlsx(client, secretary):
    comment = ConsultationCommentFactory(text="=1+1 góp ý về Điều 3")
    client.force_login(secretary)

    response = client.post(
        reverse("feedback_comment:edit", args=[comment.pk]), {"status": "approved"}
    )
    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.status == ConsultationComment.Status.APPROVED

    export = client.get(reverse("feedback_comment:index"), {"export": "xlsx"})
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "Chu Văn Páo" in rows[1]
    assert comment.email in rows[1]
    text_cell = sheet.cell(row=2, column=rows[1].index("=1+1 góp ý về Điều 3") + 1)
    assert text_cell.data_type == "s"


def test_contributor_cannot_open_comments(client, contributor):
    ConsultationCommentFactory()
    client.force_login(contributor)

    response = client.get(reverse("feedback_comment:index"))

    assert response.status_code == 302
