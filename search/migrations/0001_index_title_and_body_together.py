"""Index the concatenated title and body vectors that full-text queries match on PostgreSQL.

Wagtail's PostgreSQL search backend filters on ``title || body``, which neither of the
separate GIN indexes on ``title`` and ``body`` can serve, so every query scanned the whole
index table. SQLite searches through its own FTS5 table and needs nothing here.
"""

from django.db import migrations

INDEX_NAME = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
