"""The route wizard's evaluator (pure functions, no database).

Properties over every path a person can take through the seeded wizard, and small hand-made rule
sets for the rules of the evaluation itself: exclusion wins, ranking, replacement chains, fallback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veiligwerk.routes import seed
from veiligwerk.routes.evaluator import (
    ALWAYS,
    CLOSED_REASON,
    AnswerOption,
    Condition,
    Effect,
    Question,
    RankedRoute,
    RouteInfo,
    Rule,
    RuleSet,
    Text,
    evaluate,
    next_question,
    questions_on_path,
)
from veiligwerk.routes.snapshot import rule_set_from_content

RULE_SET = rule_set_from_content(version=1, content=seed.RULE_SET_CONTENT)
ROUTES: dict[str, RouteInfo] = {
    d["slug"]: RouteInfo(
        d["slug"],
        d.get("valid_from"),
        d.get("valid_to"),
        d.get("replaced_by"),
        d["kind"] == "emergency",
    )
    for d in seed.ROUTES
}

NAZORG = "bureau-nazorg"
ADVISERS = "overkoepelende-vertrouwenspersonen"
NAZORG_LAST_DAY = dt.date(2025, 5, 15)

AFTER_NAZORG = st.dates(dt.date(2025, 5, 16), dt.date(2035, 12, 31))
NAZORG_STILL_OPEN = st.dates(dt.date(2025, 4, 15), NAZORG_LAST_DAY)

Answers = dict[str, frozenset[str]]


@st.composite
def complete_answers(
    draw: st.DrawFn,
    rule_set: RuleSet = RULE_SET,
    pinned: Mapping[str, frozenset[str]] | None = None,
) -> Answers:
    """Walk the wizard as a person does, question by question until the path is complete.

    Single choice: one answer; several allowed: a non-empty subset; optional: possibly nothing.
    `pinned` fixes the answer to a question whenever that question comes up on the path."""
    pinned = pinned or {}
    answers: Answers = {}
    while (question := next_question(rule_set, answers)) is not None:
        if question.key in pinned:
            answers[question.key] = frozenset(pinned[question.key])
            continue
        keys = [a.key for a in question.answers]
        minimum = 0 if question.optional else 1
        if question.multiple:
            chosen = draw(st.sets(st.sampled_from(keys), min_size=minimum))
        else:
            chosen = set(draw(st.lists(st.sampled_from(keys), min_size=minimum, max_size=1)))
        answers[question.key] = frozenset(chosen)
    return answers


def _slugs(ranked: list[RankedRoute]) -> list[str]:
    return [r.slug for r in ranked]


def _sorted_as_documented(ranked: list[RankedRoute]) -> bool:
    keys = [(not r.emergency, -r.score) for r in ranked]
    return keys == sorted(keys)


# --- The strategy itself -------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(complete_answers())
def test_the_walk_ends_with_a_complete_path_of_asked_questions(answers):
    assert next_question(RULE_SET, answers) is None
    asked = [q.key for q in questions_on_path(RULE_SET, answers)]
    assert set(asked) == set(answers)
    for key, chosen in answers.items():
        question = RULE_SET.question(key)
        assert question is not None
        assert chosen <= {a.key for a in question.answers}
        assert question.optional or chosen
        assert question.multiple or len(chosen) <= 1


# --- Properties on the seeded rule set ------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_NAZORG)
def test_every_complete_answer_set_yields_at_least_one_open_route(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert ranked, answers
    assert all(ROUTES[r.slug].is_open(day) for r in ranked)


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_NAZORG)
def test_closed_bureau_nazorg_is_never_offered_after_its_end_date(answers, day):
    assert NAZORG not in _slugs(evaluate(RULE_SET, ROUTES, answers, day))


@settings(max_examples=100, deadline=None)
@given(
    complete_answers(
        pinned={
            "danger": frozenset({"no"}),
            "relation": frozenset({"former"}),
            "past": frozenset({"yes"}),
        }
    ),
    AFTER_NAZORG,
)
def test_past_harm_after_the_end_date_gets_the_replacement_with_its_reason(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert NAZORG not in _slugs(ranked)
    replacement = next((r for r in ranked if r.slug == ADVISERS), None)
    assert replacement is not None
    replaced = [reason for reason in replacement.reasons if reason.replaced == NAZORG]
    assert replaced and replaced[0].text == CLOSED_REASON
    # The closed route's own reason travels along with the replacement.
    assert any(reason.rule == "aftercare" for reason in replacement.reasons)


@settings(max_examples=100, deadline=None)
@given(
    complete_answers(
        pinned={
            "danger": frozenset({"no"}),
            "relation": frozenset({"former"}),
            "past": frozenset({"yes"}),
        }
    ),
    NAZORG_STILL_OPEN,
)
def test_past_harm_while_bureau_nazorg_was_open_gets_bureau_nazorg_itself(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert NAZORG in _slugs(ranked)
    assert not any(reason.replaced for r in ranked for reason in r.reasons)


@settings(max_examples=100, deadline=None)
@given(complete_answers(), NAZORG_STILL_OPEN)
def test_bureau_nazorg_while_open_only_for_past_harm(answers, day):
    offered = NAZORG in _slugs(evaluate(RULE_SET, ROUTES, answers, day))
    assert offered == ("yes" in answers.get("past", ()))


def test_the_last_open_day_is_inclusive():
    answers = {
        "danger": frozenset({"no"}),
        "relation": frozenset({"former"}),
        "what": frozenset({"other"}),
        "past": frozenset({"yes"}),
        "want": frozenset({"heard"}),
        "anonymous": frozenset({"no"}),
    }
    assert NAZORG in _slugs(evaluate(RULE_SET, ROUTES, answers, NAZORG_LAST_DAY))
    after = evaluate(RULE_SET, ROUTES, answers, NAZORG_LAST_DAY + dt.timedelta(days=1))
    assert NAZORG not in _slugs(after)
    assert ADVISERS in _slugs(after)


@settings(max_examples=50, deadline=None)
@given(complete_answers(pinned={"danger": frozenset({"acute"})}), AFTER_NAZORG)
def test_acute_danger_ranks_emergency_help_first(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert ranked[0].slug == "noodhulp"
    assert ranked[0].emergency


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_NAZORG)
def test_emergency_help_is_first_exactly_when_there_is_acute_danger(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    acute = "acute" in answers["danger"]
    assert (ranked[0].slug == "noodhulp") == acute
    assert ("noodhulp" in _slugs(ranked)) == acute


@settings(max_examples=200, deadline=None)
@given(complete_answers(pinned={"danger": frozenset({"crime"})}), AFTER_NAZORG)
def test_a_crime_ranks_the_police_first(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert ranked[0].slug == "politie"
    assert not ranked[0].emergency


@settings(max_examples=200, deadline=None)
@given(complete_answers(pinned={"anonymous": frozenset({"everyone"})}), AFTER_NAZORG)
def test_an_exclusion_always_wins(answers, day):
    slugs = _slugs(evaluate(RULE_SET, ROUTES, answers, day))
    assert "klachtencommissie" not in slugs
    assert "leidinggevende-hr" not in slugs


@settings(max_examples=100, deadline=None)
@given(
    complete_answers(
        pinned={
            "danger": frozenset({"no"}),
            "relation": frozenset({"employee"}),
            "want": frozenset({"complaint"}),
            "anonymous": frozenset({"no"}),
        }
    ),
    AFTER_NAZORG,
)
def test_a_formal_complaint_without_anonymity_reaches_the_committee(answers, day):
    assert "klachtencommissie" in _slugs(evaluate(RULE_SET, ROUTES, answers, day))


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_NAZORG)
def test_results_are_sorted_emergency_first_then_by_score(answers, day):
    ranked = evaluate(RULE_SET, ROUTES, answers, day)
    assert _sorted_as_documented(ranked)
    assert len(set(_slugs(ranked))) == len(ranked)  # each route once


@settings(max_examples=200, deadline=None)
@given(complete_answers(), AFTER_NAZORG)
def test_evaluation_is_deterministic(answers, day):
    first = evaluate(RULE_SET, ROUTES, answers, day)
    assert evaluate(RULE_SET, ROUTES, answers, day) == first
    # The order in which answers were put in the mapping does not matter.
    reordered = {k: frozenset(sorted(v, reverse=True)) for k, v in reversed(list(answers.items()))}
    assert evaluate(RULE_SET, ROUTES, reordered, day) == first


@settings(max_examples=100, deadline=None)
@given(complete_answers(), AFTER_NAZORG)
def test_every_reason_has_words_in_both_languages(answers, day):
    for route in evaluate(RULE_SET, ROUTES, answers, day):
        for reason in route.reasons:
            assert reason.text.get("nl") and reason.text.get("en")


# --- Hand-made rule sets --------------------------------------------------------------------

DAY = dt.date(2026, 1, 1)
LONG_AGO = dt.date(2020, 1, 1)
YES = Condition(all_of=frozenset({"q.yes"}))
GIVEN = {"q": frozenset({"yes"})}


def _rules(*rules: Rule, fallback: tuple[str, ...] = ()) -> RuleSet:
    question = Question(
        "q", Text("Vraag?"), (AnswerOption("yes", Text("Ja")), AnswerOption("no", Text("Nee")))
    )
    return RuleSet(1, (question,), rules, fallback, Text("Terugval", "Fallback"))


def _include(route: str, weight: int = 10, when: Condition = YES, key: str = "") -> Rule:
    return Rule(key or f"in-{route}", when, Effect.INCLUDE, route, weight, Text(f"want {route}"))


def _rank(route: str, weight: int, when: Condition = YES) -> Rule:
    return Rule(f"rank-{route}", when, Effect.RANK, route, weight, Text(f"rank {route}"))


def _exclude(route: str, when: Condition = YES) -> Rule:
    return Rule(f"out-{route}", when, Effect.EXCLUDE, route)


def _open(*slugs: str) -> dict[str, RouteInfo]:
    return {slug: RouteInfo(slug) for slug in slugs}


@pytest.mark.parametrize("exclude_first", [True, False])
def test_exclude_beats_include_whatever_the_rule_order(exclude_first):
    rules = [_include("a", 100), _include("b", 1)]
    rules.insert(0 if exclude_first else 2, _exclude("a"))
    ranked = evaluate(_rules(*rules), _open("a", "b"), GIVEN, DAY)
    assert _slugs(ranked) == ["b"]


def test_an_exclusion_that_does_not_fire_excludes_nothing():
    rules = _rules(_include("a"), _exclude("a", Condition(all_of=frozenset({"q.no"}))))
    assert _slugs(evaluate(rules, _open("a"), GIVEN, DAY)) == ["a"]


def test_rank_alone_does_not_include_a_route():
    rules = _rules(_include("a", 1), _rank("b", 100))
    assert _slugs(evaluate(rules, _open("a", "b"), GIVEN, DAY)) == ["a"]


def test_rank_moves_an_included_route_up_or_down():
    up = _rules(_include("a", 10), _include("b", 5), _rank("b", 10))
    ranked = evaluate(up, _open("a", "b"), GIVEN, DAY)
    assert _slugs(ranked) == ["b", "a"]
    assert ranked[0].score == 15
    assert [r.rule for r in ranked[0].reasons] == ["in-b", "rank-b"]
    down = _rules(_include("a", 10), _include("b", 5), _rank("a", -10))
    assert _slugs(evaluate(down, _open("a", "b"), GIVEN, DAY)) == ["b", "a"]


def test_rank_does_not_bring_back_an_excluded_route():
    rules = _rules(_include("a", 1), _rank("a", 50), _exclude("a"), _include("b", 1))
    assert _slugs(evaluate(rules, _open("a", "b"), GIVEN, DAY)) == ["b"]


def test_rules_that_do_not_hold_add_nothing():
    rules = _rules(_include("a", 10, when=Condition(all_of=frozenset({"q.no"}))), _include("b", 1))
    assert _slugs(evaluate(rules, _open("a", "b"), GIVEN, DAY)) == ["b"]


def test_weights_of_several_includes_add_up_and_ties_keep_rule_order():
    rules = _rules(
        _include("a", 5, key="a1"),
        _include("b", 5),
        _include("c", 3, key="c1"),
        _include("c", 2, key="c2"),
    )
    ranked = evaluate(rules, _open("a", "b", "c"), GIVEN, DAY)
    assert _slugs(ranked) == ["a", "b", "c"]
    assert [r.score for r in ranked] == [5, 5, 5]


def test_emergency_routes_come_first_whatever_their_score():
    routes = {"a": RouteInfo("a"), "sos": RouteInfo("sos", emergency=True)}
    ranked = evaluate(_rules(_include("a", 1000), _include("sos", 1)), routes, GIVEN, DAY)
    assert _slugs(ranked) == ["sos", "a"]


def test_an_unknown_route_in_a_rule_is_left_out():
    assert _slugs(evaluate(_rules(_include("gone"), _include("a")), _open("a"), GIVEN, DAY)) == [
        "a"
    ]


def test_a_route_that_is_not_open_yet_is_not_offered():
    routes = {"a": RouteInfo("a", valid_from=DAY + dt.timedelta(days=1)), "b": RouteInfo("b")}
    rules = _rules(_include("a"), _include("b"))
    assert _slugs(evaluate(rules, routes, GIVEN, DAY)) == ["b"]
    assert _slugs(evaluate(rules, routes, GIVEN, DAY + dt.timedelta(days=1))) == ["a", "b"]


def test_a_replacement_chain_leads_to_the_first_open_route():
    routes = {
        "a": RouteInfo("a", valid_to=LONG_AGO, replaced_by="b"),
        "b": RouteInfo("b", valid_to=LONG_AGO, replaced_by="c"),
        "c": RouteInfo("c"),
    }
    ranked = evaluate(_rules(_include("a", 7)), routes, GIVEN, DAY)
    assert _slugs(ranked) == ["c"]
    assert ranked[0].score == 7
    assert [r.replaced for r in ranked[0].reasons] == ["", "a"]  # own reason, then the closed one


def test_a_replacement_merges_with_the_same_route_included_directly():
    routes = {
        "old": RouteInfo("old", valid_to=LONG_AGO, replaced_by="new"),
        "new": RouteInfo("new"),
    }
    ranked = evaluate(_rules(_include("new", 3), _include("old", 9)), routes, GIVEN, DAY)
    assert _slugs(ranked) == ["new"]
    assert ranked[0].score == 9
    assert [r.rule for r in ranked[0].reasons] == ["in-new", "in-old", ""]
    assert ranked[0].reasons[-1].replaced == "old"


def test_the_replacement_of_an_excluded_closed_route_is_not_offered_for_it():
    routes = {
        "old": RouteInfo("old", valid_to=LONG_AGO, replaced_by="new"),
        "new": RouteInfo("new"),
    }
    assert evaluate(_rules(_include("old"), _exclude("old")), routes, GIVEN, DAY) == []


def test_an_excluded_replacement_is_not_offered():
    routes = {
        "old": RouteInfo("old", valid_to=LONG_AGO, replaced_by="new"),
        "new": RouteInfo("new"),
    }
    assert evaluate(_rules(_include("old"), _exclude("new")), routes, GIVEN, DAY) == []


@pytest.mark.parametrize(
    "routes",
    [
        {
            "a": RouteInfo("a", valid_to=LONG_AGO, replaced_by="b"),
            "b": RouteInfo("b", valid_to=LONG_AGO, replaced_by="c"),
            "c": RouteInfo("c", valid_to=LONG_AGO, replaced_by="a"),
        },
        {"a": RouteInfo("a", valid_to=LONG_AGO, replaced_by="a")},
        {"a": RouteInfo("a", valid_to=LONG_AGO, replaced_by="missing")},
        {"a": RouteInfo("a", valid_to=LONG_AGO)},
    ],
    ids=["cycle", "self", "missing", "no-successor"],
)
def test_closed_routes_without_an_open_successor_yield_nothing_without_crashing(routes):
    assert evaluate(_rules(_include("a")), routes, GIVEN, DAY) == []


def test_fallback_is_not_used_when_a_rule_leaves_an_open_route():
    rules = _rules(_include("a"), fallback=("help",))
    assert _slugs(evaluate(rules, _open("a", "help"), GIVEN, DAY)) == ["a"]


@pytest.mark.parametrize(
    ("rules", "routes"),
    [
        ((), _open("a", "help")),  # no rule fires
        ((_include("a"), _exclude("a")), _open("a", "help")),  # everything excluded
        ((_include("a"),), {"a": RouteInfo("a", valid_to=LONG_AGO), "help": RouteInfo("help")}),
    ],
    ids=["nothing-fires", "excluded", "closed"],
)
def test_fallback_is_used_when_nothing_else_is_open(rules, routes):
    ranked = evaluate(_rules(*rules, fallback=("help",)), routes, GIVEN, DAY)
    assert _slugs(ranked) == ["help"]
    assert ranked[0].reasons[0].text == Text("Terugval", "Fallback")


def test_a_closed_fallback_is_replaced_too():
    routes = {
        "help": RouteInfo("help", valid_to=LONG_AGO, replaced_by="new"),
        "new": RouteInfo("new"),
    }
    ranked = evaluate(_rules(fallback=("help",)), routes, GIVEN, DAY)
    assert _slugs(ranked) == ["new"]
    assert ranked[0].reasons[-1].replaced == "help"


# --- Conditions and the path ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "given", "holds"),
    [
        (ALWAYS, frozenset(), True),
        (Condition(all_of=frozenset({"q.a", "q.b"})), frozenset({"q.a"}), False),
        (Condition(all_of=frozenset({"q.a", "q.b"})), frozenset({"q.a", "q.b"}), True),
        (Condition(any_of=frozenset({"q.a", "q.b"})), frozenset({"q.b"}), True),
        (Condition(any_of=frozenset({"q.a"})), frozenset(), False),
        (Condition(none_of=frozenset({"q.a"})), frozenset({"q.a", "q.b"}), False),
        (
            Condition(all_of=frozenset({"q.a"}), none_of=frozenset({"q.a"})),
            frozenset({"q.a"}),
            False,
        ),
    ],
)
def test_conditions(condition, given, holds):
    assert condition.holds(given) is holds


def test_acute_danger_ends_the_path_at_once():
    assert next_question(RULE_SET, {"danger": frozenset({"acute"})}) is None
    assert [q.key for q in questions_on_path(RULE_SET, {"danger": frozenset({"acute"})})] == [
        "danger"
    ]


def test_the_past_is_only_asked_of_former_staff():
    start = {"danger": frozenset({"no"}), "what": frozenset({"other"})}
    former = next_question(RULE_SET, {**start, "relation": frozenset({"former"})})
    employee = next_question(RULE_SET, {**start, "relation": frozenset({"employee"})})
    assert former is not None and former.key == "past"
    assert employee is not None and employee.key == "want"


def test_texts_fall_back_to_dutch():
    assert Text("Ja", "").get("en") == "Ja"
    assert Text("Ja", "Yes").get("en") == "Yes"
    assert Text("Ja", "Yes").get("nl") == "Ja"


def test_a_rank_rule_counts_wherever_it_stands_in_the_list():
    """Coordinators add rules in any order: ranking waits until every include has fired."""
    rules = _rules(_rank("b", 50), _include("a", 10), _include("b", 1))
    assert _slugs(evaluate(rules, _open("a", "b"), GIVEN, DAY)) == ["b", "a"]
