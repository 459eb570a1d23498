"""Indicator "board terms": where a director or board member stands in their terms of office.

The action plan: "De NPO hanteert nu 2x4 jaar voor directeuren en de meerderheid van de omroepen
hanteert 2x5 jaar voor bestuurders en directeuren". Pure: no ORM, no views; ``today`` is passed
in (use ``veiligwerk.common.time.today``).

Dates
    A term of N years starting on day D ends on the day before the same date N years later
    (``period_last_day`` in ``contracts``, 12 * N months). A term starting on 29 February ends
    on 28 February, also when the end year has no 29 February: 2024-02-29 + 4 years ends
    2028-02-28, + 5 years ends 2029-02-28. The maximum end is computed the same way from the
    first start over ``term_years * max_terms`` years.

Terms
    ``Appointment.terms`` holds the start date of each consecutive term: the first appointment,
    then each reappointment. They must be strictly increasing (checked on construction) and
    each reappointment must start no later than the day after the previous term's end (checked
    against the rule in ``term_status``): terms follow on without a gap. A reappointment may
    start early; the earlier term then ends the day before.

States, first match wins (``today`` is the reference date; the appointment is assumed to be
still held)
    over_limit         more terms recorded than allowed; or today is past the maximum end; or
                       today is past the end of the last allowed term (which, after an early
                       reappointment, can be before the maximum end).
    ok                 a next term starting after today is already recorded.
    final_term_ending  in the last allowed term, and it ends within ``warn_months``: a
                       successor is needed.
    ending_soon        a reappointment is still possible and the current term ends within
                       ``warn_months``, or has already ended without a recorded reappointment:
                       decide on reappointment.
    ok                 otherwise.
"Ends within N months" means the term's last day is no later than the last day of the period
of N months starting today. Before the first start, the first term counts as the current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from veiligwerk.actionplan.contracts import period_last_day

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class TermRule:
    term_years: int
    max_terms: int

    def __post_init__(self) -> None:
        if self.term_years < 1 or self.max_terms < 1:
            raise ValueError("term_years and max_terms must be at least 1")


NPO_DIRECTORS = TermRule(term_years=4, max_terms=2)
BROADCASTERS = TermRule(term_years=5, max_terms=2)


def _day(value: date) -> str:
    return date_format(value)


@dataclass(frozen=True)
class Appointment:
    person: str
    role: str
    organisation: str
    terms: tuple[date, ...]  # start of each consecutive term: first appointment, reappointments

    def __post_init__(self) -> None:
        if not self.terms:
            raise ValueError(_("Een benoeming heeft ten minste één termijn nodig."))
        for number, (previous, start) in enumerate(
            zip(self.terms, self.terms[1:], strict=False), start=2
        ):
            if start <= previous:
                raise ValueError(
                    _(
                        "Termijn %(term)d begint op %(start)s en dus niet na het begin van "
                        "termijn %(previous)d (%(previous_start)s)."
                    )
                    % {
                        "term": number,
                        "start": _day(start),
                        "previous": number - 1,
                        "previous_start": _day(previous),
                    }
                )


class TermState(StrEnum):
    OK = "ok"
    ENDING_SOON = "ending_soon"
    FINAL_TERM_ENDING = "final_term_ending"
    OVER_LIMIT = "over_limit"


@dataclass(frozen=True)
class TermStatus:
    state: TermState
    term_number: int  # 1-based: the term running today (the first before it starts)
    max_terms: int
    current_term_start: date
    current_term_end: date  # start + term_years years - 1 day
    max_end: date  # first start + term_years * max_terms years - 1 day
    reappointment_possible: bool  # term_number < max_terms
    message: str  # translated


def term_end(start: date, rule: TermRule) -> date:
    """The last day of a term starting on ``start``."""
    return period_last_day(start, 12 * rule.term_years)


def _validate(appointment: Appointment, rule: TermRule) -> None:
    terms = appointment.terms
    for number in range(2, len(terms) + 1):
        previous_end = term_end(terms[number - 2], rule)
        if terms[number - 1] > previous_end + _ONE_DAY:
            raise ValueError(
                _(
                    "Termijn %(term)d begint op %(start)s, maar termijn %(previous)d eindigde "
                    "op %(end)s. Een herbenoeming moet uiterlijk de dag na het einde van de "
                    "vorige termijn ingaan."
                )
                % {
                    "term": number,
                    "start": _day(terms[number - 1]),
                    "previous": number - 1,
                    "end": _day(previous_end),
                }
            )


def term_status(
    appointment: Appointment, rule: TermRule, today: date, warn_months: int = 6
) -> TermStatus:
    """Where ``appointment`` stands on ``today`` under ``rule`` (see the module docstring).

    Raises ``ValueError`` (translated message) when a reappointment leaves a gap.
    """
    if warn_months < 0:
        raise ValueError("warn_months must not be negative")
    _validate(appointment, rule)
    terms = appointment.terms
    index = max((i for i, start in enumerate(terms) if start <= today), default=0)
    number = index + 1
    start = terms[index]
    end = term_end(start, rule)
    max_end = period_last_day(terms[0], 12 * rule.term_years * rule.max_terms)
    next_start = terms[index + 1] if index + 1 < len(terms) else None
    final = number >= rule.max_terms
    ends_soon = end <= period_last_day(today, warn_months)
    values = {
        "term": number,
        "max": rule.max_terms,
        "end": _day(end),
        "max_end": _day(max_end),
        "count": len(terms),
    }

    if len(terms) > rule.max_terms:
        state = TermState.OVER_LIMIT
        message = _("Er zijn %(count)d termijnen vastgelegd; het maximum is %(max)d.") % values
    elif today > max_end or (final and today > end):
        state = TermState.OVER_LIMIT
        message = (
            _(
                "De laatste toegestane termijn is geëindigd op %(end)s; de maximale zittingsduur "
                "(tot en met %(max_end)s) is overschreden."
            )
            % values
            if today <= max_end
            else _("De maximale zittingsduur is overschreden: die eindigde op %(max_end)s.")
            % values
        )
    elif next_start is not None:
        state = TermState.OK
        message = _(
            "Termijn %(term)d van %(max)d loopt tot en met %(end)s; de herbenoeming per "
            "%(next)s is vastgelegd."
        ) % {**values, "next": _day(next_start)}
    elif final and ends_soon:
        state = TermState.FINAL_TERM_ENDING
        message = (
            _(
                "De laatste toegestane termijn (%(term)d van %(max)d) eindigt op %(end)s. "
                "Zorg tijdig voor een opvolger."
            )
            % values
        )
    elif not final and today > end:
        state = TermState.ENDING_SOON
        message = (
            _(
                "Termijn %(term)d van %(max)d is geëindigd op %(end)s en er is geen "
                "herbenoeming vastgelegd. Leg de herbenoeming vast of regel de opvolging."
            )
            % values
        )
    elif not final and ends_soon:
        state = TermState.ENDING_SOON
        message = (
            _(
                "Termijn %(term)d van %(max)d eindigt op %(end)s. Neem een besluit over "
                "herbenoeming."
            )
            % values
        )
    elif today < start:
        state = TermState.OK
        message = _(
            "Termijn %(term)d van %(max)d begint op %(start)s en loopt tot en met %(end)s."
        ) % {**values, "start": _day(start)}
    else:
        state = TermState.OK
        message = _("Termijn %(term)d van %(max)d loopt tot en met %(end)s.") % values

    return TermStatus(
        state=state,
        term_number=number,
        max_terms=rule.max_terms,
        current_term_start=start,
        current_term_end=end,
        max_end=max_end,
        reappointment_possible=not final,
        message=message,
    )
