"""What the wizard editor shows: a rule set and a validator report in words, not keys.

Pure presentation over the evaluator's data classes; the templates only loop over the result.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from veiligwerk.routes.evaluator import Condition, Effect, Question, Rule, RuleSet, Text
from veiligwerk.routes.models import Route
from veiligwerk.routes.validator import ValidationReport

EFFECT_CHOICES: list[tuple[str, Promise]] = [
    (Effect.INCLUDE.value, gettext_lazy("Tonen: de route past")),
    (Effect.RANK.value, gettext_lazy("Hoger of lager zetten: alleen als de route al past")),
    (Effect.EXCLUDE.value, gettext_lazy("Niet tonen: de route past niet, wat er ook gebeurt")),
]
DEAD_ENDS_SHOWN = 20


def text(value: Text) -> str:
    """A text in the active language, Dutch when there is no English."""
    return value.get("en" if (get_language() or "nl").startswith("en") else "nl")


def answer_labels(rule_set: RuleSet) -> dict[str, str]:
    """``"question.answer"`` → ``"question: answer label"``."""
    return {
        f"{q.key}.{a.key}": f"{q.key}: {text(a.label)}"
        for q in rule_set.questions
        for a in q.answers
    }


@dataclass(frozen=True)
class ConditionPart:
    label: str
    answers: tuple[str, ...]


def condition_parts(condition: Condition, labels: Mapping[str, str]) -> tuple[ConditionPart, ...]:
    def named(refs: frozenset[str]) -> tuple[str, ...]:
        return tuple(
            labels.get(ref) or _("%(ref)s (bestaat niet)") % {"ref": ref} for ref in sorted(refs)
        )

    parts = [
        (_("al deze antwoorden"), condition.all_of),
        (_("minstens één van deze antwoorden"), condition.any_of),
        (_("geen van deze antwoorden"), condition.none_of),
    ]
    return tuple(ConditionPart(label, named(refs)) for label, refs in parts if refs)


def route_name(slug: str, routes: Mapping[str, Route]) -> str:
    route = routes.get(slug)
    return route.name if route else _("%(slug)s (bestaat niet)") % {"slug": slug}


@dataclass(frozen=True)
class QuestionView:
    question: Question
    text: str
    hint: str
    answers: tuple[tuple[str, str, str], ...]  # key, Dutch label, English label
    condition: tuple[ConditionPart, ...]
    first: bool
    last: bool


@dataclass(frozen=True)
class RuleView:
    rule: Rule
    effect: str
    route: str
    condition: tuple[ConditionPart, ...]


@dataclass(frozen=True)
class RuleSetView:
    questions: tuple[QuestionView, ...]
    rules: tuple[RuleView, ...]
    fallback_routes: tuple[str, ...]
    fallback_reason: str


def rule_set_view(rule_set: RuleSet, routes: Mapping[str, Route]) -> RuleSetView:
    labels = answer_labels(rule_set)
    effects = dict(EFFECT_CHOICES)
    count = len(rule_set.questions)
    return RuleSetView(
        questions=tuple(
            QuestionView(
                question=q,
                text=text(q.text),
                hint=text(q.hint),
                answers=tuple((a.key, a.label.nl, a.label.en) for a in q.answers),
                condition=condition_parts(q.ask_if, labels),
                first=index == 0,
                last=index == count - 1,
            )
            for index, q in enumerate(rule_set.questions)
        ),
        rules=tuple(
            RuleView(
                rule=r,
                effect=str(effects.get(r.effect.value, r.effect.value)),
                route=route_name(r.route, routes),
                condition=condition_parts(r.when, labels),
            )
            for r in rule_set.rules
        ),
        fallback_routes=tuple(route_name(s, routes) for s in rule_set.fallback_routes),
        fallback_reason=text(rule_set.fallback_reason),
    )


# --- The validator's report -----------------------------------------------------------------

_UNKNOWN_PATTERNS: list[tuple[re.Pattern[str], Promise]] = [
    (
        re.compile(r"^question (?P<a>.+): key used twice$"),
        gettext_lazy("Twee vragen hebben de korte naam “%(a)s”."),
    ),
    (
        re.compile(r"^question (?P<a>.+): has no answers$"),
        gettext_lazy("Vraag “%(a)s” heeft geen antwoorden."),
    ),
    (
        re.compile(r"^question (?P<a>.+): unknown answer (?P<b>.+)$"),
        gettext_lazy("Vraag “%(a)s” hangt af van een antwoord dat niet bestaat: %(b)s."),
    ),
    (
        re.compile(r"^rule (?P<a>.+): unknown answer (?P<b>.+)$"),
        gettext_lazy("Regel “%(a)s” gebruikt een antwoord dat niet bestaat: %(b)s."),
    ),
    (
        re.compile(r"^rule (?P<a>.+): unknown route (?P<b>.+)$"),
        gettext_lazy("Regel “%(a)s” verwijst naar een route die niet bestaat: %(b)s."),
    ),
    (
        re.compile(r"^fallback: unknown route (?P<a>.+)$"),
        gettext_lazy("De route voor als niets anders past, bestaat niet: %(a)s."),
    ),
]


def _unknown_reference(problem: str) -> str:
    """The validator's technical line, in plain words."""
    for pattern, message in _UNKNOWN_PATTERNS:
        match = pattern.match(problem)
        if match:
            return str(message) % match.groupdict()
    return problem


