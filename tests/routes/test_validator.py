"""The validator: dead ends, unreachable routes, rules that never fire, unknown references."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import SectorFactory, member
from veiligwerk.routes.evaluator import (
    AnswerOption,
    Condition,
    Effect,
    Question,
    RouteInfo,
    Rule,
    RuleSet,
    Text,
)
from veiligwerk.routes.models import RuleSetVersion
from veiligwerk.routes.selectors import rule_set_draft, rule_set_published
from veiligwerk.routes.services import (
    PublishRefused,
    routes_seed,
    rule_set_draft_save,
    rule_set_draft_start,
    rule_set_publish,
    rule_set_validate,
)
from veiligwerk.routes.validator import validate
from veiligwerk.tenancy.models import Role

DAY = dt.date(2026, 11, 28)


def _question(key: str, *answers: str, **kwargs: object) -> Question:
    return Question(
        key=key,
        text=Text(key),
        answers=tuple(AnswerOption(a, Text(a)) for a in answers),
        **kwargs,  # type: ignore[arg-type]
    )


def _rule(key: str, effect: Effect, route: str, **when: frozenset[str]) -> Rule:
    return Rule(key=key, when=Condition(**when), effect=effect, route=route, weight=10)


ROUTES = {
    "alpha": RouteInfo("alpha"),
    "gamma": RouteInfo("gamma"),  # open, but no rule leads to it
    "closed": RouteInfo("closed", valid_to=dt.date(2020, 1, 1)),  # closed: not reported
}


def test_a_dead_end_an_unreachable_route_and_a_rule_that_never_fires_are_each_reported():
    rule_set = RuleSet(
        version=1,
        questions=(_question("who", "a", "b"),),
        rules=(
            _rule("to-alpha", Effect.INCLUDE, "alpha", all_of=frozenset({"who.a"})),
            # One answer only, so both together never happen.
            _rule("never", Effect.RANK, "alpha", all_of=frozenset({"who.a", "who.b"})),
        ),
    )
    report = validate(rule_set, ROUTES, DAY)
    assert report.paths_checked == 2
    assert report.dead_ends == [{"who": ("b",)}]
    assert report.unreachable_routes == ["gamma"]
    assert report.rules_never_firing == ["never"]
    assert report.unknown_references == []
    assert report.blocks_publishing


def test_a_fallback_route_closes_the_dead_end():
    rule_set = RuleSet(
        version=1,
        questions=(_question("who", "a", "b"),),
        rules=(_rule("to-alpha", Effect.INCLUDE, "alpha", all_of=frozenset({"who.a"})),),
        fallback_routes=("gamma",),
    )
    report = validate(rule_set, ROUTES, DAY)
    assert report.dead_ends == []
    assert report.unreachable_routes == []
    assert not report.blocks_publishing


def test_skipped_and_multiple_answers_are_explored():
    rule_set = RuleSet(
        version=1,
        questions=(_question("what", "x", "y", "z", multiple=True, optional=True),),
        rules=(
            _rule("both", Effect.INCLUDE, "alpha", all_of=frozenset({"what.x", "what.y"})),
            _rule(
                "none", Effect.INCLUDE, "gamma", none_of=frozenset({"what.x", "what.y", "what.z"})
            ),
        ),
    )
    report = validate(rule_set, ROUTES, DAY)
    # skipped, three single answers, three pairs
    assert report.paths_checked == 7
    assert report.rules_never_firing == []
    assert {"what": ()} not in report.dead_ends
    assert {"what": ("x", "y")} not in report.dead_ends
    assert {"what": ("x",)} in report.dead_ends


def test_unknown_references_are_reported_and_block_publishing():
    rule_set = RuleSet(
        version=1,
        questions=(_question("who", "a", "b"),),
        rules=(
            _rule("to-alpha", Effect.INCLUDE, "alpha"),
            _rule("to-nowhere", Effect.INCLUDE, "missing-route"),
            _rule("bad-answer", Effect.RANK, "alpha", all_of=frozenset({"who.zzz"})),
        ),
        fallback_routes=("gone",),
    )
    report = validate(rule_set, ROUTES, DAY)
    assert report.dead_ends == []
    assert report.unknown_references == [
        "rule to-nowhere: unknown route missing-route",
        "rule bad-answer: unknown answer who.zzz",
        "fallback: unknown route gone",
    ]
    assert report.blocks_publishing


# --- The seeded rule set, through the database --------------------------------------------------


@pytest.fixture
def sector():
    sector = SectorFactory()
    routes_seed(sector=sector)
    return sector


@pytest.mark.django_db
def test_the_seeded_rule_set_validates_clean_on_28_november_2026(sector):
    report = rule_set_validate(version=rule_set_published(sector=sector), on=DAY)
    assert report.paths_checked > 1000
    assert report.dead_ends == []
    assert report.unreachable_routes == []
    assert report.rules_never_firing == []
    assert report.unknown_references == []
    assert not report.truncated
    assert report.ok


@pytest.mark.django_db
def test_before_the_advisers_existed_the_seeded_rule_set_has_dead_ends(sector):
    report = rule_set_validate(version=rule_set_published(sector=sector), on=dt.date(2025, 1, 1))
    assert report.dead_ends
    assert report.blocks_publishing
    # The fallback (the overarching advisers, from 15 March 2025) is not open yet.
    assert {
        "danger": ("no",),
        "relation": ("employee",),
        "what": ("behaviour",),
        "want": ("heard",),
        "trust": ("no",),
        "anonymous": ("everyone",),
    } in report.dead_ends


@pytest.mark.django_db
def test_a_draft_with_unknown_references_is_not_published(sector):
    coordinator = member(Role.SECTOR_COORDINATOR, sector=sector)
    draft = rule_set_draft_start(sector=sector, by=coordinator)
    content = dict(draft.content)
    content["rules"] = [
        *content["rules"],
        {"key": "to-nowhere", "effect": "include", "route": "missing-route", "weight": 1},
        {
            "key": "bad-answer",
            "effect": "rank",
            "route": "politie",
            "when": {"all_of": ["danger.zzz"]},
        },
    ]
    rule_set_draft_save(draft=draft, content=content, by=coordinator)
    with pytest.raises(PublishRefused) as refused:
        rule_set_publish(draft=draft, by=coordinator, on=DAY)
    assert refused.value.report.unknown_references == [
        "rule to-nowhere: unknown route missing-route",
        "rule bad-answer: unknown answer danger.zzz",
    ]
    assert rule_set_draft(sector=sector) == draft
    assert rule_set_published(sector=sector).number == 1
    assert RuleSetVersion.objects.filter(sector=sector).count() == 2
