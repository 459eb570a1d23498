"""Staff accounts. Reporters never get an account: they use a receipt code."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member (medewerker): adviser, committee member, coordinator, admin, ..."""

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def is_verified(self) -> bool:
        """Whether this request passed the second factor. django_otp's OTPMiddleware replaces
        this per request; outside a request nobody is verified."""
        return False


class LoginThrottle(models.Model):
    """Failed log-ins per user name, for throttling. Keyed by a keyed hash of the lower-cased
    name so unknown names are throttled too (no enumeration) without storing what was typed."""

    username_digest = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    first_failure_at = models.DateTimeField()
    blocked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.failures} failed log-ins"
