"""Who holds a report's key over time: the handler list in a fixed number of queries, a revoked
role taking its sealed copies with it, organisations offered only where a handler can read,
and the reporter's "there is news" e-mail in the language the report was made in."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from tests.factories import OrganisationFactory, member, verified_client
from veiligwerk.intake.models import ReportKey
from veiligwerk.intake.receipt import receipt_generate
from veiligwerk.intake.selectors import organisations_accepting_reports, reports_for_handler
from veiligwerk.intake.services import Submission, message_post, report_submit
from veiligwerk.routes.models import Route
from veiligwerk.security import crypto
from veiligwerk.tenancy.models import Membership, Role
from veiligwerk.tenancy.services import membership_revoke

pytestmark = pytest.mark.django_db


def _route(world: dict[str, Any], slug: str) -> Route:
    return Route.objects.get(sector=world["sector"], slug=slug, organisation__isnull=True)


def _report(world: dict[str, Any], slug: str = "vertrouwenspersoon-werkgever", **content: Any):
    content_key = crypto.random_bytes()
    report = report_submit(
        submission=Submission(
            draft_id=crypto.random_bytes(16).hex(),
            content_key=content_key,
            code=receipt_generate(),
            route=_route(world, slug),
            organisation=world["org"],
            categories=["bullying"],
            content={"what": "Er wordt geschreeuwd.", **content},
        )
    )
    return report, content_key


def test_handler_list_takes_the_same_queries_for_one_report_or_many(world) -> None:
    _report(world)
    with CaptureQueriesContext(connection) as one:
        assert len(reports_for_handler(user=world["adviser"])) == 1
    for _ in range(5):
        _report(world)
    with CaptureQueriesContext(connection) as six:
        assert len(reports_for_handler(user=world["adviser"])) == 6
    assert len(six) == len(one) <= 2
    # the other organisation's adviser holds no copy and sees none
    assert reports_for_handler(user=world["other_adviser"]) == []


def test_revoking_a_role_deletes_its_sealed_copies_and_closes_the_case(world) -> None:
    report, _key = _report(world)
    adviser = world["adviser"]
    assert ReportKey.objects.filter(report=report, user_key__user=adviser).exists()
    client = verified_client(adviser)
    detail = reverse("cases:detail", args=[report.pk])
    assert client.get(detail).status_code == 200

    membership = Membership.objects.get(user=adviser, role=Role.CONFIDENTIAL_ADVISER)
    membership_revoke(membership=membership, by=world["overarching"])

    assert not ReportKey.objects.filter(report=report, user_key__user=adviser).exists()
    assert client.get(detail).status_code == 404
    assert reports_for_handler(user=adviser) == []


def test_revoking_an_unrelated_role_keeps_the_copy(world) -> None:
    overarching = world["overarching"]
    report, _key = _report(world, "overkoepelende-vertrouwenspersonen")
    member(Role.HR, organisation=world["org"], user=overarching)
    membership_revoke(
        membership=Membership.objects.get(user=overarching, role=Role.HR), by=world["adviser"]
    )
    assert ReportKey.objects.filter(report=report, user_key__user=overarching).exists()
    assert reports_for_handler(user=overarching) == [report]


def test_only_organisations_with_a_handler_who_can_read_are_offered(world) -> None:
    third = OrganisationFactory(sector=world["sector"], slug="kro", name="KRO")
    member(Role.CONFIDENTIAL_ADVISER, organisation=third)  # never logged in: no key yet
    organisations = [world["org"], world["other"], third]
    employer = _route(world, "vertrouwenspersoon-werkgever")
    with CaptureQueriesContext(connection) as queries:
        accepting = organisations_accepting_reports(route=employer, organisations=organisations)
    assert accepting == {world["org"].pk, world["other"].pk}
    assert len(queries) == 1
    sector_wide = _route(world, "overkoepelende-vertrouwenspersonen")
    assert organisations_accepting_reports(route=sector_wide, organisations=organisations) == {
        o.pk for o in organisations
    }


@pytest.mark.parametrize(
    ("language", "subject"),
    [("en", "There is news about your report"), ("nl", "Er is nieuws over uw melding")],
)
def test_news_mail_comes_in_the_language_the_report_was_made_in(
    world, django_capture_on_commit_callbacks, language: str, subject: str
) -> None:
    with override(language):
        report, content_key = _report(world, email="melder@example.org")
    mail.outbox.clear()
    with override("nl"), django_capture_on_commit_callbacks(execute=True):
        message_post(
            report=report,
            content_key=content_key,
            text="Wij nemen contact op.",
            author=world["adviser"],
        )
    assert [m.subject for m in mail.outbox] == [subject]
    assert "Wij nemen contact op" not in mail.outbox[0].body


def test_files_of_abandoned_drafts_are_purged_but_sent_ones_stay(world) -> None:
    import datetime as dt

    from django.core.management import call_command

    from veiligwerk.common.time import now
    from veiligwerk.intake.attachments import CleanFile
    from veiligwerk.intake.models import Attachment
    from veiligwerk.intake.services import attachment_store, submission_token_for

    report, key = _report(world)
    kept = attachment_store(
        content_key=key,
        clean=CleanFile(name="a.txt", content_type="text/plain", data=b"a"),
        author_kind="reporter",
        report=report,
    )
    abandoned = attachment_store(
        content_key=crypto.random_bytes(),
        clean=CleanFile(name="b.txt", content_type="text/plain", data=b"b"),
        author_kind="reporter",
        draft_token=submission_token_for("old-draft"),
    )
    fresh = attachment_store(
        content_key=crypto.random_bytes(),
        clean=CleanFile(name="c.txt", content_type="text/plain", data=b"c"),
        author_kind="reporter",
        draft_token=submission_token_for("draft-in-progress"),
    )
    Attachment.objects.filter(pk__in=[kept.pk, abandoned.pk]).update(
        created_at=now() - dt.timedelta(days=3)
    )
    storage, abandoned_name = abandoned.blob.storage, abandoned.blob.name
    assert storage.exists(abandoned_name)
    call_command("intake_purge")
    assert set(Attachment.objects.values_list("pk", flat=True)) == {kept.pk, fresh.pk}
    assert not storage.exists(abandoned_name)
