"""Database triggers that make audit events append-only.

PostgreSQL refuses UPDATE and DELETE (TRUNCATE, which only the table owner may run and which
test flushes use, is left alone). SQLite, the embedded demo database, refuses UPDATE only:
Django flushes SQLite tables with DELETE. The hash chain catches whatever gets past a trigger,
including an owner who drops them."""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION security_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER security_auditevent_append_only
    BEFORE UPDATE OR DELETE ON security_auditevent
    FOR EACH ROW EXECUTE FUNCTION security_auditevent_refuse_change();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS security_auditevent_append_only ON security_auditevent;
DROP FUNCTION IF EXISTS security_auditevent_refuse_change();
"""
SQLITE_UP = [
    """CREATE TRIGGER security_auditevent_no_update BEFORE UPDATE ON security_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS security_auditevent_no_update;",
]


def _run(statements_by_vendor):
    def apply(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in [statements] if isinstance(statements, str) else statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("security", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
