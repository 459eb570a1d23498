"""The wizard's state in the URL: which answers were chosen, as short letter codes.

Nothing a person answers is stored on the server or in a cookie. The answers travel in the
query string as letters ("c.a.bd": the third answer to the first question on the path, the
first to the second, the second and fourth to the third), so the address bar and browser
history show no words. Parsing walks the same path the evaluator does, so a skipped step, an
answer to a question that is not on the path, or a tampered letter is rejected.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from veiligwerk.routes.evaluator import Question, RuleSet, next_question

LETTERS = string.ascii_lowercase
SEPARATOR = "."
MAX_STATE_LENGTH = 500


class StateError(ValueError):
    """The answers in the address do not fit this version of the wizard."""


@dataclass(frozen=True)
class WizardState:
    answers: dict[str, frozenset[str]]
    order: tuple[str, ...]  # question keys in the order they were answered (the path)

    def encode(self, rule_set: RuleSet) -> str:
        tokens = []
        for key in self.order:
            question = rule_set.question(key)
            assert question is not None
            tokens.append(letters_for(question, self.answers[key]))
        return SEPARATOR.join(tokens)

    def with_answer(self, question: Question, chosen: frozenset[str]) -> WizardState:
        return WizardState({**self.answers, question.key: chosen}, (*self.order, question.key))

    def without_last(self) -> tuple[WizardState, str | None]:
        """One step back: the state before the last answer, and that answer's question key."""
        if not self.order:
            return self, None
        last = self.order[-1]
        answers = {k: v for k, v in self.answers.items() if k != last}
        return WizardState(answers, self.order[:-1]), last


EMPTY = WizardState({}, ())


NOTHING = "_"  # a skipped optional question


def letters_for(question: Question, chosen: frozenset[str]) -> str:
    letters = "".join(LETTERS[i] for i, a in enumerate(question.answers) if a.key in chosen)
    return letters or NOTHING


def answers_from_letters(question: Question, token: str) -> frozenset[str]:
    """The answer keys a token names, or StateError for anything that does not fit."""
    if token == NOTHING:
        token = ""
    if len(set(token)) != len(token):
        raise StateError("repeated letter")
    chosen = set()
    for letter in token:
        index = LETTERS.find(letter)
        if index < 0 or index >= len(question.answers):
            raise StateError("unknown answer")
        chosen.add(question.answers[index].key)
    if not chosen and not question.optional:
        raise StateError("missing answer")
    if len(chosen) > 1 and not question.multiple:
        raise StateError("several answers to a single-choice question")
    return frozenset(chosen)


def parse_state(rule_set: RuleSet, raw: str) -> WizardState:
    if raw == "":
        return EMPTY
    if len(raw) > MAX_STATE_LENGTH:
        raise StateError("too long")
    state = EMPTY
    for token in raw.split(SEPARATOR):
        question = next_question(rule_set, state.answers)
        if question is None:
            raise StateError("more answers than questions on this path")
        state = state.with_answer(question, answers_from_letters(question, token))
    return state
