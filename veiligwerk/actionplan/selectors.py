"""Reads for the action-plan monitor: who acts for which owner, which plans and periods a
person may see, an action's history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from veiligwerk.actionplan.models import (
    ActionUpdate,
    Owner,
    Period,
    PeriodState,
    Plan,
    Theme,
)
from veiligwerk.tenancy.models import Membership, Organisation, Role

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User
    from veiligwerk.actionplan.models import Action

# Members of an owner's organisation with these roles draft that owner's updates.
OWNER_ROLES = frozenset({Role.BOARD, Role.HR})
# Readers of published reports only (never drafts).
PUBLISHED_READER_ROLES = frozenset({Role.REGULATOR, Role.SUPERVISORY_BOARD})


def _memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, sector__isnull=False)


def plan_coordinated_sectors(*, user: User) -> set[int]:
    return set(
        _memberships(user).filter(role=Role.SECTOR_COORDINATOR).values_list("sector_id", flat=True)
    )


def plan_managed_by(*, user: User, plan: Plan) -> bool:
    """Who opens periods, reviews and publishes, and adds themes and actions: the sector's
    coordinator for the joint plan; the organisation's board or HR for its own plan."""
    if plan.organisation_id is None:
        return plan.sector_id in plan_coordinated_sectors(user=user)
    return (
        _memberships(user)
        .filter(organisation_id=plan.organisation_id, role__in=list(OWNER_ROLES))
        .exists()
    )


def organisations_planning(*, user: User) -> QuerySet[Organisation]:
    """Organisations for which the user may start an own plan (board or HR there)."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=list(OWNER_ROLES)
    ).distinct()


def owners_acted_for(*, user: User) -> QuerySet[Owner]:
    """The owners this user drafts updates for: board or HR of the owner's organisation."""
    organisation_ids = (
        _memberships(user)
        .filter(role__in=list(OWNER_ROLES), organisation__isnull=False)
        .values("organisation_id")
    )
    return Owner.objects.filter(organisation_id__in=organisation_ids)


def theme_owned_by(*, user: User, theme: Theme) -> bool:
    return theme.owners.filter(pk__in=owners_acted_for(user=user).values("pk")).exists()


def plans_visible(*, user: User) -> QuerySet[Plan]:
    """Coordinators and owners see their sector's plans with drafts; regulators and supervisory
    boards see plans, but only published periods of them (see `periods_visible`)."""
    memberships = list(_memberships(user))
    sector_ids = {m.sector_id for m in memberships}
    coordinated = {m.sector_id for m in memberships if m.role == Role.SECTOR_COORDINATOR}
    organisation_ids = {m.organisation_id for m in memberships if m.organisation_id}
    is_reader = any(m.role in OWNER_ROLES | PUBLISHED_READER_ROLES for m in memberships)
    joint = Q(organisation__isnull=True)
    own = Q(organisation_id__in=organisation_ids)
    shared = Q(shared_with_regulator=True)
    regulator_sectors = {m.sector_id for m in memberships if m.role == Role.REGULATOR}
    visible = Q(sector_id__in=coordinated)
    if is_reader:
        visible |= Q(sector_id__in=sector_ids) & (joint | own)
    if regulator_sectors:
        visible |= Q(sector_id__in=regulator_sectors) & shared
    return Plan.objects.filter(visible).select_related("organisation", "sector")


def drafts_visible(*, user: User, plan: Plan) -> bool:
    """Whether the user may see unpublished periods of this plan: its manager, the sector's
    coordinator, or an owner of one of its themes."""
    if plan.sector_id in plan_coordinated_sectors(user=user) or plan_managed_by(
        user=user, plan=plan
    ):
        return True
    return Theme.objects.filter(
        plan=plan, owners__in=owners_acted_for(user=user).values("pk")
    ).exists()


def periods_visible(*, user: User, plan: Plan) -> QuerySet[Period]:
    periods = plan.periods.all()
    if not drafts_visible(user=user, plan=plan):
        periods = periods.filter(state=PeriodState.PUBLISHED)
    return periods.order_by("-deadline")


def period_previous(*, period: Period) -> Period | None:
    """The published period before this one, for "what changed"."""
    return (
        Period.objects.filter(
            plan_id=period.plan_id, state=PeriodState.PUBLISHED, deadline__lt=period.deadline
        )
        .order_by("-deadline")
        .first()
    )


def action_history(*, action: Action, published_only: bool) -> list[ActionUpdate]:
    """The action's status per period, oldest first."""
    updates = ActionUpdate.objects.filter(action=action).select_related("theme_update__period")
    if published_only:
        updates = updates.filter(theme_update__period__state=PeriodState.PUBLISHED)
    return sorted(updates, key=lambda u: u.theme_update.period.deadline)
