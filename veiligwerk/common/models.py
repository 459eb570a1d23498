"""Base models shared by every app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        abstract = True


class TenantScoped(TimeStamped):
    """Everything that belongs to one sector (the tenant) carries it, so access checks start there."""

    sector = models.ForeignKey(
        "tenancy.Sector", on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )

    class Meta:
        abstract = True
