"""Reads for the route wizard: routes as seen from a sector or one organisation, rule sets."""

from __future__ import annotations

from django.db.models import Q

from veiligwerk.routes.evaluator import RouteInfo, RuleSet
from veiligwerk.routes.models import Route, RuleSetVersion
from veiligwerk.routes.snapshot import rule_set_from_content
from veiligwerk.tenancy.models import Organisation, Sector


def routes_for(*, sector: Sector, organisation: Organisation | None = None) -> dict[str, Route]:
    """Routes by slug: the sector's, with an organisation's own route replacing the sector-wide
    one of the same slug (for example its internal confidential adviser)."""
    scope = Q(organisation__isnull=True)
    if organisation is not None:
        scope |= Q(organisation=organisation)
    routes: dict[str, Route] = {}
    for route in Route.objects.filter(sector=sector).filter(scope).select_related("replaced_by"):
        if route.organisation_id is not None or route.slug not in routes:
            routes[route.slug] = route
    return routes


def route_infos(routes: dict[str, Route]) -> dict[str, RouteInfo]:
    return {
        slug: RouteInfo(
            slug=slug,
            valid_from=route.valid_from,
            valid_to=route.valid_to,
            replaced_by=route.replaced_by.slug if route.replaced_by else None,
            emergency=route.is_emergency,
        )
        for slug, route in routes.items()
    }


def rule_set_published(*, sector: Sector, number: int | None = None) -> RuleSetVersion | None:
    """The newest published version, or a given published version (kept for people who
    started before a newer one was published)."""
    versions = RuleSetVersion.objects.filter(sector=sector, state=RuleSetVersion.State.PUBLISHED)
    if number is not None:
        return versions.filter(number=number).first()
    return versions.order_by("-number").first()


def rule_set_draft(*, sector: Sector) -> RuleSetVersion | None:
    return RuleSetVersion.objects.filter(sector=sector, state=RuleSetVersion.State.DRAFT).first()


def rule_set_of(version: RuleSetVersion) -> RuleSet:
    return rule_set_from_content(version=version.number, content=version.content)


def rule_set_versions(*, sector: Sector) -> list[RuleSetVersion]:
    """Every version of a sector's wizard, newest first (the history the editor shows)."""
    return list(
        RuleSetVersion.objects.filter(sector=sector)
        .select_related("published_by")
        .order_by("-number")
    )
