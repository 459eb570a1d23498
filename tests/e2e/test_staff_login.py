"""Staff log-in in a real browser: the first log-in with authenticator enrolment and recovery
codes, log-out, and the second log-in with a wrong and then the right code."""

from __future__ import annotations

import base64
import re
import time

import pyotp
import pytest
from playwright.sync_api import Page, expect

from tests.factories import totp_device, totp_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


# How many lines each word (run of non-space characters) inside the matched elements takes.
_LINES_PER_WORD = r"""selector => {
    const lines = [];
    for (const element of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                lines.push(range.getClientRects().length);
            }
        }
    }
    return lines;
}"""


def _fits_a_phone_with_each_code_on_one_line(page: Page, codes: str) -> None:
    """At 360 and 320 px (WCAG reflow) no sideways scrolling, and no code or key group that
    someone copies by hand is broken over two lines."""
    original = page.viewport_size
    for width in (360, 320):
        page.set_viewport_size({"width": width, "height": 740})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        lines = page.evaluate(_LINES_PER_WORD, codes)
        assert lines and set(lines) == {1}, f"{codes} at {width} px: {lines}"
    page.set_viewport_size(original)


def test_first_log_in_enrols_the_authenticator_and_logs_out(
    live_server, page: Page, adviser, password_step, assert_no_axe_violations
):
    page.goto(f"{live_server.url}/staff/login/")
    expect(page.locator("h1")).to_have_text("Aanmelden voor medewerkers")
    assert_no_axe_violations(page)

    password_step(page, adviser.username)
    expect(page).to_have_url(re.compile(r"/staff/"))
    expect(page.locator("h1")).to_have_text("Stel uw tweede stap in")
    assert_no_axe_violations(page)
    _fits_a_phone_with_each_code_on_one_line(page, "#totp-secret")

    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Bevestig de code").click()

    expect(page.locator("h1")).to_have_text("Uw herstelcodes")
    codes = page.locator("#recovery-codes li")
    expect(codes).to_have_count(10)
    assert len(set(codes.all_inner_texts())) == 10
    assert_no_axe_violations(page)
    _fits_a_phone_with_each_code_on_one_line(page, "#recovery-codes code")

    page.get_by_role("link", name="Ik heb de codes bewaard").click()
    main = page.locator("main")
    expect(main.locator(".card h3")).to_have_text("Vertrouwenspersoon")
    expect(main.locator(".card .scope")).to_contain_text("Omroep Zuid")
    expect(main).to_contain_text("Uw sleutel is ontgrendeld")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1")).to_have_text("U bent afgemeld")
    page.goto(f"{live_server.url}/staff/")
    expect(page).to_have_url(re.compile(r"/staff/login/"))
    expect(page.locator("h1")).to_have_text("Aanmelden voor medewerkers")


def _a_wrong_code(device) -> str:
    """Six digits that the device does not accept now (it allows one step either side)."""
    totp = pyotp.TOTP(base64.b32encode(device.bin_key).decode())
    accepted = {totp.at(time.time() + step * totp.interval) for step in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in accepted)


def test_wrong_code_shows_the_error_then_the_right_code_gets_in(
    live_server, page: Page, adviser, settings, password_step, assert_no_axe_violations
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the live server runs in this process
    device = totp_device(adviser)
    password_step(page, adviser.username)
    expect(page.locator("h1")).to_have_text("Code uit uw app")
    field = page.get_by_label("Code uit uw app, of een herstelcode")

    field.fill(_a_wrong_code(device))
    page.get_by_role("button", name="Aanmelden").click()

    summary = page.locator(".error-summary")
    expect(summary.get_by_role("heading")).to_have_text("Er is een probleem")
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("Deze code klopt niet"))
    assert_no_axe_violations(page)
    summary.get_by_role("link", name=re.compile("^Deze code klopt niet")).click()
    expect(field).to_be_focused()

    field.fill(totp_now(device))
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text(f"Welkom, {adviser.get_full_name()}")
    expect(page.locator("main")).to_contain_text("Uw sleutel is ontgrendeld")
