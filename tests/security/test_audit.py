"""The audit log is a hash chain: any edit, deletion or insertion is found by audit_verify."""

from __future__ import annotations

import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import UserFactory
from veiligwerk.security import crypto
from veiligwerk.security.audit import GENESIS_HASH, AuditAction, audit_record, audit_verify
from veiligwerk.security.models import AuditEvent, AuditHead

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _intruder_dropped_the_triggers():
    """These tests play an intruder who owns the database and so can drop the append-only
    triggers (tests/security/test_audit_triggers.py shows they hold otherwise); the chain must
    still give them away. Dropped inside the test's transaction, so later tests get them back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "DROP TRIGGER IF EXISTS security_auditevent_append_only ON security_auditevent"
            )
        else:
            cursor.execute("DROP TRIGGER IF EXISTS security_auditevent_no_update")


def _chain(length: int = 5) -> list[AuditEvent]:
    actor = UserFactory()
    return [
        audit_record(
            action=AuditAction.LOGIN,
            actor=actor,
            sector_id=7,
            organisation_id=11,
            object_type="user",
            object_id=actor.pk,
            data={"step": n},
        )
        for n in range(1, length + 1)
    ]


def _raw_delete(*sequences: int) -> None:
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        for sequence in sequences:
            cursor.execute(f"DELETE FROM {table} WHERE sequence = %s", [sequence])  # noqa: S608


def _forged(*, sequence: int, previous_hash: str, like: AuditEvent) -> AuditEvent:
    """A row an intruder with database access writes: the hash is a guess, because the chain
    key derives from the deployment's secret key, which the intruder lacks."""
    forged = AuditEvent(
        sequence=sequence,
        occurred_at=like.occurred_at,
        action=AuditAction.ROLE_GRANTED,
        actor_id=like.actor_id,
        object_type="membership",
        object_id="999",
        data={"role": "platform_admin"},
        previous_hash=previous_hash,
    )
    forged.hash = crypto.mac(key=b"guessed-key".ljust(32, b"\0"), message=b"forged")
    return forged


# --- Building the chain --------------------------------------------------------------------------


def test_first_event_links_to_the_genesis_hash():
    first = _chain(1)[0]
    assert first.sequence == 1
    assert first.previous_hash == GENESIS_HASH


def test_each_event_links_to_the_one_before():
    events = _chain(4)
    assert [e.sequence for e in events] == [1, 2, 3, 4]
    for previous, event in itertools.pairwise(events):
        assert event.previous_hash == previous.hash


def test_every_event_hash_is_distinct():
    events = _chain(6)
    assert len({e.hash for e in events}) == 6


def test_chain_head_follows_the_newest_event():
    events = _chain(3)
    head = AuditHead.objects.get(id=1)
    assert (head.sequence, head.hash) == (3, events[-1].hash)


def test_actor_can_be_given_as_an_id_or_left_out():
    user = UserFactory()
    by_id = audit_record(action=AuditAction.LOGIN, actor=user.pk)
    anonymous = audit_record(action=AuditAction.LOGIN_FAILED)
    assert by_id.actor_id == user.pk
    assert anonymous.actor_id is None
    assert audit_verify().ok


# --- Verifying it ------------------------------------------------------------------------------------


def test_empty_log_verifies():
    verdict = audit_verify()
    assert verdict.ok
    assert verdict.checked == 0


def test_intact_chain_verifies():
    _chain(5)
    verdict = audit_verify()
    assert verdict.ok
    assert verdict.checked == 5
    assert verdict.first_broken_sequence is None


def test_edited_action_is_detected_at_that_event():
    _chain(5)
    AuditEvent.objects.filter(sequence=3).update(action=AuditAction.LOGOUT)
    verdict = audit_verify()
    assert not verdict.ok
    assert verdict.first_broken_sequence == 3
    assert verdict.checked == 2
    assert "changed" in verdict.reason


def test_edited_data_is_detected_at_that_event():
    _chain(5)
    AuditEvent.objects.filter(sequence=2).update(data={"step": 99})
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 2)


def test_edited_actor_is_detected_at_that_event():
    _chain(5)
    AuditEvent.objects.filter(sequence=4).update(actor=UserFactory())
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 4)


def test_edited_time_is_detected_at_that_event():
    events = _chain(5)
    AuditEvent.objects.filter(sequence=1).update(
        occurred_at=events[4].occurred_at.replace(year=2001)
    )
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 1)