@dataclass(frozen=True)
class PathStep:
    question: str
    answers: str


@dataclass(frozen=True)
class ReportView:
    report: ValidationReport
    dead_ends: tuple[tuple[PathStep, ...], ...]  # the first few, as readable answer paths
    dead_ends_not_shown: int
    unreachable_routes: tuple[str, ...]
    rules_never_firing: tuple[str, ...]
    unknown_references: tuple[str, ...]


def _path(answers: Mapping[str, tuple[str, ...]], rule_set: RuleSet) -> tuple[PathStep, ...]:
    steps = []
    for question in rule_set.questions:
        if question.key not in answers:
            continue
        chosen = [question.answer(key) for key in answers[question.key]]
        labels = [text(a.label) for a in chosen if a is not None]
        steps.append(
            PathStep(text(question.text), _(" en ").join(labels) if labels else _("(overgeslagen)"))
        )
    return tuple(steps)


def report_view(
    report: ValidationReport, rule_set: RuleSet, routes: Mapping[str, Route]
) -> ReportView:
    return ReportView(
        report=report,
        dead_ends=tuple(_path(p, rule_set) for p in report.dead_ends[:DEAD_ENDS_SHOWN]),
        dead_ends_not_shown=max(0, len(report.dead_ends) - DEAD_ENDS_SHOWN),
        unreachable_routes=tuple(route_name(s, routes) for s in report.unreachable_routes),
        rules_never_firing=tuple(report.rules_never_firing),
        unknown_references=tuple(_unknown_reference(p) for p in report.unknown_references),
    )


def publish_refusal(report: ValidationReport) -> str:
    """The one-line error shown when publishing is refused."""
    reasons = []
    if report.dead_ends:
        count = len(report.dead_ends)
        reasons.append(
            ngettext(
                "%(count)d antwoordpad leidt naar geen enkele open route",
                "%(count)d antwoordpaden leiden naar geen enkele open route",
                count,
            )
            % {"count": count}
        )
    if report.unknown_references:
        count = len(report.unknown_references)
        reasons.append(
            ngettext(
                "%(count)d verwijzing naar iets wat niet bestaat",
                "%(count)d verwijzingen naar iets wat niet bestaat",
                count,
            )
            % {"count": count}
        )
    if report.truncated:
        reasons.append(_("er zijn te veel antwoordpaden om ze allemaal te controleren"))
    return _("Publiceren kan niet: %(reasons)s. Pas het concept aan; het blijft bewaard.") % {
        "reasons": "; ".join(reasons)
    }
