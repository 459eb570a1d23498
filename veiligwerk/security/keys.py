"""Lifecycle of staff key pairs: create, unlock, re-wrap, escrow, recover, hold in a session.

A private key exists in the clear only in memory during a request. At rest it is wrapped under
the user's password (Argon2id), sealed to organisation recovery keys, or, during a session,
encrypted under a random secret that lives only in the user's cookie.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from veiligwerk.security import crypto
from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.security.models import KeyEscrow, KeyRecoveryRequest, RecoveryKey, UserKey

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User
    from veiligwerk.tenancy.models import Organisation

SESSION_FIELD = "vw_wrapped_key"


class KeyLocked(Exception):
    """The user's password no longer opens their key (it was reset): recovery is needed."""


@dataclass(frozen=True)
class _Wrapped:
    ciphertext: bytes
    salt: bytes
    opslimit: int
    memlimit: int


def _wrap(*, password: str, secret: bytes) -> _Wrapped:
    salt = crypto.random_bytes(crypto.SALT_SIZE)
    opslimit, memlimit = settings.KEY_WRAP_OPSLIMIT, settings.KEY_WRAP_MEMLIMIT
    kek = crypto.derive_key(password=password, salt=salt, opslimit=opslimit, memlimit=memlimit)
    return _Wrapped(crypto.secret_encrypt(key=kek, plaintext=secret), salt, opslimit, memlimit)


def _unwrap(
    *, password: str, ciphertext: bytes, salt: bytes, opslimit: int, memlimit: int
) -> bytes:
    kek = crypto.derive_key(
        password=password, salt=bytes(salt), opslimit=opslimit, memlimit=memlimit
    )
    return crypto.secret_decrypt(key=kek, ciphertext=bytes(ciphertext))


def fingerprint(public_key: bytes) -> str:
    return crypto.mac(key=b"veiligwerk.fingerprint".ljust(32, b"\0"), message=bytes(public_key))[
        :32
    ]


@transaction.atomic
def key_create(*, user: User, password: str) -> bytes:
    """Give a user their key pair; returns the private key for this request only."""
    pair = crypto.keypair_generate()
    wrapped = _wrap(password=password, secret=pair.private_key)
    user_key = UserKey.objects.create(
        user=user,
        public_key=pair.public_key,
        wrapped_private_key=wrapped.ciphertext,
        kdf_salt=wrapped.salt,
        kdf_opslimit=wrapped.opslimit,
        kdf_memlimit=wrapped.memlimit,
    )
    audit_record(
        action=AuditAction.KEY_CREATED,
        actor=user,
        object_type="user_key",
        object_id=user_key.pk,
        data={"fingerprint": fingerprint(pair.public_key)},
    )
    key_escrow_sync(user=user, private_key=pair.private_key)
    return pair.private_key


def _rewrap(user_key: UserKey, *, password: str, private_key: bytes) -> None:
    wrapped = _wrap(password=password, secret=private_key)
    user_key.wrapped_private_key = wrapped.ciphertext
    user_key.kdf_salt = wrapped.salt
    user_key.kdf_opslimit = wrapped.opslimit
    user_key.kdf_memlimit = wrapped.memlimit
    user_key.save()


def key_unlock(*, user: User, password: str) -> bytes:
    """Open the user's private key with their password, or raise KeyLocked."""
    user_key = UserKey.objects.get(user=user)
    try:
        return _unwrap(
            password=password,
            ciphertext=user_key.wrapped_private_key,
            salt=user_key.kdf_salt,
            opslimit=user_key.kdf_opslimit,
            memlimit=user_key.kdf_memlimit,
        )
    except crypto.CryptoError as exc:
        raise KeyLocked from exc


@transaction.atomic
def key_login(*, user: User, password: str) -> bytes | None:
    """At log-in: create, unlock or finish recovering the user's key.

    Returns the private key, or None when the key is locked and waits for recovery (a recovery
    request is then open, so an officer with the organisation's recovery key can restore it).
    """
    if not UserKey.objects.filter(user=user).exists():
        return key_create(user=user, password=password)
    try:
        private_key = key_unlock(user=user, password=password)
    except KeyLocked:
        return _key_recovery_continue(user=user, password=password)
    key_escrow_sync(user=user, private_key=private_key)
    return private_key


@transaction.atomic
def key_rewrap(*, user: User, old_password: str, new_password: str) -> None:
    """Password change: the same key pair, wrapped under the new password."""
    user_key = UserKey.objects.select_for_update().filter(user=user).first()
    if user_key is None:
        return
    try:
        private_key = key_unlock(user=user, password=old_password)
    except KeyLocked:
        # Waiting for recovery: the pending request must follow the password too, or the
        # officer's recovery could not be opened at the next log-in.
        _recovery_rewrap(user_key, old_password=old_password, new_password=new_password)
        return
    _rewrap(user_key, password=new_password, private_key=private_key)
    audit_record(
        action=AuditAction.KEY_REWRAPPED, actor=user, object_type="user_key", object_id=user_key.pk
    )


