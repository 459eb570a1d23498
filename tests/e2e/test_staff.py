"""Staff log-in in a real browser: first log-in with authenticator enrolment, recovery codes,
log-out, the second factor's error state, the language switch, and layout at 360 px."""

from __future__ import annotations

import base64
import re

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, OrganisationFactory, member
from veiligwerk.tenancy.models import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def adviser():
    organisation = OrganisationFactory(name="Omroep Zuid")
    return member(Role.CONFIDENTIAL_ADVISER, organisation=organisation)


def _no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _password_step(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/staff/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()


def test_first_log_in_enrols_the_authenticator_and_logs_out(live_server, page: Page, adviser):
    page.goto(f"{live_server.url}/staff/login/")
    _no_axe_violations(page)
    _password_step(page, live_server.url, adviser.username)
    expect(page.locator("h1")).to_have_text("Stel uw tweede stap in")
    _no_axe_violations(page)
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Bevestig de code").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    _no_axe_violations(page)
    page.get_by_role("link", name="Ik heb de codes bewaard").click()
    expect(page.locator("main")).to_contain_text("Vertrouwenspersoon")
    expect(page.locator("main")).to_contain_text("Uw sleutel is ontgrendeld")
    _no_axe_violations(page)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1")).to_have_text("U bent afgemeld")
    page.goto(f"{live_server.url}/staff/")
    expect(page).to_have_url(re.compile(r"/staff/login/"))


def test_wrong_code_shows_the_error_then_the_right_code_gets_in(
    live_server, page: Page, adviser, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=adviser, name="authenticator", confirmed=True)
    _password_step(page, live_server.url, adviser.username)
    expect(page.locator("h1")).to_have_text("Code uit uw app")
    page.get_by_label("Code uit uw app, of een herstelcode").fill("000000")
    page.get_by_role("button", name="Aanmelden").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Er is een probleem")
    assert page.title().startswith("Fout:")
    _no_axe_violations(page)
    summary.get_by_role("link").click()
    expect(page.get_by_label("Code uit uw app, of een herstelcode")).to_be_focused()
    code = pyotp.TOTP(base64.b32encode(device.bin_key).decode()).now()
    page.get_by_label("Code uit uw app, of een herstelcode").fill(code)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_contain_text("Welkom")


def test_language_switch_changes_the_page_and_stays(live_server, page: Page):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Kies taal").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Help and reporting for unwanted behaviour at work")
    page.goto(f"{live_server.url}/staff/login/")
    expect(page.locator("h1")).to_have_text("Staff log-in")
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Change language").click()
    expect(page.locator("h1")).to_have_text("Aanmelden voor medewerkers")


@pytest.mark.parametrize("path", ["/", "/staff/login/", "/hulp/veilig-zoeken/"])
def test_pages_fit_a_phone_without_sideways_scrolling(live_server, page: Page, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(live_server, page: Page):
    page.goto(f"{live_server.url}/staff/login/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text("Naar de inhoud")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
