"""Writes of the intake: submit a report, open it with the receipt code or a handler's key,
exchange messages, share the key with new handlers, register an oral report.

Cryptography goes through ``security.crypto``; this module decides what is sealed to whom.
Nothing here logs, e-mails or raises anything that contains report content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from veiligwerk.common.time import now
from veiligwerk.intake.attachments import CleanFile
from veiligwerk.intake.models import (
    Attachment,
    Author,
    Channel,
    Message,
    Report,
    ReportKey,
    ReportState,
)
from veiligwerk.intake.receipt import ReceiptCode, receipt_generate
from veiligwerk.intake.selectors import handler_keys, handler_memberships, membership_entitles
from veiligwerk.security import crypto
from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.security.models import UserKey
from veiligwerk.tenancy.models import Membership

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User
    from veiligwerk.routes.models import Route
    from veiligwerk.tenancy.models import Organisation

_VERIFIER_LABEL = "veiligwerk.receipt.verifier"
_REPORTER_KEY_LABEL = "veiligwerk.receipt.reporter-key"


class NoHandlers(Exception):
    """Nobody can read a report on this route yet, so none may be made."""


class RateLimited(Exception):
    """Too many submissions or log-ins for now."""


# --- Content -------------------------------------------------------------------------------


def content_encrypt(*, content_key: bytes, data: dict[str, Any]) -> bytes:
    return crypto.secret_encrypt(
        key=content_key, plaintext=json.dumps(data, ensure_ascii=False).encode("utf-8")
    )


def content_decrypt(*, content_key: bytes, ciphertext: bytes) -> dict[str, Any]:
    data = json.loads(crypto.secret_decrypt(key=content_key, ciphertext=bytes(ciphertext)))
    return data if isinstance(data, dict) else {}


# --- The receipt's keys ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptKeys:
    verifier: bytes
    keypair: crypto.KeyPair


def receipt_keys_derive(*, secret: str, salt: bytes, opslimit: int, memlimit: int) -> ReceiptKeys:
    """One Argon2id run gives both the stored verifier and the reporter's key pair."""
    master = crypto.derive_key(password=secret, salt=salt, opslimit=opslimit, memlimit=memlimit)
    return ReceiptKeys(
        verifier=crypto.subkey(key=master, label=_VERIFIER_LABEL),
        keypair=crypto.keypair_from_seed(crypto.subkey(key=master, label=_REPORTER_KEY_LABEL)),
    )


def submission_token_for(draft_id: str) -> str:
    return hashlib.sha256(f"veiligwerk.submission:{draft_id}".encode()).hexdigest()


# --- Submitting -----------------------------------------------------------------------------


@dataclass
class Submission:
    """Everything needed to store a report; the draft produces one at the end."""

    draft_id: str
    content_key: bytes
    code: ReceiptCode
    route: Route
    organisation: Organisation | None
    categories: list[str]
    content: dict[str, Any]
    channel: str = Channel.ONLINE
    extra_recipients: list[UserKey] = field(default_factory=list)


