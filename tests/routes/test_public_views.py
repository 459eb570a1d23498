"""The route wizard's public pages: what people see on each path, and bad input (tampered answers,
skipped steps, unknown places) that gets a plain message and never a server error."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.routes import views
from veiligwerk.routes.services import routes_seed
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

SECTOR = "publieke-omroep"
START = f"/hulp/{SECTOR}/"
WIZARD = f"/hulp/{SECTOR}/wegwijzer/"
ROUTES = f"/hulp/{SECTOR}/routes/"
VALUES = f"/hulp/{SECTOR}/gedragscode/"
SAFETY = "/hulp/veilig-zoeken/"
TODAY = dt.date(2026, 1, 15)  # after Bureau Nazorg closed (15 May 2025)

FIRST_QUESTION = "Is er nu gevaar, of gaat het om een misdrijf?"
RELATION_QUESTION = "Wat is uw band met de publieke omroep?"
WHAT_QUESTION = "Waar gaat het over?"
COMMITTEE = "Klachtencommissie ongewenste omgangsvormen"
ADVISERS = "Overkoepelende vertrouwenspersonen"
EMPLOYER_ADVISER = "Vertrouwenspersoon van uw werkgever"

# Letters per question in the seeded wizard:
# danger a acute, b crime, c no | relation a employee, b freelance, c producer, d former, e outside
# what a behaviour, b sexual, c discrimination, d wrongdoing, e other | past a yes, b no
# want a heard, b informal, c complaint, d ruling, e criminal, f health, g signal
# trust a yes, b no, c unknown | anonymous a everyone, b employer, c no, d unknown
EMPLOYEE_COMPLAINT = ("c", "a", "a", "c", "a", "c")
EMPLOYEE_COMPLAINT_ANONYMOUS = ("c", "a", "a", "c", "a", "a")
FORMER_PAST_HARM = ("c", "d", "a", "a", "a", "b")


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(views, "today", lambda: TODAY)


@pytest.fixture
def organisations():
    sector = SectorFactory(slug=SECTOR, name="Publieke omroep")
    own = OrganisationFactory(sector=sector, slug="omroep-west", name="Omroep West")
    other = OrganisationFactory(sector=sector, slug="omroep-oost", name="Omroep Oost")
    routes_seed(sector=sector, own_adviser_for=[own])
    return own, other


@pytest.fixture
def sector(organisations):
    return organisations[0].sector


def _html(response) -> str:
    return response.content.decode()


def _text(response) -> str:
    """The visible words of a page, with whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", _html(response), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&#x27;", "'").strip()


def _title(response) -> str:
    found = re.search(r"<title>(.*?)</title>", _html(response), re.S)
    assert found, "page has no title"
    return re.sub(r"\s+", " ", found.group(1)).strip()


def _h1(response) -> str:
    found = re.search(r"<h1>(.*?)</h1>", _html(response), re.S)
    assert found, "page has no h1"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


def _result_names(response) -> list[str]:
    return [
        name.strip()
        for name in re.findall(r'<li class="result[^"]*">\s*<h2>([^<]+)</h2>', _html(response))
    ]


def _back_link(response) -> str:
    found = re.search(r'<a class="back-link" href="([^"]+)"', _html(response))
    assert found, "page has no back link"
    return found.group(1).replace("&amp;", "&")


def _checked(response) -> list[str]:
    return re.findall(r'name="a" value="([a-z])" id="answer-[a-z]" checked', _html(response))


def _walk(client: Client, *answers: str, org: str = "") -> tuple[object, list[str]]:
    """Answer question after question as the form does (the ticked boxes plus the empty hidden
    field), following each redirect. Returns the last page and every address visited."""
    url = f"{WIZARD}?o={org}&v=1" if org else f"{WIZARD}?v=1"
    visited = [url]
    for answer in answers:
        response = client.get(f"{url}&{urlencode({'a': [*answer, '']}, doseq=True)}")
        assert response.status_code == 302, _text(response)
        url = response["Location"]
        query = parse_qs(urlsplit(url).query)
        assert query["v"] == ["1"]
        assert re.fullmatch(r"[a-z_.]+", query["s"][0])
        visited.append(url)
    return client.get(url), visited


# --- Every reporter page ---------------------------------------------------------------------

PAGES = [START, WIZARD, ROUTES, f"{ROUTES}klachtencommissie/", VALUES, SAFETY]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("org", ["", "omroep-west"])
def test_reporter_pages_render_uncached_with_the_quick_exit(client, sector, path, org):
    response = client.get(path, {"o": org} if org and path != SAFETY else {})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = _html(response)
    assert re.search(r'<a id="quick-exit"[^>]* href="/weg/"', html)
    assert 'href="#quick-exit"' in html  # the skip link to it
    assert 'href="/hulp/veilig-zoeken/"' in html  # what it does and does not erase


