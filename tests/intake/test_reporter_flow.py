"""The reporter's path through the intake with Django's test client: start, every question,
check, send, receipt, then the inbox with the code. Browser tests cover the same with Chromium."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.intake.models import Attachment, Message, Report
from veiligwerk.intake.receipt import receipt_parse
from veiligwerk.intake.services import content_key_for_handler, messages_read, receipt_open
from veiligwerk.routes.services import routes_seed
from veiligwerk.security.keys import key_login
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

STORY = "Mijn chef raakte mij steeds aan tijdens de opnames van Zomerspecial."
CODE_RE = re.compile(r"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){5})")


@pytest.fixture
def world():
    sector = SectorFactory(slug="omroep")
    org = OrganisationFactory(sector=sector, slug="avrotros", name="AVROTROS")
    other = OrganisationFactory(sector=sector, slug="bnnvara", name="BNNVARA")
    routes_seed(sector=sector)
    overarching = member(Role.OVERARCHING_ADVISER, sector=sector)
    adviser = member(Role.CONFIDENTIAL_ADVISER, organisation=org)
    other_adviser = member(Role.CONFIDENTIAL_ADVISER, organisation=other)
    from tests.factories import PASSWORD

    for user in (overarching, adviser, other_adviser):
        key_login(user=user, password=PASSWORD)
    return {
        "sector": sector,
        "org": org,
        "other": other,
        "overarching": overarching,
        "adviser": adviser,
        "other_adviser": other_adviser,
    }


def step(name: str) -> str:
    return reverse("intake:step", args=[name])


def start(client: Client, route: str = "overkoepelende-vertrouwenspersonen", org: str = "") -> None:
    url = reverse("intake:start", args=["omroep", route]) + (f"?o={org}" if org else "")
    response = client.get(url)
    assert response.status_code == 200
    assert "Beginnen" in response.content.decode()
    response = client.post(url, {"o": org} if org else {})
    assert response.status_code == 302
    assert response["Location"] == step("onderwerp")


def answer_all(client: Client, world, *, identity: str = "anonymous", org_choice: str = "") -> None:
    posts = [
        ("onderwerp", {"categories": ["sexual_harassment", "abuse_of_power"]}),
        ("wat", {"what": STORY}),
        ("wanneer", {"when": "Voorjaar 2025"}),
        ("waar", {"organisation": org_choice or str(world["org"].pk), "where": "Zomerspecial"}),
        ("wens", {"wishes": "Dat het stopt."}),
        ("bekendheid", {"identity": identity}),
        (
            "gegevens",
            {"name": "Anna de Vries", "contact": "", "email": ""}
            if identity != "anonymous"
            else {"contact": "", "email": ""},
        ),
        ("over-wie", {"accused": "Piet Paulusma, eindredacteur"}),
    ]
    for name, data in posts:
        response = client.post(step(name), data)
        assert response.status_code == 302, (name, response.content.decode()[:2000])


def send(client: Client) -> str:
    response = client.get(reverse("intake:check"))
    assert response.status_code == 200
    page = response.content.decode()
    assert STORY in page and "Verstuur uw melding" in page
    assert not CODE_RE.search(page), "no code before the report is stored"
    response = client.post(reverse("intake:check"))
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:receipt")
    page = client.get(reverse("intake:receipt")).content.decode()
    match = CODE_RE.search(page)
    assert match, page
    assert match.group(1) not in page.split("<title>")[1].split("</title>")[0]
    assert "wij kunnen hem niet herstellen" in page
    return match.group(1)


def test_anonymous_report_reaches_the_handlers_and_the_dialogue_works(
    world, django_capture_on_commit_callbacks
):
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    with django_capture_on_commit_callbacks(execute=True):
        code = send(reporter)
    report = Report.objects.get()
    assert report.categories == ["sexual_harassment", "abuse_of_power"]
    assert report.organisation == world["org"]
    # Handlers were told, without any content.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world["overarching"].email]
    assert STORY not in mail.outbox[0].body and "Zomerspecial" not in mail.outbox[0].body

    # The handler reads and replies.
    handler = verified_client(world["overarching"])
    page = handler.get(reverse("cases:detail", args=[report.pk])).content.decode()
    assert STORY in page
    reply = "Dank voor uw melding. Wilt u vertellen wanneer dit begon?"
    response = handler.post(
        reverse("cases:detail", args=[report.pk]), {"action": "reply", "text": reply}
    )
    assert response.status_code == 302

    # The reporter comes back with the code (typed in lower case with spaces) and answers.
    reporter.post(reverse("intake:receipt"))
    again = Client()
    response = again.post(reverse("intake:login"), {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = again.get(reverse("intake:inbox")).content.decode()
    assert reply in page
    assert "In behandeling" in page or "Ontvangen" in page
    response = again.post(reverse("intake:inbox"), {"text": "Het begon in maart."})
    assert response.status_code == 302
    access = receipt_open(code=receipt_parse(code))
    assert access is not None
    texts = [m.text for m in messages_read(report=report, content_key=access.content_key)]
    assert texts == [reply, "Het begon in maart."]


def test_double_submit_makes_one_report_and_shows_the_same_code(world):
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    code = send(reporter)
    # A second click on "send" (or a reload of the POST) lands on the same receipt.
    response = reporter.post(reverse("intake:check"))
    assert response.status_code == 302
    page = reporter.get(reverse("intake:receipt")).content.decode()
    assert code in page
    assert Report.objects.count() == 1


def test_another_organisations_adviser_cannot_open_the_report(world):
    reporter = Client()
    start(reporter, route="vertrouwenspersoon-werkgever")
    answer_all(reporter, world)
    send(reporter)
    report = Report.objects.get()
    from tests.factories import PASSWORD
    from veiligwerk.security.keys import key_unlock

    own = key_unlock(user=world["adviser"], password=PASSWORD)
    foreign = key_unlock(user=world["other_adviser"], password=PASSWORD)
    assert content_key_for_handler(report=report, user=world["adviser"], private_key=own)
    assert not content_key_for_handler(
        report=report, user=world["other_adviser"], private_key=foreign
    )
    other = verified_client(world["other_adviser"])
    assert other.get(reverse("cases:detail", args=[report.pk])).status_code == 404
    overarching = verified_client(world["overarching"])
    assert overarching.get(reverse("cases:detail", args=[report.pk])).status_code == 404


def test_validation_errors_keep_what_was_typed(world):
    reporter = Client()
    start(reporter)
    response = reporter.post(step("onderwerp"), {})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is een probleem" in page and "Kies ten minste één onderwerp." in page
    assert "<title>Fout:" in page
    long_text = "x" * 1_000_000
    response = reporter.post(step("wat"), {"what": long_text})
    page = response.content.decode()
    assert "hoogstens 20000 tekens" in page.replace(".", "")
    assert long_text in page  # nothing typed is lost
    response = reporter.post(step("wat"), {"what": "Iets\x00anders"})
    assert "teken dat niet is toegestaan" in response.content.decode()
    odd = "Zalgo t̸̢e̷x̴t, emoji 🙂, RTL \u202e, Ǆ"
    assert reporter.post(step("wat"), {"what": odd}).status_code == 302
    assert odd in reporter.get(step("wat")).content.decode()


def test_skipping_to_the_check_page_sends_the_reporter_to_the_missing_question(world):
    reporter = Client()
    start(reporter)
    reporter.post(step("onderwerp"), {"categories": ["bullying"]})
    response = reporter.get(reverse("intake:check"))
    assert response["Location"] == step("wat")
    assert reporter.post(reverse("intake:check")).status_code == 302
    assert Report.objects.count() == 0


def test_complaints_cannot_be_anonymous(world):
    member(Role.COMMITTEE_SECRETARY, organisation=world["org"])
    secretary = member(Role.COMMITTEE_SECRETARY, organisation=world["other"])
    from tests.factories import PASSWORD

    key_login(user=secretary, password=PASSWORD)
    reporter = Client()
    start(reporter, route="klachtencommissie")
    page = reporter.get(step("bekendheid")).content.decode()
    assert 'value="anonymous"' not in page
    response = reporter.post(step("bekendheid"), {"identity": "anonymous"})
    assert response.status_code == 200


def test_name_is_required_unless_anonymous(world):
    reporter = Client()
    start(reporter)
    reporter.post(step("bekendheid"), {"identity": "confidential"})
    response = reporter.post(step("gegevens"), {"name": "", "contact": "", "email": ""})
    assert "Vul uw naam in." in response.content.decode()


def test_wrong_and_malformed_codes_get_the_same_answer(world):
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    code = send(reporter)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    unknown = "ZZZZ-ZZZZ" + code[9:]
    answers = []
    for attempt in (wrong, unknown, "hallo", "'; DROP TABLE", "\x00" * 30, "A" * 200):
        response = Client().post(reverse("intake:login"), {"code": attempt})
        assert response.status_code == 200
        page = response.content.decode()
        errors = re.findall(r'class="error-message"[^>]*>(.*?)</p>', page, re.S)
        answers.append(re.sub(r"<[^>]+>", "", errors[0]).strip() if errors else "")
    assert len(set(answers)) == 1 and "klopt niet" in answers[0]


def test_repeated_wrong_codes_are_throttled(world, settings):
    settings.LOGIN_THROTTLE_THRESHOLD = 3
    client = Client()
    for _attempt in range(4):
        response = client.post(reverse("intake:login"), {"code": "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01"})
    assert "te vaak" in response.content.decode()


def test_message_with_own_code_is_refused(world):
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    code = send(reporter)
    client = Client()
    client.post(reverse("intake:login"), {"code": code})
    response = client.post(reverse("intake:inbox"), {"text": f"Mijn code is {code}"})
    assert "Stuur uw code niet mee." in response.content.decode()
    assert Message.objects.count() == 0


def test_attachment_goes_with_the_report_encrypted(world):
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    upload = SimpleUploadedFile("notities.txt", b"Notitie over Piet, 3 maart.", "text/plain")
    response = reporter.post(step("bestanden"), {"file": upload, "upload": "1"})
    assert response.status_code == 302
    page = reporter.get(step("bestanden")).content.decode()
    assert "notities.txt" in page
    send(reporter)
    attachment = Attachment.objects.get()
    assert attachment.report == Report.objects.get()
    with attachment.blob.open("rb") as handle:
        assert b"Notitie over Piet" not in handle.read()


def test_reporter_pages_are_not_cached_and_carry_nothing_in_the_url(world):
    reporter = Client()
    start(reporter)
    response = reporter.post(step("wat"), {"what": STORY})
    assert STORY not in response["Location"]
    response = reporter.get(step("wat"))
    assert "no-store" in response["Cache-Control"]
    # The session row holds the draft only encrypted.
    from django.contrib.sessions.models import Session

    for row in Session.objects.all():
        assert "Mijn chef" not in row.session_data
        assert "Mijn chef" not in str(row.get_decoded())


def test_no_handler_key_means_no_report_form(world):
    reporter = Client()
    url = reverse("intake:start", args=["omroep", "integriteitsmelding"]) + "?o=avrotros"
    page = reporter.get(url).content.decode()
    assert "Beginnen" not in page
    assert reporter.post(url, {"o": "avrotros"}).status_code == 200
    assert "geen melding in behandeling" in reporter.get(step("wat")).content.decode()


class _BrokenMail:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError


def test_a_mail_outage_still_shows_the_receipt(world, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.intake.test_reporter_flow._BrokenMail"
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    with django_capture_on_commit_callbacks(execute=True):
        code = send(reporter)
    assert receipt_open(code=receipt_parse(code)) is not None


# --- Files from the handler, downloaded in the inbox ----------------------------------------


FILE_TEXT = b"Verslag van het gesprek op 3 maart.\n"


def _report_with_handler_file(world, name: str = "verslag gesprek.txt") -> tuple[str, Report]:
    """A sent report to which the overarching adviser replied with a file; returns the code."""
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    code = send(reporter)
    report = Report.objects.latest("pk")
    handler = verified_client(world["overarching"])
    response = handler.post(
        reverse("cases:detail", args=[report.pk]),
        {
            "action": "reply",
            "text": "Hierbij het verslag.",
            "file": SimpleUploadedFile(name, FILE_TEXT, "text/plain"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return code, report


def _inbox(code: str) -> Client:
    client = Client()
    response = client.post(reverse("intake:login"), {"code": code})
    assert response["Location"] == reverse("intake:inbox")
    return client


def _file_url(attachment: Attachment) -> str:
    return reverse("intake:inbox_file", kwargs={"attachment_id": attachment.pk})


def test_reporter_downloads_the_file_a_handler_sent(world):
    code, report = _report_with_handler_file(world, name="verslag café.txt")
    attachment = Attachment.objects.get(report=report)
    assert attachment.author_kind == "handler"
    reporter = _inbox(code)
    page = reporter.get(reverse("intake:inbox")).content.decode()
    assert _file_url(attachment) in page
    assert "verslag café.txt downloaden" in page

    response = reporter.get(_file_url(attachment))
    assert response.status_code == 200
    assert response.content == FILE_TEXT
    # Always a download, under its own (decrypted) name, RFC 6266 encoded; never cached or sniffed.
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''verslag%20caf%C3%A9.txt" in disposition
    assert response["Content-Type"] == "application/octet-stream"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    # Nothing of the file or its name in the URL; a reporter's download is not audited.
    assert "verslag" not in _file_url(attachment)
    from veiligwerk.security.models import AuditEvent

    assert not AuditEvent.objects.filter(object_type="attachment").exists()


def test_another_reports_file_is_the_same_not_found_as_a_missing_one(world):
    code, _report = _report_with_handler_file(world)
    _other_code, other_report = _report_with_handler_file(world)
    foreign = Attachment.objects.get(report=other_report)
    reporter = _inbox(code)
    forbidden = reporter.get(_file_url(foreign))
    missing = reporter.get(reverse("intake:inbox_file", kwargs={"attachment_id": 999_999}))
    assert forbidden.status_code == missing.status_code == 404
    strip = re.compile(rb'name="(csrfmiddlewaretoken|next)" value="[^"]+"')
    assert strip.sub(b"", forbidden.content) == strip.sub(b"", missing.content)
    # A file still in someone's draft (no report yet) is not reachable either.
    drafting = Client()
    start(drafting)
    upload = SimpleUploadedFile("concept.txt", b"Nog niet verstuurd.", "text/plain")
    drafting.post(step("bestanden"), {"file": upload, "upload": "1"})
    draft_file = Attachment.objects.get(report__isnull=True)
    assert reporter.get(_file_url(draft_file)).status_code == 404


def test_file_download_needs_an_open_inbox(world):
    code, report = _report_with_handler_file(world)
    url = _file_url(Attachment.objects.get(report=report))
    # No inbox in this browser: sent to the log-in page, like the inbox itself.
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:login")
    # Only GET; after logging out the door is closed again.
    reporter = _inbox(code)
    assert reporter.post(url).status_code == 405
    assert reporter.get(url).status_code == 200
    reporter.post(reverse("intake:logout"))
    response = reporter.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:login")


def test_file_download_closes_with_an_idle_inbox(world, settings):
    code, report = _report_with_handler_file(world)
    url = _file_url(Attachment.objects.get(report=report))
    reporter = _inbox(code)
    settings.REPORTER_IDLE_TIMEOUT = -1  # every request now comes "too late"
    response = reporter.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:login")


def test_organisation_question_costs_the_same_queries_for_more_organisations(world):
    """On an employer's route the list offers only organisations with a handler: checked for
    all of them in one query, not one per organisation."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        reporter = Client()
        start(reporter, route="vertrouwenspersoon-werkgever")
        with CaptureQueriesContext(connection) as captured:
            page = reporter.get(step("waar")).content.decode()
        assert "AVROTROS" in page and "BNNVARA" in page
        return len(captured)

    few = queries()
    for number in range(5):
        OrganisationFactory(sector=world["sector"], name=f"Omroep {number}")
    assert queries() == few
    page_client = Client()
    start(page_client, route="vertrouwenspersoon-werkgever")
    assert "Omroep 3" not in page_client.get(step("waar")).content.decode()  # nobody to read it
