"""Properties of the evaluator on the seeded rule set, over every kind of answer path."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from veiligwerk.routes import seed
from veiligwerk.routes.evaluator import (
    AnswerOption,
    Condition,
    Effect,
    Question,
    RouteInfo,
    Rule,
    RuleSet,
    Text,
    evaluate,
    next_question,
)
from veiligwerk.routes.snapshot import rule_set_from_content

RULE_SET = rule_set_from_content(version=1, content=seed.RULE_SET_CONTENT)
ROUTES = {
    d["slug"]: RouteInfo(
        d["slug"],
        d.get("valid_from"),
        d.get("valid_to"),
        d.get("replaced_by"),
        d["kind"] == "emergency",
    )
    for d in seed.ROUTES
}
NAZORG_CLOSED = dt.date(2025, 5, 15)
AFTER_SETUP = st.dates(dt.date(2025, 5, 16), dt.date(2035, 12, 31))


@st.composite
def complete_answers(draw, rule_set: RuleSet = RULE_SET) -> dict[str, frozenset[str]]:
    """Walk the wizard as a person would: one answer per question, several where allowed."""
    answers: dict[str, frozenset[str]] = {}
    while (question := next_question(rule_set, answers)) is not None:
        keys = [a.key for a in question.answers]
        if question.multiple:
            chosen = draw(st.sets(st.sampled_from(keys), min_size=0 if question.optional else 1))
        else:
            chosen = {draw(st.sampled_from(keys))}
        answers[question.key] = frozenset(chosen)
    return answers


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_SETUP)
def test_every_complete_answer_set_yields_an_open_route(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert ranked
    assert all(ROUTES[r.slug].is_open(day) for r in ranked)


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_SETUP)
def test_closed_aftercare_is_never_offered_and_its_replacement_is(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    slugs = [r.slug for r in ranked]
    assert "bureau-nazorg" not in slugs
    if "yes" in answers.get("past", ()):
        replacement = next(r for r in ranked if r.slug == "overkoepelende-vertrouwenspersonen")
        assert any(reason.replaced == "bureau-nazorg" for reason in replacement.reasons)


@settings(max_examples=50, deadline=None)
@given(complete_answers(), st.dates(dt.date(2025, 4, 15), NAZORG_CLOSED))
def test_aftercare_is_offered_itself_while_it_was_open(answers, day):
    ranked = [r.slug for r in evaluate(RULE_SET, ROUTES, answers, day)]
    assert ("bureau-nazorg" in ranked) == ("yes" in answers.get("past", ()))


@settings(max_examples=100, deadline=None)
@given(AFTER_SETUP)
def test_acute_danger_ranks_emergency_help_first(day):
    ranked = evaluate(RULE_SET, ROUTES, {"danger": frozenset({"acute"})}, day)
    assert ranked[0].slug == "noodhulp"
    assert ranked[0].emergency


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_SETUP)
def test_a_crime_ranks_the_police_first(answers, day):
    if "crime" not in answers["danger"]:
        answers = {**answers, "danger": frozenset({"crime"})}
    assert evaluate(RULE_SET, ROUTES, answers, day)[0].slug == "politie"


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_SETUP)
def test_exclusion_wins_and_results_are_ordered(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    if "everyone" in answers.get("anonymous", ()):
        assert "klachtencommissie" not in [r.slug for r in ranked]
    keys = [(not r.emergency, -r.score) for r in ranked]
    assert keys == sorted(keys)
    assert ranked == evaluate(RULE_SET, ROUTES, answers, day)


def _tiny(rules: tuple[Rule, ...], fallback: tuple[str, ...] = ()) -> RuleSet:
    question = Question("q", Text("Q?"), (AnswerOption("a", Text("A")),))
    return RuleSet(1, (question,), rules, fallback, Text("fallback"))


ALWAYS_A = Condition(all_of=frozenset({"q.a"}))


def test_replacement_chains_reach_the_open_route_and_cycles_end():
    day = dt.date(2026, 1, 1)
    old = dt.date(2020, 1, 1)
    chain = {
        "a": RouteInfo("a", valid_to=old, replaced_by="b"),
        "b": RouteInfo("b", valid_to=old, replaced_by="c"),
        "c": RouteInfo("c"),
    }
    rules = (Rule("r", ALWAYS_A, Effect.INCLUDE, "a", 1, Text("x")),)
    assert [r.slug for r in evaluate(_tiny(rules), chain, {"q": frozenset({"a"})}, day)] == ["c"]
    cycle = {
        "a": RouteInfo("a", valid_to=old, replaced_by="b"),
        "b": RouteInfo("b", valid_to=old, replaced_by="a"),
    }
    assert evaluate(_tiny(rules), cycle, {"q": frozenset({"a"})}, day) == []


def test_fallback_only_when_nothing_else_is_open():
    day = dt.date(2026, 1, 1)
    routes = {"x": RouteInfo("x"), "help": RouteInfo("help")}
    include = (Rule("r", ALWAYS_A, Effect.INCLUDE, "x", 1, Text("x")),)
    answers = {"q": frozenset({"a"})}
    assert [r.slug for r in evaluate(_tiny(include, ("help",)), routes, answers, day)] == ["x"]
    excluded = (*include, Rule("no", ALWAYS_A, Effect.EXCLUDE, "x"))
    assert [r.slug for r in evaluate(_tiny(excluded, ("help",)), routes, answers, day)] == ["help"]
