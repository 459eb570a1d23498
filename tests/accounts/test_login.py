"""Staff log-in through the real views: password, second factor (enrolment or code), recovery
codes, throttling, hostile input, idle timeout and log-out."""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
import time
from types import SimpleNamespace
from unittest import mock

import pyotp
import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    UserFactory,
    member,
    totp_device,
    totp_now,
)
from veiligwerk.accounts.models import LoginThrottle, User
from veiligwerk.security.models import AuditEvent, UserKey
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

LOGIN = "/staff/login/"
ENROL = "/staff/login/enrol/"
VERIFY = "/staff/login/second-factor/"
HOME = "/staff/"
LOGOUT = "/staff/logout/"

THROTTLED = "Te veel mislukte pogingen"
WRONG_PASSWORD = "De gebruikersnaam of het wachtwoord klopt niet."
WRONG_ENROL_CODE = "Deze code klopt niet. Gebruik de code die uw app nu toont."
WRONG_CODE = "Deze code klopt niet of is al gebruikt."
PROBLEM = "Er is een probleem"


@pytest.fixture
def user() -> User:
    return member(Role.CONFIDENTIAL_ADVISER, organisation=OrganisationFactory())


@pytest.fixture
def client() -> Client:
    return Client()


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _login(client: Client, username: str, password: str = PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _secret_on_page(response) -> str:
    match = re.search(r'id="totp-secret">(.*?)</code>', response.content.decode(), re.S)
    assert match, "the enrolment page shows the secret for typing over"
    return "".join(match.group(1).split())


def _wrong_code(secret: str) -> str:
    """A six-digit code that is valid in none of the time steps the server accepts."""
    totp = pyotp.TOTP(secret)
    valid = {totp.at(time.time() + offset) for offset in range(-90, 91, 30)}
    return next(c for c in (f"{n:06d}" for n in range(1_000_000)) if c not in valid)


def _secret_of(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def _enrolled(user: User) -> TOTPDevice:
    return totp_device(user)


def _recovery_codes(response) -> list[str]:
    block = re.search(r'id="recovery-codes">(.*?)</ul>', response.content.decode(), re.S)
    assert block, "the recovery codes are listed"
    return re.findall(r"<code>([^<]+)</code>", block.group(1))


def _enrol(client: Client, user: User) -> list[str]:
    """Log in for the first time and set up the authenticator; returns the recovery codes."""
    _login(client, user.username)
    page = client.get(ENROL)
    response = client.post(ENROL, {"token": pyotp.TOTP(_secret_on_page(page)).now()})
    return _recovery_codes(response)


# --- First log-in: enrolment ---------------------------------------------------------------------


def test_first_log_in_leads_to_enrolment(client, user):
    response = _login(client, user.username)
    assert response.status_code == 302
    assert response["Location"] == ENROL


def test_first_log_in_enrolment_page_shows_the_secret_and_a_qr_code(client, user):
    _login(client, user.username)
    page = client.get(ENROL)
    assert page.status_code == 200
    assert len(_secret_on_page(page)) >= 32
    assert "<svg" in page.content.decode()


def test_user_who_has_not_enrolled_cannot_reach_the_home_page(client, user):
    _login(client, user.username)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == ENROL


def test_enrolment_with_the_right_code_shows_ten_recovery_codes(client, user):
    codes = _enrol(client, user)
    assert len(codes) == 10
    assert len(set(codes)) == 10


def test_enrolment_with_the_right_code_leads_to_the_home_page(client, user):
    _enrol(client, user)
    response = client.get(HOME)
    assert response.status_code == 200
    assert "Welkom" in _text(response)
    assert "Uw sleutel is ontgrendeld" in _text(response)


def test_enrolment_with_the_right_code_confirms_the_authenticator(client, user):
    _enrol(client, user)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_enrolment_with_a_wrong_code_shows_a_clear_error(client, user):
    _login(client, user.username)
    secret = _secret_on_page(client.get(ENROL))
    response = client.post(ENROL, {"token": _wrong_code(secret)})
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert WRONG_ENROL_CODE in _text(response)


def test_enrolment_with_a_wrong_code_keeps_the_user_unverified(client, user):
    _login(client, user.username)
    secret = _secret_on_page(client.get(ENROL))
    client.post(ENROL, {"token": _wrong_code(secret)})
    assert client.get(HOME)["Location"] == ENROL
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_enrolment_after_a_wrong_code_succeeds_with_the_right_one(client, user):
    _login(client, user.username)
    secret = _secret_on_page(client.get(ENROL))
    client.post(ENROL, {"token": _wrong_code(secret)})
    response = client.post(ENROL, {"token": pyotp.TOTP(secret).now()})
    assert len(_recovery_codes(response)) == 10


def test_enrolment_page_keeps_the_same_secret_between_visits(client, user):
    _login(client, user.username)
    assert _secret_on_page(client.get(ENROL)) == _secret_on_page(client.get(ENROL))


def test_first_log_in_creates_the_key(client, user):
    _login(client, user.username)
    assert UserKey.objects.filter(user=user).exists()


# --- Later log-ins: the second factor -------------------------------------------------------------


def test_enrolled_user_is_asked_for_a_code(client, user):
    _enrolled(user)
    response = _login(client, user.username)
    assert response["Location"] == VERIFY


def test_right_code_leads_to_the_home_page(client, user):
    device = _enrolled(user)
    _login(client, user.username)
    response = client.post(VERIFY, {"token": totp_now(device)})
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_code_with_spaces_is_accepted(client, user):
    device = _enrolled(user)
    _login(client, user.username)
    code = totp_now(device)
    response = client.post(VERIFY, {"token": f" {code[:3]} {code[3:]} "})
    assert response["Location"] == HOME


def test_wrong_code_shows_a_clear_error_and_keeps_the_user_out(client, user):
    device = _enrolled(user)
    _login(client, user.username)
    response = client.post(VERIFY, {"token": _wrong_code(_secret_of(device))})
    assert response.status_code == 200
    assert WRONG_CODE in _text(response)
    assert client.get(HOME)["Location"] == VERIFY


def test_replayed_code_is_refused_at_the_next_log_in(client, user):
    device = _enrolled(user)
    _login(client, user.username)
    code = totp_now(device)
    assert client.post(VERIFY, {"token": code})["Location"] == HOME
    client.post(LOGOUT)
    second = Client()
    _login(second, user.username)
    response = second.post(VERIFY, {"token": code})
    assert response.status_code == 200
    assert WRONG_CODE in _text(response)
    assert second.get(HOME)["Location"] == VERIFY


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_right_code_after_a_wrong_one_works_without_throttling(client, user):
    device = _enrolled(user)
    _login(client, user.username)
    client.post(VERIFY, {"token": _wrong_code(_secret_of(device))})
    response = client.post(VERIFY, {"token": totp_now(device)})
    assert response["Location"] == HOME


def test_right_code_directly_after_a_wrong_one_is_refused_while_throttled(client, user):
    """With the configured throttling, each failure makes the next try wait (1 s, 2 s, ...).
    The authenticator's clock is frozen, so "directly after" is exact."""
    assert settings.OTP_TOTP_THROTTLE_FACTOR > 0
    device = _enrolled(user)
    _login(client, user.username)
    moment = timezone.now()
    frozen = SimpleNamespace(now=lambda: moment)
    with mock.patch("django_otp.models.timezone", frozen):
        client.post(VERIFY, {"token": _wrong_code(_secret_of(device))})
        response = client.post(VERIFY, {"token": totp_now(device)})
    assert response.status_code == 200
    assert WRONG_CODE in _text(response)
    assert client.get(HOME)["Location"] == VERIFY


def test_recovery_code_lets_the_user_in(client, user):
    codes = _enrol(client, user)
    client.post(LOGOUT)
    _login(client, user.username)
    response = client.post(VERIFY, {"token": codes[0]})
    assert response["Location"] == HOME
    assert "nog 9 herstelcodes" in _text(client.get(HOME))


def test_recovery_code_works_only_once(client, user):
    codes = _enrol(client, user)
    client.post(LOGOUT)
    _login(client, user.username)
    client.post(VERIFY, {"token": codes[0]})
    client.post(LOGOUT)
    _login(client, user.username)
    with override_settings(OTP_STATIC_THROTTLE_FACTOR=0, OTP_TOTP_THROTTLE_FACTOR=0):
        response = client.post(VERIFY, {"token": codes[0]})
    assert response.status_code == 200
    assert WRONG_CODE in _text(response)
    assert client.get(HOME)["Location"] == VERIFY


def test_recovery_code_typed_in_capitals_is_accepted(client, user):
    codes = _enrol(client, user)
    client.post(LOGOUT)
    _login(client, user.username)
    response = client.post(VERIFY, {"token": codes[3].upper()})
    assert response["Location"] == HOME


def test_recovery_code_use_is_recorded_in_the_audit_log(client, user):
    codes = _enrol(client, user)
    client.post(LOGOUT)
    _login(client, user.username)
    client.post(VERIFY, {"token": codes[0]})
    assert AuditEvent.objects.filter(action="auth.recovery_code_used", actor=user).exists()


# --- Wrong passwords and throttling -------------------------------------------------------------


def test_wrong_password_shows_a_clear_error(client, user):
    response = _login(client, user.username, "not-the-password")
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert WRONG_PASSWORD in _text(response)
    assert not _logged_in(client)


def test_many_wrong_passwords_throttle_the_name(client, user):
    for _ in range(settings.LOGIN_THROTTLE_THRESHOLD - 1):
        assert WRONG_PASSWORD in _text(_login(client, user.username, "not-the-password"))
    response = _login(client, user.username, "not-the-password")
    assert THROTTLED in _text(response)


def _throttle(client: Client, username: str) -> None:
    for _ in range(settings.LOGIN_THROTTLE_THRESHOLD):
        _login(client, username, "not-the-password")


def test_real_user_is_blocked_while_throttled(client, user):
    _throttle(client, user.username)
    response = _login(client, user.username)
    assert response.status_code == 200
    assert THROTTLED in _text(response)
    assert not _logged_in(client)


def test_real_user_gets_in_after_the_block_ends(client, user):
    _throttle(client, user.username)
    later = timezone.now() + dt.timedelta(seconds=settings.LOGIN_THROTTLE_BASE_DELAY + 1)
    with mock.patch("veiligwerk.accounts.throttle.now", return_value=later):
        response = _login(client, user.username)
    assert response.status_code == 302
    assert _logged_in(client)


def test_real_user_gets_in_when_the_block_lies_in_the_past(client, user):
    _throttle(client, user.username)
    LoginThrottle.objects.update(blocked_until=timezone.now() - dt.timedelta(seconds=1))
    response = _login(client, user.username)
    assert response.status_code == 302
    assert _logged_in(client)


def test_successful_log_in_clears_the_failure_count(client, user):
    _login(client, user.username, "not-the-password")
    _login(client, user.username)
    assert not LoginThrottle.objects.exists()


def test_throttling_is_per_name_and_ignores_case(client, user):
    _throttle(client, user.username.upper())
    assert THROTTLED in _text(_login(Client(), user.username))


def test_throttling_one_name_leaves_others_alone(client, user):
    _throttle(client, "someone-else")
    assert _login(Client(), user.username).status_code == 302


def test_unknown_name_is_throttled_the_same_way(client):
    for _ in range(settings.LOGIN_THROTTLE_THRESHOLD - 1):
        assert WRONG_PASSWORD in _text(_login(client, "nobody-by-this-name"))
    assert THROTTLED in _text(_login(client, "nobody-by-this-name"))


def _errors(response) -> str:
    """The error summary, with the clock time masked (it may tick between two attempts)."""
    summary = re.search(r'class="error-summary".*?</div>', response.content.decode(), re.S)
    assert summary
    return re.sub(r"\d\d:\d\d", "HH:MM", html.unescape(summary.group(0)))


def test_unknown_and_known_names_get_identical_answers(user):
    known, unknown = Client(), Client()
    for _ in range(settings.LOGIN_THROTTLE_THRESHOLD + 1):
        from_known = _login(known, user.username, "not-the-password")
        from_unknown = _login(unknown, "nobody-by-this-name", "not-the-password")
        assert from_known.status_code == from_unknown.status_code == 200
        assert _errors(from_known) == _errors(from_unknown)


# --- Hostile input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("x" * 10_000, PASSWORD, "Gebruik hoogstens 150 tekens"),
        ("{user}", "p" * 10_000, "Gebruik hoogstens 256 tekens"),
        ("user\x00name", PASSWORD, "Dit veld bevat een teken dat niet is toegestaan."),
        ("{user}", "pass\x00word", "Dit veld bevat een teken dat niet is toegestaan."),
        ("", "", "Dit veld is verplicht."),
    ],
    ids=["long-username", "long-password", "nul-username", "nul-password", "empty"],
)
def test_bad_input_gets_a_clear_error_and_creates_nothing(
    client, user, username, password, message
):
    users_before = User.objects.count()
    response = _login(client, username.format(user=user.username), password)
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert message in _text(response)
    assert not _logged_in(client)
    assert User.objects.count() == users_before
    assert not LoginThrottle.objects.exists()
    assert not UserKey.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("token", ["1" * 10_000, "12\x003456"], ids=["long", "nul"])
