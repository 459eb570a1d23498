"""The database itself refuses to change or delete audit events, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from veiligwerk.security.audit import AuditAction, audit_record, audit_verify
from veiligwerk.security.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_database_refuses_to_update_an_audit_event():
    audit_record(action=AuditAction.LOGIN)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(sequence=1).update(action=AuditAction.LOGOUT)
    assert AuditEvent.objects.get(sequence=1).action == AuditAction.LOGIN
    assert audit_verify().ok


def test_deleting_an_audit_event_is_refused_or_caught():
    """PostgreSQL refuses the DELETE; on SQLite (flushed with DELETE, so no delete trigger)
    the chain reports the gap."""
    audit_record(action=AuditAction.LOGIN)
    audit_record(action=AuditAction.LOGOUT)
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    delete = f"DELETE FROM {table} WHERE sequence = 1"  # noqa: S608
    if connection.vendor == "postgresql":
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(delete)
        assert AuditEvent.objects.count() == 2
        assert audit_verify().ok
    else:
        with connection.cursor() as cursor:
            cursor.execute(delete)
        verdict = audit_verify()
        assert not verdict.ok
        assert verdict.first_broken_sequence == 1


def test_appending_still_works_with_the_triggers_in_place():
    for _ in range(3):
        audit_record(action=AuditAction.LOGIN)
    verdict = audit_verify()
    assert verdict.ok
    assert verdict.checked == 3
