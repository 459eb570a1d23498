"""Production settings refuse unsafe configuration, and every response carries the security
headers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import OrganisationFactory, member, verified_client
from veiligwerk.tenancy.models import Role

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "x7Qp9Lm2Vz8Rt5Wn4Bc6Hd1Jf0Gs3Ka" * 2  # 68 characters, not a known default
GOOD_ENV = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "veiligwerk.example"}


def _start_production(extra_env: dict[str, str], code: str = "") -> subprocess.CompletedProcess:
    """Import the production settings in a fresh interpreter, as a server would at start-up."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    env.update(extra_env)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _refused(result: subprocess.CompletedProcess, reason: str) -> bool:
    return (
        result.returncode != 0
        and "ImproperlyConfigured" in result.stderr
        and reason in result.stderr
    )


# --- Production settings --------------------------------------------------------------------------


def test_production_starts_with_a_good_key_and_allowed_hosts():
    result = _start_production(GOOD_ENV, "print('started')")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_production_refuses_a_missing_secret_key():
    result = _start_production({"DJANGO_ALLOWED_HOSTS": "veiligwerk.example"})
    assert _refused(result, "DJANGO_SECRET_KEY")


@pytest.mark.parametrize(
    "key",
    ["", "changeme", "local-development-only-not-secret", "test-only-not-secret"],
)
def test_production_refuses_a_default_secret_key(key):
    result = _start_production({**GOOD_ENV, "DJANGO_SECRET_KEY": key})
    assert _refused(result, "DJANGO_SECRET_KEY")


def test_production_refuses_a_short_secret_key():
    result = _start_production({**GOOD_ENV, "DJANGO_SECRET_KEY": GOOD_KEY[:49]})
    assert _refused(result, "DJANGO_SECRET_KEY")


@pytest.mark.parametrize("value", ["1", "true", "yes", "on"])
def test_production_refuses_debug(value):
    result = _start_production({**GOOD_ENV, "DJANGO_DEBUG": value})
    assert _refused(result, "DJANGO_DEBUG")


def test_production_refuses_missing_allowed_hosts():
    result = _start_production({"DJANGO_SECRET_KEY": GOOD_KEY})
    assert _refused(result, "DJANGO_ALLOWED_HOSTS")


def test_production_sets_hsts_for_a_year_with_subdomains():
    result = _start_production(
        GOOD_ENV,
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)",
    )
    assert result.returncode == 0, result.stderr
    seconds, subdomains = result.stdout.split()
    assert int(seconds) >= 365 * 24 * 60 * 60
    assert subdomains == "True"


def test_production_sends_cookies_over_https_only():
    result = _start_production(
        GOOD_ENV,
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.DEBUG)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "False"]


# --- Security headers on every response --------------------------------------------------------------


def _anonymous(client, path):
    return client.get(path)


def _staff(client, path):
    user = member(Role.CONFIDENTIAL_ADVISER, organisation=OrganisationFactory())
    return verified_client(user).get(path)


PAGES = {
    "public home": (_anonymous, "/", 200),
    "login page": (_anonymous, "/staff/login/", 200),
    "not found": (_anonymous, "/no-such-page/", 404),
    "staff home": (_staff, "/staff/", 200),
    "staff not found": (_staff, "/staff/organisations/999999/", 404),
}


@pytest.fixture(params=sorted(PAGES))
def response(request, client, db):
    fetch, path, status = PAGES[request.param]
    result = fetch(client, path)
    assert result.status_code == status
    return result


def test_every_response_has_a_content_security_policy_without_unsafe_inline(response):
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy


def test_every_response_forbids_framing(response):
    assert response["X-Frame-Options"] == "DENY"


def test_every_response_sends_no_referrer_to_other_hosts(response):
    # Not "no-referrer": browsers then send "Origin: null" on every POST and CSRF checks fail.
    assert response["Referrer-Policy"] == "same-origin"


def test_every_response_forbids_content_sniffing(response):
    assert response["X-Content-Type-Options"] == "nosniff"