def test_bad_code_gets_a_clear_error(client, user, token):
    _enrolled(user)
    _login(client, user.username)
    response = client.post(VERIFY, {"token": token})
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert client.get(HOME)["Location"] == VERIFY


@pytest.mark.parametrize("token", ["1" * 10_000, "12\x003456"], ids=["long", "nul"])
def test_bad_enrolment_code_gets_a_clear_error(client, user, token):
    _login(client, user.username)
    response = client.post(ENROL, {"token": token})
    assert response.status_code == 200
    assert PROBLEM in _text(response)
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# --- Idle timeout and log-out -------------------------------------------------------------------


def _verified(client: Client, user: User) -> None:
    device = _enrolled(user)
    _login(client, user.username)
    client.post(VERIFY, {"token": totp_now(device)})
    assert client.get(HOME).status_code == 200


def test_idle_session_is_logged_out(client, user):
    _verified(client, user)
    later = time.time() + settings.SESSION_IDLE_TIMEOUT + 5
    with mock.patch("veiligwerk.accounts.middleware.time", SimpleNamespace(time=lambda: later)):
        response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert response.cookies[settings.KEY_SESSION_COOKIE_NAME].value == ""  # key secret dropped
    assert not _logged_in(client)
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_active_session_stays_logged_in(client, user):
    _verified(client, user)
    later = time.time() + settings.SESSION_IDLE_TIMEOUT - 60
    with mock.patch("veiligwerk.accounts.middleware.time", SimpleNamespace(time=lambda: later)):
        response = client.get(HOME)
    assert response.status_code == 200


