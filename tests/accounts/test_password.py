"""Password change (the key stays the same) and password reset by e-mail (the key locks until the
organisation's administrator restores it with the recovery key)."""

from __future__ import annotations

import html
import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    member,
    totp_device,
    totp_now,
    verified_client,
)
from veiligwerk.accounts.models import User
from veiligwerk.accounts.services import recovery_codes_renew
from veiligwerk.security.keys import key_login, key_unlock, recovery_key_create
from veiligwerk.security.models import AuditEvent, KeyRecoveryRequest, UserKey
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

CHANGE = "/staff/password/"
RESET = "/staff/password/reset/"
NEW_PASSWORD = "a-brand-new-passphrase-2026"
PROBLEM = "Er is een probleem"


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def user(organisation) -> User:
    return member(Role.CONFIDENTIAL_ADVISER, organisation=organisation)


def _change(client: Client, old: str, new1: str, new2: str | None = None):
    return client.post(
        CHANGE,
        {
            "old_password": old,
            "new_password1": new1,
            "new_password2": new1 if new2 is None else new2,
        },
    )


def _password_is(user: User, password: str) -> bool:
    user.refresh_from_db()
    return user.check_password(password)


# --- Password change ------------------------------------------------------------------------------


def test_password_change_page_is_shown(user):
    response = verified_client(user).get(CHANGE)
    assert response.status_code == 200
    assert "Wachtwoord wijzigen" in _text(response)


def test_password_change_with_a_wrong_old_password_is_refused(user):
    response = _change(verified_client(user), "not-my-password", NEW_PASSWORD)
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert "Het huidige wachtwoord klopt niet." in _text(response)
    assert _password_is(user, PASSWORD)


