"""The action-plan monitor in a real browser, one reporting period from opening to the report:
the coordinator opens "maart 2026"; an NPO board member drafts theme A (bullets, a status
change, an evidence link), saves and submits; the coordinator returns it without a note (an
error), then with a note; the owner revises and resubmits; the coordinator approves. The other
nine themes go through the services. The coordinator publishes; the regulator reads the report
(page and PDF) but cannot reach the theme update. axe-core runs on the error states and on the
report.

Where the app does not yet do what it should, the check is written as it should be but recorded
in `Shortfalls` instead of stopping the scenario; the test fails at the end with the whole list,
so one run shows every shortfall and the later steps are still exercised."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import BrowserGuard
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    SectorFactory,
    member,
    totp_device,
    totp_now,
)
from veiligwerk.accounts.models import User
from veiligwerk.actionplan.models import Period, Plan, UpdateState
from veiligwerk.actionplan.seed_data import PLAN_TITLE
from veiligwerk.actionplan.services import (
    plan_seed,
    theme_update_get_or_start,
    theme_update_review,
    theme_update_save,
    theme_update_submit,
)
from veiligwerk.tenancy.models import Organisation, Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PERIOD = "maart 2026"
BULLETS = [
    "In januari 2026 is de nazorg geëvalueerd met twintig betrokkenen.",
    "De inzichten zijn gedeeld met de overkoepelende vertrouwenspersonen.",
]
EXTRA_BULLET = "Het evaluatierapport verschijnt in april 2026."
RETURN_NOTE = "Noem ook wanneer het evaluatierapport verschijnt."
EVIDENCE_URL = "https://www.npo.nl/evaluatie-nazorg"
EVIDENCE_TITLE = "Evaluatie nazorg"
HIGHLIGHT = "De nazorg is geëvalueerd; alle thema's zijn bijgewerkt."
A1 = "Instellen Commissie Nazorg"
SHORT = 1500  # ms: a shortfall check waits this long, not the default five seconds


class Shortfalls:
    """Checks of what the app should do, recorded instead of raised (see the module text)."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, what: str, check: Callable[[], object]) -> None:
        try:
            check()
        except AssertionError as error:
            # Playwright's message ends with the call log and an ARIA snapshot: keep the head.
            head = str(error).split("\nCall log:")[0]
            self.found.append(f"{what}:\n{head}")

    def axe(self, page: Page, what: str) -> None:
        results = Axe().run(page)
        if results.violations_count:
            self.found.append(f"axe-core on {what} ({page.url}):\n{results.generate_report()}")

    def assert_none(self) -> None:
        assert self.found == [], "\n\n".join(self.found)


@pytest.fixture
def plan() -> Plan:
    """The seeded joint plan; "npo" exists first, so the seed links owner NPO to it."""
    sector = SectorFactory(slug="publieke-omroep", name="Landelijke publieke omroep")
    npo = OrganisationFactory(sector=sector, slug="npo", name="NPO")
    plan = plan_seed(sector=sector)
    assert npo.plan_owners.get().code == "NPO"
    return plan


def _named(user: User, first: str, last: str) -> User:
    user.first_name, user.last_name = first, last
    user.save()
    return user


@pytest.fixture
def owner(plan: Plan) -> User:
    npo = Organisation.objects.get(sector=plan.sector, slug="npo")
    return _named(member(Role.BOARD, organisation=npo), "Olga", "Omroepbestuur")


@pytest.fixture
def coordinator(plan: Plan) -> User:
    return _named(member(Role.SECTOR_COORDINATOR, sector=plan.sector), "Cees", "Coördinator")


@pytest.fixture
def regulator(plan: Plan) -> User:
    return _named(member(Role.REGULATOR, sector=plan.sector), "Rita", "Toezicht")


