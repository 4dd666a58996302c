"""On PostgreSQL, a GIN index over SearchEntry.search_vector (SQLite uses its FTS5 table instead)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS statutes_searchentry_vector_gin ON statutes_searchentry USING GIN (search_vector)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS statutes_searchentry_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("statutes", "0006_search_vector")]
    operations = [migrations.RunPython(forwards, backwards)]
