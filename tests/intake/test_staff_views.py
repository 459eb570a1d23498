"""The handlers' pages: the list of reports, one report with its dialogue and files, replies,
acknowledging, and oral reports with their one-time code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory, SectorFactory, member, verified_client
from veiligwerk.intake.attachments import CleanFile
from veiligwerk.intake.models import Message, Report, ReportState
from veiligwerk.intake.receipt import receipt_generate, receipt_parse
from veiligwerk.intake.services import (
    Submission,
    attachment_store,
    messages_read,
    receipt_open,
    report_submit,
)
from veiligwerk.routes.models import Route
from veiligwerk.routes.services import routes_seed
from veiligwerk.security import crypto
from veiligwerk.security.audit import AuditAction
from veiligwerk.security.models import AuditEvent
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

WHAT = "Mijn chef schreeuwt elke ochtend tegen mij"
CODE_PATTERN = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}")


@dataclass
class Setting:
    sector: Any
    organisation: Any
    other_organisation: Any
    adviser: Any
    client: Client
    route: Route
    report: Report
    content_key: bytes
    attachment: Any


def _route(sector: Any, slug: str) -> Route:
    return Route.objects.get(sector=sector, slug=slug, organisation__isnull=True)


def _submit(route: Route, organisation: Any, content: dict[str, Any]) -> tuple[Report, bytes]:
    content_key = crypto.random_bytes()
    report = report_submit(
        submission=Submission(
            draft_id=crypto.random_bytes(16).hex(),
            content_key=content_key,
            code=receipt_generate(),
            route=route,
            organisation=organisation,
            categories=["bullying"],
            content=content,
        )
    )
    return report, content_key


@pytest.fixture
def setting() -> Setting:
    sector = SectorFactory()
    organisation = OrganisationFactory(sector=sector, name="Omroep Alfa")
    other_organisation = OrganisationFactory(sector=sector, name="Omroep Beta")
    routes_seed(sector=sector)
    adviser = member(Role.CONFIDENTIAL_ADVISER, organisation=organisation)
    client = verified_client(adviser)  # creates the adviser's key
    route = _route(sector, "vertrouwenspersoon-werkgever")
    report, content_key = _submit(
        route,
        organisation,
        {"what": WHAT, "where": "Redactie journaal", "identity": "named", "name": "Jan Jansen"},
    )
    attachment = attachment_store(
        content_key=content_key,
        clean=CleanFile(name="verslag.txt", content_type="text/plain", data=b"het verslag"),
        author_kind="reporter",
        report=report,
    )
    return Setting(
        sector,
        organisation,
        other_organisation,
        adviser,
        client,
        route,
        report,
        content_key,
        attachment,
    )


def _detail(s: Setting) -> str:
    return reverse("cases:detail", kwargs={"report_id": s.report.pk})


def _attachment_url(s: Setting) -> str:
    return reverse(
        "cases:attachment", kwargs={"report_id": s.report.pk, "attachment_id": s.attachment.pk}
    )


# --- List and detail ----------------------------------------------------------------------------


def test_handler_sees_the_report_in_the_list(setting):
    response = setting.client.get(reverse("cases:list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert _detail(setting) in page
    assert "Omroep Alfa" in page
    assert "Pesten" in page
    assert "Nieuw bericht" in page  # nobody has answered yet
    assert WHAT not in page  # the list shows metadata only
    assert "Mondelinge melding vastleggen" in page


def test_handler_reads_the_report(setting):
    response = setting.client.get(_detail(setting))
    assert response.status_code == 200
    page = response.content.decode()
    assert WHAT in page
    assert "Redactie journaal" in page
    assert "Jan Jansen" in page
    assert "verslag.txt" in page
    assert "Ontvangst bevestigen" in page
    assert WHAT not in page.split("</title>")[0]
    assert "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.filter(
        action=AuditAction.REPORT_READ, object_id=setting.report.pk
    ).exists()


def test_without_an_unlocked_key_the_report_is_not_shown(setting):
    client = verified_client(setting.adviser)
    del client.cookies[settings.KEY_SESSION_COOKIE_NAME]  # the key's secret is gone
    response = client.get(_detail(setting))
    assert response.status_code == 200
    assert WHAT not in response.content.decode()
    assert "opnieuw aanmelden" in response.content.decode()
    listing = client.get(reverse("cases:list")).content.decode()
    assert "Uw sleutel is in deze sessie niet geopend" in listing


def test_acknowledging_sets_state_and_feedback_term(setting):
    before = setting.report.feedback_due
    response = setting.client.post(_detail(setting), {"action": "acknowledge"})
    assert response.status_code == 302
    report = Report.objects.get(pk=setting.report.pk)
    assert report.state == ReportState.ACKNOWLEDGED
    assert report.acknowledged_at is not None
    assert report.feedback_due < before  # counted from today, not from the end of the 7 days
    page = setting.client.get(_detail(setting)).content.decode()
    assert "De ontvangst is bevestigd." in page
    assert 'value="acknowledge"' not in page


# --- Replies ------------------------------------------------------------------------------------


def test_a_reply_is_stored_encrypted_and_readable(setting):
    text = "Dank voor uw melding, ik bel u morgen."
    response = setting.client.post(_detail(setting), {"action": "reply", "text": text})
    assert response.status_code == 302
    message = Message.objects.get(report=setting.report)
    assert text.encode() not in bytes(message.body)
    shown = messages_read(report=setting.report, content_key=setting.content_key)
    assert [m.text for m in shown] == [text]
    page = setting.client.get(_detail(setting)).content.decode()
    assert "Uw bericht is verstuurd." in page
    assert text in page
    assert setting.adviser.get_full_name() in page
    assert "Nieuw bericht" not in setting.client.get(reverse("cases:list")).content.decode()


def test_a_reply_with_a_file_stores_the_file(setting):
    upload = SimpleUploadedFile("notitie.txt", b"Afspraak op dinsdag.", "text/plain")
    response = setting.client.post(
        _detail(setting), {"action": "reply", "text": "Zie bijlage.", "file": upload}
    )
    assert response.status_code == 302
    message = Message.objects.get(report=setting.report)
    assert message.attachments.count() == 1
    assert "notitie.txt" in setting.client.get(_detail(setting)).content.decode()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Eerste regel\x00tweede regel", "Dit veld bevat een teken dat niet is toegestaan."),
        ("a" * 20_001, "Gebruik hoogstens 20000 tekens (u gebruikte er 20001)."),
    ],
)
def test_an_invalid_reply_keeps_what_was_typed(setting, text, error):
    response = setting.client.post(_detail(setting), {"action": "reply", "text": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert "Er is een probleem" in page
    kept = text.replace("\x00", "")[:100]
    assert kept[:12] in page
    assert response.context["form"]["text"].value() == text
    assert not Message.objects.filter(report=setting.report).exists()


def test_posts_without_csrf_token_are_refused(setting):
    client = verified_client(setting.adviser, Client(enforce_csrf_checks=True))
    assert client.post(_detail(setting), {"action": "acknowledge"}).status_code == 403
    assert client.post(_detail(setting), {"action": "reply", "text": "hoi"}).status_code == 403
    assert client.post(reverse("cases:oral"), {}).status_code == 403
    assert Report.objects.get(pk=setting.report.pk).acknowledged_at is None


# --- Attachments --------------------------------------------------------------------------------


def test_attachment_download_is_decrypted_audited_and_not_cached(setting):
    response = setting.client.get(_attachment_url(setting))
    assert response.status_code == 200
    assert response.content == b"het verslag"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "verslag.txt" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.filter(
        action=AuditAction.REPORT_ATTACHMENT_READ, object_id=setting.attachment.pk
    ).exists()


# --- Who sees what ------------------------------------------------------------------------------


def test_adviser_of_another_organisation_gets_not_found(setting):
    outsider = member(Role.CONFIDENTIAL_ADVISER, organisation=setting.other_organisation)
    client = verified_client(outsider)
    assert client.get(_detail(setting)).status_code == 404
    assert client.post(_detail(setting), {"action": "acknowledge"}).status_code == 404
    assert client.get(_attachment_url(setting)).status_code == 404
    assert _detail(setting) not in client.get(reverse("cases:list")).content.decode()


def test_handler_of_another_route_gets_not_found(setting):
    overarching = member(Role.OVERARCHING_ADVISER, sector=setting.sector)
    client = verified_client(overarching)
    assert client.get(_detail(setting)).status_code == 404
    assert client.get(_attachment_url(setting)).status_code == 404
    assert _detail(setting) not in client.get(reverse("cases:list")).content.decode()


def test_missing_report_looks_like_a_forbidden_one(setting):
    missing = setting.client.get(reverse("cases:detail", kwargs={"report_id": 999_999}))
    wrong_file = setting.client.get(
        reverse("cases:attachment", kwargs={"report_id": setting.report.pk, "attachment_id": 0})
    )
    assert missing.status_code == wrong_file.status_code == 404


def test_a_handler_who_joins_later_can_read_once_the_key_is_shared(setting):
    newcomer = member(Role.CONFIDENTIAL_ADVISER, organisation=setting.organisation)
    client = verified_client(newcomer)  # first log-in after the report came in
    assert client.get(_detail(setting)).status_code == 404
    setting.client.get(_detail(setting))  # an existing handler opens it: the key is shared
    response = client.get(_detail(setting))
    assert response.status_code == 200
    assert WHAT in response.content.decode()
    assert _detail(setting) in client.get(reverse("cases:list")).content.decode()


# --- Oral reports -------------------------------------------------------------------------------


def _oral_data(setting: Setting, **changes: Any) -> dict[str, Any]:
    data = {
        "route": str(setting.route.pk),
        "organisation": str(setting.organisation.pk),
        "categories": ["aggression"],
        "transcript": "Telefonisch gemeld: duwen in de kleedkamer.",
        "consent": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_oral_report_without_consent_is_refused(setting):
    count = Report.objects.count()
    response = setting.client.post(reverse("cases:oral"), _oral_data(setting, consent=None))
    assert response.status_code == 200
    page = response.content.decode()
    assert "alleen worden vastgelegd met toestemming" in page
    assert "duwen in de kleedkamer" in page  # nothing typed is lost
    assert Report.objects.count() == count


def test_oral_report_for_an_organisation_the_user_does_not_serve_is_a_form_error(setting):
    count = Report.objects.count()
    response = setting.client.post(
        reverse("cases:oral"), _oral_data(setting, organisation=str(setting.other_organisation.pk))
    )
    assert response.status_code == 200
    assert "Kies een organisatie uit de lijst." in response.content.decode()
    other_route = _route(setting.sector, "klachtencommissie")
    response = setting.client.post(
        reverse("cases:oral"), _oral_data(setting, route=str(other_route.pk))
    )
    assert response.status_code == 200
    assert "Kies een route uit de lijst." in response.content.decode()
    assert Report.objects.count() == count


def test_oral_report_gives_a_code_shown_once_that_opens_the_report(setting):
    response = setting.client.post(reverse("cases:oral"), _oral_data(setting))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:oral_code")
    code_page = setting.client.get(response["Location"])
    assert "no-store" in code_page["Cache-Control"]
    page = code_page.content.decode()
    found = CODE_PATTERN.search(page)
    assert found is not None
    assert found.group(0) not in page.split("</title>")[0]
    opened = receipt_open(code=receipt_parse(found.group(0)))
    assert opened is not None
    assert opened.report.channel == "oral"
    assert opened.report.organisation == setting.organisation
    again = setting.client.get(reverse("cases:oral_code")).content.decode()
    assert CODE_PATTERN.search(again) is None
    assert "al getoond" in again


def test_oral_report_is_readable_by_the_handler_who_recorded_it(setting):
    setting.client.post(reverse("cases:oral"), _oral_data(setting))
    report = Report.objects.filter(channel="oral").get()
    page = setting.client.get(reverse("cases:detail", kwargs={"report_id": report.pk}))
    assert "duwen in de kleedkamer" in page.content.decode()
    assert "met toestemming van de melder" in page.content.decode()


def test_staff_without_an_in_platform_route_cannot_record_oral_reports(setting):
    hr = member(Role.HR, organisation=setting.organisation)
    client = verified_client(hr)
    assert client.get(reverse("cases:oral")).status_code == 404
    assert client.get(reverse("cases:oral_code")).status_code == 404
    assert "Mondelinge melding vastleggen" not in client.get(reverse("cases:list")).content.decode()


def test_sector_wide_route_accepts_an_oral_report_without_organisation(setting):
    overarching = member(Role.OVERARCHING_ADVISER, sector=setting.sector)
    client = verified_client(overarching)
    route = _route(setting.sector, "overkoepelende-vertrouwenspersonen")
    response = client.post(
        reverse("cases:oral"), _oral_data(setting, route=str(route.pk), organisation="")
    )
    assert response.status_code == 302
    report = Report.objects.filter(channel="oral").get()
    assert report.organisation is None
    assert report.route == route
