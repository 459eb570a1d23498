"""The public wizard pages: paths through them, and bad input that must never become a server
error or lose the person's place."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.routes.services import routes_seed
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db
WIZARD = "/hulp/publieke-omroep/wegwijzer/"


@pytest.fixture
def sector():
    sector = SectorFactory(slug="publieke-omroep")
    organisation = OrganisationFactory(sector=sector, slug="omroep-west", name="Omroep West")
    routes_seed(sector=sector, own_adviser_for=[organisation])
    return sector


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _walk(client: Client, *letters: str, org: str = "") -> object:
    """Answer question after question as a browser would, following each redirect."""
    query = f"?o={org}&" if org else "?"
    url = f"{WIZARD}{query}v=1"
    for answer in letters:
        params = "".join(f"&a={letter}" for letter in answer)
        response = client.get(f"{url}{params}")
        assert response.status_code == 302, _text(response)
        url = response["Location"]
    return client.get(url)


@pytest.mark.parametrize(
    "path",
    [
        "/hulp/publieke-omroep/",
        WIZARD,
        "/hulp/publieke-omroep/routes/",
        "/hulp/publieke-omroep/routes/klachtencommissie/",
        "/hulp/publieke-omroep/gedragscode/",
        "/hulp/veilig-zoeken/",
    ],
)
def test_reporter_pages_are_not_cached_and_offer_the_quick_exit(client, sector, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert re.search(r'<a id="quick-exit"[^>]* href="/weg/"', response.content.decode())


def test_employee_wanting_a_formal_complaint_sees_the_committee(client, sector):
    # no danger, employee, unwanted behaviour, formal complaint, trusts employer, not anonymous
    page = _text(_walk(client, "c", "a", "a", "c", "a", "c"))
    assert "Deze hulp past bij u" in page
    assert "Klachtencommissie ongewenste omgangsvormen" in page
    assert "Vertrouwenspersoon van uw werkgever" in page


def test_anonymous_towards_everyone_hides_the_committee(client, sector):
    page = _text(_walk(client, "c", "a", "a", "c", "a", "a"))
    assert "Klachtencommissie ongewenste omgangsvormen" not in page
    assert "Overkoepelende vertrouwenspersonen" in page


def test_former_employee_with_past_harm_gets_the_advisers_instead_of_bureau_nazorg(client, sector):
    page = _text(_walk(client, "c", "d", "b", "a", "a", "b"))
    assert "Overkoepelende vertrouwenspersonen" in page
    assert "Dit vervangt: Bureau Nazorg (gestopt)." in page


def test_acute_danger_shows_112_first(client, sector):
    response = _walk(client, "a")
    page = _text(response)
    assert "Er is nu gevaar: bel 112" in page
    first = re.search(r'<li class="result[^"]*">\s*<h2>([^<]+)</h2>', response.content.decode())
    assert first and first.group(1) == "Bel 112 bij direct gevaar"


def test_organisation_page_offers_its_own_adviser(client, sector):
    page = _text(_walk(client, "c", "a", "c", "a", "a", "d", org="omroep-west"))
    assert "Vertrouwenspersoon van Omroep West" in page
    assert "Vertrouwenspersoon van uw werkgever" not in page


def test_no_answer_gives_a_clear_error_on_the_same_question(client, sector):
    response = client.get(f"{WIZARD}?v=1&s=c&a=")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Er is een probleem" in page and "Kies een antwoord." in page
    assert re.search(r"<title>\s*Fout:", page)
    assert "Wat is uw band met de publieke omroep?" in page


@pytest.mark.parametrize("answer", ["z", "ab", "%00"])
def test_tampered_answer_gets_a_clear_error(client, sector, answer):
    response = client.get(f"{WIZARD}?v=1&s=c&a={answer}")
    assert response.status_code == 400
    assert "Er is een probleem" in response.content.decode()


@pytest.mark.parametrize(
    "state", ["c.z", "zzz", "c" + ".a" * 300, "c.a.a.a.a.a.a.a.a", "c.d.a.c", "c.aa"]
)
def test_tampered_or_skipped_state_gets_a_restart_page(client, sector, state):
    response = client.get(f"{WIZARD}?v=1&s={state}")
    assert response.status_code == 400
    assert "Begin opnieuw" in _text(response)
    assert f'href="{WIZARD}"' in response.content.decode()


@pytest.mark.parametrize("version", ["99", "abc", "-1", "1" * 20])
def test_unknown_version_gets_a_restart_page(client, sector, version):
    response = client.get(f"{WIZARD}?v={version}")
    assert response.status_code == 400
    assert "bestaat niet meer" in _text(response)


@pytest.mark.parametrize("org", ["%00", "a%20b", "%C3%A9"])
def test_an_organisation_that_is_not_a_name_is_unknown_not_an_error(client, sector, org):
    response = client.get(f"{WIZARD}?o={org}")
    assert response.status_code == 404
    assert "Deze organisatie kennen we niet" in _text(response)


@pytest.mark.parametrize("version", ["\u0661", "%C2%B2"])
def test_a_version_in_other_digits_gets_a_restart_page(client, sector, version):
    assert client.get(f"{WIZARD}?v={version}").status_code == 400


def test_unknown_organisation_and_sector_get_a_plain_not_found(client, sector):
    response = client.get(f"{WIZARD}?o=nope")
    assert response.status_code == 404
    assert "Deze organisatie kennen we niet" in _text(response)
    response = client.get("/hulp/geen-sector/wegwijzer/")
    assert response.status_code == 404
    assert "Deze sector kennen we niet" in _text(response)


def test_back_link_returns_to_the_previous_question_with_its_answer_ticked(client, sector):
    response = client.get(f"{WIZARD}?v=1&s=c.d")
    back = re.search(r'class="back-link" href="([^"]+)"', response.content.decode())
    assert back
    previous = client.get(back.group(1).replace("&amp;", "&"))
    page = previous.content.decode()
    assert "Wat is uw band met de publieke omroep?" in page
    assert re.search(r'value="d" id="answer-d" checked', page)


def test_walking_a_whole_path_stores_nothing(client, sector):
    _walk(client, "c", "a", "a", "c", "a", "c")
    assert Session.objects.count() == 0
    assert "sessionid" not in client.cookies
    assert all("c.a.a" not in morsel.value for morsel in client.cookies.values())


def test_english_speakers_get_the_rule_set_in_english(client, sector):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Is there danger now, or is it about a crime?" in _text(client.get(WIZARD))
    route = client.get("/hulp/publieke-omroep/routes/klachtencommissie/")
    assert "Complaints committee for unwanted behaviour" in _text(route)


def test_quick_exit_ends_a_staff_session_and_clears_the_site(sector):
    staff = verified_client(member(Role.SECTOR_COORDINATOR, sector=sector))
    response = staff.get("/weg/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert "cookies" in response["Clear-Site-Data"]
    assert staff.get("/staff/")["Location"].startswith("/staff/login/")
