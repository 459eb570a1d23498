"""The wizard's URL state: every real path survives a round trip; anything else is refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from tests.routes.test_evaluator_properties import RULE_SET, complete_answers
from veiligwerk.routes.wizard import EMPTY, StateError, parse_state


def _state_for(answers):
    state = EMPTY
    for question in RULE_SET.questions:
        if question.key in answers:
            state = state.with_answer(question, answers[question.key])
    return state


@settings(max_examples=200, deadline=None)
@given(complete_answers())
def test_every_complete_path_round_trips_through_the_address(answers):
    encoded = _state_for(answers).encode(RULE_SET)
    assert parse_state(RULE_SET, encoded).answers == answers
    assert all(ch.isalpha() or ch in "._" for ch in encoded)  # letters, never words


@pytest.mark.parametrize(
    "raw",
    [
        "z",  # no such answer
        "d",  # beyond the three answers of the first question
        "ab",  # two answers to a single-choice question
        "c.a.aa",  # a repeated letter
        "a.a",  # acute danger ends the path: nothing follows
        "c.e.a.a.d.a",  # one answer too many: "outside" gets no trust question
        "c" + ".a" * 300,  # too long
        "_",  # skips a question that may not be skipped
    ],
)
def test_states_that_do_not_fit_the_path_are_refused(raw):
    with pytest.raises(StateError):
        parse_state(RULE_SET, raw)