def test_edited_hash_is_detected_at_that_event():
    _chain(5)
    AuditEvent.objects.filter(sequence=3).update(hash="f" * 64)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 3)


def test_relinked_event_is_detected_at_that_event():
    _chain(5)
    AuditEvent.objects.filter(sequence=3).update(previous_hash=GENESIS_HASH)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 3)
    assert "previous" in verdict.reason


def test_deleted_row_in_the_middle_is_detected_at_its_place():
    _chain(5)
    _raw_delete(3)
    verdict = audit_verify()
    assert not verdict.ok
    assert verdict.first_broken_sequence == 3
    assert "deleted" in verdict.reason


def test_deleted_first_row_is_detected():
    _chain(5)
    _raw_delete(1)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 1)


def test_deleted_row_with_renumbered_successors_is_detected():
    """Closing the gap by renumbering does not help: the link no longer matches."""
    _chain(5)
    _raw_delete(3)
    for sequence in (4, 5):
        AuditEvent.objects.filter(sequence=sequence).update(sequence=sequence - 1)
    AuditHead.objects.filter(id=1).update(sequence=4)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 3)


def test_deleted_newest_rows_are_detected():
    _chain(5)
    _raw_delete(4, 5)
    verdict = audit_verify()
    assert not verdict.ok
    assert verdict.first_broken_sequence == 4
    assert verdict.checked == 3
    assert "newest" in verdict.reason


def test_deleted_newest_row_is_detected():
    _chain(5)
    _raw_delete(5)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 5)


def test_queryset_delete_of_a_row_is_detected():
    _chain(5)
    AuditEvent.objects.filter(sequence=2).delete()
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 2)


def test_inserted_row_in_the_middle_is_detected_at_the_forgery():
    events = _chain(5)
    # Make room after event 2 and slip a forged event in, linked to event 2.
    for sequence in (5, 4, 3):
        AuditEvent.objects.filter(sequence=sequence).update(sequence=sequence + 1)
    _forged(sequence=3, previous_hash=events[1].hash, like=events[1]).save()
    AuditHead.objects.filter(id=1).update(sequence=6)
    verdict = audit_verify()
    assert not verdict.ok
    assert verdict.first_broken_sequence == 3
    assert verdict.checked == 2


def test_appended_forged_row_is_detected():
    events = _chain(5)
    forged = _forged(sequence=6, previous_hash=events[-1].hash, like=events[-1])
    forged.save()
    AuditHead.objects.filter(id=1).update(sequence=6, hash=forged.hash)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 6)


def test_forged_row_hashed_with_the_unkeyed_content_is_detected():
    """Recomputing a plain hash over the row's content is not enough to forge a link."""
    events = _chain(3)
    forged = _forged(sequence=4, previous_hash=events[-1].hash, like=events[-1])
    forged.hash = crypto.mac(key=b"\0" * 32, message=b"")  # any key but the deployment's
    forged.save()
    AuditHead.objects.filter(id=1).update(sequence=4, hash=forged.hash)
    assert audit_verify().first_broken_sequence == 4


def test_recording_after_tampering_keeps_the_break_visible():
    _chain(5)
    AuditEvent.objects.filter(sequence=2).update(action=AuditAction.LOGOUT)
    audit_record(action=AuditAction.LOGIN)
    verdict = audit_verify()
    assert (verdict.ok, verdict.first_broken_sequence) == (False, 2)


# --- The management command ------------------------------------------------------------------------


def test_audit_verify_command_reports_an_intact_chain(capsys):
    _chain(4)
    call_command("audit_verify")
    assert "Audit chain intact: 4 events." in capsys.readouterr().out


def test_audit_verify_command_fails_naming_the_broken_event():
    _chain(4)
    AuditEvent.objects.filter(sequence=3).update(object_id="other")
    with pytest.raises(CommandError, match=r"broken at event 3\b"):
        call_command("audit_verify")


def test_audit_verify_command_fails_on_deleted_newest_rows():
    _chain(4)
    _raw_delete(4)
    with pytest.raises(CommandError, match=r"broken at event 4\b.*newest"):
        call_command("audit_verify")


# --- Append-only model ----------------------------------------------------------------------------


def test_saving_an_existing_event_is_refused():
    event = _chain(1)[0]
    event.action = AuditAction.LOGOUT
    with pytest.raises(RuntimeError, match="append-only"):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.LOGIN


def test_deleting_an_event_is_refused():
    event = _chain(1)[0]
    with pytest.raises(RuntimeError, match="append-only"):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()
