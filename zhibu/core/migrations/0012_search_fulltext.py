"""The full-text index over core_searchentry, one per engine (core.search_index queries both the same
way): on SQLite an FTS5 table with external content and the three triggers that keep it in step
with every INSERT/UPDATE/DELETE of the entries (bulk ones too); on PostgreSQL a generated tsvector
column ('simple' configuration: the text is segmented already, so no stemming or stop words) with a
GIN index. The tokens are space-separated words and bigrams made by core.search_text.

A later AlterField on SearchEntry that makes Django rebuild the SQLite table drops the triggers:
such a migration must run this one's SQL again (and `manage.py search_reindex`).
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE core_searchentry_fts USING fts5("
    "title_tokens, body_tokens, content='core_searchentry', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER core_searchentry_fts_ai AFTER INSERT ON core_searchentry BEGIN "
    "INSERT INTO core_searchentry_fts(rowid, title_tokens, body_tokens) "
    "VALUES (new.id, new.title_tokens, new.body_tokens); END",
    "CREATE TRIGGER core_searchentry_fts_ad AFTER DELETE ON core_searchentry BEGIN "
    "INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, title_tokens, body_tokens) "
    "VALUES ('delete', old.id, old.title_tokens, old.body_tokens); END",
    "CREATE TRIGGER core_searchentry_fts_au AFTER UPDATE ON core_searchentry BEGIN "
    "INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, title_tokens, body_tokens) "
    "VALUES ('delete', old.id, old.title_tokens, old.body_tokens); "
    "INSERT INTO core_searchentry_fts(rowid, title_tokens, body_tokens) "
    "VALUES (new.id, new.title_tokens, new.body_tokens); END",
]
SQLITE_BACK = [
    "DROP TRIGGER IF EXISTS core_searchentry_fts_au",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_ad",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_ai",
    "DROP TABLE IF EXISTS core_searchentry_fts",
]
POSTGRES = [
    "ALTER TABLE core_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body_tokens), 'B')) STORED",
    "CREATE INDEX core_searchentry_vector ON core_searchentry USING gin (search_vector)",
]
POSTGRES_BACK = [
    "DROP INDEX IF EXISTS core_searchentry_vector",
    "ALTER TABLE core_searchentry DROP COLUMN IF EXISTS search_vector",
]
BY_VENDOR = {"sqlite": (SQLITE, SQLITE_BACK), "postgresql": (POSTGRES, POSTGRES_BACK)}


def forwards(apps, schema_editor):
    for sql in BY_VENDOR.get(schema_editor.connection.vendor, ((), ()))[0]:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for sql in BY_VENDOR.get(schema_editor.connection.vendor, ((), ()))[1]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("core", "0011_search_entry")]
    operations = [migrations.RunPython(forwards, backwards)]
