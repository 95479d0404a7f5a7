import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def indexes_of_index_table():
    with connection.cursor() as cursor:
        return {
            name: details["columns"]
            for name, details in connection.introspection.get_constraints(
                cursor, "wagtailsearch_indexentry"
            ).items()
            if details["index"]
        }


def test_title_and_body_index_on_postgresql():
    indexes = indexes_of_index_table()

    if connection.vendor == "postgresql":
        assert "search_indexentry_title_body_gin" in indexes
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["search_indexentry_title_body_gin"],
            )
            definition = cursor.fetchone()[0]
        assert "USING gin" in definition
        assert "(title || body)" in definition
    else:
        # SQLite searches through its FTS5 table; the migration adds nothing there.
        assert "search_indexentry_title_body_gin" not in indexes
