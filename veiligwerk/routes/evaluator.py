"""The route wizard's reasoning, as pure functions over plain data (no ORM, no I/O).

A published rule set is a snapshot: questions (each with answers and an optional condition on
earlier answers that decides whether it is asked), and rules (a condition, an effect on one
route, a weight and a reason shown to the person). Given the answers and a date,
:func:`evaluate` returns the routes that fit, ranked, each with its reasons.

Conditions refer to answers as ``"question_key.answer_key"``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Answers = Mapping[str, frozenset[str]]


class Effect(StrEnum):
    INCLUDE = "include"  # the route fits; adds its weight
    RANK = "rank"  # moves an included route up (positive) or down (negative)
    EXCLUDE = "exclude"  # the route does not fit, whatever else fired


@dataclass(frozen=True)
class Condition:
    """Holds when every ``all_of`` answer was given, at least one ``any_of`` answer (if any are
    listed) and none of the ``none_of`` answers."""

    all_of: frozenset[str] = frozenset()
    any_of: frozenset[str] = frozenset()
    none_of: frozenset[str] = frozenset()

    def holds(self, given: frozenset[str]) -> bool:
        return (
            self.all_of <= given
            and (not self.any_of or bool(self.any_of & given))
            and not (self.none_of & given)
        )

    def references(self) -> frozenset[str]:
        return self.all_of | self.any_of | self.none_of


ALWAYS = Condition()


@dataclass(frozen=True)
class Text:
    nl: str
    en: str = ""

    def get(self, language: str) -> str:
        return (self.en if language == "en" else self.nl) or self.nl


@dataclass(frozen=True)
class AnswerOption:
    key: str
    label: Text
    hint: Text = Text("")


@dataclass(frozen=True)
class Question:
    key: str
    text: Text
    answers: tuple[AnswerOption, ...]
    multiple: bool = False
    optional: bool = False
    hint: Text = Text("")
    ask_if: Condition = ALWAYS

    def answer(self, key: str) -> AnswerOption | None:
        return next((a for a in self.answers if a.key == key), None)


@dataclass(frozen=True)
class Rule:
    key: str
    when: Condition
    effect: Effect
    route: str  # route slug
    weight: int = 0
    reason: Text = Text("")


@dataclass(frozen=True)
class RuleSet:
    version: int
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    # Offered when no rule leaves an open route, so nobody ends with nothing.
    fallback_routes: tuple[str, ...] = ()
    fallback_reason: Text = Text("")

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)


@dataclass(frozen=True)
class RouteInfo:
    """What the evaluator needs to know of a route; the rest lives in the database."""

    slug: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None  # last day open
    replaced_by: str | None = None
    emergency: bool = False

    def is_open(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Reason:
    text: Text
    rule: str = ""  # the rule that gave it; empty for reasons the evaluator adds itself
    replaced: str = ""  # slug of the closed route this one replaces


@dataclass(frozen=True)
class RankedRoute:
    slug: str
    score: int
    emergency: bool
    reasons: tuple[Reason, ...] = field(default=())


def given_answers(answers: Answers) -> frozenset[str]:
    return frozenset(f"{q}.{a}" for q, keys in answers.items() for a in keys)


def questions_on_path(rule_set: RuleSet, answers: Answers) -> list[Question]:
    """The questions this person is asked, in order, given what they answered so far.

    A question is on the path when its condition holds on the answers to the questions before
    it. Stops at the first question on the path that has no answer yet (it is the next one)."""
    path: list[Question] = []
    given: set[str] = set()
    for question in rule_set.questions:
        if not question.ask_if.holds(frozenset(given)):
            continue
        path.append(question)
        if question.key not in answers:
            break
        given.update(f"{question.key}.{a}" for a in answers[question.key])
    return path


def next_question(rule_set: RuleSet, answers: Answers) -> Question | None:
    """The first question on the path without an answer, or None when the path is complete."""
    path = questions_on_path(rule_set, answers)
    if path and path[-1].key not in answers:
        return path[-1]
    return None


def _open_successor(
    slug: str, routes: Mapping[str, RouteInfo], on: dt.date
) -> tuple[str | None, str]:
    """Follow 'replaced by' links from a closed route to an open one (cycle-safe)."""
    seen = {slug}
    current = routes.get(slug)
    while current is not None and not current.is_open(on):
        if current.replaced_by is None or current.replaced_by in seen:
            return None, slug
        seen.add(current.replaced_by)
        current = routes.get(current.replaced_by)
    return (current.slug if current else None), slug


CLOSED_REASON = Text(
    "Deze plek vervangt een route die niet meer bestaat.",
    "This replaces a route that no longer exists.",
)


def evaluate(
    rule_set: RuleSet, routes: Mapping[str, RouteInfo], answers: Answers, on: dt.date
) -> list[RankedRoute]:
    """Rank the routes that fit these answers on this date.

    Exclusion wins over inclusion. A closed route is replaced by its open successor, which
    carries the reasons. Emergency routes come first whatever their score; then higher scores;
    ties keep the order of the first rule that included them. When nothing open is left, the
    rule set's fallback routes are offered."""
    given = given_answers(answers)
    scores: dict[str, int] = {}
    reasons: dict[str, list[Reason]] = {}
    excluded: set[str] = set()
    order: list[str] = []
    fired = [rule for rule in rule_set.rules if rule.when.holds(given)]
    for rule in fired:  # first what fits and what does not ...
        if rule.effect is Effect.EXCLUDE:
            excluded.add(rule.route)
        elif rule.effect is Effect.INCLUDE:
            if rule.route not in scores:
                scores[rule.route] = 0
                order.append(rule.route)
            scores[rule.route] += rule.weight
            if rule.reason.nl:
                reasons.setdefault(rule.route, []).append(Reason(rule.reason, rule.key))
    for rule in fired:  # ... then ranking, wherever a rank rule stands in the list
        if rule.effect is Effect.RANK and rule.route in scores:
            scores[rule.route] += rule.weight
            if rule.reason.nl:
                reasons.setdefault(rule.route, []).append(Reason(rule.reason, rule.key))
    ranked = _resolve(order, scores, reasons, excluded, routes, on)
    if not ranked:
        fallback_reasons = {s: [Reason(rule_set.fallback_reason)] for s in rule_set.fallback_routes}
        ranked = _resolve(
            list(rule_set.fallback_routes),
            dict.fromkeys(rule_set.fallback_routes, 0),
            fallback_reasons,
            set(),
            routes,
            on,
        )
    return ranked


def _resolve(
    order: list[str],
    scores: dict[str, int],
    reasons: dict[str, list[Reason]],
    excluded: set[str],
    routes: Mapping[str, RouteInfo],
    on: dt.date,
) -> list[RankedRoute]:
    merged: dict[str, RankedRoute] = {}
    position: dict[str, int] = {}
    for index, slug in enumerate(order):
        if slug in excluded or slug not in routes:
            continue
        target, original = _open_successor(slug, routes, on)
        if target is None or target in excluded:
            continue
        extra = (Reason(CLOSED_REASON, replaced=original),) if target != original else ()
        own = tuple(reasons.get(slug, ())) + extra
        if target in merged:
            previous = merged[target]
            merged[target] = RankedRoute(
                target,
                max(previous.score, scores[slug]),
                previous.emergency,
                previous.reasons + tuple(r for r in own if r not in previous.reasons),
            )
        else:
            merged[target] = RankedRoute(target, scores[slug], routes[target].emergency, own)
            position[target] = index
    return sorted(merged.values(), key=lambda r: (not r.emergency, -r.score, position[r.slug]))
