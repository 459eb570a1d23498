"""An organisation's own plan: its board starts it, adds themes and actions, and runs its
periods; the regulator sees it only when shared, other organisations never."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.actionplan.models import Plan, ThemeUpdate
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    sector = SectorFactory()
    alfa = OrganisationFactory(sector=sector, name="Omroep Alfa", slug="alfa")
    beta = OrganisationFactory(sector=sector, name="Omroep Beta", slug="beta")
    return {
        "sector": sector,
        "alfa": alfa,
        "board": member(Role.BOARD, organisation=alfa),
        "beta_board": member(Role.BOARD, organisation=beta),
        "rvt": member(Role.SUPERVISORY_BOARD, organisation=alfa),
        "coordinator": member(Role.SECTOR_COORDINATOR, sector=sector),
        "regulator": member(Role.REGULATOR, sector=sector),
    }


def _start(client, world, *, shared: bool) -> Plan:
    data = {"organisation": world["alfa"].pk, "title": "Plan van aanpak Omroep Alfa"}
    if shared:
        data["shared_with_regulator"] = "on"
    response = client.post(reverse("plan:create"), data)
    assert response.status_code == 302
    return Plan.objects.get(organisation=world["alfa"])


def test_board_runs_its_own_plan_from_start_to_published_period(world) -> None:
    board = verified_client(world["board"])
    plan = _start(board, world, shared=True)
    assert (
        board.post(
            reverse("plan:theme_add", args=[plan.pk]),
            {"letter": "k", "title": "Cultuur", "description": "Werken aan de cultuur."},
        ).status_code
        == 302
    )
    theme = plan.themes.get()
    assert theme.letter == "K"
    assert [o.organisation for o in theme.owners_in_order] == [world["alfa"]]
    for title in ("Cultuuronderzoek", "Dialoogsessies"):
        board.post(reverse("plan:action_add", args=[plan.pk, "K"]), {"title": title})
    assert [(a.number, a.title) for a in theme.actions.all()] == [
        (1, "Cultuuronderzoek"),
        (2, "Dialoogsessies"),
    ]
    response = board.post(
        reverse("plan:detail", args=[plan.pk]), {"label": "juni 2026", "deadline": "2026-06-30"}
    )
    period = plan.periods.get()
    assert response["Location"] == reverse("plan:period", args=[period.pk])
    url = reverse("plan:theme_update", args=[period.pk, "K"])
    statuses = {f"status_{a.pk}": "in_progress" for a in theme.actions.all()}
    board.post(url, {"bullets": "Onderzoek uitgezet.", "planning": "", **statuses, "submit": "1"})
    board.post(reverse("plan:theme_review", args=[period.pk, "K"]), {"decision": "approve"})
    assert ThemeUpdate.objects.get(period=period).state == "approved"
    board.post(reverse("plan:publish", args=[period.pk]), {"summary": ""})
    period.refresh_from_db()
    assert period.is_published
    # shared: the regulator reads it; the supervisory board of Alfa too
    report = reverse("plan:report", args=[period.pk, "regulator"])
    assert "Onderzoek uitgezet." in verified_client(world["regulator"]).get(report).content.decode()
    assert verified_client(world["rvt"]).get(report).status_code == 200
    # another broadcaster's board never; the coordinator reads but does not manage it
    assert verified_client(world["beta_board"]).get(report).status_code == 404
    coordinator = verified_client(world["coordinator"])
    assert coordinator.get(report).status_code == 200
    assert coordinator.get(reverse("plan:theme_add", args=[plan.pk])).status_code == 404


def test_unshared_plan_stays_hidden_from_the_regulator(world) -> None:
    board = verified_client(world["board"])
    plan = _start(board, world, shared=False)
    assert (
        verified_client(world["regulator"]).get(reverse("plan:detail", args=[plan.pk])).status_code
        == 404
    )


def test_only_boards_and_hr_start_plans_and_bad_input_is_explained(world) -> None:
    assert verified_client(world["regulator"]).get(reverse("plan:create")).status_code == 404
    board = verified_client(world["board"])
    other = OrganisationFactory(sector=world["sector"])
    page = board.post(reverse("plan:create"), {"organisation": other.pk, "title": ""})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Er is een probleem" in body
    assert not Plan.objects.exists()
    plan = _start(board, world, shared=True)
    board.post(
        reverse("plan:theme_add", args=[plan.pk]), {"letter": "K", "title": "A", "description": "B"}
    )
    page = board.post(
        reverse("plan:theme_add", args=[plan.pk]),
        {"letter": "k", "title": "Tweede", "description": "Getypte tekst blijft staan."},
    )
    body = page.content.decode()
    assert "Er is al een thema met deze letter." in body
    assert "Getypte tekst blijft staan." in body


def test_action_added_during_a_draft_joins_the_open_update(world) -> None:
    board = verified_client(world["board"])
    plan = _start(board, world, shared=True)
    board.post(
        reverse("plan:theme_add", args=[plan.pk]), {"letter": "K", "title": "A", "description": "B"}
    )
    board.post(reverse("plan:action_add", args=[plan.pk, "K"]), {"title": "Eerste"})
    board.post(reverse("plan:detail", args=[plan.pk]), {"label": "q3", "deadline": "2026-09-30"})
    period = plan.periods.get()
    url = reverse("plan:theme_update", args=[period.pk, "K"])
    assert board.get(url).status_code == 200
    board.post(reverse("plan:action_add", args=[plan.pk, "K"]), {"title": "Tweede"})
    assert "Tweede" in board.get(url).content.decode()
    assert ThemeUpdate.objects.get(period=period).action_updates.count() == 2
    assert period.deadline == dt.date(2026, 9, 30)
