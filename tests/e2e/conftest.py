"""Browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is
downloaded. The live server runs in this process, hence DJANGO_ALLOW_ASYNC_UNSAFE.

Every `page` is guarded: a Content-Security-Policy violation in the console, an uncaught script
error, or a request to any host other than the live server fails the test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request

from tests.factories import PASSWORD, OrganisationFactory, member, verified_client
from veiligwerk.accounts.models import User
from veiligwerk.tenancy.models import Role

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Dutch browser, like most of our users'; tests that need English switch language."""
    return {**browser_context_args, "locale": "nl-NL"}


class BrowserGuard:
    """Collects what must never happen in a page: CSP violations, script errors, other hosts."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if "content security policy" in message.text.lower():
            self.problems.append(f"CSP: {message.text}")

    def _request(self, request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in LOCAL_SCHEMES:
            return
        if url.scheme not in {"http", "https"} or url.hostname not in LOCAL_HOSTS:
            self.problems.append(f"request to another host: {request.url}")


@pytest.fixture
def browser_guard() -> BrowserGuard:
    return BrowserGuard()


@pytest.fixture
def page(page: Page, browser_guard: BrowserGuard) -> Iterator[Page]:
    browser_guard.watch(page)
    yield page
    assert browser_guard.problems == [], "\n".join(browser_guard.problems)


@pytest.fixture(scope="session")
def _axe() -> Axe:
    return Axe()


@pytest.fixture
def assert_no_axe_violations(_axe: Axe) -> Callable[[Page], None]:
    """axe-core (WCAG 2.x A and AA and best practices) on the page as it is now."""

    def check(page: Page) -> None:
        results = _axe.run(page)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def adviser() -> User:
    """A confidential adviser with a password and a key pair, without an authenticator yet."""
    return member(Role.CONFIDENTIAL_ADVISER, organisation=OrganisationFactory(name="Omroep Zuid"))


@pytest.fixture
def password_step(live_server) -> Callable[[Page, str], None]:
    """Fill the log-in form by its labels and submit it."""

    def step(page: Page, username: str, password: str = PASSWORD) -> None:
        page.goto(f"{live_server.url}/staff/login/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Aanmelden").click()

    return step


@pytest.fixture
def staff_page(page: Page, context: BrowserContext, live_server, adviser: User) -> Page:
    """`page`, logged in as `adviser` with the second factor passed and the key unlocked.
    The real log-in is tested in test_staff_login.py; this one skips to the result."""
    client = verified_client(adviser)
    context.add_cookies(
        [
            {"name": name, "value": morsel.value, "url": live_server.url, "httpOnly": True}
            for name, morsel in client.cookies.items()
        ]
    )
    return page
