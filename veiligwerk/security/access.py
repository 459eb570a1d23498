"""One door per object: every id that arrives in a request passes through a function here.

Each function checks the tenant (sector) first, then the role, and raises the same
:class:`django.http.Http404` for an object that does not exist and one the user may not see,
so ids cannot be probed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from veiligwerk.actionplan.models import Action, Period, Plan, Theme
from veiligwerk.actionplan.selectors import (
    drafts_visible,
    plan_managed_by,
    plans_visible,
    theme_owned_by,
)
from veiligwerk.intake.models import Attachment, Report
from veiligwerk.intake.selectors import handler_is_entitled
from veiligwerk.routes.models import RuleSetVersion
from veiligwerk.security.models import KeyRecoveryRequest
from veiligwerk.tenancy.models import Membership, Organisation, Role, Sector
from veiligwerk.tenancy.selectors import (
    is_platform_admin,
    members_of,
    organisations_active,
    organisations_administered_by,
    sectors_coordinated_by,
    sectors_of,
)

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


def _not_found() -> Http404:
    return Http404("Not found")


def access_sector(*, user: User, sector_id: int) -> Sector:
    sector = sectors_of(user=user).filter(pk=sector_id).first()
    if sector is None:
        raise _not_found()
    return sector


def access_organisation_for_admin(*, user: User, organisation_id: int) -> Organisation:
    """An organisation whose members and keys the user may manage."""
    organisation = (
        Organisation.objects.filter(pk=organisation_id, sector__in=sectors_of(user=user))
        .filter(pk__in=organisations_administered_by(user=user).values("pk"))
        .select_related("sector", "merged_into")
        .first()
    )
    if organisation is None:
        raise _not_found()
    return organisation


def access_membership_for_admin(
    *, user: User, organisation: Organisation, membership_id: int
) -> Membership:
    """A membership in an organisation the user manages."""
    # Tenant first, here too: the function must not trust that its caller checked.
    access_organisation_for_admin(user=user, organisation_id=organisation.pk)
    membership = (
        Membership.objects.filter(
            pk=membership_id, sector_id=organisation.sector_id, organisation=organisation
        )
        .select_related("user")
        .first()
    )
    if membership is None:
        raise _not_found()
    if membership.role == Role.PLATFORM_ADMIN and not is_platform_admin(user=user):
        raise _not_found()
    return membership


def access_key_recovery_request(
    *, user: User, organisation: Organisation, request_id: int
) -> KeyRecoveryRequest:
    """An open recovery request of a member of an organisation the user manages."""
    access_organisation_for_admin(user=user, organisation_id=organisation.pk)
    recovery = (
        KeyRecoveryRequest.objects.filter(
            pk=request_id,
            state=KeyRecoveryRequest.State.OPEN,
            user_key__user__in=members_of(organisation=organisation).values("user"),
        )
        .select_related("user_key__user")
        .first()
    )
    if recovery is None:
        raise _not_found()
    return recovery


def require_platform_admin(*, user: User) -> None:
    if not is_platform_admin(user=user):
        raise _not_found()


def access_administration(*, user: User) -> None:
    """The administration pages exist only for people who administer something."""
    if not organisations_administered_by(user=user).exists():
        raise _not_found()


# --- The reporter's surface: public objects, looked up by slug ------------------------------


def access_public_sector(*, slug: str) -> Sector:
    sector = Sector.objects.filter(slug=slug).first()
    if sector is None:
        raise _not_found()
    return sector


def access_public_organisation(*, sector: Sector, slug: str, on: dt.date) -> Organisation:
    """An organisation of this sector that exists on this date (merged ones are gone)."""
    organisation = organisations_active(sector=sector, on=on).filter(slug=slug).first()
    if organisation is None:
        raise _not_found()
    return organisation


# --- The route wizard's editor: questions and rules of a sector ------------------------------


def access_rule_editor_sectors(*, user: User) -> QuerySet[Sector]:
    """The editor exists only for people who may edit some sector's wizard."""
    sectors = sectors_coordinated_by(user=user)
    if not sectors.exists():
        raise _not_found()
    return sectors