def test_logout_clears_the_key_cookie(client, user):
    _verified(client, user)
    assert client.cookies[settings.KEY_SESSION_COOKIE_NAME].value
    response = client.post(LOGOUT)
    cookie = response.cookies[settings.KEY_SESSION_COOKIE_NAME]
    assert cookie.value == ""
    assert cookie["max-age"] == 0
    assert client.cookies[settings.KEY_SESSION_COOKIE_NAME].value == ""


def test_logout_ends_the_session(client, user):
    _verified(client, user)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(LOGOUT)
    assert response["Location"] == "/staff/logged-out/"
    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_logout_page_says_the_session_ended(client, user):
    _verified(client, user)
    response = client.post(LOGOUT, follow=True)
    assert "U bent afgemeld" in _text(response)


def test_logout_with_get_is_refused(client, user):
    _verified(client, user)
    assert client.get(LOGOUT).status_code == 405
    assert client.get(HOME).status_code == 200


def test_logged_in_user_visiting_log_in_goes_home(client, user):
    _verified(client, user)
    assert client.get(LOGIN)["Location"] == HOME


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_inactive_user_cannot_log_in(client):
    inactive = UserFactory(is_active=False)
    response = _login(client, inactive.username)
    assert WRONG_PASSWORD in _text(response)
    assert not _logged_in(client)
