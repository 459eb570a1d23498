"""The wizard editor: draft, edit, check and publish a sector's questions and rules.

Who may reach each editor URL is checked in tests/security/test_access_matrix.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from tests.security.test_access_matrix import (
    _comparable,
)
from veiligwerk.routes import editor_urls
from veiligwerk.routes.models import RuleSetVersion
from veiligwerk.routes.selectors import rule_set_draft, rule_set_of, rule_set_published
from veiligwerk.routes.services import routes_seed, rule_set_draft_save, rule_set_draft_start
from veiligwerk.security.access import (
    access_rule_editor_sectors,
    access_rule_set_version,
    access_sector_for_rules,
)
from veiligwerk.security.models import AuditEvent
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

ADVISERS = "overkoepelende-vertrouwenspersonen"
TYPED = "Tekst die de coördinator net typte"


def url(name: str, sector: Any, **kwargs: Any) -> str:
    return reverse(f"routes_editor:{name}", kwargs={"sector_id": sector.pk, **kwargs})


def page(response: Any) -> str:
    return response.content.decode()


def title(response: Any) -> str:
    match = re.search(r"<title>(.*?)</title>", page(response), re.S)
    assert match
    return match.group(1).strip()


@pytest.fixture
def sector():
    sector = SectorFactory(name="Publieke omroep")
    routes_seed(sector=sector)
    return sector


@pytest.fixture
def coordinator(sector):
    return member(Role.SECTOR_COORDINATOR, sector=sector)


@pytest.fixture
def client(coordinator) -> Client:
    return verified_client(coordinator)


@pytest.fixture
def draft(sector, coordinator) -> RuleSetVersion:
    return rule_set_draft_start(sector=sector, by=coordinator)


def _item(items: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return next(item for item in items if item["key"] == key)


def question_post(question: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The question form as a browser would send it, filled in from stored content."""
    ask_if = question.get("ask_if") or {}
    hint = question.get("hint") or {}
    answers = question["answers"]
    data: dict[str, Any] = {
        "key": question["key"],
        "text_nl": question["text"]["nl"],
        "text_en": question["text"]["en"],
        "hint_nl": hint.get("nl", ""),
        "hint_en": hint.get("en", ""),
        "ask_all_of": ask_if.get("all_of", []),
        "ask_any_of": ask_if.get("any_of", []),
        "ask_none_of": ask_if.get("none_of", []),
        "answers-TOTAL_FORMS": str(len(answers) + 1),
        "answers-INITIAL_FORMS": str(len(answers)),
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "20",
    }
    if question.get("multiple"):
        data["multiple"] = "on"
    if question.get("optional"):
        data["optional"] = "on"
    for index, answer in enumerate(answers):
        data[f"answers-{index}-key"] = answer["key"]
        data[f"answers-{index}-label_nl"] = answer["label"]["nl"]
        data[f"answers-{index}-label_en"] = answer["label"]["en"]
    data.update(changes)
    return data


def rule_post(rule: dict[str, Any], **changes: Any) -> dict[str, Any]:
    when = rule.get("when") or {}
    data: dict[str, Any] = {
        "key": rule["key"],
        "effect": rule["effect"],
        "route": rule["route"],
        "weight": str(rule.get("weight", 0)),
        "reason_nl": rule["reason"]["nl"],
        "reason_en": rule["reason"]["en"],
        "when_all_of": when.get("all_of", []),
        "when_any_of": when.get("any_of", []),
        "when_none_of": when.get("none_of", []),
    }
    data.update(changes)
    return data


# --- Draft, edit, publish -------------------------------------------------------------------


