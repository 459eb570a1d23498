"""Drafting, reviewing and publishing a period's update; who may do what; reminders; the action
history; and the contract check's upload page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.actionplan.models import ActionStatus, Period, PeriodState, ThemeUpdate
from veiligwerk.actionplan.report import report_build
from veiligwerk.actionplan.services import (
    ActionChange,
    period_open,
    period_publish,
    plan_seed,
    reminders_send,
    theme_update_get_or_start,
    theme_update_review,
    theme_update_save,
    theme_update_submit,
)
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    sector = SectorFactory(slug="publieke-omroep")
    npo = OrganisationFactory(sector=sector, slug="npo", name="NPO")
    other = OrganisationFactory(sector=sector, slug="eo", name="EO")
    plan = plan_seed(sector=sector)
    coordinator = member(Role.SECTOR_COORDINATOR, sector=sector)
    period = period_open(
        plan=plan, label="maart 2026", deadline=dt.date(2026, 3, 31), by=coordinator
    )
    return {
        "sector": sector,
        "plan": plan,
        "period": period,
        "coordinator": coordinator,
        "npo": npo,
        "owner": member(Role.BOARD, organisation=npo),
        "other_board": member(Role.BOARD, organisation=other),
        "regulator": member(Role.REGULATOR, sector=sector),
    }


def _update_url(period: Period, letter: str) -> str:
    return reverse("plan:theme_update", args=[period.pk, letter])


def _approve_all(world: dict[str, Any], *, skip: str = "") -> None:
    for theme in world["plan"].themes.all():
        if theme.letter == skip:
            continue
        update = theme_update_get_or_start(period=world["period"], theme=theme)
        if update.state == "approved":
            continue
        theme_update_save(
            update=update, by=world["owner"], bullets=["Verder gewerkt."], planning="", actions={}
        )
        theme_update_submit(update=update, by=world["owner"])
        theme_update_review(update=update, by=world["coordinator"], approve=True)


def test_new_update_starts_from_the_previous_statuses(world) -> None:
    theme = world["plan"].themes.get(letter="B")
    update = theme_update_get_or_start(period=world["period"], theme=theme)
    statuses = {au.action.number: au.status for au in update.action_updates.all()}
    assert statuses[1] == ActionStatus.COMPLETED
    assert statuses[5] == ActionStatus.IN_PROGRESS
    assert update.bullets == []
    assert update.planning.startswith("Het merendeel van de acties")


def test_owner_drafts_and_submits_coordinator_returns_then_approves(world) -> None:
    period = world["period"]
    owner = verified_client(world["owner"])
    url = _update_url(period, "B")
    page = owner.get(url)
    assert page.status_code == 200
    action5 = world["plan"].themes.get(letter="B").actions.get(number=5)
    data = {
        "bullets": "Aanpak seksueel ongewenst gedrag vastgesteld.\n\nTweede punt.",
        "planning": "Acties #5 en #6 lopen.",
        **{
            f"status_{a.pk}": "completed" if a.number == 5 else "ongoing"
            for a in world["plan"].themes.get(letter="B").actions.all()
        },
        f"evidence_{action5.pk}": "https://kenniscentrum.example/aanpak Aanpak SOG",
    }
    assert owner.post(url, data).status_code == 302
    update = ThemeUpdate.objects.get(period=period, theme__letter="B")
    assert update.bullets == ["Aanpak seksueel ongewenst gedrag vastgesteld.", "Tweede punt."]
    assert update.action_updates.get(action=action5).evidence == [
        {"title": "Aanpak SOG", "url": "https://kenniscentrum.example/aanpak"}
    ]
    assert owner.post(url, {**data, "submit": "1"}).status_code == 302
    update.refresh_from_db()
    assert update.state == "submitted"
    # submitted: the owner can no longer change it
    page = owner.get(url).content.decode()
    assert "Concept opslaan" not in page

    coordinator = verified_client(world["coordinator"])
    review = reverse("plan:theme_review", args=[period.pk, "B"])
    page = coordinator.post(review, {"decision": "return", "note": ""})
    assert "Schrijf erbij wat er anders moet." in page.content.decode()
    update.refresh_from_db()
    assert update.state == "submitted"
    coordinator.post(review, {"decision": "return", "note": "Noem de datum."})
    update.refresh_from_db()
    assert update.state == "returned"
    assert "Noem de datum." in owner.get(url).content.decode()
    owner.post(url, {**data, "submit": "1"})
    coordinator.post(review, {"decision": "approve", "note": ""})
    update.refresh_from_db()
    assert update.state == "approved"
    assert update.reviewed_by == world["coordinator"]


def test_bad_evidence_link_keeps_everything_typed(world) -> None:
    owner = verified_client(world["owner"])
    url = _update_url(world["period"], "A")
    action = world["plan"].themes.get(letter="A").actions.get(number=1)
    page = owner.post(
        url,
        {
            "bullets": "Een punt dat niet verloren mag gaan.",
            "planning": "",
            f"status_{action.pk}": "completed",
            f"evidence_{action.pk}": "javascript:alert(1)",
        },
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "is geen webadres" in body
    assert "Een punt dat niet verloren mag gaan." in body
    assert ThemeUpdate.objects.get(period=world["period"], theme__letter="A").bullets == []


def test_only_owners_of_the_theme_and_the_coordinator_may_draft(world) -> None:
    url = _update_url(world["period"], "A")
    assert verified_client(world["other_board"]).get(url).status_code == 404
    assert verified_client(world["regulator"]).get(url).status_code == 404
    assert verified_client(world["coordinator"]).get(url).status_code == 200
    assert verified_client(world["owner"]).get(url).status_code == 200
    # theme J is owned by NPO, CvO and producers: NPO's board may draft it too
    assert verified_client(world["owner"]).get(_update_url(world["period"], "J")).status_code == 200
    # an unknown theme letter is the same 404
    assert verified_client(world["owner"]).get(_update_url(world["period"], "Z")).status_code == 404


def test_publishing_needs_every_theme_approved_and_then_freezes_the_period(world) -> None:
    period = world["period"]
    _approve_all(world, skip="E")
    with pytest.raises(ValidationError, match="thema E"):
        period_publish(period=period, by=world["coordinator"], summary=[])
    coordinator = verified_client(world["coordinator"])
    response = coordinator.post(reverse("plan:publish", args=[period.pk]), {"summary": ""})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.OPEN
    _approve_all(world)  # now E too
    period_publish(period=period, by=world["coordinator"], summary=[])
    period.refresh_from_db()
    assert period.state == PeriodState.PUBLISHED


def test_publish_then_report_shows_changes_and_regulator_reads_only_published(world) -> None:
    period = world["period"]
    regulator = verified_client(world["regulator"])
    assert regulator.get(reverse("plan:period", args=[period.pk])).status_code == 404
    theme = world["plan"].themes.get(letter="C")
    action1 = theme.actions.get(number=1)
    for t in world["plan"].themes.all():
        update = theme_update_get_or_start(period=period, theme=t)
        changes = (
            {action1.pk: ActionChange(status=ActionStatus.COMPLETED)} if t.pk == theme.pk else {}
        )
        theme_update_save(
            update=update, by=world["owner"], bullets=["Nieuw punt."], planning="", actions=changes
        )
        theme_update_submit(update=update, by=world["owner"])
        theme_update_review(update=update, by=world["coordinator"], approve=True)
    coordinator = verified_client(world["coordinator"])
    coordinator.post(reverse("plan:publish", args=[period.pk]), {"summary": "Alles op schema."})
    period.refresh_from_db()
    assert period.state == PeriodState.PUBLISHED
    assert period.summary == ["Alles op schema."]
    # published: nobody edits it any more
    assert coordinator.get(_update_url(period, "C")).status_code == 404
    with pytest.raises(ValidationError):
        period_open(
            plan=world["plan"],
            label="eerder",
            deadline=dt.date(2026, 1, 1),
            by=world["coordinator"],
        )

    report = report_build(period=period, audience="regulator")
    assert report.previous is not None and report.previous.label == "oktober 2025"
    assert [(c.label, c.previous, c.current) for c in report.changes] == [
        (
            "C1. Ontwikkel leiderschapscompetenties publieke omroep breed",
            "In uitvoering",
            "Afgerond",
        )
    ]
    page = regulator.get(reverse("plan:report", args=[period.pk, "regulator"])).content.decode()
    assert "van In uitvoering naar Afgerond" in page
    assert "Alles op schema." in page
    history = regulator.get(reverse("plan:action", args=[action1.pk])).content.decode()
    assert history.index("oktober 2025") < history.index("maart 2026")


def test_second_open_period_and_bad_dates_are_refused(world) -> None:
    with pytest.raises(ValidationError, match="al een open periode"):
        period_open(
            plan=world["plan"],
            label="juni 2026",
            deadline=dt.date(2026, 6, 30),
            by=world["coordinator"],
        )
    coordinator = verified_client(world["coordinator"])
    page = coordinator.post(
        reverse("plan:detail", args=[world["plan"].pk]), {"label": "", "deadline": "morgen"}
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "Er is een probleem" in body


def test_reminders_go_to_owners_of_open_themes_once(world) -> None:
    period = world["period"]
    mail.outbox.clear()
    assert reminders_send(today=dt.date(2026, 1, 1)) == 0  # deadline far away
    sent = reminders_send(today=period.deadline - dt.timedelta(days=10))
    assert sent == 1
    assert mail.outbox[0].to == [world["owner"].email]
    assert "maart 2026" in mail.outbox[0].subject
    assert reminders_send(today=period.deadline - dt.timedelta(days=9)) == 0  # once per period


def test_reminders_skip_when_every_theme_is_in(world) -> None:
    _approve_all(world)
    mail.outbox.clear()
    assert reminders_send(today=world["period"].deadline) == 0
    assert mail.outbox == []


CSV = (
    "personeelsnummer;begin;einde\n"
    "1001;2023-01-01;2023-06-30\n"
    "1001;2023-07-01;2023-12-31\n"
    "1001;2024-01-01;2024-06-30\n"
    "1001;2024-07-01;2024-12-31\n"
    "1002;2023-01-01;2024-12-31\n"
)


def test_contract_check_flags_people_over_the_limit_and_stores_nothing(world) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    hr = verified_client(member(Role.HR, organisation=world["npo"]))
    url = reverse("plan:contracts")
    form = {"max_contracts": 3, "window_months": 24, "reset_gap_months": 6}
    upload = SimpleUploadedFile("contracten.csv", CSV.encode(), content_type="text/csv")
    page = hr.post(url, {**form, "file": upload})
    body = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    assert "1 medewerkers zitten boven de grens" in body
    assert '<th scope="row">1001</th>' in body
    assert '<th scope="row">1002</th>' not in body
    # the old rule, 6 in 48: nobody is over it
    upload = SimpleUploadedFile("contracten.csv", CSV.encode(), content_type="text/csv")
    page = hr.post(
        url, {"max_contracts": 6, "window_months": 48, "reset_gap_months": 6, "file": upload}
    )
    assert "0 medewerkers zitten boven de grens" in page.content.decode()


def test_contract_check_lists_every_bad_row_and_imports_nothing(world) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    hr = verified_client(world["owner"])
    bad = "personeelsnummer;begin;einde\n1001;2023-13-01;2023-06-30\n;2023-01-01;2023-02-01\n1003;2024-01-01;2023-01-01\n"
    upload = SimpleUploadedFile("c.csv", bad.encode(), content_type="text/csv")
    page = hr.post(
        reverse("plan:contracts"),
        {"max_contracts": 3, "window_months": 24, "reset_gap_months": 6, "file": upload},
    )
    body = page.content.decode()
    assert "Het bestand is niet ingelezen" in body
    for line in ('<th scope="row">2</th>', '<th scope="row">3</th>', '<th scope="row">4</th>'):
        assert line in body
    assert "zitten boven de grens" not in body
