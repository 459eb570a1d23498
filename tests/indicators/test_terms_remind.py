"""Warnings about board and director terms, and the e-mail to each organisation's board: once
per appointment per state, with nothing but the public facts of the appointments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from tests.factories import OrganisationFactory, SectorFactory, member
from veiligwerk.actionplan.terms import TermState
from veiligwerk.indicators.models import BoardAppointment, SurveyScore
from veiligwerk.indicators.selectors import terms_warnings
from veiligwerk.indicators.services import terms_remind
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)


def _appointment(organisation: Any, name: str, starts: list[str], **kwargs: Any) -> Any:
    return BoardAppointment.objects.create(
        sector=organisation.sector,
        organisation=organisation,
        person_name=name,
        role_title=kwargs.pop("role_title", "bestuurder"),
        rule=kwargs.pop("rule", "broadcasters"),
        term_starts=starts,
        **kwargs,
    )


@pytest.fixture
def world() -> dict[str, Any]:
    sector = SectorFactory()
    alfa = OrganisationFactory(sector=sector, name="Omroep Alfa")
    beta = OrganisationFactory(sector=sector, name="Omroep Beta")
    SurveyScore.objects.create(sector=sector, organisation=alfa, year=2025, score=Decimal("6.3"))
    return {
        "alfa": alfa,
        "beta": beta,
        "board_alfa": member(Role.BOARD, organisation=alfa),
        "hr_alfa": member(Role.HR, organisation=alfa),
        "board_beta": member(Role.BOARD, organisation=beta),
        # term 1 of 2 ends 31-08-2026
        "soon": _appointment(alfa, "Anna Aalders", ["2021-09-01"]),
        # term 2 of 2 ends 31-08-2026
        "final": _appointment(alfa, "Bert Bakker", ["2016-09-01", "2021-09-01"]),
        # NPO 2 x 4: the maximum ended 31-12-2025
        "over": _appointment(
            beta, "Cees Cornelis", ["2018-01-01", "2022-01-01"], rule="npo_directors"
        ),
        "fine": _appointment(alfa, "Dirk Dekker", ["2024-01-01"]),
        "gone": _appointment(alfa, "Eva Evers", ["2000-01-01"], active=False),
    }


def test_each_state_is_warned(world) -> None:
    states = {w.appointment.person_name: w.status.state for w in terms_warnings(today=TODAY)}
    assert states == {
        "Anna Aalders": TermState.ENDING_SOON,
        "Bert Bakker": TermState.FINAL_TERM_ENDING,
        "Cees Cornelis": TermState.OVER_LIMIT,
    }
    # A year earlier nothing ends within six months; within fifteen months three terms do.
    assert terms_warnings(today=dt.date(2025, 6, 1)) == []
    wide = terms_warnings(today=dt.date(2025, 6, 1), warn_months=15)
    assert {w.appointment.person_name: w.status.state for w in wide} == {
        "Anna Aalders": TermState.ENDING_SOON,
        "Bert Bakker": TermState.FINAL_TERM_ENDING,
        "Cees Cornelis": TermState.FINAL_TERM_ENDING,
    }


def test_boards_get_one_mail_per_organisation_and_each_state_once(world) -> None:
    assert terms_remind(today=TODAY) == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {world["board_alfa"].email, world["board_beta"].email}
    alfa_mail = by_recipient[world["board_alfa"].email]
    assert "Anna Aalders" in alfa_mail.body and "Bert Bakker" in alfa_mail.body
    assert "31 augustus 2026" in alfa_mail.body
    assert "Cees Cornelis" not in alfa_mail.body
    assert "Dirk Dekker" not in alfa_mail.body and "Eva Evers" not in alfa_mail.body
    beta_mail = by_recipient[world["board_beta"].email]
    assert "Cees Cornelis" in beta_mail.body and "Anna Aalders" not in beta_mail.body

    # Once only: the same states are not mailed again.
    mail.outbox.clear()
    assert terms_remind(today=TODAY) == 0
    assert terms_remind(today=TODAY + dt.timedelta(days=30)) == 0
    assert mail.outbox == []
    world["soon"].refresh_from_db()
    assert world["soon"].warned_state == TermState.ENDING_SOON

    # A new state is mailed once: the final term has ended, so it is now over the limit.
    later = dt.date(2026, 9, 15)
    assert terms_remind(today=later) == 1
    assert "Bert Bakker" in mail.outbox[0].body
    assert "Anna Aalders" not in mail.outbox[0].body  # still ending_soon: already told
    assert terms_remind(today=later) == 0


def test_the_mail_holds_only_public_facts_of_board_appointments(world) -> None:
    terms_remind(today=TODAY)
    for message in mail.outbox:
        text = message.subject + message.body
        # No figures of other indicators, no staff accounts, no other organisation's people.
        assert "6,3" not in text and "6.3" not in text
        for user in (world["board_alfa"], world["hr_alfa"], world["board_beta"]):
            assert user.username not in text
            assert user.email not in text
            assert user.last_name not in text
    # HR is not a board member: no mail.
    assert world["hr_alfa"].email not in {m.to[0] for m in mail.outbox}


def test_an_organisation_without_board_members_is_warned_later(world) -> None:
    gamma = OrganisationFactory(sector=world["alfa"].sector, name="Omroep Gamma")
    waiting = _appointment(gamma, "Fleur Franssen", ["2021-09-01"])
    terms_remind(today=TODAY)
    waiting.refresh_from_db()
    assert waiting.warned_state == ""
    board = member(Role.BOARD, organisation=gamma)
    mail.outbox.clear()
    assert terms_remind(today=TODAY) == 1
    assert mail.outbox[0].to == [board.email]


def test_the_command_sends_the_warnings(world, monkeypatch) -> None:
    monkeypatch.setattr(
        "veiligwerk.indicators.management.commands.indicators_remind.today", lambda: TODAY
    )
    call_command("indicators_remind")
    assert len(mail.outbox) == 2
