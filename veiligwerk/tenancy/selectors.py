"""Reads about sectors, organisations and roles."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from veiligwerk.common.time import today
from veiligwerk.tenancy.models import (
    ADMINISTERING_ROLES,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    Sector,
)

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


def memberships_of(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("sector", "organisation")


def roles_of(*, user: User) -> set[str]:
    return set(Membership.objects.filter(user=user).values_list("role", flat=True))


def is_platform_admin(*, user: User) -> bool:
    return Membership.objects.filter(user=user, role=Role.PLATFORM_ADMIN).exists()


def sectors_of(*, user: User) -> QuerySet[Sector]:
    """The sectors (tenants) a user works in; a platform admin works in all."""
    if is_platform_admin(user=user):
        return Sector.objects.all()
    return Sector.objects.filter(memberships__user=user).distinct()


def sectors_coordinated_by(*, user: User) -> QuerySet[Sector]:
    """Sectors whose shared things (the route wizard, later the action plan) the user may edit:
    all for a platform admin; for a sector coordinator (sector-wide role) their own sector."""
    if is_platform_admin(user=user):
        return Sector.objects.all()
    return Sector.objects.filter(
        pk__in=Membership.objects.filter(
            user=user, role=Role.SECTOR_COORDINATOR, organisation__isnull=True
        ).values("sector")
    )


def organisations_administered_by(*, user: User) -> QuerySet[Organisation]:
    """Organisations whose members and keys this user may manage."""
    if is_platform_admin(user=user):
        return Organisation.objects.all()
    admin_scope = Membership.objects.filter(user=user, role__in=ADMINISTERING_ROLES)
    return Organisation.objects.filter(
        Q(sector__in=admin_scope.filter(organisation__isnull=True).values("sector"))
        | Q(pk__in=admin_scope.filter(organisation__isnull=False).values("organisation"))
    )


def organisations_for_escrow(*, user: User) -> QuerySet[Organisation]:
    """Organisations whose recovery key may restore this user's key: those they have a role in,
    and for a sector-wide role the sector's coordinating organisation."""
    memberships = Membership.objects.filter(user=user)
    return Organisation.objects.filter(
        Q(pk__in=memberships.filter(organisation__isnull=False).values("organisation"))
        | Q(
            kind=OrganisationKind.COORDINATOR,
            sector__in=memberships.filter(organisation__isnull=True).values("sector"),
        )
    )


def organisations_active(*, sector: Sector, on: dt.date | None = None) -> QuerySet[Organisation]:
    day = on or today()
    return Organisation.objects.filter(sector=sector, valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def members_of(*, organisation: Organisation) -> QuerySet[Membership]:
    """Memberships that serve an organisation: its own, and for the coordinating organisation
    the sector-wide roles."""
    scope = Q(organisation=organisation)
    if organisation.kind == OrganisationKind.COORDINATOR:
        scope |= Q(organisation__isnull=True, sector_id=organisation.sector_id)
    return (
        Membership.objects.filter(sector_id=organisation.sector_id)
        .filter(scope)
        .select_related("user", "organisation")
        .order_by("user__username", "role")
    )


def key_recovery_requests_open(*, organisations: QuerySet[Organisation]) -> QuerySet[Any]:
    """Open key-recovery requests of people who serve any of these organisations."""
    from veiligwerk.security.models import KeyRecoveryRequest

    users = Membership.objects.filter(
        Q(organisation__in=organisations)
        | Q(
            organisation__isnull=True,
            sector__in=organisations.filter(kind=OrganisationKind.COORDINATOR).values("sector"),
        )
    ).values("user")
    return KeyRecoveryRequest.objects.filter(
        state=KeyRecoveryRequest.State.OPEN, user_key__user__in=users
    ).select_related("user_key__user")