def _recovery_rewrap(user_key: UserKey, *, old_password: str, new_password: str) -> None:
    pending = (
        user_key.recoveries.exclude(state=KeyRecoveryRequest.State.COMPLETED)
        .order_by("-created_at")
        .first()
    )
    if pending is None:
        return
    try:
        ephemeral_private = _unwrap(
            password=old_password,
            ciphertext=pending.wrapped_ephemeral_private_key,
            salt=pending.kdf_salt,
            opslimit=pending.kdf_opslimit,
            memlimit=pending.kdf_memlimit,
        )
    except crypto.CryptoError:
        return
    wrapped = _wrap(password=new_password, secret=ephemeral_private)
    pending.wrapped_ephemeral_private_key = wrapped.ciphertext
    pending.kdf_salt = wrapped.salt
    pending.kdf_opslimit = wrapped.opslimit
    pending.kdf_memlimit = wrapped.memlimit
    pending.save()


def key_escrow_sync(*, user: User, private_key: bytes) -> int:
    """Seal the private key to the active recovery key of every organisation the user serves."""
    from veiligwerk.tenancy.selectors import organisations_for_escrow

    user_key = UserKey.objects.get(user=user)
    created = 0
    for recovery_key in RecoveryKey.objects.filter(
        organisation__in=organisations_for_escrow(user=user), retired_at__isnull=True
    ).exclude(escrows__user_key=user_key):
        KeyEscrow.objects.create(
            user_key=user_key,
            recovery_key=recovery_key,
            sealed_private_key=crypto.seal(
                public_key=bytes(recovery_key.public_key), plaintext=private_key
            ),
        )
        audit_record(
            action=AuditAction.KEY_ESCROWED,
            actor=user,
            organisation_id=recovery_key.organisation_id,
            object_type="user_key",
            object_id=user_key.pk,
        )
        created += 1
    return created


@transaction.atomic
def recovery_key_create(*, organisation: Organisation, by: User) -> str:
    """A new recovery key pair for an organisation. Returns the private half, to show once."""
    retiring = RecoveryKey.objects.filter(organisation=organisation, retired_at__isnull=True)
    # The old key may have leaked: destroy the copies sealed to it. Members are sealed to the
    # new key at their next log-in.
    KeyEscrow.objects.filter(recovery_key__in=retiring).delete()
    retiring.update(retired_at=timezone.now())
    pair = crypto.keypair_generate()
    recovery_key = RecoveryKey.objects.create(
        organisation=organisation,
        public_key=pair.public_key,
        fingerprint=fingerprint(pair.public_key),
        created_by=by,
    )
    audit_record(
        action=AuditAction.RECOVERY_KEY_CREATED,
        actor=by,
        sector_id=organisation.sector_id,
        organisation_id=organisation.pk,
        object_type="recovery_key",
        object_id=recovery_key.pk,
        data={"fingerprint": recovery_key.fingerprint},
    )
    return crypto.encode_key(pair.private_key)


def _key_recovery_continue(*, user: User, password: str) -> bytes | None:
    user_key = UserKey.objects.select_for_update().get(user=user)
    pending = (
        user_key.recoveries.exclude(state=KeyRecoveryRequest.State.COMPLETED)
        .order_by("-created_at")
        .first()
    )
    if pending is not None:
        try:
            ephemeral_private = _unwrap(
                password=password,
                ciphertext=pending.wrapped_ephemeral_private_key,
                salt=pending.kdf_salt,
                opslimit=pending.kdf_opslimit,
                memlimit=pending.kdf_memlimit,
            )
        except crypto.CryptoError:
            pending.delete()  # the password changed again; open a fresh request below
            pending = None
    if pending is None:
        ephemeral = crypto.keypair_generate()
        wrapped = _wrap(password=password, secret=ephemeral.private_key)
        KeyRecoveryRequest.objects.create(
            user_key=user_key,
            ephemeral_public_key=ephemeral.public_key,
            wrapped_ephemeral_private_key=wrapped.ciphertext,
            kdf_salt=wrapped.salt,
            kdf_opslimit=wrapped.opslimit,
            kdf_memlimit=wrapped.memlimit,
        )
        audit_record(
            action=AuditAction.KEY_LOCKED, actor=user, object_type="user_key", object_id=user_key.pk
        )
        return None
    if pending.state != KeyRecoveryRequest.State.RECOVERED or pending.sealed_private_key is None:
        return None
    private_key = crypto.unseal(
        private_key=ephemeral_private, ciphertext=bytes(pending.sealed_private_key)
    )
    _rewrap(user_key, password=password, private_key=private_key)
    pending.state = KeyRecoveryRequest.State.COMPLETED
    pending.sealed_private_key = None
    pending.save()
    audit_record(
        action=AuditAction.KEY_RECOVERY_COMPLETED,
        actor=user,
        object_type="user_key",
        object_id=user_key.pk,
    )
    return private_key


