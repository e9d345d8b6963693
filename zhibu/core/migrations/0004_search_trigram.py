"""pg_trgm GIN indexes for the search box on PostgreSQL (substring search over Chinese text).
SQLite needs nothing: its LIKE scan is fast enough for one school."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS core_person_name_trgm ON core_person USING gin (name gin_trgm_ops);"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS core_person_name_trgm;")


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_base_manager")]
    operations = [migrations.RunPython(forwards, backwards)]