def test_coordinator_drafts_edits_and_publishes_a_new_version(sector, coordinator, client):
    first = rule_set_published(sector=sector)
    assert first is not None
    first_content = copy.deepcopy(first.content)

    response = client.get(url("overview", sector))
    assert response.status_code == 200
    assert "Start een concept" in page(response)
    assert "Versie 1, gepubliceerd op" in page(response)

    response = client.post(url("draft_start", sector))
    assert response.status_code == 302
    draft = rule_set_draft(sector=sector)
    assert draft is not None
    assert (draft.number, draft.content) == (2, first_content)

    danger = _item(draft.content["questions"], "danger")
    response = client.post(
        url("question_edit", sector, question_key="danger"),
        question_post(danger, text_nl="Bent u nu in gevaar, of gaat het om een misdrijf?"),
    )
    assert response.status_code == 302, page(response)
    crime = _item(draft.content["rules"], "crime")
    response = client.post(
        url("rule_edit", sector, rule_key="crime"),
        rule_post(crime, weight="45", reason_nl="Een misdrijf kunt u melden bij de politie."),
    )
    assert response.status_code == 302, page(response)

    draft.refresh_from_db()
    edited = _item(draft.content["questions"], "danger")
    assert edited["text"]["nl"] == "Bent u nu in gevaar, of gaat het om een misdrijf?"
    assert edited["answers"] == danger["answers"]
    assert _item(draft.content["rules"], "crime")["weight"] == 45
    assert [q["key"] for q in draft.content["questions"]] == [
        q["key"] for q in first_content["questions"]
    ]
    # People still get version 1 while the draft is being edited.
    assert rule_set_published(sector=sector).number == 1

    response = client.get(url("overview", sector))
    assert "Alles is in orde. U kunt publiceren." in page(response)
    response = client.post(url("publish", sector))
    assert response.status_code == 302

    newest = rule_set_published(sector=sector)
    assert newest.number == 2
    assert newest.published_by == coordinator
    assert rule_set_of(newest).question("danger").text.nl.startswith("Bent u nu in gevaar")
    assert rule_set_draft(sector=sector) is None
    first.refresh_from_db()
    assert first.state == RuleSetVersion.State.PUBLISHED
    assert first.content == first_content
    assert rule_set_published(sector=sector, number=1).content == first_content
    assert AuditEvent.objects.filter(action="ruleset.published", object_id=str(newest.pk)).exists()

    response = client.get(url("overview", sector))
    assert "Versie 2, gepubliceerd op" in page(response)
    assert "Start een concept" in page(response)
    old = client.get(url("version", sector, number=1))
    assert "Is er nu gevaar, of gaat het om een misdrijf?" in page(old)
    assert "Bent u nu in gevaar" not in page(old)


def test_a_rule_change_that_leaves_people_without_a_route_is_refused(sector, coordinator, client):
    draft = rule_set_draft_start(sector=sector, by=coordinator)
    content = copy.deepcopy(draft.content)
    # The fallback catches everyone the rules leave out (and ignores exclusions), so start
    # from a rule set without one, as an older version could be.
    content["fallback_routes"] = []
    rule_set_draft_save(draft=draft, content=content, by=coordinator)

    response = client.post(
        url("rule_add", sector),
        {"key": "no-advisers", "effect": "exclude", "route": ADVISERS, "weight": "0"},
    )
    assert response.status_code == 302, page(response)
    response = client.post(url("publish", sector))

    assert response.status_code == 200
    text = page(response)
    assert "Publiceren kan niet:" in text
    assert "antwoordpaden leiden naar geen enkele open route" in text
    assert title(response).startswith("Fout:")
    # The dead ends read as answer paths, in the words people see.
    assert "Wat is uw band met de publieke omroep?" in text
    assert "Ik ben in dienst bij de NPO of een omroep" in text
    draft.refresh_from_db()
    assert draft.state == RuleSetVersion.State.DRAFT
    assert _item(draft.content["rules"], "no-advisers")["effect"] == "exclude"
    assert rule_set_published(sector=sector).number == 1
    assert not AuditEvent.objects.filter(action="ruleset.published", object_id=str(draft.pk))


def test_publishing_is_refused_on_a_day_the_fallback_route_is_closed(
    sector, draft, client, monkeypatch
):
    monkeypatch.setattr("veiligwerk.routes.services.today", lambda: dt.date(2025, 1, 1))
    overview = client.get(url("overview", sector))
    assert "Publiceren kan nog niet." in page(overview)
    response = client.post(url("publish", sector))
    assert response.status_code == 200
    assert "Publiceren kan niet:" in page(response)
    draft.refresh_from_db()
    assert draft.state == RuleSetVersion.State.DRAFT


# --- Bad input --------------------------------------------------------------------------------