class RecoveryFailed(Exception):
    """The recovery key does not open this user's escrowed key."""


@transaction.atomic
def key_recover(*, request: KeyRecoveryRequest, recovery_private_key: str, by: User) -> None:
    """Restore a locked key with an organisation's offline recovery key.

    The user's private key is unsealed from escrow in memory and sealed again to the request's
    ephemeral key, which only the user's current password opens.
    """
    try:
        private = crypto.decode_key(recovery_private_key)
        public = crypto.public_key_of(private)
    except crypto.CryptoError as exc:
        raise RecoveryFailed from exc
    escrow = (
        KeyEscrow.objects.select_related("recovery_key")
        .filter(user_key=request.user_key)
        .filter(recovery_key__fingerprint=fingerprint(public))
        .first()
    )
    if escrow is None:
        raise RecoveryFailed
    try:
        user_private = crypto.unseal(
            private_key=private, ciphertext=bytes(escrow.sealed_private_key)
        )
    except crypto.CryptoError as exc:
        raise RecoveryFailed from exc
    if not crypto.constant_time_equal(
        crypto.public_key_of(user_private), bytes(request.user_key.public_key)
    ):
        raise RecoveryFailed
    request.sealed_private_key = crypto.seal(
        public_key=bytes(request.ephemeral_public_key), plaintext=user_private
    )
    request.state = KeyRecoveryRequest.State.RECOVERED
    request.recovered_by = by
    # Only these fields: the user may have re-wrapped the request meanwhile (password change).
    request.save(update_fields=["sealed_private_key", "state", "recovered_by", "updated_at"])
    audit_record(
        action=AuditAction.KEY_RECOVERED,
        actor=by,
        organisation_id=escrow.recovery_key.organisation_id,
        object_type="user_key",
        object_id=request.user_key_id,
    )


# --- Holding the unlocked key during a session ---------------------------------------------


def session_secret_store(session: SessionBase, field: str, plaintext: bytes) -> str:
    """Keep a secret in the server-side session, encrypted under a fresh random key.

    Returns that key (encoded) for the user's cookie: a copy of the session store alone reveals
    nothing."""
    cookie_secret = crypto.random_bytes()
    session_secret_put(session, field, plaintext, cookie_secret=cookie_secret)
    return base64.urlsafe_b64encode(cookie_secret).decode("ascii")


def session_secret_put(
    session: SessionBase, field: str, plaintext: bytes, *, cookie_secret: bytes
) -> None:
    """Store a secret in the session under an existing cookie secret."""
    session[field] = base64.b64encode(
        crypto.secret_encrypt(key=cookie_secret, plaintext=plaintext)
    ).decode("ascii")


def session_secret_load(session: SessionBase, field: str, cookie: str | None) -> bytes | None:
    """The secret stored under `field`, or None (absent, cookie lost or tampered)."""
    stored = session.get(field)
    secret = cookie_secret_decode(cookie)
    if not stored or secret is None:
        return None
    try:
        return crypto.secret_decrypt(key=secret, ciphertext=base64.b64decode(stored))
    except (crypto.CryptoError, ValueError):
        return None


def cookie_secret_decode(cookie: str | None) -> bytes | None:
    if not cookie:
        return None
    try:
        secret = base64.urlsafe_b64decode(cookie.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return None
    return secret if len(secret) == crypto.KEY_SIZE else None


def session_key_store(session: SessionBase, private_key: bytes) -> str:
    """Keep the unlocked staff key in the session; returns the secret for the user's cookie."""
    return session_secret_store(session, SESSION_FIELD, private_key)


def session_key_put(request: HttpRequest, response: HttpResponse, private_key: bytes) -> None:
    """Store the unlocked key for this session and send its secret to the browser only."""
    response.set_cookie(
        settings.KEY_SESSION_COOKIE_NAME,
        session_key_store(request.session, private_key),
        max_age=None,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def session_key_get(request: HttpRequest) -> bytes | None:
    """The unlocked private key for this request, or None (not unlocked, cookie lost, tampered)."""
    return session_secret_load(
        request.session, SESSION_FIELD, request.COOKIES.get(settings.KEY_SESSION_COOKIE_NAME)
    )


def session_key_clear(response: HttpResponse) -> None:
    response.delete_cookie(settings.KEY_SESSION_COOKIE_NAME, samesite="Strict")
