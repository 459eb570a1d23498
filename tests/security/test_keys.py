"""Staff key pairs: created at first log-in, wrapped under the password, kept across password
changes, held in a session without the server alone being able to read them, escrowed to the
organisation's recovery key and restored with it after a password reset."""

from __future__ import annotations

import base64

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client, RequestFactory

from tests.factories import PASSWORD, OrganisationFactory, UserFactory, member
from veiligwerk.accounts.services import password_change
from veiligwerk.security import crypto
from veiligwerk.security.keys import (
    KeyLocked,
    RecoveryFailed,
    key_login,
    key_recover,
    key_unlock,
    recovery_key_create,
    session_key_get,
    session_key_store,
)
from veiligwerk.security.models import (
    AuditEvent,
    KeyEscrow,
    KeyRecoveryRequest,
    RecoveryKey,
    UserKey,
)
from veiligwerk.tenancy.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-password-after-reset-77"


def _forms_of(secret: bytes) -> list[bytes]:
    """The ways a key could leak into storage: raw, hex, base64 (both alphabets)."""
    return [
        secret,
        secret.hex().encode(),
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
        base64.b64encode(secret).rstrip(b"="),
        base64.b32encode(secret).rstrip(b"="),
    ]


def _row_bytes(user_key: UserKey) -> bytes:
    return b"|".join(
        [
            bytes(user_key.public_key),
            bytes(user_key.wrapped_private_key),
            bytes(user_key.kdf_salt),
            str(user_key.kdf_opslimit).encode(),
            str(user_key.kdf_memlimit).encode(),
        ]
    )


def _reset_password(user, password: str = NEW_PASSWORD) -> None:
    """What Django's password-reset form does: a new password, without the old one."""
    user.set_password(password)
    user.save()


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def admin():
    return member(Role.PLATFORM_ADMIN)


@pytest.fixture
def adviser(organisation):
    return member(Role.CONFIDENTIAL_ADVISER, organisation=organisation)


# --- Creation and unlocking --------------------------------------------------------------------------


