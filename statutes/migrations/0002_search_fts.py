"""On SQLite, an FTS5 index over SearchEntry (PostgreSQL uses its own full-text search instead)."""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE IF NOT EXISTS statutes_search_fts USING fts5(
    title, citation, body, content='statutes_searchentry', content_rowid='id', tokenize='porter unicode61'
)
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS statutes_search_fts")


class Migration(migrations.Migration):
    dependencies = [("statutes", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