def report_submit(*, submission: Submission) -> Report:
    """Store a report, or return the one this draft already made (double click, reload).

    The key derivation runs before the transaction, so no lock is held during it; the report,
    its sealed keys and its attachments are committed together or not at all."""
    token = submission_token_for(submission.draft_id)
    existing = Report.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing
    recipients = list(handler_keys(route=submission.route, organisation=submission.organisation))
    recipients += [k for k in submission.extra_recipients if k not in recipients]
    if not recipients:
        raise NoHandlers
    salt = crypto.random_bytes(crypto.SALT_SIZE)
    opslimit, memlimit = settings.RECEIPT_OPSLIMIT, settings.RECEIPT_MEMLIMIT
    keys = receipt_keys_derive(
        secret=submission.code.secret, salt=salt, opslimit=opslimit, memlimit=memlimit
    )
    try:
        with transaction.atomic():
            report = Report.objects.create(
                sector_id=submission.route.sector_id,
                organisation=submission.organisation,
                route=submission.route,
                categories=submission.categories,
                channel=submission.channel,
                receipt_lookup=submission.code.lookup,
                receipt_salt=salt,
                receipt_verifier=keys.verifier,
                receipt_opslimit=opslimit,
                receipt_memlimit=memlimit,
                reporter_public_key=keys.keypair.public_key,
                sealed_key_for_reporter=crypto.seal(
                    public_key=keys.keypair.public_key, plaintext=submission.content_key
                ),
                submission_token=token,
                content=content_encrypt(
                    content_key=submission.content_key,
                    # the reporter's language, for the "there is news" e-mail
                    data={"language": get_language() or settings.LANGUAGE_CODE}
                    | submission.content,
                ),
                last_reporter_activity_at=now(),
            )
            ReportKey.objects.bulk_create(
                ReportKey(
                    report=report,
                    user_key=user_key,
                    sealed_key=crypto.seal(
                        public_key=bytes(user_key.public_key), plaintext=submission.content_key
                    ),
                )
                for user_key in recipients
            )
            Attachment.objects.filter(draft_token=token, report__isnull=True).update(
                report=report, draft_token=""
            )
            # robust: a mail outage must not turn a stored report into an error page.
            transaction.on_commit(lambda: handlers_notify(report_id=report.pk), robust=True)
    except IntegrityError:
        existing = Report.objects.filter(submission_token=token).first()
        if existing is not None:  # the same draft, submitted twice at once
            return existing
        raise  # a lookup collision (2^-40): the caller draws a new code and tries again
    return report


def handlers_notify(*, report_id: int) -> int:
    """E-mail each handler that a report is waiting: no content, no category, no name."""
    report = Report.objects.select_related("route").get(pk=report_id)
    addresses = sorted(
        {
            m.user.email
            for m in handler_memberships(route=report.route, organisation=report.organisation)
            .select_related("user")
            .filter(user__is_active=True)
            if m.user.email
        }
    )
    with override(settings.LANGUAGE_CODE):
        subject = _("Er wacht een nieuwe melding")
        body = _(
            "Er wacht een nieuwe melding op u in Veilig Werk. Log in om hem te lezen: %(url)s"
        ) % {"url": settings.SITE_URL + reverse("cases:list")}
    for address in addresses:
        send_mail(subject, body, None, [address])
    return len(addresses)


def report_audit(*, action: str, actor: User, report: Report) -> None:
    """An audit event about a report: who did what to which one (never its content)."""
    audit_record(
        action=action,
        actor=actor,
        sector_id=report.sector_id,
        organisation_id=report.organisation_id,
        object_type="report",
        object_id=report.pk,
    )


# --- Opening a report ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReporterAccess:
    report: Report
    content_key: bytes


def receipt_open(*, code: ReceiptCode | None) -> ReporterAccess | None:
    """The report behind a receipt code, with its content key; None for a wrong code.

    Costs one Argon2id run whether or not the lookup part exists (no enumeration by timing)."""
    report = Report.objects.filter(receipt_lookup=code.lookup).first() if code else None
    if report is None:
        receipt_keys_derive(
            secret=code.secret if code else "0" * 16,
            salt=b"\0" * crypto.SALT_SIZE,
            opslimit=settings.RECEIPT_OPSLIMIT,
            memlimit=settings.RECEIPT_MEMLIMIT,
        )
        return None
    assert code is not None
    keys = receipt_keys_derive(
        secret=code.secret,
        salt=bytes(report.receipt_salt),
        opslimit=report.receipt_opslimit,
        memlimit=report.receipt_memlimit,
    )
    if not crypto.constant_time_equal(keys.verifier, bytes(report.receipt_verifier)):
        return None
    content_key = crypto.unseal(
        private_key=keys.keypair.private_key, ciphertext=bytes(report.sealed_key_for_reporter)
    )
    return ReporterAccess(report=report, content_key=content_key)


def content_key_for_handler(*, report: Report, user: User, private_key: bytes) -> bytes | None:
    """The report's content key as opened with a handler's private key, or None."""
    report_key = ReportKey.objects.filter(report=report, user_key__user=user).first()
    if report_key is None:
        return None
    try:
        return crypto.unseal(private_key=private_key, ciphertext=bytes(report_key.sealed_key))
    except crypto.CryptoError:
        return None