def test_password_change_with_two_different_new_passwords_is_refused(user):
    response = _change(verified_client(user), PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert response.status_code == 200
    assert "De twee nieuwe wachtwoorden zijn niet gelijk." in _text(response)
    assert _password_is(user, PASSWORD)


@pytest.mark.parametrize(
    ("weak", "message"),
    [
        ("password1234", "Dit wachtwoord is te algemeen."),
        ("123456789012", "Dit wachtwoord bevat alleen cijfers."),
        ("kort-1", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
    ],
    ids=["common", "numeric", "short"],
)
def test_password_change_to_a_weak_password_is_refused(user, weak, message):
    response = _change(verified_client(user), PASSWORD, weak)
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert message in _text(response)
    assert _password_is(user, PASSWORD)


def test_password_change_with_oversized_input_gets_a_clear_error(user):
    response = _change(verified_client(user), PASSWORD, "p" * 10_000)
    assert response.status_code == 200
    assert "Gebruik hoogstens 256 tekens" in _text(response)
    assert _password_is(user, PASSWORD)


def test_password_change_succeeds_and_says_the_key_stays(user):
    client = verified_client(user)
    response = _change(client, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    page = client.get("/staff/")
    assert "Uw wachtwoord is gewijzigd. Uw sleutel blijft dezelfde." in _text(page)
    assert _password_is(user, NEW_PASSWORD)


def test_password_change_keeps_the_session_and_its_unlocked_key(user):
    client = verified_client(user)
    _change(client, PASSWORD, NEW_PASSWORD)
    page = client.get("/staff/")
    assert page.status_code == 200
    assert "Uw sleutel is ontgrendeld" in _text(page)


def test_password_change_keeps_the_key_pair(user):
    original = key_login(user=user, password=PASSWORD)
    public_before = bytes(UserKey.objects.get(user=user).public_key)
    _change(verified_client(user), PASSWORD, NEW_PASSWORD)
    assert bytes(UserKey.objects.get(user=user).public_key) == public_before
    assert key_unlock(user=user, password=NEW_PASSWORD) == original


def test_log_in_with_the_new_password_unlocks_the_key(user):
    key_login(user=user, password=PASSWORD)
    device = totp_device(user)
    _change(verified_client(user), PASSWORD, NEW_PASSWORD)
    client = Client()
    client.post("/staff/login/", {"username": user.username, "password": NEW_PASSWORD})
    client.post("/staff/login/second-factor/", {"token": totp_now(device)})
    assert "Uw sleutel is ontgrendeld" in _text(client.get("/staff/"))
    assert not KeyRecoveryRequest.objects.exists()


def test_password_change_is_recorded_in_the_audit_log(user):
    _change(verified_client(user), PASSWORD, NEW_PASSWORD)
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert {"auth.password_changed", "key.rewrapped"} <= actions


# --- Password reset by e-mail -------------------------------------------------------------------


def _reset_by_email(user: User, new_password: str = NEW_PASSWORD) -> None:
    """Ask for a link, follow it, choose a new password: as the user would, without logging in."""
    client = Client()
    response = client.post(RESET, {"email": user.email})
    assert response["Location"] == "/staff/password/reset/sent/"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://testserver(/staff/password/reset/\S+/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_url = client.get(link.group(1))["Location"]
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response["Location"] == "/staff/password/reset/done/"


def _log_in(client: Client, user: User, token: str | None = None) -> None:
    client.post("/staff/login/", {"username": user.username, "password": NEW_PASSWORD})
    token = token or totp_now(user.totpdevice_set.get(confirmed=True))
    client.post("/staff/login/second-factor/", {"token": token})


@pytest.fixture
def admin(organisation) -> User:
    return member(Role.SECTOR_COORDINATOR, sector=organisation.sector)


@pytest.fixture
def recovery_text(organisation, admin) -> str:
    return recovery_key_create(organisation=organisation, by=admin)


@pytest.fixture
def keyed(user, recovery_text) -> User:
    """A user who logged in before (so has an escrowed key) and has an authenticator."""
    key_login(user=user, password=PASSWORD)
    totp_device(user)
    return user


def test_reset_e_mail_has_a_link_and_nothing_else_of_the_account(keyed):
    Client().post(RESET, {"email": keyed.email})
    message = mail.outbox[0]
    assert message.to == [keyed.email]
    assert "/staff/password/reset/" in message.body
    assert PASSWORD not in message.body


def test_reset_for_an_unknown_address_sends_nothing_and_looks_the_same(keyed):
    response = Client().post(RESET, {"email": "nobody@example.invalid"}, follow=True)
    assert response.status_code == 200
    assert "Kijk in uw e-mail" in _text(response)
    assert mail.outbox == []


def test_reset_sets_the_new_password(keyed):
    _reset_by_email(keyed)
    assert _password_is(keyed, NEW_PASSWORD)
    assert AuditEvent.objects.filter(action="auth.password_reset", actor=keyed).exists()


def test_reset_link_works_only_once(keyed):
    _reset_by_email(keyed)
    link = re.search(r"https?://testserver(/staff/password/reset/\S+/\S+/)", mail.outbox[0].body)
    response = Client().get(link.group(1), follow=True)
    assert "Deze link werkt niet meer." in _text(response)


def test_log_in_after_reset_shows_the_key_is_locked(keyed):
    _reset_by_email(keyed)
    client = Client()
    _log_in(client, keyed)
    page = client.get("/staff/")
    assert page.status_code == 200
    assert "Uw sleutel is vergrendeld" in _text(page)


def test_log_in_after_reset_opens_a_recovery_request(keyed):
    _reset_by_email(keyed)
    _log_in(Client(), keyed)
    request = KeyRecoveryRequest.objects.get(user_key__user=keyed)
    assert request.state == KeyRecoveryRequest.State.OPEN


def test_recovery_request_is_shown_to_the_organisation_admin(keyed, admin, organisation):
    _reset_by_email(keyed)
    _log_in(Client(), keyed)
    client = verified_client(admin)
    assert "1 medewerker wacht op herstel van de sleutel." in _text(client.get("/staff/"))
    detail = _text(client.get(f"/staff/organisations/{organisation.pk}/"))
    request = KeyRecoveryRequest.objects.get(user_key__user=keyed)
    assert keyed.get_full_name() in detail
    assert f"/staff/organisations/{organisation.pk}/key-recovery/{request.pk}/" in detail


def test_recovery_request_is_not_shown_to_an_admin_of_another_sector(keyed):
    _reset_by_email(keyed)
    _log_in(Client(), keyed)
    other_admin = member(Role.SECTOR_COORDINATOR, sector=OrganisationFactory().sector)
    home = _text(verified_client(other_admin).get("/staff/"))
    assert "wacht op herstel" not in home


def test_admin_restores_the_key_and_the_user_gets_the_original_back(
    keyed, admin, organisation, recovery_text
):
    original = key_unlock(user=keyed, password=PASSWORD)
    _reset_by_email(keyed)
    _log_in(Client(), keyed)
    request = KeyRecoveryRequest.objects.get(user_key__user=keyed)
    response = verified_client(admin).post(
        f"/staff/organisations/{organisation.pk}/key-recovery/{request.pk}/",
        {"recovery_key": recovery_text},
    )
    assert response.status_code == 302
    client = Client()
    _log_in(client, keyed, token=recovery_codes_renew(user=keyed)[0])  # the app's code was used
    assert "Uw sleutel is ontgrendeld" in _text(client.get("/staff/"))
    assert key_unlock(user=keyed, password=NEW_PASSWORD) == original


def test_admin_with_the_wrong_recovery_key_gets_a_clear_error(keyed, admin, organisation):
    _reset_by_email(keyed)
    _log_in(Client(), keyed)
    request = KeyRecoveryRequest.objects.get(user_key__user=keyed)
    wrong = recovery_key_create(organisation=OrganisationFactory(), by=member(Role.PLATFORM_ADMIN))
    response = verified_client(admin).post(
        f"/staff/organisations/{organisation.pk}/key-recovery/{request.pk}/",
        {"recovery_key": wrong},
    )
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert "Met deze herstelsleutel kan deze sleutel niet worden hersteld." in _text(response)
    assert KeyRecoveryRequest.objects.get(pk=request.pk).state == KeyRecoveryRequest.State.OPEN
