"""The language switch, layout on a small phone, axe-core, the keyboard path through the skip
links, and the browser guard itself (CSP violations and requests to other hosts).

The English assertions rely on these msgids in locale/en/LC_MESSAGES/django.po:
"Hulp en melden bij ongewenst gedrag op het werk", "Aanmelden voor medewerkers" and
"Welkom, %(name)s". Labels and buttons are found by their Dutch or English name, so the tests
do not depend on the translation of "Taal" or "Kies taal"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.factories import SectorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
NARROWEST = 320  # WCAG 1.4.10 reflow


@pytest.fixture
def sector():
    return SectorFactory(slug="publieke-omroep", name="Landelijke publieke omroep")


def _choose_language(page: Page, code: str) -> None:
    page.get_by_label(re.compile(r"^(Taal|Language)$")).select_option(code)
    page.get_by_role("button", name=re.compile(r"^(Kies taal|Change language)$")).click()


# Language ---------------------------------------------------------------------------------


def test_language_switch_on_the_public_home_stays_for_the_next_page(
    live_server, page: Page, sector
):
    html, h1 = page.locator("html"), page.locator("h1")
    page.goto(f"{live_server.url}/")
    expect(html).to_have_attribute("lang", "nl")

    _choose_language(page, "en")
    expect(html).to_have_attribute("lang", "en")
    expect(h1).to_have_text("Help and reporting for unwanted behaviour at work")
    expect(page).to_have_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/staff/login/")
    expect(html).to_have_attribute("lang", "en")
    expect(h1).to_have_text("Staff log-in")

    _choose_language(page, "nl")
    expect(html).to_have_attribute("lang", "nl")
    expect(h1).to_have_text("Aanmelden voor medewerkers")
    page.goto(f"{live_server.url}/")
    expect(h1).to_have_text("Hulp en melden bij ongewenst gedrag op het werk")


def test_language_switch_on_the_staff_home_stays_for_the_next_page(
    live_server, staff_page: Page, adviser
):
    page = staff_page
    html, h1 = page.locator("html"), page.locator("h1")
    name = adviser.get_full_name()
    page.goto(f"{live_server.url}/staff/")
    expect(h1).to_have_text(f"Welkom, {name}")

    _choose_language(page, "en")
    expect(html).to_have_attribute("lang", "en")
    expect(h1).to_have_text(f"Welcome, {name}")
    expect(page).to_have_url(f"{live_server.url}/staff/")

    page.goto(f"{live_server.url}/staff/password/")
    expect(html).to_have_attribute("lang", "en")

    _choose_language(page, "nl")
    expect(html).to_have_attribute("lang", "nl")
    expect(h1).to_have_text("Wachtwoord wijzigen")
    page.goto(f"{live_server.url}/staff/")
    expect(h1).to_have_text(f"Welkom, {name}")


# Layout and axe ---------------------------------------------------------------------------


def _public_home(page: Page, url: str) -> None:
    page.goto(f"{url}/")
    expect(page.locator(".cards .card")).to_have_count(1)


def _log_in(page: Page, url: str) -> None:
    page.goto(f"{url}/staff/login/")


def _log_in_with_empty_fields(page: Page, url: str) -> None:
    page.goto(f"{url}/staff/login/")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".error-summary a")).to_have_count(2)
    expect(page).to_have_title(re.compile(r"^Fout: "))


def _log_in_with_a_wrong_password(page: Page, url: str) -> None:
    page.goto(f"{url}/staff/login/")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".error-summary")).to_contain_text("klopt niet")
    expect(page).to_have_title(re.compile(r"^Fout: "))


def _staff_home(page: Page, url: str) -> None:
    page.goto(f"{url}/staff/")
    expect(page.locator("main")).to_contain_text("Uw sleutel is ontgrendeld")


def _safety_page(page: Page, url: str) -> None:
    page.goto(f"{url}/hulp/veilig-zoeken/")


PAGES: dict[str, Callable[[Page, str], None]] = {
    "public-home": _public_home,
    "log-in": _log_in,
    "log-in-empty": _log_in_with_empty_fields,
    "log-in-wrong-password": _log_in_with_a_wrong_password,
    "staff-home": _staff_home,
    "safety": _safety_page,
}


def _scroll_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("name", PAGES)
def test_pages_fit_a_phone_and_pass_axe(
    request, live_server, page: Page, sector, name, assert_no_axe_violations
):
    if name == "staff-home":
        page = request.getfixturevalue("staff_page")
    page.set_viewport_size(PHONE)
    PAGES[name](page, live_server.url)
    assert _scroll_width(page) <= PHONE["width"]
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": NARROWEST, "height": PHONE["height"]})
    assert _scroll_width(page) <= NARROWEST


# Keyboard ---------------------------------------------------------------------------------


def _skip_to_main(page: Page) -> None:
    """The focused skip link is visible and moves focus to main; where main holds a link or a
    control, the next Tab reaches it (Tab goes on from main, not from the top)."""
    focused = page.locator(":focus")
    expect(focused).to_have_text("Naar de inhoud")
    expect(focused).to_be_in_viewport()
    page.keyboard.press("Enter")
    main = page.locator("main")
    expect(main).to_be_focused()
    if main.locator("a[href], button, input, select, textarea").count():
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_skip_link_is_the_first_stop_on_the_log_in_page(live_server, page: Page):
    page.goto(f"{live_server.url}/staff/login/")
    page.keyboard.press("Tab")
    _skip_to_main(page)


def test_skip_link_is_the_first_stop_on_the_staff_home(live_server, staff_page: Page):
    staff_page.goto(f"{live_server.url}/staff/")
    staff_page.keyboard.press("Tab")
    _skip_to_main(staff_page)


def test_public_pages_offer_the_quick_exit_first_then_the_content(live_server, page: Page, sector):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Naar ‘Snel weg’")
    page.keyboard.press("Tab")
    _skip_to_main(page)


# The browser guard ------------------------------------------------------------------------


def test_the_guard_catches_a_csp_violation_and_a_request_to_another_host(
    live_server, page: Page, browser_guard
):
    """The pages are checked by listeners that would pass if they heard nothing; show that
    they hear, on a page that really sends the policy."""
    response = page.goto(f"{live_server.url}/staff/login/")
    assert response is not None
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert browser_guard.problems == []

    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            "() => { const img = document.createElement('img');"
            " img.src = 'https://example.invalid/tracker.png'; document.body.append(img); }"
        )
    page.route("http://example.invalid/**", lambda route: route.abort())
    with page.expect_request("http://example.invalid/**"):
        page.evaluate("() => setTimeout(() => location.assign('http://example.invalid/'), 0)")
    page.wait_for_load_state()

    assert any(problem.startswith("CSP: ") for problem in browser_guard.problems)
    assert "request to another host: http://example.invalid/" in browser_guard.problems
    browser_guard.problems.clear()
