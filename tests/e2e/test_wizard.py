"""The route wizard in a real browser: three paths in Dutch and English, one with JavaScript
off, the quick exit, and axe-core on every step and error state."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.factories import OrganisationFactory, SectorFactory
from veiligwerk.routes.services import routes_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sector():
    sector = SectorFactory(slug="publieke-omroep", name="Landelijke publieke omroep")
    avrotros = OrganisationFactory(sector=sector, slug="avrotros", name="AVROTROS")
    routes_seed(sector=sector, own_adviser_for=[avrotros])
    return sector


def _no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _answer(page: Page, *labels: str, check_axe: bool = False) -> None:
    for label in labels:
        page.get_by_label(label, exact=True).check()
    if check_axe:
        _no_axe_violations(page)
    page.get_by_role("button", name=re.compile("^(Verder|Continue)$")).click()


def test_dutch_path_to_a_formal_complaint(live_server, page: Page, sector):
    page.goto(f"{live_server.url}/hulp/publieke-omroep/")
    _no_axe_violations(page)
    page.get_by_role("link", name="Start de wegwijzer").click()
    expect(page.locator("h1")).to_have_text("Is er nu gevaar, of gaat het om een misdrijf?")
    _answer(page, "Nee", check_axe=True)
    _answer(page, "Ik ben in dienst bij de NPO of een omroep", check_axe=True)
    _answer(page, "Ongewenst gedrag, zoals pesten, intimidatie, agressie of machtsmisbruik")
    _answer(page, "Een formele klacht, met een oordeel")
    _answer(page, "Ja")
    _answer(page, "Nee, mijn naam mag bekend zijn")
    expect(page.locator("h1")).to_have_text("Deze hulp past bij u")
    results = page.locator(".result h2")
    expect(results.first).to_be_visible()
    names = results.all_inner_texts()
    assert "Klachtencommissie ongewenste omgangsvormen" in names
    assert "Overkoepelende vertrouwenspersonen" in names
    assert "Vertrouwenspersoon van uw werkgever" in names
    _no_axe_violations(page)
    assert "klacht" not in page.url and "Nee" not in page.url  # answers travel as letter codes


def test_error_state_and_back_link(live_server, page: Page, sector):
    page.goto(f"{live_server.url}/hulp/publieke-omroep/wegwijzer/")
    page.get_by_role("button", name="Verder").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies een antwoord.")
    assert page.title().startswith("Fout:")
    _no_axe_violations(page)
    page.get_by_role("link", name="Kies een antwoord.").click()
    _answer(page, "Nee")
    _answer(page, "Ik werkte er vroeger")
    expect(page.locator("h1")).to_have_text("Waar gaat het over?")
    page.get_by_role("link", name="Terug").click()
    expect(page.locator("h1")).to_have_text("Wat is uw band met de publieke omroep?")
    expect(page.get_by_label("Ik werkte er vroeger", exact=True)).to_be_checked()
    page.go_back()  # the browser's own Back returns to where the person was
    expect(page.locator("h1")).to_have_text("Waar gaat het over?")


def test_english_path_for_past_harm_leads_to_the_advisers(live_server, page: Page, sector):
    page.goto(f"{live_server.url}/hulp/publieke-omroep/")
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name=re.compile("Kies taal|Change language")).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{live_server.url}/hulp/publieke-omroep/wegwijzer/")
    expect(page.locator("h1")).to_have_text("Is there danger now, or is it about a crime?")
    _answer(page, "No", check_axe=True)
    _answer(page, "I used to work there")
    _answer(page, "Sexual harassment or sexual misconduct")
    _answer(page, "Yes")
    _answer(page, "Tell my story and get advice")
    _answer(page, "Yes, at least towards my employer")
    names = page.locator(".result h2").all_inner_texts()
    assert names[0] == "Overarching confidential advisers"
    expect(page.locator(".result").first).to_contain_text("Bureau Nazorg")
    assert "Complaints committee for unwanted behaviour" not in names
    _no_axe_violations(page)


@pytest.fixture
def no_js_page(browser: Browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_acute_danger_without_javascript_shows_112_first(no_js_page: Page, live_server, sector):
    page = no_js_page
    page.goto(f"{live_server.url}/hulp/publieke-omroep/?o=avrotros")
    page.get_by_role("link", name="Start de wegwijzer").click()
    _answer(page, "Ja, er is nu gevaar")
    expect(page.locator(".emergency")).to_contain_text("bel 112")
    expect(page.locator(".result h2").first).to_have_text("Bel 112 bij direct gevaar")
    page.get_by_role("link", name="Terug").click()
    expect(page.get_by_label("Ja, er is nu gevaar", exact=True)).to_be_checked()


def test_organisation_page_offers_its_own_adviser(no_js_page: Page, live_server, sector):
    page = no_js_page
    page.goto(f"{live_server.url}/hulp/publieke-omroep/wegwijzer/?o=avrotros")
    _answer(page, "Nee")
    _answer(page, "Ik ben in dienst bij de NPO of een omroep")
    _answer(page, "Discriminatie of racisme")
    _answer(page, "Mijn verhaal kwijt en advies")
    _answer(page, "Ja")
    _answer(page, "Weet ik nog niet")
    assert "Vertrouwenspersoon van AVROTROS" in page.locator(".result h2").all_inner_texts()


@pytest.fixture
def neutral_site(settings, live_server):
    """The neutral site stands in on this server (the test network reaches no other host)."""
    settings.QUICK_EXIT_URL = f"{live_server.url}/healthz"
    return settings.QUICK_EXIT_URL


def test_quick_exit_link_leaves_for_the_neutral_site(
    no_js_page: Page, live_server, sector, neutral_site
):
    page = no_js_page
    page.goto(f"{live_server.url}/hulp/publieke-omroep/wegwijzer/")
    page.get_by_role("link", name=re.compile("^Snel weg")).click()
    page.wait_for_url(neutral_site)
    assert page.context.cookies() == []


def test_quick_exit_with_three_shift_presses(page: Page, live_server, sector, neutral_site):
    page.goto(f"{live_server.url}/hulp/publieke-omroep/wegwijzer/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
    page.go_back()
    assert "/wegwijzer/" not in page.url  # the wizard page was replaced in the history