def test_start_page_lists_the_organisations_and_starts_the_wizard(client, sector):
    page = _text(client.get(START))
    assert "Hulp bij ongewenst gedrag op het werk" in page
    assert "Omroep West" in page and "Omroep Oost" in page
    assert f'href="{WIZARD}"' in _html(client.get(START))
    with_org = client.get(START, {"o": "omroep-west"})
    assert f'href="{WIZARD}?o=omroep-west"' in _html(with_org)


def test_wizard_opens_on_the_first_question(client, sector):
    response = client.get(WIZARD)
    assert response.status_code == 200
    assert _h1(response) == FIRST_QUESTION
    assert _title(response).startswith(FIRST_QUESTION)
    html = _html(response)
    assert 'method="get"' in html and "novalidate" in html
    assert " required" not in html
    assert ">Verder<" in html
    assert _back_link(response) == START  # back to the start page
    assert "Deze vragen gaan over ongewenst gedrag" in _text(response)  # the content note


def test_routes_list_shows_every_route_with_emergency_first(client, sector):
    response = client.get(ROUTES)
    names = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', _html(response))
    assert names[0] == "Bel 112 bij direct gevaar"
    assert COMMITTEE in names and "Bureau Nazorg" in names
    assert "Gestopt of nog niet open" in _text(response)  # Bureau Nazorg has closed


def test_route_page_shows_the_route(client, sector):
    page = _text(client.get(f"{ROUTES}klachtencommissie/"))
    assert COMMITTEE in page
    assert "Een klacht kan niet anoniem" in page


def test_closed_route_page_says_so_and_links_to_its_replacement(client, sector):
    response = client.get(f"{ROUTES}bureau-nazorg/")
    assert response.status_code == 200
    assert "Deze route is gestopt op 15 mei 2025." in _text(response)
    assert f'href="{ROUTES}overkoepelende-vertrouwenspersonen/"' in _html(response)


def test_values_page_shows_the_three_core_values(client, sector):
    response = client.get(VALUES)
    names = re.findall(r"<h2>([^<]+)</h2>", _html(response))
    assert names == ["Respectvol", "Betrouwbaar", "Sociaal"]
    assert "We behandelen iedereen met respect" in _text(response)


def test_safety_page_is_honest_about_history(client, sector):
    page = _text(client.get(SAFETY))
    assert "Het wist uw browsergeschiedenis niet." in page
    assert "wifi van uw werkgever" in page


# --- Paths through the wizard ----------------------------------------------------------------


def test_employee_wanting_a_formal_complaint_is_offered_the_committee(client, sector):
    response, visited = _walk(client, *EMPLOYEE_COMPLAINT)
    assert response.status_code == 200
    assert _h1(response) == "Deze hulp past bij u"
    names = _result_names(response)
    assert COMMITTEE in names
    assert EMPLOYER_ADVISER in names  # trusts the organisation
    assert ADVISERS in names
    assert visited[-1].endswith("s=c.a.a.c.a.c")
    assert 'class="emergency"' not in _html(response)


def test_anonymous_towards_everyone_is_not_offered_the_committee(client, sector):
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT_ANONYMOUS)
    names = _result_names(response)
    assert COMMITTEE not in names
    assert "Uw leidinggevende of HR" not in names
    assert names[0] == ADVISERS


def test_former_employee_with_past_harm_gets_the_advisers_instead_of_bureau_nazorg(client, sector):
    response, _visited = _walk(client, *FORMER_PAST_HARM)
    names = _result_names(response)
    assert ADVISERS in names
    assert "Bureau Nazorg" not in names
    page = _text(response)
    assert "Dit vervangt: Bureau Nazorg (gestopt)." in page
    assert "Deze plek vervangt een route die niet meer bestaat." in page
    assert "Omdat u nog last hebt van iets van vroeger." in page


def test_before_it_closed_bureau_nazorg_itself_was_offered(client, sector, monkeypatch):
    monkeypatch.setattr(views, "today", lambda: dt.date(2025, 5, 1))
    response, _visited = _walk(client, *FORMER_PAST_HARM)
    assert "Bureau Nazorg" in _result_names(response)
    assert "Dit vervangt" not in _text(response)


