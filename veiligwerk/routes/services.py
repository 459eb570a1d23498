"""Writes for the route wizard: seeding routes, drafting and publishing rule-set versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from veiligwerk.common.time import today
from veiligwerk.routes import seed
from veiligwerk.routes.models import CoreValue, Route, RuleSetVersion
from veiligwerk.routes.selectors import route_infos, routes_for, rule_set_draft, rule_set_of
from veiligwerk.routes.snapshot import SnapshotError, rule_set_from_content
from veiligwerk.routes.validator import ValidationReport, validate
from veiligwerk.security.audit import audit_record
from veiligwerk.tenancy.models import Organisation, Sector

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


class PublishRefused(Exception):
    def __init__(self, report: ValidationReport) -> None:
        super().__init__("rule set does not validate")
        self.report = report


def _route_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": data["kind"],
        "anonymity": data["anonymity"],
        "valid_from": data.get("valid_from"),
        "valid_to": data.get("valid_to"),
    }
    for name in (
        "name",
        "summary",
        "audience",
        "anonymity_note",
        "outcome",
        "next_steps",
        "contact",
    ):
        nl, en = data.get(name, ("", ""))
        fields[f"{name}_nl"], fields[f"{name}_en"] = nl, en
    return fields


@transaction.atomic
def routes_seed(*, sector: Sector, own_adviser_for: Sequence[Organisation] = ()) -> int:
    """Create or update the seeded routes of a sector, and publish the first wizard version if
    there is none. `own_adviser_for` get an internal confidential-adviser route of their own."""
    created: dict[str, Route] = {}
    for data in seed.ROUTES:
        created[data["slug"]], _ = Route.objects.update_or_create(
            sector=sector, organisation=None, slug=data["slug"], defaults=_route_fields(data)
        )
    for data in seed.ROUTES:
        if data.get("replaced_by"):
            route = created[data["slug"]]
            route.replaced_by = created[data["replaced_by"]]
            route.save(update_fields=["replaced_by"])
    template = next(d for d in seed.ROUTES if d["slug"] == "vertrouwenspersoon-werkgever")
    for organisation in own_adviser_for:
        fields = _route_fields(template)
        fields["name_nl"] = f"Vertrouwenspersoon van {organisation.name}"
        fields["name_en"] = f"Confidential adviser of {organisation.name}"
        Route.objects.update_or_create(
            sector=sector, organisation=organisation, slug=template["slug"], defaults=fields
        )
    for order, value in enumerate(seed.CORE_VALUES, start=1):
        CoreValue.objects.update_or_create(
            sector=sector,
            order=order,
            defaults={
                "name_nl": value["name"][0],
                "name_en": value["name"][1],
                "text_nl": value["text"][0],
                "text_en": value["text"][1],
            },
        )
    if not RuleSetVersion.objects.filter(sector=sector).exists():
        RuleSetVersion.objects.create(
            sector=sector,
            number=1,
            state=RuleSetVersion.State.PUBLISHED,
            content=seed.RULE_SET_CONTENT,
            published_at=timezone.now(),
        )
    return len(created)


def rule_set_validate(*, version: RuleSetVersion, on: dt.date | None = None) -> ValidationReport:
    routes = routes_for(sector=version.sector)
    return validate(rule_set_of(version), route_infos(routes), on or today())


@transaction.atomic
def rule_set_draft_start(*, sector: Sector, by: User) -> RuleSetVersion:
    """The sector's draft: the existing one, or a copy of the newest version."""
    existing = rule_set_draft(sector=sector)
    if existing is not None:
        return existing
    newest = (
        RuleSetVersion.objects.select_for_update().filter(sector=sector).order_by("-number").first()
    )
    number = (RuleSetVersion.objects.filter(sector=sector).aggregate(n=Max("number"))["n"] or 0) + 1
    draft = RuleSetVersion.objects.create(
        sector=sector,
        number=number,
        state=RuleSetVersion.State.DRAFT,
        content=newest.content if newest else {"questions": [], "rules": []},
    )
    audit_record(
        action="ruleset.draft_started",
        actor=by,
        sector_id=sector.pk,
        object_type="ruleset_version",
        object_id=draft.pk,
    )
    return draft


@transaction.atomic
def rule_set_draft_save(*, draft: RuleSetVersion, content: dict[str, Any], by: User) -> None:
    if draft.state != RuleSetVersion.State.DRAFT:
        raise ValidationError(_("Alleen een concept kan worden gewijzigd."))
    try:
        rule_set_from_content(version=draft.number, content=content)
    except SnapshotError as error:
        raise ValidationError(_("De vragen en regels zijn niet volledig.")) from error
    draft.content = content
    draft.save(update_fields=["content", "updated_at"])
    audit_record(
        action="ruleset.draft_saved",
        actor=by,
        sector_id=draft.sector_id,
        object_type="ruleset_version",
        object_id=draft.pk,
    )


@transaction.atomic
def rule_set_publish(*, draft: RuleSetVersion, by: User, on: dt.date | None = None) -> None:
    """Publish the draft, unless a path leads nowhere or a reference is broken."""
    draft = RuleSetVersion.objects.select_for_update().get(pk=draft.pk)
    if draft.state != RuleSetVersion.State.DRAFT:
        raise ValidationError(_("Deze versie is al gepubliceerd."))
    report = rule_set_validate(version=draft, on=on)
    if report.blocks_publishing:
        raise PublishRefused(report)
    draft.state = RuleSetVersion.State.PUBLISHED
    draft.published_at = timezone.now()
    draft.published_by = by
    draft.save(update_fields=["state", "published_at", "published_by", "updated_at"])
    audit_record(
        action="ruleset.published",
        actor=by,
        sector_id=draft.sector_id,
        object_type="ruleset_version",
        object_id=draft.pk,
        data={"number": draft.number},
    )