def access_sector_for_rules(*, user: User, sector_id: int) -> Sector:
    """A sector whose wizard questions and rules the user may edit."""
    sector = sectors_coordinated_by(user=user).filter(pk=sector_id).first()
    if sector is None:
        raise _not_found()
    return sector


def access_rule_set_version(*, user: User, sector_id: int, number: int) -> RuleSetVersion:
    """One version (draft or published) of a sector's wizard, for its editors."""
    sector = access_sector_for_rules(user=user, sector_id=sector_id)
    version = (
        RuleSetVersion.objects.filter(sector=sector, number=number)
        .select_related("sector", "published_by")
        .first()
    )
    if version is None:
        raise _not_found()
    return version


# --- Reports (handlers) ----------------------------------------------------------------------


def access_report_for_handler(*, user: User, report_id: int) -> Report:
    """A report the user handles: in their sector, holding its key, entitled by a current role
    on its route (a revoked role closes the door, and its sealed copies are deleted)."""
    report = (
        Report.objects.filter(
            pk=report_id, sector__in=sectors_of(user=user), keys__user_key__user=user
        )
        .select_related("route", "organisation", "sector")
        .first()
    )
    if report is None or not handler_is_entitled(user=user, report=report):
        raise _not_found()
    return report


def access_report_attachment(*, user: User, report_id: int, attachment_id: int) -> Attachment:
    report = access_report_for_handler(user=user, report_id=report_id)
    attachment = Attachment.objects.filter(pk=attachment_id, report=report).first()
    if attachment is None:
        raise _not_found()
    return attachment


def access_plan(*, user: User, plan_id: int) -> Plan:
    """A plan the user may see: coordinators and owners of its sector, regulators (joint and
    shared plans), supervisory boards (joint plan and their organisation's own)."""
    plan = plans_visible(user=user).filter(pk=plan_id).first()
    if plan is None:
        raise _not_found()
    return plan


def access_period(*, user: User, period_id: int) -> Period:
    """A period of a visible plan; an unpublished one only for its coordinator and owners."""
    period = (
        Period.objects.filter(pk=period_id, plan__in=plans_visible(user=user))
        .select_related("plan__sector", "plan__organisation")
        .first()
    )
    if period is None or not (period.is_published or drafts_visible(user=user, plan=period.plan)):
        raise _not_found()
    return period


def access_period_for_manager(*, user: User, period_id: int) -> Period:
    """A period of a plan the user manages (joint plan: coordinator; own plan: its board/HR)."""
    period = access_period(user=user, period_id=period_id)
    if not plan_managed_by(user=user, plan=period.plan):
        raise _not_found()
    return period


def access_plan_for_manager(*, user: User, plan_id: int) -> Plan:
    plan = access_plan(user=user, plan_id=plan_id)
    if not plan_managed_by(user=user, plan=plan):
        raise _not_found()
    return plan


def access_theme_for_owner(*, user: User, period_id: int, letter: str) -> tuple[Period, Theme]:
    """A theme the user drafts updates for in this open period: an owner of the theme (board or
    HR of the owner's organisation) or the plan's manager."""
    period = access_period(user=user, period_id=period_id)
    theme = Theme.objects.filter(plan=period.plan, letter=letter).first()
    if theme is None or period.is_published:
        raise _not_found()
    if not (plan_managed_by(user=user, plan=period.plan) or theme_owned_by(user=user, theme=theme)):
        raise _not_found()
    return period, theme


def access_action(*, user: User, action_id: int) -> Action:
    action = (
        Action.objects.filter(pk=action_id, theme__plan__in=plans_visible(user=user))
        .select_related("theme__plan")
        .first()
    )
    if action is None:
        raise _not_found()
    return action
