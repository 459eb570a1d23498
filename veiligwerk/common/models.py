"""Base models shared by every app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
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


class Bilingual:
    """For models whose texts are data in Dutch and English (``<field>_nl`` / ``<field>_en``)."""

    def text(self, field: str) -> str:
        """The field in the active language, falling back to Dutch."""
        if (get_language() or "nl").startswith("en"):
            value = getattr(self, f"{field}_en")
            if value:
                return str(value)
        return str(getattr(self, f"{field}_nl"))
