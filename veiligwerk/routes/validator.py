"""Checks a rule set before it is published: every path must lead to an open route, every open
route must be reachable, every rule must be able to fire, and every reference must exist.

Pure: works on the evaluator's data classes. Multiple-choice questions are explored with every
single answer, every pair, and no answer when the question may be skipped; a path that needs
three or more answers to one question to reach something is not explored.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from veiligwerk.routes.evaluator import (
    Answers,
    Question,
    RouteInfo,
    RuleSet,
    evaluate,
    given_answers,
    next_question,
)

MAX_PATHS = 200_000


@dataclass
class ValidationReport:
    dead_ends: list[dict[str, tuple[str, ...]]] = field(default_factory=list)
    unreachable_routes: list[str] = field(default_factory=list)
    rules_never_firing: list[str] = field(default_factory=list)
    unknown_references: list[str] = field(default_factory=list)
    paths_checked: int = 0
    truncated: bool = False

    @property
    def blocks_publishing(self) -> bool:
        """Publishing is refused while a path leads nowhere or a reference is broken."""
        return bool(self.dead_ends or self.unknown_references or self.truncated)

    @property
    def ok(self) -> bool:
        return not (self.blocks_publishing or self.unreachable_routes or self.rules_never_firing)


def _choices(question: Question) -> Iterator[frozenset[str]]:
    keys = [a.key for a in question.answers]
    if question.optional:
        yield frozenset()
    for key in keys:
        yield frozenset({key})
    if question.multiple:
        for pair in itertools.combinations(keys, 2):
            yield frozenset(pair)


def complete_paths(rule_set: RuleSet) -> Iterator[Answers]:
    """Every complete answer set the wizard can produce (see the module note on multiples)."""
    stack: list[dict[str, frozenset[str]]] = [{}]
    while stack:
        answers = stack.pop()
        question = next_question(rule_set, answers)
        if question is None:
            yield answers
            continue
        for choice in reversed(list(_choices(question))):
            stack.append({**answers, question.key: choice})


def _unknown_references(rule_set: RuleSet, routes: Mapping[str, RouteInfo]) -> list[str]:
    known = {f"{q.key}.{a.key}" for q in rule_set.questions for a in q.answers}
    problems = []
    keys = [q.key for q in rule_set.questions]
    for duplicate in sorted({k for k in keys if keys.count(k) > 1}):
        problems.append(f"question {duplicate}: key used twice")
    for question in rule_set.questions:
        if not question.answers:
            problems.append(f"question {question.key}: has no answers")
        for ref in sorted(question.ask_if.references() - known):
            problems.append(f"question {question.key}: unknown answer {ref}")
    for rule in rule_set.rules:
        for ref in sorted(rule.when.references() - known):
            problems.append(f"rule {rule.key}: unknown answer {ref}")
        if rule.route not in routes:
            problems.append(f"rule {rule.key}: unknown route {rule.route}")
    for slug in rule_set.fallback_routes:
        if slug not in routes:
            problems.append(f"fallback: unknown route {slug}")
    return problems


def validate(rule_set: RuleSet, routes: Mapping[str, RouteInfo], on: dt.date) -> ValidationReport:
    report = ValidationReport(unknown_references=_unknown_references(rule_set, routes))
    reached: set[str] = set()
    fired: set[str] = set()
    for answers in complete_paths(rule_set):
        report.paths_checked += 1
        if report.paths_checked > MAX_PATHS:
            report.truncated = True
            break
        given = given_answers(answers)
        fired.update(rule.key for rule in rule_set.rules if rule.when.holds(given))
        ranked = evaluate(rule_set, routes, answers, on)
        if not ranked:
            report.dead_ends.append({k: tuple(sorted(v)) for k, v in answers.items()})
        reached.update(r.slug for r in ranked)
    report.unreachable_routes = sorted(
        slug for slug, route in routes.items() if route.is_open(on) and slug not in reached
    )
    report.rules_never_firing = [r.key for r in rule_set.rules if r.key not in fired]
    return report