QUESTION_CASES: list[tuple[str, str, Callable[[dict[str, Any]], dict[str, Any]], str]] = [
    ("danger", "empty key", lambda q: question_post(q, key=""), "Vul een korte naam in."),
    (
        "danger",
        "duplicate key",
        lambda q: question_post(q, key="relation"),
        "Er is al een vraag met deze korte naam. Kies een andere.",
    ),
    (
        "danger",
        "key with spaces and capitals",
        lambda q: question_post(q, key="Gevaar nu"),
        "Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties.",
    ),
    (
        "danger",
        "NUL byte",
        lambda q: question_post(q, text_nl="Gevaar\x00"),
        "Dit veld bevat een teken dat niet is toegestaan.",
    ),
    (
        "danger",
        "10 000 characters",
        lambda q: question_post(q, text_nl="x" * 10_000),
        "Gebruik hoogstens 300 tekens (u gebruikte er 10000).",
    ),
    (
        "relation",
        "tampered answer reference",
        lambda q: question_post(q, ask_none_of=["danger.nonexistent"]),
        "Kies alleen antwoorden uit de lijst.",
    ),
    (
        "relation",
        "answer of a later question",
        lambda q: question_post(q, ask_all_of=["want.heard"]),
        "Kies alleen antwoorden uit de lijst.",
    ),
    (
        "relation",
        "an answer both needed and excluded",
        lambda q: question_post(q, ask_all_of=["danger.no"], ask_none_of=["danger.no"]),
        "Een antwoord kan niet tegelijk nodig zijn en niet gegeven mogen zijn.",
    ),
    (
        "danger",
        "two answers with one key",
        lambda q: question_post(q, **{"answers-1-key": "acute"}),
        "De korte naam “acute” staat bij twee antwoorden.",
    ),
    (
        "danger",
        "answer without a label",
        lambda q: question_post(q, **{"answers-3-key": "maybe"}),
        "Vul het antwoord in het Nederlands in.",
    ),
    (
        "danger",
        "no answers",
        lambda q: question_post(
            q,
            **{f"answers-{i}-{f}": "" for i in range(3) for f in ("key", "label_nl", "label_en")},
        ),
        "Geef minstens één antwoord.",
    ),
    (
        "danger",
        "removing an answer that rules use",
        lambda q: question_post(
            q, **{"answers-0-key": "", "answers-0-label_nl": "", "answers-0-label_en": ""}
        ),
        "Het antwoord “acute” kan niet weg of een andere korte naam krijgen",
    ),
    (
        "danger",
        "renaming a question that rules use",
        lambda q: question_post(q, key="gevaar"),
        "De korte naam kan niet veranderen",
    ),
    (
        "danger",
        "tampered number of answer rows",
        lambda q: question_post(q, **{"answers-TOTAL_FORMS": "1000"}),
        "Een vraag heeft hoogstens 20 antwoorden.",
    ),
    (
        "danger",
        "form without its management data",
        lambda q: {k: v for k, v in question_post(q).items() if "FORMS" not in k},
        "Het formulier is niet volledig verstuurd.",
    ),
]


@pytest.mark.parametrize(
    ("key", "case", "data", "message"), QUESTION_CASES, ids=[c[1] for c in QUESTION_CASES]
)
def test_bad_question_input_is_refused_clearly_and_changes_nothing(
    sector, draft, client, key, case, data, message
):
    before = copy.deepcopy(draft.content)
    question = _item(draft.content["questions"], key)
    post = data(question)
    if "text_en" in post:
        post["text_en"] = TYPED
    response = client.post(url("question_edit", sector, question_key=key), post)
    assert response.status_code == 200
    text = page(response)
    assert message in text
    assert "ongeldig" not in text.lower()
    assert title(response).startswith("Fout:")
    if "answers-TOTAL_FORMS" in post:
        assert TYPED in text  # nothing typed is lost
    draft.refresh_from_db()
    assert draft.content == before


RULE_CASES: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], str]] = [
    ("empty key", lambda r: rule_post(r, key=""), "Vul een korte naam in."),
    (
        "duplicate key",
        lambda r: rule_post(r, key="health"),
        "Er is al een regel met deze korte naam. Kies een andere.",
    ),
    (
        "NUL byte",
        lambda r: rule_post(r, reason_nl="Omdat\x00"),
        "Dit veld bevat een teken dat niet is toegestaan.",
    ),
    (
        "10 000 characters",
        lambda r: rule_post(r, reason_nl="x" * 10_000),
        "Gebruik hoogstens 500 tekens (u gebruikte er 10000).",
    ),
    (
        "weight 5000",
        lambda r: rule_post(r, weight="5000"),
        "Gebruik een getal van -1000 tot en met 1000.",
    ),
    (
        "weight -5000",
        lambda r: rule_post(r, weight="-5000"),
        "Gebruik een getal van -1000 tot en met 1000.",
    ),
    (
        "weight not a number",
        lambda r: rule_post(r, weight="veel"),
        "Vul een heel getal in, zoals 10 of -5.",
    ),
    (
        "tampered route",
        lambda r: rule_post(r, route="niet-bestaand"),
        "Kies een route uit de lijst.",
    ),
    (
        "tampered answer reference",
        lambda r: rule_post(r, when_all_of=["danger.crime", "danger.nonexistent"]),
        "Kies alleen antwoorden uit de lijst.",
    ),
    (
        "tampered effect",
        lambda r: rule_post(r, effect="explode"),
        "Kies wat de regel doet uit de lijst.",
    ),
    (
        "include without a reason",
        lambda r: rule_post(r, reason_nl=""),
        "Vul de uitleg in het Nederlands in.",
    ),
]


