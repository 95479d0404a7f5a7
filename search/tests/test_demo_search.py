"""On the demo site, each query of the search requirements finds the expected page first."""

import unicodedata

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

REGULATION = "Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử huyện Mường Tè"
OLD_REGULATION = REGULATION + " (năm 2017)"

CASES = [
    ("muong te", "Xã Mường Tè"),
    ("Mường Tè", "Xã Mường Tè"),
    (unicodedata.normalize("NFD", "Mường Tè"), "Xã Mường Tè"),
    ("dau thau", "Dự án - Đấu thầu"),
    ("đấu thầu", "Dự án - Đấu thầu"),
    ("chính sách", REGULATION),
    ("chinh sach", REGULATION),
    ("181/QĐ-UBND", OLD_REGULATION),
    ("181/qd-ubnd", OLD_REGULATION),
    ("181 QĐ UBND", OLD_REGULATION),
    ("181/QD-UBND", OLD_REGULATION),
]


def test_demo_queries_find_expected_page_first(client):
    call_command("load_demo_content", verbosity=0)

    first_titles = {}
    for query, _expected in CASES:
        response = client.get(reverse("search"), {"q": query})
        assert response.status_code == 200
        results = response.context["results"]
        first_titles[query] = results[0]["page"].title if results else None

    for query, expected in CASES:
        assert first_titles[query] == expected, query
