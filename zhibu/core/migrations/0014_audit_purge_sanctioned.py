"""PostgreSQL's append-only trigger lets one DELETE through: the retention purge's, in a transaction
that set `zhibu.audit_purge` (SET LOCAL: it ends with that transaction; core/audit_retention.py).
UPDATE stays refused always. SQLite has no DELETE trigger (see 0002); the application refuses there."""

from django.db import migrations

FORWARDS = """CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
   BEGIN
     IF TG_OP = 'DELETE' AND current_setting('zhibu.audit_purge', true) = 'on' THEN RETURN OLD; END IF;
     RAISE EXCEPTION 'audit entries are append-only';
   END; $$ LANGUAGE plpgsql;"""
BACKWARDS = """CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
   BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql;"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("core", "0013_person_id_number_unique_present")]
    operations = [migrations.RunPython(forwards, backwards)]
