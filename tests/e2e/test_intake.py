"""The whole intake in Chromium with JavaScript off (Tor Browser "safest"): wizard → anonymous
report with a file → receipt → a handler logs in, reads and replies with a file → the reporter
logs in with the code, reads the reply, downloads the file and answers. Plus axe-core on the
form with JavaScript on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    SectorFactory,
    member,
    totp_device,
    totp_now,
)
from veiligwerk.routes.services import routes_seed
from veiligwerk.security.keys import key_login
from veiligwerk.tenancy.models import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STORY = "Tijdens de montage zei de regisseur steeds dingen over mijn lichaam."
REPLY = "Dank u. Wilt u vertellen of er anderen bij waren?"
ANSWER = "Ja, twee collega's van de montage."
MINUTES = "Verslag van ons gesprek van 3 maart."


@pytest.fixture
def sector():
    sector = SectorFactory(slug="publieke-omroep", name="Landelijke publieke omroep")
    avrotros = OrganisationFactory(sector=sector, slug="avrotros", name="AVROTROS")
    routes_seed(sector=sector, own_adviser_for=[avrotros])
    return sector


@pytest.fixture
def overarching(sector):
    user = member(Role.OVERARCHING_ADVISER, sector=sector)
    user.first_name, user.last_name = "Otto", "Overkoepelend"
    user.save()
    key_login(user=user, password=PASSWORD)  # as after their first log-in
    return user


@pytest.fixture
def no_js(browser: Browser, browser_context_args, live_server):
    contexts = []

    def new_page() -> Page:
        context = browser.new_context(**browser_context_args, java_script_enabled=False)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def _continue(page: Page) -> None:
    page.get_by_role("button", name="Verder").click()


def _report_until_check(page: Page, live_server, tmp_path) -> None:
    page.goto(f"{live_server.url}/hulp/publieke-omroep/routes/overkoepelende-vertrouwenspersonen/")
    page.get_by_role("link", name="Melding doen").click()
    page.get_by_role("button", name="Beginnen").click()
    expect(page.locator("h1")).to_have_text("Waar gaat uw melding over?")
    page.get_by_label("Seksuele intimidatie").check()
    _continue(page)
    page.get_by_label("Wat is er gebeurd?").fill(STORY)
    _continue(page)
    page.get_by_label("Wanneer is het gebeurd?").fill("Voorjaar 2025")
    _continue(page)
    page.get_by_label("Bij welke organisatie is het gebeurd?").select_option(label="AVROTROS")
    _continue(page)
    _continue(page)  # what they want: optional
    page.get_by_label("Anoniem: niemand weet wie ik ben").check()
    _continue(page)
    expect(page.get_by_label("Uw naam")).to_have_count(0)
    _continue(page)  # contact: optional
    _continue(page)  # about whom: optional
    evidence = tmp_path / "aantekeningen.txt"
    evidence.write_text("Aantekeningen van 3 maart.", encoding="utf-8")
    page.get_by_label("Wilt u een bestand meesturen?").set_input_files(str(evidence))
    page.get_by_role("button", name="Bestand toevoegen").click()
    expect(page.locator(".file-list")).to_contain_text("aantekeningen.txt")
    page.get_by_role("link", name="Verder").click()
    expect(page.locator("h1")).to_have_text("Kijk uw antwoorden na")
    expect(page.locator(".summary")).to_contain_text(STORY)
    expect(page.locator(".summary")).to_contain_text("aantekeningen.txt")


def test_anonymous_report_and_dialogue_without_javascript(
    no_js, live_server, sector, overarching, settings, tmp_path
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    reporter = no_js()
    _report_until_check(reporter, live_server, tmp_path)
    reporter.get_by_role("button", name="Verstuur uw melding").click()
    expect(reporter.locator("h1")).to_have_text("Uw melding is verstuurd")
    code = reporter.locator(".receipt-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){5}", code)
    assert code not in reporter.url and code not in reporter.title()
    expect(reporter.locator("main")).to_contain_text("wij kunnen hem niet herstellen")
    reporter.get_by_role("button", name="Ik heb de code opgeschreven").click()
    expect(reporter.locator("h1")).to_have_text("Inloggen met uw code")

    # The handler logs in with password and app code, reads and replies.
    handler = no_js()
    device = totp_device(overarching)
    handler.goto(f"{live_server.url}/staff/login/")
    handler.get_by_label("Gebruikersnaam").fill(overarching.username)
    handler.get_by_label("Wachtwoord").fill(PASSWORD)
    handler.get_by_role("button", name="Aanmelden").click()
    handler.get_by_label("Code uit uw app, of een herstelcode").fill(totp_now(device))
    handler.get_by_role("button", name="Aanmelden").click()
    handler.get_by_role("link", name="Meldingen", exact=True).click()
    handler.locator("table a").first.click()
    expect(handler.locator("main")).to_contain_text(STORY)
    expect(handler.locator("main")).to_contain_text("aantekeningen.txt")
    handler.get_by_label("Uw bericht aan de melder").fill(REPLY)
    minutes = tmp_path / "verslag.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    handler.locator('input[type="file"][name="file"]').set_input_files(str(minutes))
    handler.get_by_role("button", name="Verstuur het bericht").click()
    expect(handler.locator("main")).to_contain_text(REPLY)
    expect(handler.locator("main")).to_contain_text("verslag.txt")

    # The reporter comes back in a fresh browser with the code, reads the reply, answers.
    again = no_js()
    again.goto(f"{live_server.url}/melden/inloggen/")
    again.get_by_label("Inloggen met uw code").fill(code.lower())
    again.get_by_role("button", name="Inloggen").click()
    expect(again.locator("h1")).to_have_text("Uw melding")
    expect(again.locator(".messages-list")).to_contain_text(REPLY)
    # The handler's file: a plain link (no script), downloaded under its own name.
    with again.expect_download() as download_info:
        again.get_by_role("link", name="verslag.txt downloaden").click()
    download = download_info.value
    assert download.suggested_filename == "verslag.txt"
    assert Path(download.path()).read_text(encoding="utf-8") == MINUTES
    again.get_by_label("Uw bericht").fill(ANSWER)
    again.get_by_role("button", name="Bericht versturen").click()
    expect(again.locator(".messages-list")).to_contain_text(ANSWER)

    handler.reload()
    expect(handler.locator("main")).to_contain_text(ANSWER)


def test_report_form_pages_pass_axe_and_errors_link_to_fields(
    page: Page, live_server, sector, overarching
):
    page.goto(f"{live_server.url}/melden/publieke-omroep/overkoepelende-vertrouwenspersonen/")
    _no_axe_violations(page)
    page.get_by_role("button", name="Beginnen").click()
    _no_axe_violations(page)
    _continue(page)
    expect(page.locator(".error-summary")).to_contain_text("Kies ten minste één onderwerp.")
    assert page.title().startswith("Fout:")
    _no_axe_violations(page)
    page.get_by_label("Pesten").check()
    _continue(page)
    _continue(page)
    expect(page.locator(".error-summary")).to_contain_text("Vertel wat er is gebeurd.")
    _no_axe_violations(page)
    page.get_by_role("link", name="Vertel wat er is gebeurd.").click()
    expect(page.get_by_label("Wat is er gebeurd?")).to_be_focused()


def _no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