@pytest.mark.parametrize(("case", "data", "message"), RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_bad_rule_input_is_refused_clearly_and_changes_nothing(
    sector, draft, client, case, data, message
):
    before = copy.deepcopy(draft.content)
    post = data(_item(draft.content["rules"], "crime"))
    post["reason_en"] = TYPED
    response = client.post(url("rule_edit", sector, rule_key="crime"), post)
    assert response.status_code == 200
    text = page(response)
    assert message in text
    assert "ongeldig" not in text.lower()
    assert title(response).startswith("Fout:")
    assert TYPED in text
    draft.refresh_from_db()
    assert draft.content == before


def test_a_new_rule_with_bad_input_adds_nothing(sector, draft, client):
    before = copy.deepcopy(draft.content)
    response = client.post(
        url("rule_add", sector),
        {"key": "extra", "effect": "include", "route": ADVISERS, "weight": "5000"},
    )
    assert response.status_code == 200
    assert "Gebruik een getal van -1000 tot en met 1000." in page(response)
    assert "Vul de uitleg in het Nederlands in." in page(response)
    draft.refresh_from_db()
    assert draft.content == before


# --- Questions: add, move, delete; rules: add, delete ---------------------------------------------


def _new_question(**changes: Any) -> dict[str, Any]:
    question = {
        "key": "werkplek",
        "text": {"nl": "Waar werkt u?", "en": "Where do you work?"},
        "ask_if": {"none_of": ["danger.acute"]},
        "answers": [
            {"key": "studio", "label": {"nl": "In de studio", "en": "In the studio"}},
            {"key": "buiten", "label": {"nl": "Op locatie", "en": "On location"}},
        ],
    }
    return question_post(question, **changes)


def test_add_move_and_delete_a_question(sector, draft, client):
    response = client.post(url("question_add", sector), _new_question())
    assert response.status_code == 302, page(response)
    draft.refresh_from_db()
    keys = [q["key"] for q in draft.content["questions"]]
    assert keys[-1] == "werkplek"
    added = draft.content["questions"][-1]
    assert added["ask_if"] == {"all_of": [], "any_of": [], "none_of": ["danger.acute"]}
    assert [a["key"] for a in added["answers"]] == ["studio", "buiten"]

    response = client.post(
        url("question_move", sector, question_key="werkplek"), {"direction": "up"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert [q["key"] for q in draft.content["questions"]][-2:] == ["werkplek", keys[-2]]

    response = client.get(url("question_delete", sector, question_key="werkplek"))
    assert "Verwijder de vraag" in page(response)
    response = client.post(url("question_delete", sector, question_key="werkplek"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert "werkplek" not in [q["key"] for q in draft.content["questions"]]


def test_a_question_cannot_move_above_the_question_it_depends_on(sector, draft, client):
    before = copy.deepcopy(draft.content)
    response = client.post(
        url("question_move", sector, question_key="relation"), {"direction": "up"}
    )
    assert response.status_code == 200
    assert "de vraag “relation” hangt af van een antwoord op de vraag “danger”" in page(response)
    assert title(response).startswith("Fout:")
    response = client.post(url("question_move", sector, question_key="danger"), {"direction": "up"})
    assert response.status_code == 302  # already first: nothing to do
    response = client.post(
        url("question_move", sector, question_key="danger"), {"direction": "sideways"}
    )
    assert response.status_code == 200
    assert "Kies omhoog of omlaag." in page(response)
    draft.refresh_from_db()
    assert draft.content == before


def test_a_question_whose_answers_are_used_cannot_be_deleted(sector, draft, client):
    before = copy.deepcopy(draft.content)
    response = client.post(url("question_delete", sector, question_key="danger"))
    assert response.status_code == 200
    text = page(response)
    assert "Deze vraag kan niet weg: de antwoorden worden gebruikt in" in text
    assert "regel “acute-danger”" in text
    assert "vraag “relation”" in text
    assert title(response).startswith("Fout:")
    draft.refresh_from_db()
    assert draft.content == before


def test_add_and_delete_a_rule(sector, draft, client):
    response = client.post(
        url("rule_add", sector),
        {
            "key": "freelance-support",
            "effect": "rank",
            "route": "mores-online",
            "weight": "-5",
            "when_all_of": ["relation.freelance"],
            "reason_nl": "Mores.online helpt ook freelancers.",
            "reason_en": "Mores.online also helps freelancers.",
        },
    )
    assert response.status_code == 302, page(response)
    draft.refresh_from_db()
    rule = draft.content["rules"][-1]
    assert rule == {
        "key": "freelance-support",
        "effect": "rank",
        "route": "mores-online",
        "weight": -5,
        "when": {"all_of": ["relation.freelance"], "any_of": [], "none_of": []},
        "reason": {
            "nl": "Mores.online helpt ook freelancers.",
            "en": "Mores.online also helps freelancers.",
        },
    }
    response = client.post(url("rule_delete", sector, rule_key="freelance-support"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert "freelance-support" not in [r["key"] for r in draft.content["rules"]]


def test_editing_keeps_what_the_form_does_not_show(sector, coordinator, draft, client):
    content = copy.deepcopy(draft.content)
    _item(content["questions"], "danger")["answers"][0]["hint"] = {
        "nl": "Bel 112.",
        "en": "Call 112.",
    }
    rule_set_draft_save(draft=draft, content=content, by=coordinator)
    danger = _item(content["questions"], "danger")
    response = client.post(
        url("question_edit", sector, question_key="danger"),
        question_post(danger, text_en="Danger?"),
    )
    assert response.status_code == 302, page(response)
    draft.refresh_from_db()
    edited = _item(draft.content["questions"], "danger")
    assert edited["text"]["en"] == "Danger?"
    assert edited["answers"][0]["hint"] == {"nl": "Bel 112.", "en": "Call 112."}
    assert draft.content["fallback_routes"] == [ADVISERS]


# --- Pages ---------------------------------------------------------------------------------------


def test_pages_show_the_draft_its_report_and_the_history(sector, draft, client):
    response = client.get(url("draft", sector))
    text = page(response)
    assert "Concept: versie 2" in text
    assert "Is er nu gevaar, of gaat het om een misdrijf?" in text
    assert "acute-danger" in text
    assert "Bel 112 bij direct gevaar" in text
    overview = page(client.get(url("overview", sector)))
    assert "Controle van het concept" in overview
    assert "Publiceer versie 2" in overview
    assert "Start een concept" not in overview
    for name, kwargs in [
        ("question_add", {}),
        ("question_edit", {"question_key": "want"}),
        ("rule_add", {}),
        ("rule_edit", {"rule_key": "complaint"}),
        ("rule_delete", {"rule_key": "complaint"}),
        ("version", {"number": 2}),
    ]:
        response = client.get(url(name, sector, **kwargs))
        assert response.status_code == 200, name
        assert not title(response).startswith("Fout:"), name


def test_without_a_draft_the_draft_pages_send_you_to_the_overview(sector, client):
    for name, kwargs in [("draft", {}), ("question_add", {}), ("rule_edit", {"rule_key": "crime"})]:
        response = client.get(url(name, sector, **kwargs))
        assert response.status_code == 302
        assert response["Location"] == url("overview", sector)
    response = client.post(url("publish", sector))
    assert response.status_code == 302


def test_unknown_questions_and_rules_are_not_found(sector, draft, client):
    assert client.get(url("question_edit", sector, question_key="nope")).status_code == 404
    assert client.get(url("rule_edit", sector, rule_key="nope")).status_code == 404
    assert client.get(url("version", sector, number=99)).status_code == 404


def test_the_sector_list_shows_only_sectors_the_user_may_edit(sector, client):
    other = SectorFactory(name="Andere sector")
    response = client.get(reverse("routes_editor:sector_list"))
    assert response.status_code == 200
    assert "Publieke omroep" in page(response)
    assert "Andere sector" not in page(response)
    admin = verified_client(member(Role.PLATFORM_ADMIN))
    response = admin.get(reverse("routes_editor:sector_list"))
    assert "Publieke omroep" in page(response)
    assert other.name in page(response)


# --- Who may use the editor ----------------------------------------------------------------------


def _all_editor_urls(sector: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every editor URL with the methods its view answers (others get 405 before any lookup,
    as everywhere in the project)."""
    kwargs: dict[str, dict[str, Any]] = {
        "version": {"number": 1},
        "question_edit": {"question_key": "danger"},
        "question_move": {"question_key": "danger"},
        "question_delete": {"question_key": "danger"},
        "rule_edit": {"rule_key": "crime"},
        "rule_delete": {"rule_key": "crime"},
    }
    get_only = {"sector_list", "overview", "version", "draft"}
    post_only = {"draft_start", "publish", "question_move"}
    result = []
    for pattern in editor_urls.urlpatterns:
        name = str(pattern.name)
        if name == "sector_list":
            address = reverse("routes_editor:sector_list")
        else:
            address = url(name, sector, **kwargs.get(name, {}))
        methods = (
            ("get",) if name in get_only else ("post",) if name in post_only else ("get", "post")
        )
        result.append((name, address, methods))
    return result


def _outsiders(sector: Any) -> dict[str, Any]:
    organisation = OrganisationFactory(sector=sector)
    other_sector = SectorFactory()
    routes_seed(sector=other_sector)
    return {
        "hr": member(Role.HR, organisation=organisation),
        "adviser": member(Role.CONFIDENTIAL_ADVISER, organisation=organisation),
        "overarching adviser": member(Role.OVERARCHING_ADVISER, sector=sector),
        "regulator": member(Role.REGULATOR, sector=sector),
        "coordinator of another sector": member(Role.SECTOR_COORDINATOR, sector=other_sector),
        "coordinator role inside one organisation": member(
            Role.SECTOR_COORDINATOR, organisation=organisation
        ),
    }


def test_everyone_else_gets_not_found_on_every_editor_url(sector, draft):
    before = copy.deepcopy(draft.content)
    wrong = []
    for who, user in _outsiders(sector).items():
        client = verified_client(user)
        for name, address, methods in _all_editor_urls(sector):
            if who == "coordinator of another sector" and name == "sector_list":
                continue  # they have their own sector to edit
            for method in methods:
                status = getattr(client, method)(address).status_code
                if status != 404:
                    wrong.append((who, name, method, status))
    assert not wrong
    draft.refresh_from_db()
    assert draft.content == before
    assert draft.state == RuleSetVersion.State.DRAFT


def test_a_platform_admin_may_edit_every_sector(sector, draft):
    client = verified_client(member(Role.PLATFORM_ADMIN))
    for name, address, methods in _all_editor_urls(sector):
        if "get" in methods:
            assert client.get(address).status_code == 200, name


def test_another_sectors_object_looks_exactly_like_a_missing_one(sector):
    other = member(Role.SECTOR_COORDINATOR, sector=SectorFactory())
    client = verified_client(other)
    forbidden = client.get(url("version", sector, number=1))
    missing = client.get(
        reverse("routes_editor:version", kwargs={"sector_id": 999_999, "number": 1})
    )
    assert forbidden.status_code == missing.status_code == 404
    assert _comparable(forbidden.content) == _comparable(missing.content)


# --- The access functions, across tenants ------------------------------------------------------


def test_access_functions_check_the_sector_first(sector, coordinator):
    other = SectorFactory()
    routes_seed(sector=other)
    admin = member(Role.PLATFORM_ADMIN)
    scoped = member(Role.SECTOR_COORDINATOR, organisation=OrganisationFactory(sector=sector))
    hr = member(Role.HR, organisation=OrganisationFactory(sector=sector))

    assert access_sector_for_rules(user=coordinator, sector_id=sector.pk) == sector
    assert access_sector_for_rules(user=admin, sector_id=other.pk) == other
    assert list(access_rule_editor_sectors(user=coordinator)) == [sector]
    assert set(access_rule_editor_sectors(user=admin)) >= {sector, other}
    assert access_rule_set_version(user=coordinator, sector_id=sector.pk, number=1).sector == sector
    for user, sector_id in [
        (coordinator, other.pk),
        (coordinator, 999_999),
        (scoped, sector.pk),
        (hr, sector.pk),
    ]:
        with pytest.raises(Http404):
            access_sector_for_rules(user=user, sector_id=sector_id)
        with pytest.raises(Http404):
            access_rule_set_version(user=user, sector_id=sector_id, number=1)
    with pytest.raises(Http404):
        access_rule_set_version(user=coordinator, sector_id=sector.pk, number=99)
    for user in (scoped, hr):
        with pytest.raises(Http404):
            access_rule_editor_sectors(user=user)
