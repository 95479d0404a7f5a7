"""sitemap.xml lists the live, public pages and nothing else."""

import pytest
from wagtail.models import PageViewRestriction

from news.factories import ArticlePageFactory, SectionPageFactory
from units.factories import UnitIndexPageFactory, UnitPageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages_only(client, home_page):
    section = SectionPageFactory(title="Tin tức - Sự kiện")
    live = ArticlePageFactory(parent=section, title="Đại hội Đảng bộ xã Mù Cả")
    draft = ArticlePageFactory(parent=section, title="Bản nháp chưa duyệt", live=False)
    private = ArticlePageFactory(parent=section, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unit = UnitPageFactory(parent=UnitIndexPageFactory(), title="Xã Thu Lũm")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    xml = response.content.decode()
    for page in (home_page, section, live, unit):
        assert f"<loc>{page.full_url}</loc>" in xml
    assert draft.slug not in xml
    assert private.slug not in xml
    assert live.full_url.endswith("/tin-tuc-su-kien/dai-hoi-dang-bo-xa-mu-ca/")
