import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_page_url_path_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")

    index = constraints["home_page_url_path"]

    assert index["index"]
    assert index["columns"] == ["url_path"]
    if connection.vendor == "postgresql":
        # A hash index has no size limit on the indexed value, unlike a btree.
        assert index["type"] == "hash"
