"""Writes for the route wizard: seeding routes, drafting and publishing rule-set versions."""

from __future__ import annotations

import copy
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
from veiligwerk.routes.models import CoreValue, HandlerScope, Route, RuleSetVersion
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
    roles, scope = seed.HANDLERS.get(data["slug"], ([], HandlerScope.ORGANISATION))
    fields["handler_roles"] = [str(role) for role in roles]
    fields["handler_scope"] = scope
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


# --- Editing a draft ------------------------------------------------------------------------
# Each edit locks the draft, changes a copy of its content and saves it whole through
# rule_set_draft_save. Edits that would leave a condition pointing at an answer that is gone
# are refused, so the editor never silently breaks a rule.


def _condition_refs(condition: Any) -> set[str]:
    if not isinstance(condition, dict):
        return set()
    return {str(ref) for kind in ("all_of", "any_of", "none_of") for ref in condition.get(kind, ())}


def _answer_refs(question: dict[str, Any]) -> set[str]:
    return {f"{question.get('key')}.{a.get('key')}" for a in question.get("answers", ())}


def _listing(items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _users_of(content: dict[str, Any], refs: set[str], *, skip_question: str | None) -> str:
    """The questions and rules whose conditions use any of these answers, for a message."""
    users = [
        _("vraag “%(key)s”") % {"key": q.get("key")}
        for q in content.get("questions", ())
        if q.get("key") != skip_question and _condition_refs(q.get("ask_if")) & refs
    ]
    users += [
        _("regel “%(key)s”") % {"key": r.get("key")}
        for r in content.get("rules", ())
        if _condition_refs(r.get("when")) & refs
    ]
    return _listing(users)


def _locked_draft(draft: RuleSetVersion) -> tuple[RuleSetVersion, dict[str, Any]]:
    locked = RuleSetVersion.objects.select_for_update().get(pk=draft.pk)
    if locked.state != RuleSetVersion.State.DRAFT:
        raise ValidationError(_("Alleen een concept kan worden gewijzigd."))
    return locked, copy.deepcopy(locked.content)


def _position(items: list[dict[str, Any]], key: str) -> int:
    for index, item in enumerate(items):
        if item.get("key") == key:
            return index
    raise ValidationError(
        _(
            "Dit onderdeel staat niet meer in het concept. "
            "Misschien heeft iemand anders het net gewijzigd."
        )
    )


def _check_question_order(questions: list[dict[str, Any]]) -> None:
    """A question may only depend on answers to questions before it."""
    known = set().union(*(_answer_refs(q) for q in questions))
    earlier: set[str] = set()
    for question in questions:
        later = sorted((_condition_refs(question.get("ask_if")) & known) - earlier)
        if later:
            raise ValidationError(
                _(
                    "Dit kan niet: de vraag “%(later)s” hangt af van een antwoord op de vraag "
                    "“%(earlier)s”. Die vraag moet ervoor blijven staan."
                )
                % {"later": question.get("key"), "earlier": later[0].split(".", 1)[0]}
            )
        earlier |= _answer_refs(question)


@transaction.atomic
def rule_set_question_save(
    *, draft: RuleSetVersion, original_key: str | None, question: dict[str, Any], by: User
) -> None:
    """Add a question at the end (no `original_key`) or change one. Fields the editor does not
    show, such as answer hints, are kept."""
    draft, content = _locked_draft(draft)
    questions: list[dict[str, Any]] = content.setdefault("questions", [])
    position = len(questions) if original_key is None else _position(questions, original_key)
    old: dict[str, Any] = questions[position] if original_key is not None else {}
    if any(q.get("key") == question["key"] for i, q in enumerate(questions) if i != position):
        raise ValidationError(
            {"key": _("Er is al een vraag met deze korte naam. Kies een andere.")}
        )
    lost = _answer_refs(old) - _answer_refs(question)
    if question["key"] != old.get("key", question["key"]):
        users = _users_of(content, lost, skip_question=original_key)
        if users:
            raise ValidationError(
                {
                    "key": _(
                        "De korte naam kan niet veranderen: de antwoorden van deze vraag worden "
                        "gebruikt in %(users)s. Pas dat eerst aan."
                    )
                    % {"users": users}
                }
            )
    for ref in sorted(lost):
        users = _users_of(content, {ref}, skip_question=original_key)
        if users:
            raise ValidationError(
                _(
                    "Het antwoord “%(answer)s” kan niet weg of een andere korte naam krijgen: "
                    "het wordt gebruikt in %(users)s. Pas dat eerst aan."
                )
                % {"answer": ref.split(".", 1)[1], "users": users}
            )
    old_answers = {a.get("key"): a for a in old.get("answers", ())}
    merged = {
        **old,
        **question,
        "answers": [{**old_answers.get(a["key"], {}), **a} for a in question["answers"]],
    }
    if original_key is None:
        questions.append(merged)
    else:
        questions[position] = merged
    _check_question_order(questions)
    rule_set_draft_save(draft=draft, content=content, by=by)


@transaction.atomic
def rule_set_question_move(*, draft: RuleSetVersion, key: str, offset: int, by: User) -> None:
    """Move a question up (negative offset) or down; at the top or bottom nothing changes."""
    draft, content = _locked_draft(draft)
    questions: list[dict[str, Any]] = content.get("questions", [])
    position = _position(questions, key)
    target = position + offset
    if not 0 <= target < len(questions):
        return
    questions.insert(target, questions.pop(position))
    _check_question_order(questions)
    rule_set_draft_save(draft=draft, content=content, by=by)


@transaction.atomic
def rule_set_question_delete(*, draft: RuleSetVersion, key: str, by: User) -> None:
    draft, content = _locked_draft(draft)
    questions: list[dict[str, Any]] = content.get("questions", [])
    position = _position(questions, key)
    users = _users_of(content, _answer_refs(questions[position]), skip_question=key)
    if users:
        raise ValidationError(
            _(
                "Deze vraag kan niet weg: de antwoorden worden gebruikt in %(users)s. "
                "Pas dat eerst aan."
            )
            % {"users": users}
        )
    del questions[position]
    rule_set_draft_save(draft=draft, content=content, by=by)


@transaction.atomic
def rule_set_rule_save(
    *, draft: RuleSetVersion, original_key: str | None, rule: dict[str, Any], by: User
) -> None:
    """Add a rule at the end (no `original_key`) or change one."""
    draft, content = _locked_draft(draft)
    rules: list[dict[str, Any]] = content.setdefault("rules", [])
    position = len(rules) if original_key is None else _position(rules, original_key)
    if any(r.get("key") == rule["key"] for i, r in enumerate(rules) if i != position):
        raise ValidationError(
            {"key": _("Er is al een regel met deze korte naam. Kies een andere.")}
        )
    known = set().union(*(_answer_refs(q) for q in content.get("questions", ())))
    if _condition_refs(rule.get("when")) - known:
        raise ValidationError(
            _("De voorwaarde gebruikt een antwoord dat niet meer bestaat. Kies opnieuw.")
        )
    if original_key is None:
        rules.append(rule)
    else:
        rules[position] = {**rules[position], **rule}
    rule_set_draft_save(draft=draft, content=content, by=by)


@transaction.atomic
def rule_set_rule_delete(*, draft: RuleSetVersion, key: str, by: User) -> None:
    draft, content = _locked_draft(draft)
    rules: list[dict[str, Any]] = content.get("rules", [])
    del rules[_position(rules, key)]
    rule_set_draft_save(draft=draft, content=content, by=by)
