"""Staff account writes: second-factor enrolment and verification, password changes."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.security.keys import key_rewrap

if TYPE_CHECKING:
    from django_otp.models import Device

    from veiligwerk.accounts.models import User

RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being enrolled (made on first call)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def _recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """Ten fresh one-time recovery codes; any old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


@transaction.atomic
def totp_enrol_confirm(*, user: User, token: str) -> list[str] | None:
    """Confirm the pending authenticator with a first code. Returns new recovery codes, or None
    when the code is wrong (the pending authenticator stays, so the person can try again)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        audit_record(action=AuditAction.SECOND_FACTOR_FAILED, actor=user)
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save()
    audit_record(action=AuditAction.SECOND_FACTOR_ENROLLED, actor=user)
    return recovery_codes_renew(user=user)


def second_factor_verify(*, user: User, token: str) -> Device | None:
    """Check an authenticator code (each code works once) or a one-time recovery code."""
    token = token.strip().lower()
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            return device
    static = StaticDevice.objects.filter(user=user, name="recovery").first()
    if static is not None and static.verify_token(token):
        audit_record(action=AuditAction.RECOVERY_CODE_USED, actor=user)
        return static
    audit_record(action=AuditAction.SECOND_FACTOR_FAILED, actor=user)
    return None


@transaction.atomic
def password_change(*, user: User, old_password: str, new_password: str) -> None:
    """Set a new password and wrap the user's key under it: the key pair stays the same."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    key_rewrap(user=user, old_password=old_password, new_password=new_password)
    audit_record(action=AuditAction.PASSWORD_CHANGED, actor=user)
