"""The indicator pages in a real browser: an HR member enters an employee-survey score (first
an impossible one, which is explained and keeps what was typed), sees it in the table, and
axe-core finds nothing on the page with and without errors."""

from __future__ import annotations

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    SectorFactory,
    member,
    totp_device,
    totp_now,
)
from veiligwerk.indicators.models import SurveyScore
from veiligwerk.tenancy.models import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_hr_enters_a_survey_score_with_an_error_first(page: Page, live_server, settings) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    sector = SectorFactory()
    alfa = OrganisationFactory(sector=sector, name="Omroep Alfa")
    hr = member(Role.HR, organisation=alfa)
    device = totp_device(hr)
    page.goto(f"{live_server.url}/staff/login/")
    page.get_by_label("Gebruikersnaam").fill(hr.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_label("Code uit uw app, of een herstelcode").fill(totp_now(device))
    page.get_by_role("button", name="Aanmelden").click()

    page.get_by_role("navigation").get_by_role("link", name="Indicatoren").click()
    page.get_by_role("link", name="Medewerkersonderzoek").first.click()
    _no_axe_violations(page)
    page.get_by_label("Jaar").fill("2025")
    page.get_by_label("Score", exact=False).first.fill("11")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.title().startswith("Fout:")
    expect(page.get_by_label("Jaar")).to_have_value("2025")
    _no_axe_violations(page)
    assert not SurveyScore.objects.exists()

    page.get_by_label("Score", exact=False).first.fill("7,4")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De score is opgeslagen.")
    expect(page.get_by_role("table")).to_contain_text("Omroep Alfa")
    expect(page.get_by_role("table")).to_contain_text("7,4")
    assert SurveyScore.objects.get().score == Decimal("7.4")
