"""Writes about organisations and roles. Every role change is an audit event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.tenancy.models import SECTOR_WIDE_ROLES, Membership, Organisation, Role, Sector

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


@transaction.atomic
def membership_grant(
    *,
    user: User,
    role: str,
    sector: Sector | None,
    organisation: Organisation | None,
    by: User | None,
) -> Membership:
    """Give a user a role in an organisation, across a sector, or (platform admin) everywhere.

    Idempotent: granting a role someone already has returns the existing membership."""
    if role not in Role.values:
        raise ValidationError(_("Deze rol bestaat niet."))
    if role == Role.PLATFORM_ADMIN:
        sector, organisation = None, None
    elif organisation is not None:
        if sector is not None and organisation.sector_id != sector.pk:
            raise ValidationError(_("De organisatie hoort niet bij deze sector."))
        sector = organisation.sector
    elif sector is None:
        raise ValidationError(_("Kies een sector of een organisatie."))
    if organisation is None and role not in SECTOR_WIDE_ROLES and role != Role.PLATFORM_ADMIN:
        raise ValidationError(_("Deze rol hoort bij één organisatie. Kies een organisatie."))
    existing = Membership.objects.filter(
        user=user, role=role, sector=sector, organisation=organisation
    ).first()
    if existing is not None:
        return existing
    membership = Membership.objects.create(
        user=user, role=role, sector=sector, organisation=organisation
    )
    audit_record(
        action=AuditAction.ROLE_GRANTED,
        actor=by,
        sector_id=sector.pk if sector else None,
        organisation_id=organisation.pk if organisation else None,
        object_type="membership",
        object_id=membership.pk,
        data={"role": role, "user": user.pk},
    )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, by: User) -> None:
    audit_record(
        action=AuditAction.ROLE_REVOKED,
        actor=by,
        sector_id=membership.sector_id,
        organisation_id=membership.organisation_id,
        object_type="membership",
        object_id=membership.pk,
        data={"role": membership.role, "user": membership.user_id},
    )
    membership.delete()