def test_first_log_in_creates_a_key_pair(adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    user_key = UserKey.objects.get(user=adviser)
    assert crypto.public_key_of(private_key) == bytes(user_key.public_key)


def test_first_log_in_records_key_created_in_the_audit_log(adviser):
    key_login(user=adviser, password=PASSWORD)
    assert AuditEvent.objects.filter(action="key.created", actor=adviser).count() == 1


def test_stored_key_row_does_not_hold_the_private_key(adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    stored = _row_bytes(UserKey.objects.get(user=adviser))
    for form in _forms_of(private_key):
        assert form not in stored


def test_wrapped_private_key_is_not_the_private_key_under_another_name(adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    wrapped = bytes(UserKey.objects.get(user=adviser).wrapped_private_key)
    assert wrapped != private_key
    assert private_key not in wrapped
    with pytest.raises(crypto.CryptoError):
        crypto.secret_decrypt(key=private_key, ciphertext=wrapped)


def test_second_log_in_returns_the_same_private_key(adviser):
    first = key_login(user=adviser, password=PASSWORD)
    assert key_login(user=adviser, password=PASSWORD) == first
    assert UserKey.objects.filter(user=adviser).count() == 1


def test_unlock_with_the_right_password_opens_the_key(adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    assert key_unlock(user=adviser, password=PASSWORD) == private_key


def test_unlock_with_a_wrong_password_raises_key_locked(adviser):
    key_login(user=adviser, password=PASSWORD)
    with pytest.raises(KeyLocked):
        key_unlock(user=adviser, password=PASSWORD + "x")


def test_each_user_gets_their_own_key_pair(organisation):
    first = member(Role.HR, organisation=organisation)
    second = member(Role.HR, organisation=organisation)
    assert key_login(user=first, password=PASSWORD) != key_login(user=second, password=PASSWORD)


# --- Password change -----------------------------------------------------------------------------------


def test_password_change_keeps_the_public_key(adviser):
    key_login(user=adviser, password=PASSWORD)
    public_before = bytes(UserKey.objects.get(user=adviser).public_key)
    password_change(user=adviser, old_password=PASSWORD, new_password=NEW_PASSWORD)
    assert bytes(UserKey.objects.get(user=adviser).public_key) == public_before


def test_password_change_new_password_opens_the_same_private_key(adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    password_change(user=adviser, old_password=PASSWORD, new_password=NEW_PASSWORD)
    assert key_unlock(user=adviser, password=NEW_PASSWORD) == private_key


def test_password_change_old_password_no_longer_opens_the_key(adviser):
    key_login(user=adviser, password=PASSWORD)
    password_change(user=adviser, old_password=PASSWORD, new_password=NEW_PASSWORD)
    with pytest.raises(KeyLocked):
        key_unlock(user=adviser, password=PASSWORD)


def test_log_in_after_password_change_opens_no_recovery_request(adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    password_change(user=adviser, old_password=PASSWORD, new_password=NEW_PASSWORD)
    assert key_login(user=adviser, password=NEW_PASSWORD) == private_key
    assert not KeyRecoveryRequest.objects.exists()


# --- Holding the key in a session ----------------------------------------------------------------


def _request_with(session: SessionStore, cookie: str | None):
    request = RequestFactory().get("/staff/")
    request.session = SessionStore(session_key=session.session_key)
    if cookie is not None:
        request.COOKIES[settings.KEY_SESSION_COOKIE_NAME] = cookie
    return request


def test_session_key_round_trip_with_the_cookie_secret():
    private_key = crypto.keypair_generate().private_key
    session = SessionStore()
    cookie = session_key_store(session, private_key)
    session.save()
    assert session_key_get(_request_with(session, cookie)) == private_key


def test_session_table_never_contains_the_private_key():
    private_key = crypto.keypair_generate().private_key
    session = SessionStore()
    cookie = session_key_store(session, private_key)
    session.save()
    dump = b""
    for row in Session.objects.all():
        dump += row.session_key.encode() + row.session_data.encode()
        dump += repr(SessionStore().decode(row.session_data)).encode()
    assert dump  # the session was stored
    for form in _forms_of(private_key):
        assert form not in dump
    assert cookie.encode() not in dump


def test_session_table_after_a_real_log_in_never_contains_the_private_key(adviser):
    client = Client()
    client.post("/staff/login/", {"username": adviser.username, "password": PASSWORD})
    private_key = key_unlock(user=adviser, password=PASSWORD)
    assert client.cookies[settings.KEY_SESSION_COOKIE_NAME].value  # the key was unlocked
    rows = list(Session.objects.all())
    assert rows
    dump = b"".join(
        row.session_data.encode() + repr(SessionStore().decode(row.session_data)).encode()
        for row in rows
    )
    for form in _forms_of(private_key):
        assert form not in dump


def test_session_key_without_the_cookie_returns_nothing():
    session = SessionStore()
    session_key_store(session, crypto.keypair_generate().private_key)
    session.save()
    assert session_key_get(_request_with(session, None)) is None


def test_session_key_with_another_sessions_cookie_returns_nothing():
    session, other = SessionStore(), SessionStore()
    session_key_store(session, crypto.keypair_generate().private_key)
    other_cookie = session_key_store(other, crypto.keypair_generate().private_key)
    session.save()
    assert session_key_get(_request_with(session, other_cookie)) is None


@pytest.mark.parametrize("cookie", ["", "not-base64!", "AAAA", "\u00e9\u00e9"])
def test_session_key_with_a_garbled_cookie_returns_nothing(cookie):
    session = SessionStore()
    session_key_store(session, crypto.keypair_generate().private_key)
    session.save()
    assert session_key_get(_request_with(session, cookie)) is None


def test_session_key_in_an_empty_session_returns_nothing():
    session = SessionStore()
    session.save()
    cookie = base64.urlsafe_b64encode(crypto.random_bytes()).decode()
    assert session_key_get(_request_with(session, cookie)) is None


# --- Escrow to the organisation's recovery key ------------------------------------------------------


def test_recovery_key_text_is_shown_once_and_only_its_public_half_is_stored(organisation, admin):
    text = recovery_key_create(organisation=organisation, by=admin)
    private = crypto.decode_key(text)
    recovery_key = RecoveryKey.objects.get(organisation=organisation)
    assert bytes(recovery_key.public_key) == crypto.public_key_of(private)
    assert private not in bytes(recovery_key.public_key) + recovery_key.fingerprint.encode()


def test_key_is_escrowed_at_first_log_in(organisation, admin, adviser):
    text = recovery_key_create(organisation=organisation, by=admin)
    private_key = key_login(user=adviser, password=PASSWORD)
    escrow = KeyEscrow.objects.get(user_key__user=adviser)
    opened = crypto.unseal(
        private_key=crypto.decode_key(text), ciphertext=bytes(escrow.sealed_private_key)
    )
    assert opened == private_key


def test_key_made_before_the_recovery_key_is_escrowed_at_next_log_in(organisation, admin, adviser):
    private_key = key_login(user=adviser, password=PASSWORD)
    assert not KeyEscrow.objects.exists()
    text = recovery_key_create(organisation=organisation, by=admin)
    key_login(user=adviser, password=PASSWORD)
    escrow = KeyEscrow.objects.get(user_key__user=adviser)
    opened = crypto.unseal(
        private_key=crypto.decode_key(text), ciphertext=bytes(escrow.sealed_private_key)
    )
    assert opened == private_key


def test_escrow_happens_once_per_recovery_key(organisation, admin, adviser):
    recovery_key_create(organisation=organisation, by=admin)
    key_login(user=adviser, password=PASSWORD)
    key_login(user=adviser, password=PASSWORD)
    assert KeyEscrow.objects.filter(user_key__user=adviser).count() == 1


def test_sector_wide_role_is_escrowed_to_the_coordinating_organisation(admin):
    coordinator = OrganisationFactory(kind=OrganisationKind.COORDINATOR)
    overarching = member(Role.OVERARCHING_ADVISER, sector=coordinator.sector)
    recovery_key_create(organisation=coordinator, by=admin)
    key_login(user=overarching, password=PASSWORD)
    escrow = KeyEscrow.objects.get(user_key__user=overarching)
    assert escrow.recovery_key.organisation == coordinator


def test_key_is_not_escrowed_to_an_organisation_the_user_does_not_serve(admin, adviser):
    elsewhere = OrganisationFactory()
    recovery_key_create(organisation=elsewhere, by=admin)
    key_login(user=adviser, password=PASSWORD)
    assert not KeyEscrow.objects.exists()


def test_new_recovery_key_retires_the_old_one(organisation, admin):
    recovery_key_create(organisation=organisation, by=admin)
    recovery_key_create(organisation=organisation, by=admin)
    active = RecoveryKey.objects.filter(organisation=organisation, retired_at__isnull=True)
    assert active.count() == 1
    assert RecoveryKey.objects.filter(organisation=organisation).count() == 2


# --- Recovery after a password reset --------------------------------------------------------------


@pytest.fixture
def locked(organisation, admin, adviser):
    """A user whose password was reset after their key was escrowed; returns what is needed."""
    text = recovery_key_create(organisation=organisation, by=admin)
    original = key_login(user=adviser, password=PASSWORD)
    _reset_password(adviser)
    assert key_login(user=adviser, password=NEW_PASSWORD) is None
    request = KeyRecoveryRequest.objects.get(user_key__user=adviser)
    return {"user": adviser, "original": original, "recovery_text": text, "request": request}


def test_log_in_after_password_reset_returns_no_key(organisation, admin, adviser):
    recovery_key_create(organisation=organisation, by=admin)
    key_login(user=adviser, password=PASSWORD)
    _reset_password(adviser)
    assert key_login(user=adviser, password=NEW_PASSWORD) is None


def test_log_in_after_password_reset_opens_one_recovery_request(locked):
    key_login(user=locked["user"], password=NEW_PASSWORD)  # a second try adds nothing
    requests = KeyRecoveryRequest.objects.filter(user_key__user=locked["user"])
    assert requests.count() == 1
    assert requests.get().state == KeyRecoveryRequest.State.OPEN


def test_log_in_after_password_reset_keeps_the_same_key_pair(locked):
    public = bytes(UserKey.objects.get(user=locked["user"]).public_key)
    assert public == crypto.public_key_of(locked["original"])


def test_recovery_request_does_not_hold_the_private_key(locked):
    request = locked["request"]
    stored = b"|".join(
        [
            bytes(request.ephemeral_public_key),
            bytes(request.wrapped_ephemeral_private_key),
            bytes(request.kdf_salt),
        ]
    )
    for form in _forms_of(locked["original"]):
        assert form not in stored


def test_recovery_with_the_recovery_key_marks_the_request_recovered(locked, admin):
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    request = KeyRecoveryRequest.objects.get(pk=locked["request"].pk)
    assert request.state == KeyRecoveryRequest.State.RECOVERED
    assert request.recovered_by == admin
    for form in _forms_of(locked["original"]):
        assert form not in bytes(request.sealed_private_key)


def test_recovery_key_typed_in_lower_case_without_dashes_works(locked, admin):
    typed = locked["recovery_text"].replace("-", " ").lower()
    key_recover(request=locked["request"], recovery_private_key=typed, by=admin)
    request = KeyRecoveryRequest.objects.get(pk=locked["request"].pk)
    assert request.state == KeyRecoveryRequest.State.RECOVERED


def test_full_recovery_returns_the_original_key_at_next_log_in(locked, admin):
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    assert key_login(user=locked["user"], password=NEW_PASSWORD) == locked["original"]


def test_full_recovery_completes_the_request(locked, admin):
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    key_login(user=locked["user"], password=NEW_PASSWORD)
    request = KeyRecoveryRequest.objects.get(pk=locked["request"].pk)
    assert request.state == KeyRecoveryRequest.State.COMPLETED
    assert request.sealed_private_key is None


def test_after_full_recovery_the_new_password_unlocks_the_key_directly(locked, admin):
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    key_login(user=locked["user"], password=NEW_PASSWORD)
    assert key_unlock(user=locked["user"], password=NEW_PASSWORD) == locked["original"]
    assert key_login(user=locked["user"], password=NEW_PASSWORD) == locked["original"]
    assert not KeyRecoveryRequest.objects.exclude(state=KeyRecoveryRequest.State.COMPLETED).exists()


def test_full_recovery_is_recorded_in_the_audit_log(locked, admin):
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    key_login(user=locked["user"], password=NEW_PASSWORD)
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.index("key.locked") < actions.index("key.recovered")
    assert actions.index("key.recovered") < actions.index("key.recovery_completed")


def test_recovered_key_is_wrapped_under_the_new_password_only_at_next_log_in(locked, admin):
    """Recovery alone leaves the stored key as it was; the user's own log-in finishes it."""
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    with pytest.raises(KeyLocked):
        key_unlock(user=locked["user"], password=NEW_PASSWORD)


def _assert_unchanged(locked) -> None:
    request = KeyRecoveryRequest.objects.get(pk=locked["request"].pk)
    assert request.state == KeyRecoveryRequest.State.OPEN
    assert request.sealed_private_key is None
    assert request.recovered_by is None
    assert not AuditEvent.objects.filter(action="key.recovered").exists()
    assert key_login(user=locked["user"], password=NEW_PASSWORD) is None


def test_retired_recovery_key_no_longer_restores_a_key(locked, admin, organisation):
    """Replacing a (possibly leaked) recovery key destroys the copies sealed to the old one."""
    recovery_key_create(organisation=organisation, by=admin)
    with pytest.raises(RecoveryFailed):
        key_recover(
            request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin
        )
    _assert_unchanged(locked)


def test_wrong_recovery_key_raises_recovery_failed(locked, admin):
    wrong = crypto.encode_key(crypto.keypair_generate().private_key)
    with pytest.raises(RecoveryFailed):
        key_recover(request=locked["request"], recovery_private_key=wrong, by=admin)


def test_wrong_recovery_key_changes_nothing(locked, admin):
    wrong = crypto.encode_key(crypto.keypair_generate().private_key)
    with pytest.raises(RecoveryFailed):
        key_recover(request=locked["request"], recovery_private_key=wrong, by=admin)
    _assert_unchanged(locked)


@pytest.mark.parametrize("garbage", ["", "ABCD-EFGH", "not a recovery key at all", "é" * 52])
def test_garbled_recovery_key_raises_recovery_failed_and_changes_nothing(locked, admin, garbage):
    with pytest.raises(RecoveryFailed):
        key_recover(request=locked["request"], recovery_private_key=garbage, by=admin)
    _assert_unchanged(locked)


def test_recovery_key_of_another_organisation_fails(locked, admin):
    other_text = recovery_key_create(organisation=OrganisationFactory(), by=admin)
    with pytest.raises(RecoveryFailed):
        key_recover(request=locked["request"], recovery_private_key=other_text, by=admin)
    _assert_unchanged(locked)


def test_recovery_without_escrow_fails(organisation, admin, adviser):
    """A key made when the organisation had no recovery key cannot be recovered later."""
    key_login(user=adviser, password=PASSWORD)
    _reset_password(adviser)
    key_login(user=adviser, password=NEW_PASSWORD)
    text = recovery_key_create(organisation=organisation, by=admin)
    request = KeyRecoveryRequest.objects.get(user_key__user=adviser)
    with pytest.raises(RecoveryFailed):
        key_recover(request=request, recovery_private_key=text, by=admin)


def test_second_password_reset_before_log_in_needs_a_fresh_recovery(locked, admin):
    """The recovered key is sealed for the password of that moment; a later reset opens a new
    request, which the recovery key can serve again."""
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    _reset_password(locked["user"], "yet-another-password-after-reset-99")
    assert key_login(user=locked["user"], password="yet-another-password-after-reset-99") is None
    fresh = KeyRecoveryRequest.objects.get(
        user_key__user=locked["user"], state=KeyRecoveryRequest.State.OPEN
    )
    key_recover(request=fresh, recovery_private_key=locked["recovery_text"], by=admin)
    restored = key_login(user=locked["user"], password="yet-another-password-after-reset-99")
    assert restored == locked["original"]


def test_user_without_a_key_has_nothing_to_unlock():
    user = UserFactory()
    with pytest.raises(UserKey.DoesNotExist):
        key_unlock(user=user, password=PASSWORD)


def test_password_change_while_waiting_for_recovery_keeps_the_recovery_usable(locked, admin):
    """After a reset the user may change the password again before the officer restores the
    key; the restored key must still reach them at their next log-in."""
    password_change(user=locked["user"], old_password=NEW_PASSWORD, new_password="third-pass-2026!")
    # The officer's page was loaded before the change: the request object is from then.
    key_recover(request=locked["request"], recovery_private_key=locked["recovery_text"], by=admin)
    assert key_login(user=locked["user"], password="third-pass-2026!") == locked["original"]
