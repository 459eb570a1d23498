"""What someone holding the whole database and file store, but no password or code, can read:
none of the report. And the crypto round trips behind that."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, member, verified_client
from tests.intake.test_reporter_flow import answer_all, send, start, step, world  # noqa: F401
from veiligwerk.intake.models import Report, ReportKey
from veiligwerk.intake.receipt import receipt_generate, receipt_parse
from veiligwerk.intake.services import (
    Submission,
    content_key_for_handler,
    receipt_open,
    report_keys_share,
    report_submit,
)
from veiligwerk.routes.models import Route
from veiligwerk.security import crypto
from veiligwerk.security.keys import key_login, key_unlock
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db

NEEDLES = [
    "Mijn chef raakte mij",  # the story
    "Anna de Vries",  # the reporter's name
    "Piet Paulusma",  # the person reported on
    "anna.devries@example.org",  # the reporter's address
    "Zomerspecial",  # department / production
    "Dank voor uw melding",  # a handler's reply
    "Het begon in maart",  # the reporter's answer
    "BEWIJSSTUK-7f3a",  # attachment bytes
    "bewijs-van-anna",  # attachment name
]


def _database_dump() -> list[bytes]:
    values: list[bytes] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes):
                        values.append(bytes(value))
                    elif value is not None:
                        values.append(str(value).encode("utf-8"))
    # Session rows are signed base64 JSON: look inside too.
    for session in Session.objects.all():
        values.append(str(session.get_decoded()).encode("utf-8"))
        values.append(base64.b64decode(session.session_data.split(":")[0] + "==", altchars=b"-_"))
    return values


def _file_store_dump() -> list[bytes]:
    return [p.read_bytes() for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_a_dump_of_database_and_files_reveals_nothing_of_the_report(world):  # noqa: F811
    reporter = Client()
    start(reporter)
    answer_all(reporter, world, identity="confidential")
    reporter.post(
        step("gegevens"),
        {"name": "Anna de Vries", "contact": "", "email": "anna.devries@example.org"},
    )
    upload = SimpleUploadedFile("bewijs-van-anna.txt", b"BEWIJSSTUK-7f3a inhoud", "text/plain")
    reporter.post(step("bestanden"), {"file": upload, "upload": "1"})
    code = send(reporter)
    report = Report.objects.get()
    handler = verified_client(world["overarching"])
    handler.post(
        reverse("cases:detail", args=[report.pk]),
        {"action": "reply", "text": "Dank voor uw melding."},
    )
    inbox = Client()
    inbox.post(reverse("intake:login"), {"code": code})
    inbox.post(reverse("intake:inbox"), {"text": "Het begon in maart."})
    # Sanity: the needles are really there for those who may read them.
    page = handler.get(reverse("cases:detail", args=[report.pk])).content.decode()
    assert "Anna de Vries" in page and "Het begon in maart" in page and "bewijs-van-anna" in page

    dump = _database_dump() + _file_store_dump()
    assert dump
    found = [n for n in NEEDLES if any(n.encode("utf-8") in value for value in dump)]
    assert found == []
    # Nor is the receipt code's secret part stored anywhere.
    secret = receipt_parse(code).secret  # type: ignore[union-attr]
    assert not any(secret.encode() in value for value in dump)


def _submit(world, route_slug: str, organisation):  # noqa: F811
    route = Route.objects.get(sector=world["sector"], slug=route_slug, organisation=None)
    content_key = crypto.random_bytes()
    code = receipt_generate()
    report = report_submit(
        submission=Submission(
            draft_id=crypto.random_bytes(16).hex(),
            content_key=content_key,
            code=code,
            route=route,
            organisation=organisation,
            categories=["bullying"],
            content={"what": "x"},
        )
    )
    return report, content_key, code


def test_content_key_opens_for_each_handler_and_the_code_only(world):  # noqa: F811
    report, content_key, code = _submit(world, "vertrouwenspersoon-werkgever", world["org"])
    own = key_unlock(user=world["adviser"], password=PASSWORD)
    assert content_key_for_handler(report=report, user=world["adviser"], private_key=own) == (
        content_key
    )
    access = receipt_open(code=code)
    assert access is not None and access.content_key == content_key
    # Another organisation's adviser has no copy, and their key opens none of the copies.
    foreign = key_unlock(user=world["other_adviser"], password=PASSWORD)
    for sealed in ReportKey.objects.filter(report=report):
        with pytest.raises(crypto.CryptoError):
            crypto.unseal(private_key=foreign, ciphertext=bytes(sealed.sealed_key))
    with pytest.raises(crypto.CryptoError):
        crypto.unseal(private_key=foreign, ciphertext=bytes(report.sealed_key_for_reporter))
    # A code with one character changed opens nothing.
    wrong = receipt_parse(code.text[:-1] + ("1" if code.text[-1] != "1" else "2"))
    assert receipt_open(code=wrong) is None


def test_a_handler_who_joins_later_is_sealed_in_by_someone_holding_the_key(world):  # noqa: F811
    report, content_key, _code = _submit(world, "overkoepelende-vertrouwenspersonen", None)
    newcomer = member(Role.OVERARCHING_ADVISER, sector=world["sector"])
    newcomer_key = key_login(user=newcomer, password=PASSWORD)
    assert newcomer_key is not None
    assert content_key_for_handler(report=report, user=newcomer, private_key=newcomer_key) is None
    assert report_keys_share(report=report, content_key=content_key) == 1
    assert (
        content_key_for_handler(report=report, user=newcomer, private_key=newcomer_key)
        == content_key
    )
    # Sharing again changes nothing; an adviser of an organisation is never added to it.
    assert report_keys_share(report=report, content_key=content_key) == 0
    assert not ReportKey.objects.filter(report=report, user_key__user=world["adviser"]).exists()


def test_receipt_codes_have_80_secret_bits_and_forgive_typing(world):  # noqa: F811
    from veiligwerk.intake import receipt

    assert receipt.SECRET_BITS >= 80
    codes = {receipt_generate().text for _ in range(500)}
    assert len(codes) == 500
    code = receipt_generate()
    typed = code.text.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert receipt_parse(typed) == code
    assert receipt_parse(code.text[:-1]) is None
    assert receipt_parse(code.text[:-1] + "U") is None
