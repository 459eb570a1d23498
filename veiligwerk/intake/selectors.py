"""Reads: who handles a route, which reports a handler may open."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from veiligwerk.intake.models import Report
from veiligwerk.routes.models import HandlerScope, Route
from veiligwerk.security.models import UserKey
from veiligwerk.tenancy.models import Membership, Organisation

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


def handler_memberships(*, route: Route, organisation: Organisation | None) -> QuerySet[Membership]:
    """The memberships that entitle someone to handle reports on this route about this
    organisation: the route's roles, sector-wide or in the organisation concerned."""
    memberships = Membership.objects.filter(
        sector_id=route.sector_id, role__in=list(route.handler_roles or [])
    )
    if route.handler_scope == HandlerScope.ORGANISATION:
        organisation_id = route.organisation_id or (organisation.pk if organisation else None)
        if organisation_id is None:
            return memberships.none()
        memberships = memberships.filter(organisation_id=organisation_id)
    return memberships


def handler_keys(*, route: Route, organisation: Organisation | None) -> QuerySet[UserKey]:
    """Public keys of the active handlers of a route (those who have logged in once)."""
    return UserKey.objects.filter(
        user__in=handler_memberships(route=route, organisation=organisation).values("user"),
        user__is_active=True,
    )


def route_accepts_reports(*, route: Route, organisation: Organisation | None) -> bool:
    """A report can be made here: an in-platform route with a handler who can read it."""
    return bool(
        route.in_platform
        and route.handler_roles
        and handler_keys(route=route, organisation=organisation).exists()
    )


def membership_entitles(
    membership: Membership, *, route: Route, organisation_id: int | None
) -> bool:
    """The same test as `handler_memberships`, for one membership already in memory."""
    if membership.sector_id != route.sector_id or membership.role not in (
        route.handler_roles or []
    ):
        return False
    if route.handler_scope == HandlerScope.ORGANISATION:
        concerned = route.organisation_id or organisation_id
        return concerned is not None and membership.organisation_id == concerned
    return True


def handler_is_entitled(*, user: User, report: Report) -> bool:
    return (
        handler_memberships(route=report.route, organisation=report.organisation)
        .filter(user=user)
        .exists()
    )


def reports_for_handler(*, user: User) -> list[Report]:
    """Reports the user holds a key for and is (still) entitled to handle, newest first.

    Two queries whatever the number of reports: the user's memberships, then the reports."""
    memberships = list(Membership.objects.filter(user=user, sector__isnull=False))
    candidates = (
        Report.objects.filter(
            sector_id__in={m.sector_id for m in memberships}, keys__user_key__user=user
        )
        .select_related("route", "organisation", "sector")
        .distinct()
        .order_by("-created_at")
    )
    return [
        report
        for report in candidates
        if any(
            membership_entitles(m, route=report.route, organisation_id=report.organisation_id)
            for m in memberships
        )
    ]


def organisations_accepting_reports(
    *, route: Route, organisations: Iterable[Organisation]
) -> set[int]:
    """Ids of the organisations for which a report on this route has a handler with a key:
    one query, instead of `route_accepts_reports` per organisation."""
    organisations = list(organisations)
    if not (route.in_platform and route.handler_roles):
        return set()
    if route.handler_scope != HandlerScope.ORGANISATION or route.organisation_id:
        accepts = route_accepts_reports(route=route, organisation=None)
        return {o.pk for o in organisations} if accepts else set()
    with_key = Membership.objects.filter(
        sector_id=route.sector_id,
        role__in=list(route.handler_roles),
        organisation_id__in=[o.pk for o in organisations],
        user__is_active=True,
        user__key__isnull=False,
    ).values_list("organisation_id", flat=True)
    return set(with_key)
