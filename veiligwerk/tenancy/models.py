"""Tenancy: a sector (the tenant) holds organisations; memberships give people roles."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.models import TenantScoped, TimeStamped


class Sector(TimeStamped):
    """A sector of employers sharing one platform, e.g. "Landelijke publieke omroep"."""

    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    BROADCASTER = "broadcaster", _("Omroep")
    TASK_BROADCASTER = "task_broadcaster", _("Taakomroep")
    PRODUCER = "producer", _("Producent")
    EXTERNAL_BODY = "external_body", _("Externe instantie")


class Organisation(TenantScoped):
    """An employer or body in a sector (organisatie). Dated, because sectors regroup."""

    slug = models.SlugField(_("korte naam"), max_length=60)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=32, choices=OrganisationKind.choices)
    valid_from = models.DateField(_("geldig vanaf"), default=dt.date(2000, 1, 1))
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("opgegaan in"),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["sector", "slug"], name="organisation_slug_per_sector"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="organisation_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_active_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Role(models.TextChoices):
    PLATFORM_ADMIN = "platform_admin", _("Platformbeheerder")
    SECTOR_COORDINATOR = "sector_coordinator", _("Sectorcoördinator")
    CONFIDENTIAL_ADVISER = "confidential_adviser", _("Vertrouwenspersoon")
    OVERARCHING_ADVISER = "overarching_adviser", _("Overkoepelende vertrouwenspersoon")
    COMMITTEE_MEMBER = "committee_member", _("Lid klachtencommissie")
    COMMITTEE_SECRETARY = "committee_secretary", _("Secretaris klachtencommissie")
    AFTERCARE_COORDINATOR = "aftercare_coordinator", _("Coördinator nazorg")
    INTEGRITY_OFFICER = "integrity_officer", _("Integriteitsfunctionaris")
    HR = "hr", _("HR")
    BOARD = "board", _("Bestuur")
    SUPERVISORY_BOARD = "supervisory_board", _("Raad van toezicht")
    REGULATOR = "regulator", _("Toezichthouder")


# Roles that hold for a whole sector rather than one organisation.
SECTOR_WIDE_ROLES = frozenset({Role.SECTOR_COORDINATOR, Role.OVERARCHING_ADVISER, Role.REGULATOR})
# Roles that see aggregated figures only, never a case or a person.
AGGREGATE_ONLY_ROLES = frozenset({Role.SUPERVISORY_BOARD, Role.REGULATOR})
# Roles that may handle reports (which ones depends on each route's handler roles).
REPORT_HANDLER_ROLES = frozenset(
    {
        Role.CONFIDENTIAL_ADVISER,
        Role.OVERARCHING_ADVISER,
        Role.COMMITTEE_MEMBER,
        Role.COMMITTEE_SECRETARY,
        Role.AFTERCARE_COORDINATOR,
        Role.INTEGRITY_OFFICER,
    }
)
# Roles that may manage organisations and memberships of their scope.
ADMINISTERING_ROLES = frozenset({Role.PLATFORM_ADMIN, Role.SECTOR_COORDINATOR})


class Membership(TimeStamped):
    """A role for a user: in one organisation, across a sector, or (platform admin) everywhere."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gebruiker"),
    )
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("sector"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisatie"),
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            # Everyone but a platform admin belongs to a sector.
            models.CheckConstraint(
                condition=Q(role="platform_admin") | Q(sector__isnull=False),
                name="membership_sector_required",
            ),
        ]

    def __str__(self) -> str:
        scope = self.organisation or self.sector or _("platform")
        return f"{self.get_role_display()} · {scope}"

    @property
    def is_sector_wide(self) -> bool:
        return self.organisation_id is None
