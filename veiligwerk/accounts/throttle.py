"""Throttling of failed log-ins: growing waits that always end, so a real user is never locked
out for good and a guesser gets a handful of tries per quarter hour."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction

from veiligwerk.accounts.models import LoginThrottle
from veiligwerk.common.time import now
from veiligwerk.security import crypto


def _digest(username: str) -> str:
    key = f"veiligwerk.login-throttle:{settings.SECRET_KEY}".encode()[:64].ljust(32, b"\0")
    return crypto.mac(key=key, message=username.strip().lower().encode("utf-8"))


def login_blocked_until(*, username: str) -> dt.datetime | None:
    """When the next attempt for this name is allowed, or None if it is allowed now."""
    row = LoginThrottle.objects.filter(username_digest=_digest(username)).first()
    if row is None or row.blocked_until is None or row.blocked_until <= now():
        return None
    return row.blocked_until


@transaction.atomic
def login_failure_record(*, username: str) -> dt.datetime | None:
    """Count a failure; returns until when the name is blocked, if it now is."""
    current = now()
    row, _ = LoginThrottle.objects.select_for_update().get_or_create(
        username_digest=_digest(username), defaults={"first_failure_at": current}
    )
    window = dt.timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW)
    if row.first_failure_at + window < current and (
        row.blocked_until is None or row.blocked_until < current
    ):
        row.failures = 0
        row.first_failure_at = current
    row.failures += 1
    over = row.failures - settings.LOGIN_THROTTLE_THRESHOLD
    if over >= 0:
        delay = min(
            settings.LOGIN_THROTTLE_BASE_DELAY * (2**over), settings.LOGIN_THROTTLE_MAX_DELAY
        )
        row.blocked_until = current + dt.timedelta(seconds=delay)
    row.save()
    return row.blocked_until if over >= 0 else None


def login_success_record(*, username: str) -> None:
    LoginThrottle.objects.filter(username_digest=_digest(username)).delete()