def test_acute_danger_puts_112_first_with_an_alert(client, sector):
    response, visited = _walk(client, "a")
    assert visited[-1].endswith("s=a")
    assert _result_names(response)[0] == "Bel 112 bij direct gevaar"
    html = _html(response)
    assert re.search(
        r'<div class="emergency" role="alert">\s*<h2>Er is nu gevaar: bel 112</h2>', html
    )
    assert html.index('class="emergency"') < html.index('<ol class="results">')


def test_a_crime_puts_the_police_first(client, sector):
    response, _visited = _walk(client, "b", "a", "b", "e", "b", "c")
    assert _result_names(response)[0] == "Aangifte doen bij de politie"
    assert "Het gaat om een misdrijf" in _text(response)


def test_several_answers_to_a_multiple_choice_question(client, sector):
    response = client.get(WIZARD, {"v": "1", "s": "c.a", "a": ["a", "d", ""]})
    assert response.status_code == 302
    assert parse_qs(urlsplit(response["Location"]).query)["s"] == ["c.a.ad"]


def test_results_link_to_route_pages_for_the_organisation(client, sector):
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT, org="omroep-west")
    assert f'href="{ROUTES}klachtencommissie/?o=omroep-west"' in _html(response)


def test_the_organisation_page_offers_its_own_adviser(client, sector):
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT, org="omroep-west")
    names = _result_names(response)
    assert "Vertrouwenspersoon van Omroep West" in names
    assert EMPLOYER_ADVISER not in names


def test_the_sector_page_offers_the_generic_employer_adviser(client, sector):
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT)
    names = _result_names(response)
    assert EMPLOYER_ADVISER in names
    assert "Vertrouwenspersoon van Omroep West" not in names


def test_an_organisation_without_its_own_adviser_gets_the_generic_one(client, sector):
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT, org="omroep-oost")
    assert EMPLOYER_ADVISER in _result_names(response)


def test_the_organisation_route_page_shows_its_own_adviser(client, sector):
    path = f"{ROUTES}vertrouwenspersoon-werkgever/"
    assert "Vertrouwenspersoon van Omroep West" in _text(client.get(path, {"o": "omroep-west"}))
    assert EMPLOYER_ADVISER in _text(client.get(path))


# --- Errors on a question --------------------------------------------------------------------


def test_no_answer_gives_a_clear_error_on_the_same_question(client, sector):
    response = client.get(WIZARD, {"v": "1", "s": "c", "a": ""})
    assert response.status_code == 400
    html, page = _html(response), _text(response)
    assert _title(response).startswith("Fout:")
    assert "Er is een probleem" in page
    assert "Kies een antwoord." in page
    assert _h1(response) == RELATION_QUESTION
    # The summary comes first in main and links to the field.
    main = html[html.index('<main id="main"') :]
    assert main.index('class="error-summary"') < main.index("<form")
    assert 'href="#answer-a"' in main and 'id="answer-a"' in main
    assert re.search(r'<fieldset aria-describedby="\s*question-error">', html)
    assert 'id="question-error"' in html
    assert 'value="c"' in html  # the place is kept


@pytest.mark.parametrize("answer", ["z", "f", "ab", "_", "%00", "é"])
def test_a_tampered_answer_gets_a_clear_error(client, sector, answer):
    response = client.get(f"{WIZARD}?v=1&s=c&a={answer}")
    assert response.status_code == 400
    page = _text(response)
    assert "Er is een probleem" in page
    assert "Dit antwoord kennen we niet" in page
    assert _title(response).startswith("Fout:")
    assert _h1(response) == RELATION_QUESTION


def test_a_tampered_answer_on_the_first_question(client, sector):
    response = client.get(WIZARD, {"a": "z"})
    assert response.status_code == 400
    assert "Dit antwoord kennen we niet" in _text(response)
    assert _h1(response) == FIRST_QUESTION


@pytest.mark.parametrize(
    "state",
    [
        "c.z",  # an unknown letter
        "zzz",  # nothing fits
        "c.ab",  # two answers to a single-choice question
        "c.a.aa",  # a repeated letter
        "c.a.a.a.a.a.a",  # an answer to a question not on the path
        "c..a",  # a skipped step
        "c.d.a.c",  # a letter beyond the answers to "past"
        "a.a",  # nothing follows acute danger
        "_",  # the first question may not be skipped
        "c" + ".a" * 300,  # far too long
        "a" * 600,  # far too long
        "%00",
        "c.%E2%80%AE",
    ],
)
def test_a_tampered_or_skipping_state_gets_a_restart_page(client, sector, state):
    response = client.get(f"{WIZARD}?v=1&s={state}")
    assert response.status_code == 400
    page = _text(response)
    assert "Er is een probleem" in page
    assert "Begin opnieuw." in page
    assert re.search(rf'<a class="button" href="{WIZARD}">Opnieuw beginnen</a>', _html(response))


