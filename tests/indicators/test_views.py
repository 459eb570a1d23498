"""The indicator pages: who reads and who changes what, bad input, and the D&I status."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.indicators.models import (
    BoardAppointment,
    DiversityFigure,
    DiversityStatus,
    SurveyScore,
    diversity_status,
)
from veiligwerk.indicators.selectors import survey_table
from veiligwerk.security.models import AuditEvent
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    sector = SectorFactory()
    alfa = OrganisationFactory(sector=sector, name="Omroep Alfa")
    beta = OrganisationFactory(sector=sector, name="Omroep Beta")
    other_sector = SectorFactory()
    gamma = OrganisationFactory(sector=other_sector, name="Omroep Gamma")
    for organisation, year, score in [
        (alfa, 2024, "6.8"),
        (alfa, 2025, "7.1"),
        (beta, 2025, "6.2"),
        (gamma, 2025, "8.0"),
    ]:
        SurveyScore.objects.create(
            sector=organisation.sector, organisation=organisation, year=year, score=Decimal(score)
        )
    return {
        "sector": sector,
        "alfa": alfa,
        "beta": beta,
        "gamma": gamma,
        "hr_alfa": member(Role.HR, organisation=alfa),
        "board_alfa": member(Role.BOARD, organisation=alfa),
        "supervisory_alfa": member(Role.SUPERVISORY_BOARD, organisation=alfa),
        "adviser_alfa": member(Role.CONFIDENTIAL_ADVISER, organisation=alfa),
        "coordinator": member(Role.SECTOR_COORDINATOR, sector=sector),
        "regulator": member(Role.REGULATOR, sector=sector),
    }


def _comparable(content: bytes) -> bytes:
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)
    return re.sub(rb'name="next" value="[^"]+"', b"", content)


def _score(organisation: Any, year: int) -> SurveyScore:
    return SurveyScore.objects.get(organisation=organisation, year=year)


def test_hr_of_alfa_adds_and_edits_alfa_scores(world) -> None:
    client = verified_client(world["hr_alfa"])
    url = reverse("indicators:survey")
    page = client.get(url).content.decode()
    assert "Score toevoegen" in page
    response = client.post(
        url,
        {"target": f"o{world['alfa'].pk}", "year": "2026", "score": "7,4", "response_rate": "61"},
    )
    assert response.status_code == 302
    created = _score(world["alfa"], 2026)
    assert created.score == Decimal("7.4")
    assert created.response_rate == Decimal(61)
    event = AuditEvent.objects.get(action="indicator.saved")
    assert event.object_id == str(created.pk)
    assert event.organisation_id_ref == world["alfa"].pk
    assert event.data == {"created": True}

    edit = reverse("indicators:survey_edit", args=[created.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, {"year": "2026", "score": "7.6"}).status_code == 302
    created.refresh_from_db()
    assert created.score == Decimal("7.6")


def test_hr_of_alfa_cannot_touch_beta_and_gets_the_same_404_as_for_a_missing_row(world) -> None:
    client = verified_client(world["hr_alfa"])
    beta_score = _score(world["beta"], 2025)
    for name in ("indicators:survey_edit", "indicators:survey_delete"):
        forbidden = client.post(reverse(name, args=[beta_score.pk]), {"score": "1"})
        missing = client.post(reverse(name, args=[999_999]), {"score": "1"})
        assert forbidden.status_code == missing.status_code == 404
        assert _comparable(forbidden.content) == _comparable(missing.content)
    # Nor can HR of Alfa add a row for Beta: Beta is not a choice.
    response = client.post(
        reverse("indicators:survey"),
        {"target": f"o{world['beta'].pk}", "year": "2026", "score": "5"},
    )
    assert response.status_code == 200
    assert not SurveyScore.objects.filter(organisation=world["beta"], year=2026).exists()
    beta_score.refresh_from_db()
    assert beta_score.score == Decimal("6.2")


def test_regulator_reads_the_sector_table_but_cannot_change_it(world) -> None:
    client = verified_client(world["regulator"])
    page = client.get(reverse("indicators:survey")).content.decode()
    assert "Omroep Alfa" in page and "Omroep Beta" in page
    assert "Omroep Gamma" not in page
    assert "Score toevoegen" not in page
    assert "(+0,3)" in page  # Alfa 2025 against 2024
    response = client.post(
        reverse("indicators:survey"),
        {"target": f"o{world['alfa'].pk}", "year": "2026", "score": "5"},
    )
    assert response.status_code == 404
    edit = reverse("indicators:survey_edit", args=[_score(world["alfa"], 2025).pk])
    assert client.get(edit).status_code == 404
    assert client.post(reverse("indicators:terms"), {}).status_code == 404


def test_supervisory_board_sees_only_its_organisation(world) -> None:
    client = verified_client(world["supervisory_alfa"])
    page = client.get(reverse("indicators:survey")).content.decode()
    assert "Omroep Alfa" in page
    assert "Omroep Beta" not in page
    assert "Score toevoegen" not in page
    edit = reverse("indicators:survey_edit", args=[_score(world["alfa"], 2025).pk])
    assert client.get(edit).status_code == 404


def test_coordinator_sees_all_organisations_and_edits_sector_wide_targets(world) -> None:
    client = verified_client(world["coordinator"])
    page = client.get(reverse("indicators:survey")).content.decode()
    assert "Omroep Alfa" in page and "Omroep Beta" in page
    assert "Omroep Gamma" not in page
    assert "Score toevoegen" not in page  # scores are the organisations' own
    response = client.post(
        reverse("indicators:diversity"),
        {
            "target": f"s{world['sector'].pk}",
            "year": "2026",
            "dimension": "gender",
            "target_percent": "50",
        },
    )
    assert response.status_code == 302
    figure = DiversityFigure.objects.get(organisation=None, sector=world["sector"])
    assert figure.status == DiversityStatus.NOT_MEASURED
    # A second sector-wide target for the same year and subject is refused.
    again = client.post(
        reverse("indicators:diversity"),
        {
            "target": f"s{world['sector'].pk}",
            "year": "2026",
            "dimension": "gender",
            "target_percent": "40",
        },
    )
    assert "al een doel ingevuld" in again.content.decode()
    assert DiversityFigure.objects.count() == 1
    # Everyone in the sector who reads indicators sees the sector-wide row; HR cannot edit it.
    hr = verified_client(world["hr_alfa"])
    page = hr.get(reverse("indicators:diversity")).content.decode()
    assert "vrouwen in leidinggevende functies" in page
    assert hr.get(reverse("indicators:diversity_edit", args=[figure.pk])).status_code == 404
    edit = reverse("indicators:diversity_edit", args=[figure.pk])
    assert client.get(edit).status_code == 200


def test_roles_without_indicators_get_404(world) -> None:
    client = verified_client(world["adviser_alfa"])
    for name in ("indicators:overview", "indicators:survey", "indicators:terms"):
        assert client.get(reverse(name)).status_code == 404


def test_deleting_needs_post_and_is_audited(world) -> None:
    client = verified_client(world["board_alfa"])
    score = _score(world["alfa"], 2024)
    url = reverse("indicators:survey_delete", args=[score.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not SurveyScore.objects.filter(pk=score.pk).exists()
    assert AuditEvent.objects.filter(action="indicator.deleted", object_id=str(score.pk)).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"year": "2026", "score": "11"}, "score", "Een score is hoogstens 10."),
        ({"year": "1800", "score": "7"}, "year", "Vul een jaar in vanaf 2000."),
        ({"year": "2026", "score": "7", "note": "a\x00b"}, "note", "niet is toegestaan"),
        ({"year": "2026", "score": "zeven"}, "score", "Vul een cijfer in"),
        ({"year": "2025", "score": "7"}, "year", "al een score ingevuld"),
    ],
)
def test_bad_survey_input_gives_field_errors_and_keeps_what_was_typed(
    world, data, field, message
) -> None:
    client = verified_client(world["hr_alfa"])
    before = SurveyScore.objects.count()
    response = client.post(reverse("indicators:survey"), {"target": f"o{world['alfa'].pk}", **data})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'class="error-summary"' in page
    assert f'href="#id_{field}"' in page
    assert f'value="{data["year"]}"' in page
    assert SurveyScore.objects.count() == before


def test_bad_diversity_input(world) -> None:
    client = verified_client(world["hr_alfa"])
    response = client.post(
        reverse("indicators:diversity"),
        {
            "target": f"o{world['alfa'].pk}",
            "year": "2026",
            "dimension": "age",
            "target_percent": "120",
        },
    )
    assert "Een percentage is hoogstens 100." in response.content.decode()
    assert not DiversityFigure.objects.exists()


@pytest.mark.parametrize(
    ("starts", "message"),
    [
        ("01-01-2015\n01-06-2021", "Een herbenoeming moet uiterlijk de dag na het einde"),
        ("01-01-2020\n01-01-2019", "en dus niet na het begin van termijn 1"),
        ("31-02-2020", "is geen datum"),
        ("01-01-1800", "ligt niet tussen 1950 en 2100"),
        ("", "Dit veld is verplicht"),
    ],
)
def test_invalid_term_sequences_are_form_errors(world, starts, message) -> None:
    client = verified_client(world["hr_alfa"])
    response = client.post(
        reverse("indicators:terms"),
        {
            "target": f"o{world['alfa'].pk}",
            "person_name": "Jan Jansen",
            "role_title": "directeur",
            "rule": "broadcasters",
            "term_starts": starts,
            "active": "on",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="Jan Jansen"' in page
    assert not BoardAppointment.objects.exists()


def test_terms_page_shows_state_and_message(world) -> None:
    client = verified_client(world["board_alfa"])
    today = dt.date.today()
    start = today.replace(year=today.year - 5) + dt.timedelta(days=40)
    response = client.post(
        reverse("indicators:terms"),
        {
            "target": f"o{world['alfa'].pk}",
            "person_name": "Jan Jansen",
            "role_title": "directeur",
            "rule": "broadcasters",
            "term_starts": start.strftime("%d-%m-%Y"),
            "active": "on",
        },
    )
    assert response.status_code == 302
    appointment = BoardAppointment.objects.get()
    assert appointment.term_starts == [start.isoformat()]
    page = client.get(reverse("indicators:terms")).content.decode()
    assert "termijn loopt af" in page
    assert "Neem een besluit over herbenoeming." in page
    assert "status-warning" in page
    # The regulator reads it; the supervisory board of Alfa too; of another organisation not.
    assert (
        "Jan Jansen"
        in verified_client(world["regulator"]).get(reverse("indicators:terms")).content.decode()
    )
    beta_board = verified_client(member(Role.SUPERVISORY_BOARD, organisation=world["beta"]))
    assert "Jan Jansen" not in beta_board.get(reverse("indicators:terms")).content.decode()
    # Editing keeps the dates in the same form and can mark the person as gone.
    edit = reverse("indicators:terms_edit", args=[appointment.pk])
    assert start.strftime("%d-%m-%Y") in client.get(edit).content.decode()
    client.post(
        edit,
        {
            "person_name": "Jan Jansen",
            "role_title": "directeur",
            "rule": "broadcasters",
            "term_starts": start.isoformat(),
        },
    )
    appointment.refresh_from_db()
    assert appointment.active is False


def test_overview_links_to_the_three_indicators(world) -> None:
    page = verified_client(world["regulator"]).get(reverse("indicators:overview")).content.decode()
    for name in ("indicators:survey", "indicators:diversity", "indicators:terms"):
        assert reverse(name) in page


def test_survey_table_shows_change_against_the_year_before(world) -> None:
    scores = list(SurveyScore.objects.filter(sector=world["sector"]).select_related("organisation"))
    years, rows = survey_table(scores=scores)
    assert years == [2024, 2025]
    alfa, beta = rows
    assert alfa.organisation == world["alfa"]
    assert [c.change for c in alfa.cells] == [None, Decimal("0.3")]
    assert beta.cells[0].score is None
    assert beta.cells[1].change is None


@pytest.mark.parametrize(
    ("target", "actual", "status"),
    [
        ("30", None, DiversityStatus.NOT_MEASURED),
        ("30", "30", DiversityStatus.MET),
        ("30", "35.5", DiversityStatus.MET),
        ("30", "29.9", DiversityStatus.NOT_MET),
        ("0", "0", DiversityStatus.MET),
    ],
)
def test_diversity_status(target, actual, status) -> None:
    assert (
        diversity_status(target=Decimal(target), actual=Decimal(actual) if actual else None)
        == status
    )


def test_diversity_page_shows_the_status_in_words(world) -> None:
    for dimension, actual in [("gender", "45"), ("age", "10"), ("disability", None)]:
        DiversityFigure.objects.create(
            sector=world["sector"],
            organisation=world["alfa"],
            year=2025,
            dimension=dimension,
            target_percent=Decimal(40),
            actual_percent=Decimal(actual) if actual else None,
        )
    page = verified_client(world["supervisory_alfa"]).get(reverse("indicators:diversity"))
    text = page.content.decode()
    assert "gehaald" in text and "niet gehaald" in text and "nog niet gemeten" in text
    assert '<div class="table-wrap">' in text
    assert '<th scope="col">' in text and '<th scope="row">' in text


def test_a_nul_byte_in_a_name_is_a_field_error(world) -> None:
    client = verified_client(world["hr_alfa"])
    response = client.post(
        reverse("indicators:terms"),
        {
            "target": f"o{world['alfa'].pk}",
            "person_name": "Jan\x00Jansen",
            "role_title": "directeur",
            "rule": "npo_directors",
            "term_starts": "2024-01-01",
        },
    )
    assert response.status_code == 200
    assert "Dit veld bevat een teken dat niet is toegestaan." in response.content.decode()
    assert not BoardAppointment.objects.exists()
