"""Rule sets as JSON (how versions are stored) and back into the evaluator's data classes."""

from __future__ import annotations

from typing import Any

from veiligwerk.routes.evaluator import (
    ALWAYS,
    AnswerOption,
    Condition,
    Effect,
    Question,
    Rule,
    RuleSet,
    Text,
)


class SnapshotError(ValueError):
    """Stored content does not have the shape of a rule set."""


def _text(data: Any) -> Text:
    if isinstance(data, str):
        return Text(data)
    if not isinstance(data, dict):
        return Text("")
    return Text(str(data.get("nl", "")), str(data.get("en", "")))


def _condition(data: Any) -> Condition:
    if not data:
        return ALWAYS
    return Condition(
        all_of=frozenset(data.get("all_of", ())),
        any_of=frozenset(data.get("any_of", ())),
        none_of=frozenset(data.get("none_of", ())),
    )


def rule_set_from_content(*, version: int, content: dict[str, Any]) -> RuleSet:
    try:
        questions = tuple(
            Question(
                key=q["key"],
                text=_text(q["text"]),
                hint=_text(q.get("hint")),
                multiple=bool(q.get("multiple", False)),
                optional=bool(q.get("optional", False)),
                ask_if=_condition(q.get("ask_if")),
                answers=tuple(
                    AnswerOption(key=a["key"], label=_text(a["label"]), hint=_text(a.get("hint")))
                    for a in q["answers"]
                ),
            )
            for q in content.get("questions", [])
        )
        rules = tuple(
            Rule(
                key=r["key"],
                when=_condition(r.get("when")),
                effect=Effect(r["effect"]),
                route=r["route"],
                weight=int(r.get("weight", 0)),
                reason=_text(r.get("reason")),
            )
            for r in content.get("rules", [])
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SnapshotError(str(error)) from error
    return RuleSet(
        version=version,
        questions=questions,
        rules=rules,
        fallback_routes=tuple(content.get("fallback_routes", ())),
        fallback_reason=_text(content.get("fallback_reason")),
    )


def _text_json(text: Text) -> dict[str, str]:
    return {"nl": text.nl, "en": text.en}


def _condition_json(condition: Condition) -> dict[str, list[str]]:
    return {
        "all_of": sorted(condition.all_of),
        "any_of": sorted(condition.any_of),
        "none_of": sorted(condition.none_of),
    }


def rule_set_to_content(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "questions": [
            {
                "key": q.key,
                "text": _text_json(q.text),
                "hint": _text_json(q.hint),
                "multiple": q.multiple,
                "optional": q.optional,
                "ask_if": _condition_json(q.ask_if),
                "answers": [
                    {"key": a.key, "label": _text_json(a.label), "hint": _text_json(a.hint)}
                    for a in q.answers
                ],
            }
            for q in rule_set.questions
        ],
        "rules": [
            {
                "key": r.key,
                "when": _condition_json(r.when),
                "effect": r.effect.value,
                "route": r.route,
                "weight": r.weight,
                "reason": _text_json(r.reason),
            }
            for r in rule_set.rules
        ],
        "fallback_routes": list(rule_set.fallback_routes),
        "fallback_reason": _text_json(rule_set.fallback_reason),
    }