def report_read_by_handler(
    *, report: Report, user: User, private_key: bytes
) -> tuple[bytes, dict[str, Any]] | None:
    """Open a report for a handler (an audited read); None if their key does not open it."""
    content_key = content_key_for_handler(report=report, user=user, private_key=private_key)
    if content_key is None:
        return None
    report_audit(action=AuditAction.REPORT_READ, actor=user, report=report)
    report_keys_share(report=report, content_key=content_key)
    return content_key, content_decrypt(content_key=content_key, ciphertext=report.content)


def report_keys_share(*, report: Report, content_key: bytes) -> int:
    """Seal the content key to entitled handlers who do not have it yet (they joined, or logged
    in for the first time, after the report came in). Needs someone who holds the key."""
    missing = handler_keys(route=report.route, organisation=report.organisation).exclude(
        report_keys__report=report
    )
    created = 0
    for user_key in missing:
        _, was_created = ReportKey.objects.get_or_create(
            report=report,
            user_key=user_key,
            defaults={
                "sealed_key": crypto.seal(
                    public_key=bytes(user_key.public_key), plaintext=content_key
                )
            },
        )
        created += was_created
    return created


# --- The dialogue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownMessage:
    message: Message
    text: str


def report_keys_prune(*, user_id: int) -> int:
    """Delete the sealed copies of report keys that this user is no longer entitled to
    (a role revoked): access was already refused at every read, now the copy is gone too.

    A report whose only handler copy this was stays readable through the reporter's key;
    the next handler to join gets a copy when the reporter next opens the inbox."""
    memberships = list(Membership.objects.filter(user_id=user_id, sector__isnull=False))
    stale = [
        report_key.pk
        for report_key in ReportKey.objects.filter(user_key__user_id=user_id).select_related(
            "report__route"
        )
        if not any(
            membership_entitles(
                m, route=report_key.report.route, organisation_id=report_key.report.organisation_id
            )
            for m in memberships
        )
    ]
    ReportKey.objects.filter(pk__in=stale).delete()
    return len(stale)


def messages_read(*, report: Report, content_key: bytes) -> list[ShownMessage]:
    return [
        ShownMessage(
            message=m,
            text=crypto.secret_decrypt(key=content_key, ciphertext=bytes(m.body)).decode("utf-8"),
        )
        for m in report.messages.select_related("author")
    ]


@transaction.atomic
def message_post(
    *,
    report: Report,
    content_key: bytes,
    text: str,
    author: User | None,
    files: list[CleanFile] | None = None,
) -> Message:
    """Add a message (reporter when `author` is None, else a handler) with optional files."""
    author_kind = Author.REPORTER if author is None else Author.HANDLER
    message = Message.objects.create(
        report=report,
        author_kind=author_kind,
        author=author,
        body=crypto.secret_encrypt(key=content_key, plaintext=text.encode("utf-8")),
    )
    for clean in files or []:
        attachment_store(
            content_key=content_key,
            clean=clean,
            author_kind=author_kind,
            report=report,
            message=message,
        )
    stamp = now()
    if author is None:
        Report.objects.filter(pk=report.pk).update(last_reporter_activity_at=stamp)
    else:
        Report.objects.filter(pk=report.pk).update(last_handler_activity_at=stamp)
        report_audit(action=AuditAction.REPORT_MESSAGE_SENT, actor=author, report=report)
        content = content_decrypt(content_key=content_key, ciphertext=report.content)
        address, language = content.get("email", ""), content.get("language")
        if address:
            transaction.on_commit(
                lambda: reporter_notify(address=address, language=language), robust=True
            )
    return message


def reporter_notify(*, address: str, language: str | None = None) -> None:
    """Tell a reporter who left an address that there is news: nothing more. In the language
    the report was made in (kept inside the encrypted content)."""
    known = {code for code, _name in settings.LANGUAGES}
    with override(language if language in known else settings.LANGUAGE_CODE):
        send_mail(
            _("Er is nieuws over uw melding"),
            _(
                "Er is nieuws over uw melding bij Veilig Werk. Log in met uw code om het te lezen: "
                "%(url)s"
            )
            % {"url": settings.SITE_URL + reverse("intake:login")},
            None,
            [address],
        )


