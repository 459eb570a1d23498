"""The handlers' surface of the intake (behandelaars): the reports they handle, one report with
its dialogue and files, and oral reports (mondelinge meldingen) written down with consent.

Every report goes through ``security/access.py`` (same 404 for missing and forbidden) and is
opened with the handler's own key as unlocked in this session. Nothing a reporter wrote goes
into a URL, a page title, a flash message or a log line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from veiligwerk.accounts.http import StaffRequest
from veiligwerk.common.time import today
from veiligwerk.intake.downloads import attachment_download
from veiligwerk.intake.models import Author, Report, ReportState
from veiligwerk.intake.selectors import reports_for_handler
from veiligwerk.intake.services import (
    ShownMessage,
    attachment_meta,
    attachment_open,
    content_key_for_handler,
    message_post,
    messages_read,
    oral_report_register,
    report_acknowledge,
    report_read_by_handler,
)
from veiligwerk.intake.staff_forms import OralReportForm, ReplyForm, oral_routes_for
from veiligwerk.security.access import access_report_attachment, access_report_for_handler
from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.security.keys import (
    cookie_secret_decode,
    session_key_get,
    session_secret_load,
    session_secret_put,
)

# The receipt code of a just-registered oral report waits here for the one page that shows it.
ORAL_CODE_SESSION_KEY = "intake_oral_receipt_code"

IDENTITY_LABELS = {
    "anonymous": gettext_lazy("Anoniem: de melder blijft onbekend"),
    "confidential": gettext_lazy("Vertrouwelijk: alleen de behandelaar kent de naam"),
    "named": gettext_lazy("Met naam: de naam mag worden genoemd"),
}
# Content fields always shown (with "not given"), in reading order.
CONTENT_LABELS = {
    "what": gettext_lazy("Wat er is gebeurd"),
    "when": gettext_lazy("Wanneer"),
    "where": gettext_lazy("Waar (afdeling of productie)"),
    "accused": gettext_lazy("Om wie het gaat"),
    "wishes": gettext_lazy("Wat de melder wil"),
}
# Shown only when the reporter gave them.
IDENTITY_FIELD_LABELS = {
    "name": gettext_lazy("Naam"),
    "contact": gettext_lazy("Contactgegevens"),
    "email": gettext_lazy("E-mailadres voor berichten over nieuws"),
}


# --- Presentation helpers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Deadlines:
    acknowledge_due: dt.date
    acknowledge_overdue: bool
    feedback_due: dt.date
    feedback_overdue: bool
    has_news: bool


def _deadlines(report: Report, day: dt.date) -> Deadlines:
    open_case = report.state != ReportState.CLOSED
    reporter, handler = report.last_reporter_activity_at, report.last_handler_activity_at
    return Deadlines(
        acknowledge_due=report.acknowledge_due,
        acknowledge_overdue=report.acknowledged_at is None and report.acknowledge_due < day,
        feedback_due=report.feedback_due,
        feedback_overdue=open_case and report.feedback_due < day,
        has_news=reporter is not None and (handler is None or reporter > handler),
    )


@dataclass(frozen=True)
class ContentRow:
    label: str
    value: str


def _content_rows(content: dict[str, Any]) -> list[ContentRow]:
    rows = [
        ContentRow(str(label), str(content.get(key) or "").strip() or _("Niet opgegeven"))
        for key, label in CONTENT_LABELS.items()
    ]
    identity = str(content.get("identity") or "")
    rows.append(
        ContentRow(
            _("Hoe bekend de melder wil zijn"),
            str(IDENTITY_LABELS.get(identity, _("Niet opgegeven"))),
        )
    )
    rows += [
        ContentRow(str(label), str(content[key]).strip())
        for key, label in IDENTITY_FIELD_LABELS.items()
        if str(content.get(key) or "").strip()
    ]
    return rows


def _oral_note(content: dict[str, Any]) -> str:
    oral = content.get("oral")
    if not isinstance(oral, dict):
        return ""
    return _("Mondeling gemeld en vastgelegd door %(name)s, met toestemming van de melder.") % {
        "name": oral.get("recorded_by") or _("een behandelaar")
    }


@dataclass(frozen=True)
class ShownAttachment:
    pk: int
    name: str
    size: int
    by_reporter: bool
    created_at: dt.datetime
    message_id: int | None


def _attachments(report: Report, content_key: bytes) -> list[ShownAttachment]:
    shown = []
    for attachment in report.attachments.all():
        meta = attachment_meta(attachment=attachment, content_key=content_key)
        shown.append(
            ShownAttachment(
                pk=attachment.pk,
                name=str(meta.get("name") or _("bestand")),
                size=int(meta.get("size") or 0),
                by_reporter=attachment.author_kind == Author.REPORTER,
                created_at=attachment.created_at,
                message_id=attachment.message_id,
            )
        )
    return shown


def _author_name(shown: ShownMessage) -> str:
    message = shown.message
    if message.author_kind == Author.REPORTER or message.author is None:
        return _("Melder")
    return message.author.get_full_name() or message.author.username


def _key_missing(request: StaffRequest, report: Report | None = None) -> HttpResponse:
    return render(request, "intake/staff/key_locked.html", {"report": report})


# --- Views ------------------------------------------------------------------------------------


@never_cache
@require_GET
def report_list_view(request: StaffRequest) -> HttpResponse:
    """Reports the user handles. Keys are shared with later handlers when a report is opened
    (in the detail view), not here: the list needs no decryption."""
    day = today()
    reports = reports_for_handler(user=request.user)
    return render(
        request,
        "intake/staff/report_list.html",
        {
            "rows": [(report, _deadlines(report, day)) for report in reports],
            "key_unlocked": session_key_get(request) is not None,
            "can_register_oral": bool(oral_routes_for(user=request.user)),
        },
    )


def _detail_page(
    request: StaffRequest, report: Report, private_key: bytes, form: ReplyForm
) -> HttpResponse:
    opened = report_read_by_handler(report=report, user=request.user, private_key=private_key)
    if opened is None:
        return _key_missing(request, report)
    content_key, content = opened
    attachments = _attachments(report, content_key)
    dialogue = [
        (shown, _author_name(shown), [a for a in attachments if a.message_id == shown.message.pk])
        for shown in messages_read(report=report, content_key=content_key)
    ]
    return render(
        request,
        "intake/staff/report_detail.html",
        {
            "report": report,
            "deadlines": _deadlines(report, today()),
            "content_rows": _content_rows(content),
            "oral_note": _oral_note(content),
            "attachments": attachments,
            "dialogue": dialogue,
            "form": form,
        },
    )


@sensitive_post_parameters("text")
@never_cache
@require_http_methods(["GET", "POST"])
def report_detail_view(request: StaffRequest, report_id: int) -> HttpResponse:
    user = request.user
    report = access_report_for_handler(user=user, report_id=report_id)
    private_key = session_key_get(request)
    if private_key is None:
        return _key_missing(request, report)
    detail_url = reverse("cases:detail", kwargs={"report_id": report.pk})
    if request.method == "POST" and request.POST.get("action") == "acknowledge":
        report_acknowledge(report=report, user=user)
        messages.success(request, _("De ontvangst is bevestigd."))
        return redirect(detail_url)
    if request.method == "POST" and request.POST.get("action") == "reply":
        form = ReplyForm(request.POST, request.FILES)
        content_key = content_key_for_handler(report=report, user=user, private_key=private_key)
        if content_key is None:
            return _key_missing(request, report)
        if form.is_valid():
            clean_file = form.cleaned_data.get("file")
            message_post(
                report=report,
                content_key=content_key,
                text=form.cleaned_data["text"],
                author=user,
                files=[clean_file] if clean_file else [],
            )
            messages.success(request, _("Uw bericht is verstuurd."))
            return redirect(f"{detail_url}#dialoog")
        return _detail_page(request, report, private_key, form)
    if request.method == "POST":
        return redirect(detail_url)  # an unknown action: nothing to do
    return _detail_page(request, report, private_key, ReplyForm())


@never_cache
@require_GET
def attachment_download_view(
    request: StaffRequest, report_id: int, attachment_id: int
) -> HttpResponse:
    user = request.user
    attachment = access_report_attachment(
        user=user, report_id=report_id, attachment_id=attachment_id
    )
    report = attachment.report
    assert report is not None
    private_key = session_key_get(request)
    content_key = (
        content_key_for_handler(report=report, user=user, private_key=private_key)
        if private_key is not None
        else None
    )
    if content_key is None:
        return _key_missing(request, report)
    opened = attachment_open(attachment=attachment, content_key=content_key)
    audit_record(
        action=AuditAction.REPORT_ATTACHMENT_READ,
        actor=user,
        sector_id=report.sector_id,
        organisation_id=report.organisation_id,
        object_type="attachment",
        object_id=attachment.pk,
    )
    return attachment_download(opened)


@sensitive_post_parameters("transcript")
@never_cache
@require_http_methods(["GET", "POST"])
def oral_report_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    options = oral_routes_for(user=user)
    if not options:
        raise Http404("Not found")
    form = OralReportForm(request.POST or None, options=options)
    if request.method == "POST" and form.is_valid():
        _report, code = oral_report_register(
            by=user,
            route=form.cleaned_data["route_object"],
            organisation=form.cleaned_data["organisation_object"],
            categories=form.cleaned_data["categories"],
            transcript=form.cleaned_data["transcript"],
            consent_recorded=form.cleaned_data["consent"],
        )
        # Never in a URL: the code page takes it from the session, once, encrypted there under
        # the secret in this handler's key-share cookie (a session dump shows nothing).
        cookie_secret = cookie_secret_decode(request.COOKIES.get(settings.KEY_SESSION_COOKIE_NAME))
        if cookie_secret is not None:
            session_secret_put(
                request.session,
                ORAL_CODE_SESSION_KEY,
                code.text.encode("ascii"),
                cookie_secret=cookie_secret,
            )
        messages.success(request, _("De mondelinge melding is vastgelegd."))
        return redirect("cases:oral_code")
    return render(request, "intake/staff/oral_report.html", {"form": form})


@never_cache
@require_GET
def oral_report_code_view(request: StaffRequest) -> HttpResponse:
    if not oral_routes_for(user=request.user):
        raise Http404("Not found")
    raw = session_secret_load(
        request.session,
        ORAL_CODE_SESSION_KEY,
        request.COOKIES.get(settings.KEY_SESSION_COOKIE_NAME),
    )
    request.session.pop(ORAL_CODE_SESSION_KEY, None)
    code = raw.decode("ascii") if raw else None
    return render(request, "intake/staff/oral_code.html", {"code": code})