def test_the_restart_link_keeps_the_organisation(client, sector):
    response = client.get(WIZARD, {"o": "omroep-west", "v": "1", "s": "zzz"})
    assert response.status_code == 400
    assert f'href="{WIZARD}?o=omroep-west"' in _html(response)


@pytest.mark.parametrize("version", ["99", "0", "abc", "-1", "1.0", " 1", "1" * 20, "²", "١"])
def test_an_unknown_version_gets_a_restart_page(client, sector, version):
    response = client.get(WIZARD, {"v": version, "s": "c"})
    assert response.status_code == 400
    assert "Deze versie van de wegwijzer bestaat niet meer. Begin opnieuw." in _text(response)
    assert f'href="{WIZARD}"' in _html(response)


@pytest.mark.parametrize("path", [START, WIZARD, ROUTES, f"{ROUTES}klachtencommissie/", VALUES])
@pytest.mark.parametrize(
    "org", ["nope", "omroep", "OMROEP-WEST", "x" * 200, "\x00", "<script>", "é"]
)
def test_an_unknown_organisation_gets_a_plain_not_found(client, sector, path, org):
    response = client.get(path, {"o": org})
    assert response.status_code == 404
    assert (
        "Deze organisatie kennen we niet. Kies uw organisatie opnieuw, of begin zonder."
        in _text(response)
    )
    assert f'href="{START}"' in _html(response)
    assert "no-store" in response["Cache-Control"]


def test_an_organisation_of_another_sector_is_unknown(client, sector):
    OrganisationFactory(slug="elders")  # in a sector of its own
    assert client.get(WIZARD, {"o": "elders"}).status_code == 404


def test_a_merged_organisation_is_unknown(client, sector):
    OrganisationFactory(sector=sector, slug="opgeheven", valid_to=dt.date(2025, 1, 1))
    assert client.get(WIZARD, {"o": "opgeheven"}).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/hulp/geen-sector/", "/hulp/geen-sector/wegwijzer/", "/hulp/geen-sector/routes/x/"],
)
def test_an_unknown_sector_gets_a_plain_not_found(client, sector, path):
    response = client.get(path, {"o": "omroep-west"})
    assert response.status_code == 404
    assert "Deze sector kennen we niet. Kies op de startpagina uw sector." in _text(response)


def test_an_unknown_route_gets_a_plain_message(client, sector):
    response = client.get(f"{ROUTES}bestaat-niet/")
    assert response.status_code == 400
    assert "Deze route kennen we niet." in _text(response)
    assert f'href="{ROUTES}"' in _html(response)


def test_an_organisations_own_route_is_not_shown_elsewhere(client, sector, organisations):
    # Omroep Oost has no own adviser: its page shows the sector's route, not Omroep West's.
    path = f"{ROUTES}vertrouwenspersoon-werkgever/"
    page = _text(client.get(path, {"o": "omroep-oost"}))
    assert EMPLOYER_ADVISER in page and "Omroep West" not in page


@pytest.mark.parametrize("path", [START, WIZARD, ROUTES, VALUES, SAFETY])
def test_reporter_pages_answer_get_only(client, sector, path):
    assert client.post(path, {"a": "a"}).status_code == 405


# --- Back ------------------------------------------------------------------------------------


def test_back_returns_to_the_previous_question_with_its_answer_ticked(client, sector):
    response = client.get(WIZARD, {"v": "1", "s": "c.d"})
    assert _h1(response) == WHAT_QUESTION
    back = _back_link(response)
    query = parse_qs(urlsplit(back).query)
    assert query["s"] == ["c"] and query["p"] == ["d"] and query["v"] == ["1"]
    previous = client.get(back)
    assert previous.status_code == 200
    assert _h1(previous) == RELATION_QUESTION
    assert _checked(previous) == ["d"]


def test_back_keeps_several_answers_ticked(client, sector):
    response = client.get(WIZARD, {"v": "1", "s": "c.a.bd"})
    previous = client.get(_back_link(response))
    assert _h1(previous) == WHAT_QUESTION
    assert _checked(previous) == ["b", "d"]


def test_back_from_the_results_reopens_the_last_question(client, sector):
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT)
    previous = client.get(_back_link(response))
    assert _h1(previous) == "Wilt u anoniem blijven?"
    assert _checked(previous) == ["c"]


