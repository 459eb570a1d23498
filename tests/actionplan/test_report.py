"""The seeded October 2025 accountability report against the seed text itself: every theme,
action number and title, owner and status text, in the HTML and in the PDF."""

from __future__ import annotations

import html
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.actionplan.test_seed_data import (
    LETTERS,
    STATUS_HEADER,
    THEME_HEADING,
    norm,
    status_pieces,
    theme_section,
)
from tests.factories import SectorFactory, member, verified_client
from veiligwerk.actionplan.models import Period
from veiligwerk.actionplan.report import Audience, report_build, report_html, report_pdf
from veiligwerk.actionplan.seed_data import CORRECTIONS
from veiligwerk.actionplan.services import plan_seed
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db


def text_of(markup: str) -> str:
    """The text a reader sees: tags become spaces (table cells stay apart)."""
    return norm(html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def seed_theme(letter: str) -> dict[str, object]:
    """What the seed's slide says, read from the seed text (not from seed_data)."""
    section = theme_section(letter)
    heading = next(
        line.strip()
        for i, line in enumerate(section)
        if THEME_HEADING.match(line.strip())
        and any(STATUS_HEADER.match(s.strip()) for s in section[i + 1 : i + 3] if s.strip())
    )
    flat = norm("\n".join(section))
    first = flat.index(" 1. ")
    table_title = flat[:first]
    rest = flat[first + 1 : flat.index("•")]  # the action column, description and planning
    numbered = re.split(r"(?:^| )(\d+)\. ", rest)
    # numbered = ["", "1", "title…", "2", "title…", ...]; the last title runs into the description
    items = list(zip(numbered[1::2], numbered[2::2], strict=True))
    owners_block = flat[: flat.index(heading)]
    owners = [o.strip() for o in owners_block.split("•")[1:]]
    return {
        "heading": heading,
        "table_title": table_title,
        "numbers": [int(n) for n, _t in items],
        "titles": [t for _n, t in items],
        "owners": owners,
        "bullets": status_pieces(section),
    }


def corrected(value: str) -> str:
    for as_in_seed, as_stored in CORRECTIONS:
        if value == as_in_seed:
            return as_stored
    return value


@pytest.fixture
def october() -> Period:
    sector = SectorFactory(slug="publieke-omroep")
    plan = plan_seed(sector=sector)
    return plan.periods.get(label="oktober 2025")


def theme_html(document: str, letter: str) -> str:
    start = document.index(f'<section class="report-theme" id="thema-{letter}"')
    end = document.find('<section class="report-theme"', start + 1)
    if end == -1:
        end = document.index('<section class="report-overview"')
    return document[start:end]


@pytest.mark.parametrize("letter", LETTERS)
def test_report_carries_every_theme_action_owner_and_status_text_of_the_seed(
    october: Period, letter: str
) -> None:
    document = report_html(report=report_build(period=october, audience=Audience.REGULATOR))
    seed = seed_theme(letter)
    section = theme_html(document, letter)
    section_text = text_of(section)
    assert section_text.startswith(str(seed["heading"]))
    assert str(seed["table_title"]) in section_text
    numbers = [int(n) for n in re.findall(r'<li value="(\d+)">', section)]
    assert numbers == seed["numbers"]
    titles = [
        norm(html.unescape(t))
        for t in re.findall(r'<li value="\d+">(.*?) <span class="status', section)
    ]
    seed_titles = list(seed["titles"])  # type: ignore[call-overload]
    assert titles[:-1] == seed_titles[:-1]
    # the last numbered item runs on into the description in the flattened seed
    assert seed_titles[-1].startswith(titles[-1] + " ")
    owners = re.findall(r"<li>([^<]+)</li>", section.split('class="owners"')[1].split("</ul>")[0])
    assert owners == [corrected(o) for o in seed["owners"]]  # type: ignore[attr-defined]
    for bullet in seed["bullets"]:  # type: ignore[attr-defined]
        assert bullet in section_text, bullet[:60]
    assert "Statusupdate oktober 2025" in section_text


def test_report_has_summary_changes_and_recommendation_overview(october: Period) -> None:
    report = report_build(period=october, audience=Audience.PUBLIC)
    text = text_of(report_html(report=report))
    assert "Het plan telt 55 acties." in text
    assert "Samenvatting statusupdate juni 2025" in text
    assert "Bureau Nazorg conform planning gestopt per 15 mei" in text  # June summary
    assert "Wat is er veranderd sinds de vorige periode" in text
    assert "geen statussen per actie vastgelegd" in text
    overview = text[text.index("Samenvatting overkoepelende plan van aanpak sociale veiligheid") :]
    for fragment in (
        "A) Erkenning van slachtoffers en nazorg realiseren",
        "Aanbeveling 13",
        "Aanbeveling 1 – 5",
        "Aanbeveling 8 – 10",
        "Aanbeveling 6 & 7",
        "Aanbeveling 15",
    ):
        assert fragment in overview
    assert overview.count("Conclusie") == 2  # themes A and I
    assert report.totals == {"completed": 17, "ongoing": 17, "in_progress": 21, "not_started": 0}


def test_pdf_renders_with_the_expected_headings(october: Period) -> None:
    pdf = report_pdf(report=report_build(period=october, audience=Audience.MINISTRY))
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 12  # cover, summary, changes, ten themes, overview
    text = norm(" ".join(page.extract_text() for page in reader.pages))
    assert "Verantwoording aan: Ministerie van OCW" in text
    assert "Statusupdate oktober 2025" in text
    for heading in (
        "Samenvatting",
        "Voortgang per thema",
        "Wat is er veranderd sinds de vorige periode",
        "Actie(s) Omschrijving Planning Eigenaar",
        "J) Rol productiehuizen onderzoeken",
        "Samenvatting overkoepelende plan van aanpak sociale veiligheid",
    ):
        assert heading in text, heading


def test_public_report_leaves_out_internal_notes(october: Period) -> None:
    with_notes = text_of(report_html(report=report_build(period=october, audience="regulator")))
    public = text_of(report_html(report=report_build(period=october, audience="public")))
    assert "Verantwoording aan: Publiek" in public
    note = october.theme_updates.get(theme__letter="C").action_updates.get(action__number=1).note
    assert note and note in with_notes
    assert note not in public


def test_report_pages_and_downloads(october: Period) -> None:
    regulator = member(Role.REGULATOR, sector=october.plan.sector)
    client = verified_client(regulator)
    page = client.get(reverse("plan:report", args=[october.pk, "regulator"]))
    assert page.status_code == 200
    assert "J) Rol productiehuizen onderzoeken" in page.content.decode()
    pdf = client.get(reverse("plan:report_pdf", args=[october.pk, "public"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="statusupdate-oktober-2025-public.pdf"' in pdf["Content-Disposition"]
    download = client.get(reverse("plan:report_html", args=[october.pk, "ministry"]))
    assert download.status_code == 200
    assert b"<!DOCTYPE html>" in download.content
    assert client.get(reverse("plan:report", args=[october.pk, "nobody"])).status_code == 404


def test_english_report_translates_the_interface_but_keeps_the_dutch_data(
    october: Period,
) -> None:
    from django.utils.translation import override

    with override("en"):
        text = text_of(report_html(report=report_build(period=october, audience="regulator")))
    assert "What has changed since the previous period" in text
    assert "Erkenning van slachtoffers en nazorg realiseren" in text


def test_indicators_section_for_the_regulator_not_the_public(october: Period) -> None:
    from decimal import Decimal

    from tests.factories import OrganisationFactory
    from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore

    sector = october.plan.sector
    alfa = OrganisationFactory(sector=sector, name="Omroep Alfa")
    for year, score in ((2024, "6.8"), (2025, "7.1"), (2026, "9.9")):  # 2026: after the period
        SurveyScore.objects.create(
            sector=sector, organisation=alfa, year=year, score=Decimal(score)
        )
    DiversityFigure.objects.create(
        sector=sector,
        organisation=None,
        year=2025,
        dimension="gender",
        target_percent=Decimal("50.0"),
        actual_percent=Decimal("42.5"),
    )
    BoardAppointment.objects.create(  # second term of 4 years ends 2025-12-31: successor needed
        sector=sector,
        organisation=alfa,
        person_name="Bea Bestuur",
        role_title="Directeur",
        rule="npo_directors",
        term_starts=["2018-01-01", "2022-01-01"],
    )
    text = text_of(report_html(report=report_build(period=october, audience="regulator")))
    section = text[text.index("Indicatoren") : text.index("Samenvatting overkoepelende")]
    assert "Omroep Alfa 6,8 7,1 (+0,3)" in section
    assert "9,9" not in section
    assert "vrouwen in leidinggevende functies Hele sector 50,0% 42,5% niet gehaald" in section
    assert "Laatste termijn loopt binnen zes maanden af (opvolging nodig) 1" in section
    assert "Bea Bestuur" not in section  # counts only
    public = text_of(report_html(report=report_build(period=october, audience="public")))
    assert "Medewerkersonderzoek" not in public
