import pytest
from wagtail.models import Page

from documents.factories import LegalDocumentIndexPageFactory


@pytest.fixture
def home():
    return Page.objects.get(slug="home")


@pytest.fixture
def library(home):
    return LegalDocumentIndexPageFactory(parent=home, title="Văn bản", slug="van-ban")