def test_back_from_the_second_question_reaches_the_first(client, sector):
    response = client.get(WIZARD, {"o": "omroep-west", "v": "1", "s": "b"})
    back = _back_link(response)
    assert "o=omroep-west" in back and "s=" not in back
    first = client.get(back)
    assert _h1(first) == FIRST_QUESTION
    assert _checked(first) == ["b"]


@pytest.mark.parametrize("prefill", ["z", "ab", "\x00", "x" * 100])
def test_a_tampered_prefill_is_ignored(client, sector, prefill):
    response = client.get(WIZARD, {"v": "1", "s": "c", "p": prefill})
    assert response.status_code == 200
    assert _checked(response) == []


def test_answering_again_after_back_replaces_the_old_answer(client, sector):
    response = client.get(WIZARD, {"v": "1", "s": "c", "p": "d", "a": ["a", ""]})
    assert response.status_code == 302
    assert parse_qs(urlsplit(response["Location"]).query)["s"] == ["c.a"]


# --- Nothing is stored -----------------------------------------------------------------------


@pytest.mark.parametrize("path", [EMPLOYEE_COMPLAINT, FORMER_PAST_HARM, ("a",)])
def test_walking_a_whole_path_stores_nothing(sector, path):
    client = Client()
    client.get(START, {"o": "omroep-west"})
    before = {name: morsel.value for name, morsel in client.cookies.items()}
    response, visited = _walk(client, *path, org="omroep-west")
    assert response.status_code == 200
    assert Session.objects.count() == 0
    assert "sessionid" not in client.cookies
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert set(client.cookies) <= {settings.CSRF_COOKIE_NAME}
    # The only cookie (the language form's CSRF token) was set before any answer and never changed,
    # so it cannot carry the answers.
    assert {name: morsel.value for name, morsel in client.cookies.items()} == before
    state = parse_qs(urlsplit(visited[-1]).query)["s"][0]
    for morsel in client.cookies.values():
        assert "." not in state or state not in morsel.value
        assert "omroep-west" not in morsel.value


def test_errors_store_nothing_either(sector):
    client = Client()
    client.get(WIZARD, {"v": "1", "s": "c", "a": ""})
    client.get(WIZARD, {"v": "1", "s": "zzz"})
    client.get(WIZARD, {"o": "nope"})
    assert Session.objects.count() == 0
    assert set(client.cookies) <= {settings.CSRF_COOKIE_NAME}


# --- Quick exit ------------------------------------------------------------------------------


def test_quick_exit_leaves_for_the_neutral_site_and_clears_the_browser(client, sector):
    response = client.get("/weg/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert "cookies" in response["Clear-Site-Data"]
    assert "cache" in response["Clear-Site-Data"]
    assert "no-store" in response["Cache-Control"]


def test_quick_exit_ends_a_staff_session(sector):
    staff = verified_client(member(Role.SECTOR_COORDINATOR, sector=sector))
    assert staff.get("/staff/").status_code == 200
    assert Session.objects.count() == 1
    response = staff.get("/weg/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert '"cookies"' in response["Clear-Site-Data"]
    assert Session.objects.count() == 0
    after = staff.get("/staff/")
    assert after.status_code == 302
    assert after["Location"].startswith("/staff/login/")


# --- English ---------------------------------------------------------------------------------


def test_english_through_the_browsers_language(client, sector):
    response = client.get(WIZARD, HTTP_ACCEPT_LANGUAGE="en")
    assert _h1(response) == "Is there danger now, or is it about a crime?"
    route = client.get(f"{ROUTES}klachtencommissie/", HTTP_ACCEPT_LANGUAGE="en")
    assert _h1(route) == "Complaints committee for unwanted behaviour"


def test_english_through_the_language_cookie(client, sector):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(WIZARD)
    assert _h1(response) == "Is there danger now, or is it about a crime?"
    assert 'lang="en"' in _html(response)
    route = client.get(f"{ROUTES}noodhulp/")
    assert _h1(route) == "Call 112 if you are in danger now"


def test_english_results_and_own_adviser(client, sector):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response, _visited = _walk(client, *EMPLOYEE_COMPLAINT, org="omroep-west")
    names = _result_names(response)
    assert "Complaints committee for unwanted behaviour" in names
    assert "Confidential adviser of Omroep West" in names
    assert "Because you want a formal complaint." in _text(response)


def test_english_error_message_on_a_question(client, sector):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(WIZARD, {"v": "1", "s": "c", "a": ""})
    assert response.status_code == 400
    assert _h1(response) == "What is your connection with the public broadcaster?"