@transaction.atomic
def report_acknowledge(*, report: Report, user: User) -> None:
    """Confirm receipt: the feedback term of three months starts now."""
    if report.acknowledged_at is not None:
        return
    report.acknowledged_at = now()
    report.state = ReportState.ACKNOWLEDGED
    report.save(update_fields=["acknowledged_at", "state", "updated_at"])
    report_audit(action=AuditAction.REPORT_ACKNOWLEDGED, actor=user, report=report)


# --- Attachments -----------------------------------------------------------------------------


def attachment_store(
    *,
    content_key: bytes,
    clean: CleanFile,
    author_kind: str,
    report: Report | None = None,
    message: Message | None = None,
    draft_token: str = "",
) -> Attachment:
    """Encrypt a checked file and its name and type, and store it under a random name."""
    ciphertext = crypto.secret_encrypt(key=content_key, plaintext=clean.data)
    attachment = Attachment(
        report=report,
        message=message,
        draft_token=draft_token,
        author_kind=author_kind,
        meta=content_encrypt(
            content_key=content_key,
            data={"name": clean.name, "content_type": clean.content_type, "size": len(clean.data)},
        ),
        size=len(ciphertext),
    )
    attachment.blob.save(crypto.random_bytes(16).hex(), ContentFile(ciphertext), save=False)
    attachment.save()
    return attachment


@dataclass(frozen=True)
class OpenedAttachment:
    name: str
    content_type: str
    size: int
    data: bytes


def attachment_meta(*, attachment: Attachment, content_key: bytes) -> dict[str, Any]:
    return content_decrypt(content_key=content_key, ciphertext=attachment.meta)


def attachment_open(*, attachment: Attachment, content_key: bytes) -> OpenedAttachment:
    meta = attachment_meta(attachment=attachment, content_key=content_key)
    with attachment.blob.open("rb") as handle:
        data = crypto.secret_decrypt(key=content_key, ciphertext=handle.read())
    return OpenedAttachment(
        name=str(meta.get("name", "bestand")),
        content_type=str(meta.get("content_type", "application/octet-stream")),
        size=len(data),
        data=data,
    )


def draft_attachments_discard(*, draft_id: str) -> int:
    """Remove the files of a draft that was abandoned or restarted."""
    token = submission_token_for(draft_id)
    removed = 0
    for attachment in Attachment.objects.filter(draft_token=token, report__isnull=True):
        attachment.blob.delete(save=False)
        attachment.delete()
        removed += 1
    return removed


def draft_files_purge(*, before: dt.datetime) -> int:
    """Remove files uploaded to drafts that were never sent, when their session has certainly
    ended (uploaded before `before`). Run daily by `veiligwerk intake-purge`."""
    removed = 0
    stale = Attachment.objects.filter(report__isnull=True, created_at__lt=before).exclude(
        draft_token=""
    )
    for attachment in stale.iterator():
        attachment.blob.delete(save=False)
        attachment.delete()
        removed += 1
    return removed


# --- Oral reports ----------------------------------------------------------------------------


def oral_report_register(
    *,
    by: User,
    route: Route,
    organisation: Organisation | None,
    categories: list[str],
    transcript: str,
    consent_recorded: bool,
) -> tuple[Report, ReceiptCode]:
    """A report made by phone or in person, written down by a handler with the reporter's
    consent; returns the report and the receipt code to hand over (shown once)."""
    if not consent_recorded:
        raise ValueError("consent is required")
    own_key = UserKey.objects.filter(user=by).first()
    for _attempt in range(3):
        code = receipt_generate()
        try:
            report = report_submit(
                submission=Submission(
                    draft_id=crypto.random_bytes(16).hex(),
                    content_key=crypto.random_bytes(),
                    code=code,
                    route=route,
                    organisation=organisation,
                    categories=categories,
                    content={
                        "what": transcript,
                        "identity": "confidential",
                        "oral": {"consent": True, "recorded_by": by.get_full_name() or by.username},
                    },
                    channel=Channel.ORAL,
                    extra_recipients=[own_key] if own_key else [],
                )
            )
        except IntegrityError:
            continue
        report_audit(action=AuditAction.REPORT_ORAL_REGISTERED, actor=by, report=report)
        return report, code
    raise RuntimeError("no free receipt code")
