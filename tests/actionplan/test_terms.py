"""Board terms: term ends, leap days, each state and invalid term sequences."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from veiligwerk.actionplan.terms import (
    BROADCASTERS,
    NPO_DIRECTORS,
    Appointment,
    TermRule,
    TermState,
    term_end,
    term_status,
)


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def d(value: str) -> date:
    return date.fromisoformat(value)


def appointment(*starts: str) -> Appointment:
    return Appointment(
        person="Directeur A", role="directeur", organisation="NPO", terms=tuple(map(d, starts))
    )


def test_rules():
    assert TermRule(term_years=4, max_terms=2) == NPO_DIRECTORS
    assert TermRule(term_years=5, max_terms=2) == BROADCASTERS
    with pytest.raises(ValueError):
        TermRule(0, 2)
    with pytest.raises(ValueError):
        TermRule(4, 0)


def test_states_compare_as_strings():
    assert TermState.OK == "ok"
    assert TermState.ENDING_SOON == "ending_soon"
    assert TermState.FINAL_TERM_ENDING == "final_term_ending"
    assert TermState.OVER_LIMIT == "over_limit"


@pytest.mark.parametrize(
    ("start", "rule", "end"),
    [
        ("2024-01-01", NPO_DIRECTORS, "2027-12-31"),
        ("2024-03-15", BROADCASTERS, "2029-03-14"),
        ("2024-02-29", NPO_DIRECTORS, "2028-02-28"),
        ("2024-02-29", BROADCASTERS, "2029-02-28"),
        ("2023-03-01", NPO_DIRECTORS, "2027-02-28"),
        ("2025-03-01", NPO_DIRECTORS, "2029-02-28"),
        ("2024-03-01", NPO_DIRECTORS, "2028-02-29"),
    ],
)
def test_term_end(start, rule, end):
    assert term_end(d(start), rule) == d(end)


def test_first_term_ok():
    status = term_status(appointment("2024-01-01"), NPO_DIRECTORS, d("2025-10-01"))
    assert status.state == TermState.OK
    assert status.term_number == 1
    assert status.max_terms == 2
    assert status.current_term_start == d("2024-01-01")
    assert status.current_term_end == d("2027-12-31")
    assert status.max_end == d("2031-12-31")
    assert status.reappointment_possible
    assert status.message == "Termijn 1 van 2 loopt tot en met 31 december 2027."


def test_ending_soon_starts_exactly_warn_months_before_the_end():
    a = appointment("2024-01-01")  # first term ends 2027-12-31
    assert term_status(a, NPO_DIRECTORS, d("2027-06-30")).state == TermState.OK
    status = term_status(a, NPO_DIRECTORS, d("2027-07-01"))
    assert status.state == TermState.ENDING_SOON
    assert status.message == (
        "Termijn 1 van 2 eindigt op 31 december 2027. Neem een besluit over herbenoeming."
    )
    assert term_status(a, NPO_DIRECTORS, d("2027-12-31")).state == TermState.ENDING_SOON


def test_warn_months_is_configurable():
    a = appointment("2024-01-01")
    assert term_status(a, NPO_DIRECTORS, d("2027-01-01"), warn_months=12).state == (
        TermState.ENDING_SOON
    )
    assert term_status(a, NPO_DIRECTORS, d("2027-12-31"), warn_months=0).state == TermState.OK
    with pytest.raises(ValueError):
        term_status(a, NPO_DIRECTORS, d("2027-12-31"), warn_months=-1)


def test_a_lapsed_term_without_reappointment_asks_for_a_decision():
    status = term_status(appointment("2024-01-01"), NPO_DIRECTORS, d("2028-01-15"))
    assert status.state == TermState.ENDING_SOON
    assert status.term_number == 1
    assert "geëindigd op 31 december 2027" in status.message
    assert "geen herbenoeming vastgelegd" in status.message


def test_a_recorded_reappointment_silences_the_warning():
    status = term_status(appointment("2024-01-01", "2028-01-01"), NPO_DIRECTORS, d("2027-10-01"))
    assert status.state == TermState.OK
    assert status.term_number == 1
    assert status.message == (
        "Termijn 1 van 2 loopt tot en met 31 december 2027; de herbenoeming per 1 januari 2028 "
        "is vastgelegd."
    )


def test_second_term_ok_and_no_reappointment_possible():
    status = term_status(appointment("2024-01-01", "2028-01-01"), NPO_DIRECTORS, d("2029-01-01"))
    assert status.state == TermState.OK
    assert status.term_number == 2
    assert status.current_term_start == d("2028-01-01")
    assert status.current_term_end == d("2031-12-31")
    assert not status.reappointment_possible
    assert status.message == "Termijn 2 van 2 loopt tot en met 31 december 2031."


def test_final_term_ending():
    a = appointment("2024-01-01", "2028-01-01")
    assert term_status(a, NPO_DIRECTORS, d("2031-06-30")).state == TermState.OK
    status = term_status(a, NPO_DIRECTORS, d("2031-07-01"))
    assert status.state == TermState.FINAL_TERM_ENDING
    assert status.message == (
        "De laatste toegestane termijn (2 van 2) eindigt op 31 december 2031. "
        "Zorg tijdig voor een opvolger."
    )


def test_single_term_rule_goes_straight_to_final_term_ending():
    rule = TermRule(term_years=4, max_terms=1)
    status = term_status(appointment("2024-01-01"), rule, d("2027-09-01"))
    assert status.state == TermState.FINAL_TERM_ENDING
    assert not status.reappointment_possible


def test_over_limit_with_more_terms_than_allowed():
    a = appointment("2016-01-01", "2020-01-01", "2024-01-01")
    status = term_status(a, NPO_DIRECTORS, d("2025-01-01"))
    assert status.state == TermState.OVER_LIMIT
    assert status.term_number == 3
    assert status.message == "Er zijn 3 termijnen vastgelegd; het maximum is 2."


def test_over_limit_also_when_the_extra_term_is_still_ahead():
    a = appointment("2018-01-01", "2022-01-01", "2026-01-01")
    status = term_status(a, NPO_DIRECTORS, d("2025-06-01"))
    assert status.state == TermState.OVER_LIMIT
    assert status.term_number == 2


def test_over_limit_when_seated_after_the_maximum_end():
    a = appointment("2016-01-01", "2020-01-01")
    assert term_status(a, NPO_DIRECTORS, d("2023-12-31")).state == TermState.FINAL_TERM_ENDING
    status = term_status(a, NPO_DIRECTORS, d("2024-01-01"))
    assert status.state == TermState.OVER_LIMIT
    assert status.max_end == d("2023-12-31")
    assert "31 december 2023" in status.message


def test_over_limit_after_max_end_even_with_one_term_recorded():
    status = term_status(appointment("2014-01-01"), NPO_DIRECTORS, d("2025-01-01"))
    assert status.state == TermState.OVER_LIMIT
    assert status.message == (
        "De maximale zittingsduur is overschreden: die eindigde op 31 december 2021."
    )


def test_early_reappointment_ends_the_final_term_before_the_maximum_end():
    a = appointment("2016-01-01", "2019-01-01")  # reappointed a year early
    status = term_status(a, NPO_DIRECTORS, d("2023-03-01"))
    assert status.current_term_end == d("2022-12-31")
    assert status.max_end == d("2023-12-31")
    assert status.state == TermState.OVER_LIMIT
    assert status.message == (
        "De laatste toegestane termijn is geëindigd op 31 december 2022; de maximale "
        "zittingsduur (tot en met 31 december 2023) is overschreden."
    )


def test_before_the_first_term_starts():
    status = term_status(appointment("2026-01-01"), BROADCASTERS, d("2025-11-01"))
    assert status.state == TermState.OK
    assert status.term_number == 1
    assert status.message == (
        "Termijn 1 van 2 begint op 1 januari 2026 en loopt tot en met 31 december 2030."
    )


def test_leap_day_start_npo_directors():
    a = appointment("2024-02-29", "2028-02-29")
    status = term_status(a, NPO_DIRECTORS, d("2028-02-28"))
    assert status.term_number == 1
    assert status.current_term_end == d("2028-02-28")
    assert status.state == TermState.OK  # reappointment recorded
    status = term_status(a, NPO_DIRECTORS, d("2028-02-29"))
    assert status.term_number == 2
    assert status.current_term_end == d("2032-02-28")
    assert status.max_end == d("2032-02-28")
    assert term_status(a, NPO_DIRECTORS, d("2031-08-28")).state == TermState.OK
    assert term_status(a, NPO_DIRECTORS, d("2031-08-29")).state == TermState.FINAL_TERM_ENDING
    assert term_status(a, NPO_DIRECTORS, d("2032-02-29")).state == TermState.OVER_LIMIT


def test_leap_day_start_broadcasters():
    a = appointment("2024-02-29", "2029-03-01")
    status = term_status(a, BROADCASTERS, d("2030-01-01"))
    assert status.current_term_end == d("2034-02-28")
    assert status.max_end == d("2034-02-28")
    assert "28 februari 2034" in status.message
    late = appointment("2024-02-29", "2029-03-02")
    with pytest.raises(ValueError, match="eindigde op 28 februari 2029"):
        term_status(late, BROADCASTERS, d("2030-01-01"))


def test_reappointment_the_day_after_the_end_is_valid_and_a_day_later_is_not():
    term_status(appointment("2024-01-01", "2028-01-01"), NPO_DIRECTORS, d("2028-06-01"))
    with pytest.raises(ValueError) as caught:
        term_status(appointment("2024-01-01", "2028-01-02"), NPO_DIRECTORS, d("2028-06-01"))
    assert str(caught.value) == (
        "Termijn 2 begint op 2 januari 2028, maar termijn 1 eindigde op 31 december 2027. "
        "Een herbenoeming moet uiterlijk de dag na het einde van de vorige termijn ingaan."
    )


def test_the_gap_check_depends_on_the_rule():
    a = appointment("2020-01-01", "2024-06-01")
    with pytest.raises(ValueError):
        term_status(a, NPO_DIRECTORS, d("2025-01-01"))
    assert term_status(a, BROADCASTERS, d("2025-01-01")).term_number == 2


def test_an_appointment_needs_a_term():
    with pytest.raises(ValueError, match="ten minste één termijn"):
        appointment()


@pytest.mark.parametrize(
    ("starts", "term"),
    [
        (("2024-01-01", "2024-01-01"), 2),
        (("2024-01-01", "2023-12-31"), 2),
        (("2020-01-01", "2024-01-01", "2022-01-01"), 3),
    ],
)
def test_terms_must_strictly_increase(starts, term):
    with pytest.raises(ValueError) as caught:
        appointment(*starts)
    message = str(caught.value)
    assert message.startswith(f"Termijn {term} begint op ")
    assert "niet na het begin van termijn" in message
