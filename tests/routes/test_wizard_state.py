"""The wizard's state in the address: real paths survive a round trip, anything else is refused
with StateError (which the page turns into a plain message), never another exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.routes.test_evaluator import RULE_SET, complete_answers
from veiligwerk.routes.evaluator import (
    AnswerOption,
    Condition,
    Question,
    RuleSet,
    Text,
    next_question,
)
from veiligwerk.routes.wizard import (
    EMPTY,
    MAX_STATE_LENGTH,
    StateError,
    WizardState,
    answers_from_letters,
    letters_for,
    parse_state,
)


def _walked(rule_set: RuleSet, answers: dict[str, frozenset[str]]) -> WizardState:
    """The state a person builds by answering in the order the wizard asks."""
    state = EMPTY
    while (question := next_question(rule_set, state.answers)) is not None:
        state = state.with_answer(question, answers[question.key])
    return state


def _q(
    key: str, n: int, *, multiple: bool = False, optional: bool = False, ask_if=None
) -> Question:
    return Question(
        key,
        Text(key),
        tuple(AnswerOption(f"{key}{i}", Text(str(i))) for i in range(n)),
        multiple=multiple,
        optional=optional,
        ask_if=ask_if or Condition(),
    )


# A small wizard with optional questions, which the seeded one does not have.
OPTIONAL = RuleSet(
    1,
    (
        _q("first", 2),
        _q("maybe", 3, optional=True),
        _q("several", 4, multiple=True, optional=True),
        _q("only-if", 2, ask_if=Condition(all_of=frozenset({"first.first1"}))),
        _q("last", 2),
    ),
    (),
)


# --- Round trips ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(complete_answers())
def test_every_complete_path_round_trips(answers):
    state = _walked(RULE_SET, answers)
    encoded = state.encode(RULE_SET)
    parsed = parse_state(RULE_SET, encoded)
    assert parsed == state
    assert parsed.answers == answers
    assert parsed.encode(RULE_SET) == encoded
    assert next_question(RULE_SET, parsed.answers) is None
    assert set(encoded) <= set("abcdefghijklmnopqrstuvwxyz._")  # letters, never words
    assert len(encoded) <= MAX_STATE_LENGTH


@settings(max_examples=200, deadline=None)
@given(complete_answers(rule_set=OPTIONAL))
def test_paths_with_skipped_optional_questions_round_trip(answers):
    state = _walked(OPTIONAL, answers)
    encoded = state.encode(OPTIONAL)
    assert parse_state(OPTIONAL, encoded) == state
    for key, token in zip(state.order, encoded.split("."), strict=True):
        assert (token == "_") == (not answers[key])


@settings(max_examples=100, deadline=None)
@given(complete_answers())
def test_every_prefix_of_a_path_round_trips_and_steps_back(answers):
    state = _walked(RULE_SET, answers)
    while state.order:
        assert parse_state(RULE_SET, state.encode(RULE_SET)) == state
        previous, last = state.without_last()
        assert last == state.order[-1]
        assert previous.order == state.order[:-1]
        assert last not in previous.answers
        state = previous
    assert state == EMPTY
    assert state.without_last() == (EMPTY, None)


def test_the_empty_state_is_the_start():
    assert parse_state(RULE_SET, "") == EMPTY
    assert next_question(RULE_SET, EMPTY.answers) == RULE_SET.questions[0]


def test_a_known_path_encodes_as_expected():
    # no danger, former employee, behaviour and sexual, past harm, advice, anonymous to the employer
    state = parse_state(RULE_SET, "c.d.ab.a.a.b")
    assert state.order == ("danger", "relation", "what", "past", "want", "anonymous")
    assert state.answers["what"] == frozenset({"behaviour", "sexual"})
    assert state.answers["past"] == frozenset({"yes"})


# --- Refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("z", "a letter no question has"),
        ("d", "beyond the three answers to the first question"),
        ("c.f", "beyond the five answers to the relation question"),
        ("ab", "two letters for the single-choice danger question"),
        ("c.ab", "two letters for the single-choice relation question"),
        ("c.a.aa", "a repeated letter in a multiple-choice answer"),
        ("c.a.aba", "a repeated letter, not next to each other"),
        ("a.a", "acute danger ends the path: nothing may follow"),
        ("c.e.a.a.d.a", "one token too many: outside gets no trust question"),
        ("c.a.a.a.a.a.a", "one token too many on a complete employee path"),
        ("c" + ".a" * 300, "too long"),
        ("c..a", "an empty token skips the relation question"),
        ("c.", "an empty answer to the relation question"),
        (".c", "an empty answer to the first question"),
        ("_", "the first question may not be skipped"),
        ("c._", "the relation question may not be skipped"),
        ("C", "capital letters are not answers"),
        ("3", "digits are not answers"),
        ("c a", "spaces are not answers"),
        ("c.é", "accented letters are not answers"),
        ("\x00", "a NUL byte"),
    ],
)
def test_states_that_do_not_fit_are_refused(raw, why):
    with pytest.raises(StateError):
        parse_state(RULE_SET, raw)


def test_an_answer_to_a_question_not_on_the_path_is_refused():
    # A former employee is asked about the past; "b" (no) is a fair answer there.
    former = parse_state(RULE_SET, "c.d.a.b.a.a")
    assert former.answers["past"] == frozenset({"no"})
    # An employee is not asked about the past. The same answer given in its place fits each later
    # question letter by letter (want, trust, anonymous), so only the path can tell: one too many.
    assert next_question(RULE_SET, parse_state(RULE_SET, "c.a.a.b.a.a").answers) is None
    with pytest.raises(StateError, match="more answers than questions"):
        parse_state(RULE_SET, "c.a.a.b.a.a.a")


def test_an_answer_after_acute_danger_is_refused():
    with pytest.raises(StateError, match="more answers than questions"):
        parse_state(RULE_SET, "a.a")


def test_the_length_limit():
    longest = "c" + ".a" * ((MAX_STATE_LENGTH - 1) // 2)
    assert len(longest) <= MAX_STATE_LENGTH
    with pytest.raises(StateError, match="more answers"):  # long, but refused for the path
        parse_state(RULE_SET, longest)
    with pytest.raises(StateError, match="too long"):
        parse_state(RULE_SET, "a" * (MAX_STATE_LENGTH + 1))


def test_underscore_skips_only_an_optional_question():
    state = parse_state(OPTIONAL, "a._._.a")
    assert state.answers == {
        "first": frozenset({"first0"}),
        "maybe": frozenset(),
        "several": frozenset(),
        "last": frozenset({"last0"}),
    }
    with pytest.raises(StateError):
        parse_state(OPTIONAL, "_")  # "first" is not optional
    with pytest.raises(StateError):
        parse_state(OPTIONAL, "a._._._")  # nor is "last"
    with pytest.raises(StateError):
        parse_state(OPTIONAL, "a._._.a._")  # nothing comes after "last"


def test_underscore_is_not_a_letter_inside_an_answer():
    with pytest.raises(StateError):
        parse_state(OPTIONAL, "a.a_")
    with pytest.raises(StateError):
        parse_state(OPTIONAL, "a._.a_b")


def test_a_conditional_question_in_a_small_wizard():
    assert parse_state(OPTIONAL, "b.a.ab.b.a").answers["only-if"] == frozenset({"only-if1"})
    with pytest.raises(StateError):
        parse_state(OPTIONAL, "a.a.ab.b.a")  # "only-if" is not asked after first0: one too many


@pytest.mark.parametrize(
    ("question", "token", "expected"),
    [
        (_q("one", 3), "b", {"one1"}),
        (_q("many", 4, multiple=True), "db", {"many1", "many3"}),
        (_q("opt", 2, optional=True), "_", set()),
        (_q("opt", 2, optional=True), "", set()),
    ],
)
def test_letters_name_answers(question, token, expected):
    assert answers_from_letters(question, token) == frozenset(expected)


def test_letters_for_and_back():
    question = _q("many", 5, multiple=True, optional=True)
    assert letters_for(question, frozenset({"many4", "many0"})) == "ae"
    assert letters_for(question, frozenset()) == "_"
    assert answers_from_letters(question, "ae") == frozenset({"many0", "many4"})


# --- Fuzzing: anything in the address gives a state or a StateError ---------------------------


def _valid(rule_set: RuleSet, state: WizardState) -> bool:
    """Every answered question was on the path when it was answered, in order."""
    replay = EMPTY
    for key in state.order:
        question = next_question(rule_set, replay.answers)
        if question is None or question.key != key:
            return False
        replay = replay.with_answer(question, state.answers[key])
    return replay == state


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefgz._", max_size=40))
def test_near_miss_states_parse_to_a_real_path_or_are_refused(raw):
    try:
        state = parse_state(RULE_SET, raw)
    except StateError:
        return
    assert _valid(RULE_SET, state)
    assert len(state.order) == (len(raw.split(".")) if raw else 0)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_or_is_refused(raw):
    try:
        state = parse_state(RULE_SET, raw)
    except StateError:
        return
    assert _valid(RULE_SET, state)