@pytest.fixture
def log_in(
    browser: Browser, browser_context_args, browser_guard: BrowserGuard, live_server, settings
) -> Iterator[Callable[[User], Page]]:
    """A fresh browser per person, logged in for real (password, then the app code), and
    watched like `page` (no CSP violations, script errors or other hosts)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the live server runs in this process
    contexts = []

    def person(user: User) -> Page:
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        page = context.new_page()
        browser_guard.watch(page)
        device = totp_device(user)
        page.goto(f"{live_server.url}/staff/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Aanmelden").click()
        page.get_by_label("Code uit uw app, of een herstelcode").fill(totp_now(device))
        page.get_by_role("button", name="Aanmelden").click()
        expect(page.locator("h1")).to_have_text(f"Welkom, {user.get_full_name()}")
        return page

    yield person
    for context in contexts:
        context.close()
    assert browser_guard.problems == [], "\n".join(browser_guard.problems)


def _to_period(page: Page, label: str = PERIOD) -> None:
    """From anywhere: the menu, the plan, the period."""
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Plan van aanpak"
    ).click()
    page.get_by_role("link", name=PLAN_TITLE).click()
    page.get_by_role("link", name=label, exact=True).click()
    expect(page.locator("h1")).to_have_text(f"Statusupdate {label}")


def _notice(page: Page) -> Locator:
    return page.locator(".notices")


def _approve_by_services(period: Period, owner: User, coordinator: User) -> None:
    """Themes B–J: drafted, submitted and approved without the browser."""
    for theme in period.plan.themes.exclude(letter="A").order_by("letter"):
        update = theme_update_get_or_start(period=period, theme=theme)
        theme_update_save(
            update=update,
            by=owner,
            bullets=[f"Thema {theme.letter} loopt volgens planning in {PERIOD}."],
            planning=update.planning,
            actions={},
        )
        theme_update_submit(update=update, by=owner)
        theme_update_review(update=update, by=coordinator, approve=True)


def test_period_from_opening_to_the_published_report(
    live_server, plan, owner, coordinator, regulator, log_in
):
    shortfalls = Shortfalls()
    # The coordinator opens the period on the plan page.
    chair = log_in(coordinator)
    chair.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Plan van aanpak"
    ).click()
    chair.get_by_role("link", name=PLAN_TITLE).click()
    chair.get_by_label("Naam van de periode").fill(PERIOD)
    chair.get_by_label("Uiterste datum voor updates").fill("2026-03-31")
    chair.get_by_role("button", name="Periode openen").click()
    expect(_notice(chair)).to_contain_text("De periode is geopend.")
    expect(chair.locator("h1")).to_have_text(f"Statusupdate {PERIOD}")
    period = Period.objects.get(plan=plan, label=PERIOD)

    # 1. The owner drafts theme A: first with an evidence line that is no web address.
    board = log_in(owner)
    _to_period(board)
    board.get_by_role("link", name="Thema A bijwerken").click()
    expect(board.locator("h1")).to_have_text(re.compile(r"^A\) "))
    board.get_by_label("Statuspunten").fill("\n".join(BULLETS))
    board.get_by_label(f"Status van actie 1. {A1}").select_option(label="Doorlopend")
    evidence = board.get_by_label("Onderbouwing bij actie 1")
    evidence.fill(f"www.npo.nl/evaluatie-nazorg {EVIDENCE_TITLE}")
    board.get_by_role("button", name="Concept opslaan").click()
    summary = board.locator(".error-summary")
    expect(summary).to_contain_text("“www.npo.nl/evaluatie-nazorg” is geen webadres.")
    expect(board).to_have_title(re.compile(r"^Fout: "))
    expect(evidence).to_have_attribute("aria-invalid", "true")
    expect(evidence).to_have_accessible_description(re.compile("is geen webadres"))
    shortfalls.axe(board, "the owner's theme update form with an error")
    summary.get_by_role("link").click()
    expect(evidence).to_be_focused()
    # What was typed survives the error.
    expect(board.get_by_label("Statuspunten")).to_have_value("\n".join(BULLETS))
    expect(board.get_by_label(f"Status van actie 1. {A1}")).to_have_value("ongoing")

    evidence.fill(f"{EVIDENCE_URL} {EVIDENCE_TITLE}")
    board.get_by_role("button", name="Concept opslaan").click()
    expect(_notice(board)).to_contain_text("Het concept is opgeslagen.")
    expect(board.get_by_label("Statuspunten")).to_have_value("\n".join(BULLETS))
    expect(evidence).to_have_value(f"{EVIDENCE_URL} {EVIDENCE_TITLE}")
    board.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(_notice(board)).to_contain_text("De update is ingediend ter beoordeling.")
    expect(board.get_by_role("row", name=re.compile(r"^A\) "))).to_contain_text("Ter beoordeling")

    # 2. The coordinator returns it, first without a note.
    _to_period(chair)
    chair.get_by_role("link", name="Thema A beoordelen").click()
    review = chair.locator("form", has=chair.get_by_role("button", name="Besluit opslaan"))
    for bullet in BULLETS:
        expect(chair.locator("main")).to_contain_text(bullet)
    review.get_by_label("Terugsturen").check()
    review.get_by_role("button", name="Besluit opslaan").click()
    note = chair.get_by_label("Opmerking voor de eigenaar")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(note).to_have_accessible_description(re.compile("Schrijf erbij wat er anders moet."))
    shortfalls.check(
        "the review error is in the error summary, linked to the note",
        lambda: expect(
            chair.locator(".error-summary").get_by_role(
                "link", name="Schrijf erbij wat er anders moet."
            )
        ).to_have_attribute("href", "#id_note", timeout=SHORT),
    )
    shortfalls.check(
        "the page title of the review error starts with 'Fout:'",
        lambda: expect(chair).to_have_title(re.compile(r"^Fout: "), timeout=SHORT),
    )
    shortfalls.axe(chair, "the coordinator's review form with an error")

    review = chair.locator("form", has=chair.get_by_role("button", name="Besluit opslaan"))
    review.get_by_label("Terugsturen").check()
    chair.get_by_label("Opmerking voor de eigenaar").fill(RETURN_NOTE)
    review.get_by_role("button", name="Besluit opslaan").click()
    expect(_notice(chair)).to_contain_text("Thema A is teruggestuurd.")

    # The owner reads the note, adds a bullet and submits again.
    _to_period(board)
    expect(board.get_by_role("row", name=re.compile(r"^A\) "))).to_contain_text("Teruggestuurd")
    board.get_by_role("link", name="Thema A bijwerken").click()
    expect(board.locator(".warning")).to_contain_text(RETURN_NOTE)
    board.get_by_label("Statuspunten").fill("\n".join([*BULLETS, EXTRA_BULLET]))
    board.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(_notice(board)).to_contain_text("De update is ingediend ter beoordeling.")

    # The coordinator approves.
    _to_period(chair)
    chair.get_by_role("link", name="Thema A beoordelen").click()
    expect(chair.locator("main")).to_contain_text(EXTRA_BULLET)
    review = chair.locator("form", has=chair.get_by_role("button", name="Besluit opslaan"))
    review.get_by_label("Goedkeuren").check()
    review.get_by_role("button", name="Besluit opslaan").click()
    expect(_notice(chair)).to_contain_text("Thema A is goedgekeurd.")

    # 3. The other nine themes.
    _approve_by_services(period, owner, coordinator)
    assert period.theme_updates.filter(state=UpdateState.APPROVED).count() == 10

    # 4. The coordinator publishes.
    chair.reload()
    expect(chair.locator("main")).to_contain_text("10 van 10 thema's zijn goedgekeurd.")
    chair.get_by_label("Belangrijkste punten van deze periode").fill(HIGHLIGHT)
    chair.get_by_role("button", name="Periode publiceren").click()
    expect(_notice(chair)).to_contain_text("De periode is gepubliceerd.")
    expect(chair.locator("main")).to_contain_text("Gepubliceerd op")
    expect(chair.get_by_role("link", name="Thema A bijwerken")).to_have_count(0)
    expect(chair.get_by_role("button", name="Periode publiceren")).to_have_count(0)

    # 5. The regulator reads the report, page and PDF.
    reader = log_in(regulator)
    _to_period(reader)
    expect(reader.get_by_role("table")).to_have_count(0)  # no drafts table for readers
    reader.get_by_role("listitem").filter(has_text="Commissariaat voor de Media").get_by_role(
        "link", name="bekijken"
    ).click()
    report = reader.locator("article.report")
    expect(report.locator("h1")).to_have_text(f"Statusupdate {PERIOD}")
    expect(report).to_contain_text("Verantwoording aan: Commissariaat voor de Media")
    expect(report).to_contain_text(HIGHLIGHT)
    theme_a = report.locator("#thema-A")
    for bullet in [*BULLETS, EXTRA_BULLET]:
        expect(theme_a.get_by_role("listitem").filter(has_text=bullet)).to_have_count(1)
    expect(theme_a.get_by_role("link", name=EVIDENCE_TITLE)).to_have_attribute("href", EVIDENCE_URL)
    changes = report.locator("section.report-changes")
    expect(changes.get_by_role("heading")).to_have_text(
        "Wat is er veranderd sinds de vorige periode"
    )
    expect(changes.get_by_role("listitem").first).to_have_text(
        f"A1. {A1}: van Afgerond naar Doorlopend"
    )
    expect(changes).to_contain_text("Thema A: 3 nieuwe statuspunten")
    shortfalls.axe(reader, "the report page (regulator)")

    pdf_link = reader.get_by_role("link", name="Download als PDF")
    pdf = reader.request.get(f"{live_server.url}{pdf_link.get_attribute('href')}")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("attachment")
    document = PdfReader(io.BytesIO(pdf.body()))
    text = " ".join(" ".join(p.extract_text().split()) for p in document.pages)
    assert len(document.pages) > 10
    assert f"Statusupdate {PERIOD}" in text
    assert f"A1. {A1}: van Afgerond naar Doorlopend" in text

    # The regulator never reaches a theme update, not even of a published period.
    response = reader.goto(f"{live_server.url}/staff/plan/periode/{period.pk}/thema/A/")
    assert response is not None and response.status == 404
    expect(reader.locator("h1")).to_have_text("Pagina niet gevonden")

    shortfalls.assert_none()
