"""The audit trail: an append-only chain of security-relevant events.

Each event's hash is a keyed BLAKE2b over the previous hash and the event's canonical content,
so editing, deleting or inserting a row breaks the chain at that point. The key derives from
the deployment's secret key, so someone who can write to the database alone cannot re-chain.
Event data must never carry report content or identities: ids and action names only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from veiligwerk.security import crypto
from veiligwerk.security.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64


class AuditAction:
    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login_failed"
    LOGIN_THROTTLED = "auth.login_throttled"
    LOGOUT = "auth.logout"
    SECOND_FACTOR_ENROLLED = "auth.second_factor_enrolled"
    SECOND_FACTOR_FAILED = "auth.second_factor_failed"
    RECOVERY_CODE_USED = "auth.recovery_code_used"
    PASSWORD_CHANGED = "auth.password_changed"  # noqa: S105 - an event name
    PASSWORD_RESET = "auth.password_reset"  # noqa: S105 - an event name
    ROLE_GRANTED = "role.granted"
    ROLE_REVOKED = "role.revoked"
    KEY_CREATED = "key.created"
    KEY_REWRAPPED = "key.rewrapped"
    KEY_ESCROWED = "key.escrowed"
    KEY_LOCKED = "key.locked"
    KEY_RECOVERED = "key.recovered"
    KEY_RECOVERY_COMPLETED = "key.recovery_completed"
    RECOVERY_KEY_CREATED = "recovery_key.created"
    REPORT_READ = "report.read"
    REPORT_MESSAGE_SENT = "report.message_sent"
    REPORT_ACKNOWLEDGED = "report.acknowledged"
    REPORT_ORAL_REGISTERED = "report.oral_registered"
    REPORT_ATTACHMENT_READ = "report.attachment_read"
    PLAN_CREATED = "plan.created"
    PLAN_CHANGED = "plan.changed"
    PLAN_PERIOD_OPENED = "plan.period_opened"
    PLAN_UPDATE_SAVED = "plan.update_saved"
    PLAN_UPDATE_SUBMITTED = "plan.update_submitted"
    PLAN_UPDATE_APPROVED = "plan.update_approved"
    PLAN_UPDATE_RETURNED = "plan.update_returned"
    PLAN_PERIOD_PUBLISHED = "plan.period_published"
    PLAN_CONTRACTS_CHECKED = "plan.contracts_checked"


def _chain_key() -> bytes:
    return f"veiligwerk.audit-chain:{settings.SECRET_KEY}".encode()[:64].ljust(32, b"\0")


def _canonical(event: AuditEvent) -> bytes:
    body = {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.isoformat(),
        "action": event.action,
        "actor": event.actor_id,
        "sector": event.sector_id_ref,
        "organisation": event.organisation_id_ref,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "data": event.data,
        "previous_hash": event.previous_hash,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()


def _event_hash(event: AuditEvent) -> str:
    return crypto.mac(key=_chain_key(), message=_canonical(event))


@transaction.atomic
def audit_record(
    *,
    action: str,
    actor: Any = None,
    sector_id: int | None = None,
    organisation_id: int | None = None,
    object_type: str = "",
    object_id: str | int = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. Serialised through the locked chain head, so the chain never forks."""
    head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
    actor_id = getattr(actor, "pk", actor)
    event = AuditEvent(
        sequence=head.sequence + 1,
        occurred_at=timezone.now().replace(microsecond=0),
        action=action,
        actor_id=actor_id if actor_id else None,
        sector_id_ref=sector_id,
        organisation_id_ref=organisation_id,
        object_type=object_type,
        object_id=str(object_id),
        data=data or {},
        previous_hash=head.hash,
    )
    event.hash = _event_hash(event)
    event.save()
    head.sequence = event.sequence
    head.hash = event.hash
    head.save(update_fields=["sequence", "hash"])
    return event


@dataclass(frozen=True)
class ChainVerdict:
    ok: bool
    checked: int
    first_broken_sequence: int | None = None
    reason: str = ""


def audit_verify() -> ChainVerdict:
    """Walk the chain from the start; report the first link that does not hold."""
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000):
        if event.sequence != expected_sequence:
            return ChainVerdict(
                False, checked, expected_sequence, "missing event (a row was deleted)"
            )
        if not crypto.constant_time_equal(event.previous_hash, expected_previous):
            return ChainVerdict(
                False, checked, event.sequence, "link to the previous event does not match"
            )
        if not crypto.constant_time_equal(event.hash, _event_hash(event)):
            return ChainVerdict(False, checked, event.sequence, "content was changed")
        expected_previous = event.hash
        expected_sequence += 1
        checked += 1
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and head.sequence != checked:
        return ChainVerdict(
            False, checked, checked + 1, "chain ends early (the newest rows were deleted)"
        )
    return ChainVerdict(True, checked)
