"""The reporter's pages: make a report (one question per page), get the receipt code, and come
back with it to the anonymous inbox.

All public (``login_not_required``), never cached, working without JavaScript. Nothing typed is
put in a URL, a cookie or a log; the draft lives encrypted in the session (see ``draft.py``).
A receipt code is shown only after the report is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.validators import slug_re
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from veiligwerk.accounts.throttle import (
    login_blocked_until,
    login_failure_record,
    login_success_record,
)
from veiligwerk.common.time import now, today
from veiligwerk.intake import forms as f
from veiligwerk.intake.attachments import AttachmentRejected, attachment_clean
from veiligwerk.intake.downloads import attachment_download
from veiligwerk.intake.draft import Draft, Inbox, ReporterSession
from veiligwerk.intake.models import Attachment, Author, Report
from veiligwerk.intake.receipt import receipt_generate, receipt_mentioned_in, receipt_parse
from veiligwerk.intake.selectors import organisations_accepting_reports, route_accepts_reports
from veiligwerk.intake.services import (
    NoHandlers,
    Submission,
    attachment_meta,
    attachment_open,
    attachment_store,
    content_decrypt,
    draft_attachments_discard,
    message_post,
    messages_read,
    receipt_open,
    report_keys_share,
    report_submit,
    submission_token_for,
)
from veiligwerk.routes.models import HandlerScope, Route
from veiligwerk.routes.selectors import routes_for
from veiligwerk.security import crypto
from veiligwerk.security.access import access_public_organisation, access_public_sector
from veiligwerk.tenancy.models import Organisation
from veiligwerk.tenancy.selectors import organisations_active

View = Callable[..., HttpResponse]


def _reporter(methods: list[str]) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            session = ReporterSession(request)
            return session.finish(view(request, session, *args, **kwargs))

        return login_not_required(never_cache(require_http_methods(methods)(wrapper)))

    return decorate


#: Public, never cached, GET and POST only; sends the reporter's cookie when it is new.
reporter_view = _reporter(["GET", "POST"])
#: The same for what is only fetched (a download): GET only.
reporter_get_view = _reporter(["GET"])


def _problem(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(
        request, "intake/problem.html", {"message": message, "problem": True}, status=status
    )


def _over_budget(bucket: str, per_minute: int) -> bool:
    """A global budget per minute, shared by all reporters: identifies nobody."""
    key = f"vw-budget:{bucket}:{int(now().timestamp() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        return cache.incr(key) > per_minute
    except ValueError:
        return False


# --- Start ------------------------------------------------------------------------------------


def _route_and_place(
    request: HttpRequest, sector_slug: str, route_slug: str
) -> tuple[Route, Organisation | None]:
    sector = access_public_sector(slug=sector_slug)
    org_slug = request.GET.get("o", "") or request.POST.get("o", "")
    organisation = None
    if org_slug:
        if not slug_re.match(org_slug):
            raise Http404
        organisation = access_public_organisation(sector=sector, slug=org_slug[:60], on=today())
    route = routes_for(sector=sector, organisation=organisation).get(route_slug[:60])
    if route is None or not route.in_platform or not route.is_open_on(today()):
        raise Http404
    route.sector = sector  # already read: the page needs its name and slug
    if route.organisation is not None:
        organisation = route.organisation
    return route, organisation


@reporter_view
def start_view(
    request: HttpRequest, session: ReporterSession, sector_slug: str, route_slug: str
) -> HttpResponse:
    route, organisation = _route_and_place(request, sector_slug, route_slug)
    if organisation is None and route.handler_scope == HandlerScope.ORGANISATION:
        # The organisation is asked later; offer only those where someone can read it.
        accepts = bool(
            organisations_accepting_reports(
                route=route, organisations=organisations_active(sector=route.sector, on=today())
            )
        )
    else:
        accepts = route_accepts_reports(route=route, organisation=organisation)
    if request.method == "POST" and accepts:
        old = session.draft()
        if old is not None and old.report_id is None:
            draft_attachments_discard(draft_id=old.id)
        session.draft_save(
            Draft(
                id=crypto.random_bytes(16).hex(),
                sector_id=route.sector_id,
                route_id=route.pk,
                organisation_id=organisation.pk if organisation else None,
                content_key=crypto.random_bytes(),
                code=receipt_generate(),
            )
        )
        return HttpResponseRedirect(reverse("intake:step", args=[f.STEPS[0].slug]))
    return render(
        request,
        "intake/start.html",
        {
            "route": route,
            "organisation": organisation,
            "sector": route.sector,
            "accepts": accepts,
            "anonymous_allowed": f.anonymous_allowed(route),
        },
    )


# --- The questions ----------------------------------------------------------------------------


class _Context:
    """The draft and what it refers to, resolved at most once per request and only when a page
    needs it: most questions are answered without reading the route (one query fewer)."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    @cached_property
    def route(self) -> Route:
        # order_by(): the model's default ordering joins sector and organisation to sort one row.
        route = (
            Route.objects.select_related("sector", "organisation")
            .order_by()
            .filter(pk=self.draft.route_id)
            .first()
        )
        if route is None:
            raise Http404
        return route

    @property
    def organisations(self) -> list[Organisation]:
        if self.route.organisation is not None:
            return [self.route.organisation]
        organisations = list(organisations_active(sector=self.route.sector, on=today()))
        if self.route.handler_scope == HandlerScope.ORGANISATION:
            # Only where someone can read the report (the organisation has a handler): one
            # query for all of them.
            accepting = organisations_accepting_reports(
                route=self.route, organisations=organisations
            )
            organisations = [o for o in organisations if o.pk in accepting]
        return organisations

    def form_kwargs(self, step: f.Step) -> dict[str, Any]:
        if step.form_class is f.WhereForm:
            return {
                "organisations": self.organisations,
                "allow_unknown": f.organisation_unknown_allowed(self.route)
                and self.route.organisation is None,
            }
        if step.form_class is f.IdentityForm:
            return {"anonymous_allowed": f.anonymous_allowed(self.route)}
        if step.form_class is f.ContactForm:
            return {"name_required": self.draft.answers.get("identity") != f.Identity.ANONYMOUS}
        return {}

    def initial(self, step: f.Step) -> dict[str, Any]:
        answers = dict(self.draft.answers)
        if step.form_class is f.WhereForm:
            # The wizard's organisation preselects; "none" only once the person chose it.
            organisation_id = self.draft.organisation_id
            answered = "organisation" in answers
            answers["organisation"] = (
                str(organisation_id) if organisation_id else ("none" if answered else "")
            )
        return answers


def _no_draft(request: HttpRequest) -> HttpResponse:
    return _problem(
        request,
        _(
            "Er is geen melding in behandeling in deze browser. Misschien was u te lang weg, of "
            "is uw melding al verstuurd. Begin opnieuw via de wegwijzer."
        ),
        status=200,
    )


def _step_url(slug: str) -> str:
    return reverse("intake:step", args=[slug])


@reporter_view
def step_view(request: HttpRequest, session: ReporterSession, step: str) -> HttpResponse:
    draft = session.draft()
    if draft is None or draft.report_id is not None:
        return _no_draft(request)
    current = f.STEP_BY_SLUG.get(step)
    if current is None:
        raise Http404
    ctx = _Context(draft)
    index = f.STEPS.index(current)
    to_check = (
        request.GET.get("terug") == "controleren" or request.POST.get("terug") == "controleren"
    )
    if current.form_class is f.FileForm:
        return _files_step(request, session, ctx, _back_url(ctx, index))
    if request.method == "POST":
        form = current.form_class(request.POST, **ctx.form_kwargs(current))
        if form.is_valid():
            for name in current.fields:
                if name in form.cleaned_data:
                    draft.answers[name] = form.cleaned_data[name]
            if current.form_class is f.WhereForm:
                choice = form.cleaned_data["organisation"]
                draft.organisation_id = None if choice == "none" else int(choice)
                draft.answers["organisation"] = draft.organisation_id
            if (
                current.form_class is f.IdentityForm
                and draft.answers["identity"] == f.Identity.ANONYMOUS
            ):
                draft.answers.pop("name", None)
            session.draft_save(draft)
            if current.form_class is f.IdentityForm and not to_check:
                return HttpResponseRedirect(_step_url("gegevens"))
            if to_check and not (
                current.form_class is f.IdentityForm
                and draft.answers["identity"] != f.Identity.ANONYMOUS
                and not draft.answers.get("name")
            ):
                return HttpResponseRedirect(reverse("intake:check"))
            following = f.STEPS[index + 1].slug if index + 1 < len(f.STEPS) else None
            return HttpResponseRedirect(
                _step_url(following) if following else reverse("intake:check")
            )
    else:
        form = current.form_class(initial=ctx.initial(current), **ctx.form_kwargs(current))
    return render(
        request,
        "intake/step.html",
        {
            "form": form,
            "back_url": _back_url(ctx, index),
            "first_step": index == 0,
            "to_check": to_check,
            "question": form[next(iter(form.fields))].label,
        },
    )


def _back_url(ctx: _Context, index: int) -> str:
    """The previous question, or the route's start page before the first one."""
    if index:
        return _step_url(f.STEPS[index - 1].slug)
    return reverse("intake:start", args=[ctx.route.sector.slug, ctx.route.slug])


def _files_step(
    request: HttpRequest, session: ReporterSession, ctx: _Context, back_url: str
) -> HttpResponse:
    draft = ctx.draft
    token = submission_token_for(draft.id)
    form = f.FileForm()
    if request.method == "POST":
        if "remove" in request.POST:
            try:
                remove_id = int(request.POST["remove"])
            except ValueError:
                remove_id = 0
            attachment = Attachment.objects.filter(
                pk=remove_id, draft_token=token, report__isnull=True
            ).first()
            if attachment is not None:
                attachment.blob.delete(save=False)
                attachment.delete()
                draft.attachment_ids = [i for i in draft.attachment_ids if i != remove_id]
                session.draft_save(draft)
            return HttpResponseRedirect(_step_url("bestanden"))
        form = f.FileForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            if upload is None:
                return HttpResponseRedirect(reverse("intake:check"))
            if len(draft.attachment_ids) >= settings.ATTACHMENT_MAX_FILES:
                form.add_error(
                    "file",
                    _("U kunt hoogstens %(count)d bestanden meesturen.")
                    % {"count": settings.ATTACHMENT_MAX_FILES},
                )
            else:
                try:
                    clean = attachment_clean(upload)
                except AttachmentRejected as rejected:
                    form.add_error("file", rejected.message)
                else:
                    attachment = attachment_store(
                        content_key=draft.content_key,
                        clean=clean,
                        author_kind=Author.REPORTER,
                        draft_token=token,
                    )
                    draft.attachment_ids.append(attachment.pk)
                    session.draft_save(draft)
                    return HttpResponseRedirect(_step_url("bestanden"))
    return render(
        request,
        "intake/files.html",
        {
            "form": form,
            "back_url": back_url,
            "files": _draft_files(draft),
            "question": form["file"].label,
        },
    )


def _draft_files(draft: Draft) -> list[dict[str, Any]]:
    token = submission_token_for(draft.id)
    return [
        {"id": a.pk, **attachment_meta(attachment=a, content_key=draft.content_key)}
        for a in Attachment.objects.filter(pk__in=draft.attachment_ids, draft_token=token)
    ]


# --- Check and send ---------------------------------------------------------------------------


def _summary(ctx: _Context) -> list[dict[str, Any]]:
    answers = ctx.draft.answers
    not_given = _("Niet ingevuld")
    organisation = (
        Organisation.objects.filter(pk=ctx.draft.organisation_id).first()
        if ctx.draft.organisation_id
        else None
    )
    categories = [
        str(label) for value, label in f.Category.choices if value in answers.get("categories", [])
    ]
    rows = [
        ("onderwerp", _("Onderwerp"), ", ".join(categories) or not_given),
        ("wat", _("Wat er is gebeurd"), answers.get("what") or not_given),
        ("wanneer", _("Wanneer"), answers.get("when") or not_given),
        (
            "waar",
            _("Organisatie"),
            organisation.name if organisation else _("Zeg ik liever niet"),
        ),
        ("waar", _("Afdeling, programma of productie"), answers.get("where") or not_given),
        ("wens", _("Wat u wilt"), answers.get("wishes") or not_given),
        (
            "bekendheid",
            _("Wie mag het weten"),
            str(f.IDENTITY_LABELS.get(answers.get("identity", ""), not_given)),
        ),
    ]
    if answers.get("identity") != f.Identity.ANONYMOUS:
        rows.append(("gegevens", _("Uw naam"), answers.get("name") or not_given))
    rows += [
        ("gegevens", _("Hoe we u bereiken"), answers.get("contact") or not_given),
        ("gegevens", _("E-mailadres voor nieuws"), answers.get("email") or not_given),
        ("over-wie", _("Over wie"), answers.get("accused") or not_given),
    ]
    files = ", ".join(str(item.get("name", "")) for item in _draft_files(ctx.draft))
    rows.append(("bestanden", _("Bestanden"), files or not_given))
    return [
        {"label": label, "value": value, "change_url": _step_url(slug) + "?terug=controleren"}
        for slug, label, value in rows
    ]


def _missing_step(draft: Draft) -> str | None:
    """The first question that must still be answered."""
    answers = draft.answers
    if not answers.get("categories"):
        return "onderwerp"
    if not answers.get("what"):
        return "wat"
    if "organisation" not in answers:
        return "waar"
    if not answers.get("identity"):
        return "bekendheid"
    if answers["identity"] != f.Identity.ANONYMOUS and not answers.get("name"):
        return "gegevens"
    return None


@reporter_view
def check_view(request: HttpRequest, session: ReporterSession) -> HttpResponse:
    draft = session.draft()
    if draft is None:
        return _no_draft(request)
    if draft.report_id is not None:  # sent already (double click, reload): show the receipt
        return HttpResponseRedirect(reverse("intake:receipt"))
    missing = _missing_step(draft)
    if missing is not None:
        return HttpResponseRedirect(_step_url(missing))
    ctx = _Context(draft)
    error = ""
    if request.method == "POST":
        report = Report.objects.filter(submission_token=submission_token_for(draft.id)).first()
        if report is None:
            if session.submissions_recent() >= settings.INTAKE_SUBMISSIONS_PER_SESSION_PER_HOUR or (
                _over_budget("submit", settings.INTAKE_SUBMISSIONS_PER_MINUTE)
            ):
                error = _(
                    "Er komen nu te veel meldingen tegelijk binnen. Uw antwoorden blijven "
                    "bewaard. Probeer het over een paar minuten opnieuw."
                )
            else:
                try:
                    report = _submit(draft, ctx.route, session)
                except NoHandlers:
                    error = _(
                        "Op deze route kan nu niemand uw melding lezen. Uw antwoorden blijven "
                        "bewaard. Probeer het later opnieuw of kies een andere route."
                    )
        if report is not None:
            draft.report_id = report.pk
            session.draft_save(draft)
            return HttpResponseRedirect(reverse("intake:receipt"))
    return render(
        request,
        "intake/check.html",
        {"rows": _summary(ctx), "route": ctx.route, "error": error, "problem": bool(error)},
        status=429 if error else 200,
    )


def _submit(draft: Draft, route: Route, session: ReporterSession) -> Report:
    answers = draft.answers
    organisation = (
        Organisation.objects.filter(pk=draft.organisation_id).first()
        if draft.organisation_id
        else None
    )
    content = {
        key: answers.get(key, "")
        for key in (
            "what",
            "when",
            "where",
            "wishes",
            "identity",
            "name",
            "contact",
            "email",
            "accused",
        )
        if answers.get(key)
    }
    for _attempt in range(3):
        try:
            report = report_submit(
                submission=Submission(
                    draft_id=draft.id,
                    content_key=draft.content_key,
                    code=draft.code,
                    route=route,
                    organisation=organisation,
                    categories=list(answers.get("categories", [])),
                    content=content,
                )
            )
        except IntegrityError:
            draft.code = receipt_generate()  # lookup collision: not shown yet, so draw again
            session.draft_save(draft)
            continue
        session.submission_count()
        return report
    raise NoHandlers  # pragma: no cover - three 40-bit collisions in a row


@reporter_view
def receipt_view(request: HttpRequest, session: ReporterSession) -> HttpResponse:
    draft = session.draft()
    if request.method == "POST":  # "I have written it down": forget the code in this browser
        session.draft_clear()
        return HttpResponseRedirect(reverse("intake:login"))
    if draft is None or draft.report_id is None:
        return _no_draft(request)
    report = Report.objects.filter(
        pk=draft.report_id, submission_token=submission_token_for(draft.id)
    ).first()
    if report is None:  # never committed: no receipt
        return _no_draft(request)
    return render(request, "intake/receipt.html", {"code": draft.code.text, "report": report})


# --- The inbox --------------------------------------------------------------------------------


@reporter_view
def login_view(request: HttpRequest, session: ReporterSession) -> HttpResponse:
    form = f.CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = receipt_parse(form.cleaned_data["code"])
        name = f"receipt:{code.lookup if code else '-'}"
        if _over_budget("receipt-login", settings.RECEIPT_LOGINS_PER_MINUTE) or login_blocked_until(
            username=name
        ):
            form.add_error(
                "code",
                _(
                    "Er is te vaak een verkeerde code geprobeerd. Wacht een kwartier en probeer het opnieuw."
                ),
            )
        else:
            access = receipt_open(code=code)
            if access is None or code is None:
                login_failure_record(username=name)
                form.add_error(
                    "code",
                    _(
                        "Deze code klopt niet. Kijk of u hem goed heeft overgenomen: 24 tekens, "
                        "letters en cijfers."
                    ),
                )
            else:
                login_success_record(username=name)
                session.inbox_open(Inbox(access.report.pk, access.content_key, code))
                return HttpResponseRedirect(reverse("intake:inbox"))
    return render(request, "intake/login.html", {"form": form})


@reporter_view
def inbox_view(request: HttpRequest, session: ReporterSession) -> HttpResponse:
    inbox = session.inbox()
    if inbox is None:
        return HttpResponseRedirect(reverse("intake:login"))
    report = (
        Report.objects.select_related("route", "organisation").filter(pk=inbox.report_id).first()
    )
    if report is None:
        session.inbox_close()
        return HttpResponseRedirect(reverse("intake:login"))
    form = f.MessageForm()
    if request.method == "POST":
        form = f.MessageForm(request.POST, request.FILES)
        if form.is_valid():
            text = form.cleaned_data["text"]
            files = []
            if receipt_mentioned_in(text, inbox.code):
                form.add_error("text", _("Stuur uw code niet mee."))
            upload = form.cleaned_data.get("file")
            if upload is not None and not form.errors:
                try:
                    files.append(attachment_clean(upload))
                except AttachmentRejected as rejected:
                    form.add_error("file", rejected.message)
            if not form.errors:
                message_post(
                    report=report,
                    content_key=inbox.content_key,
                    text=text,
                    author=None,
                    files=files,
                )
                return HttpResponseRedirect(reverse("intake:inbox") + "#berichten")
    report_keys_share(report=report, content_key=inbox.content_key)
    content = content_decrypt(content_key=inbox.content_key, ciphertext=report.content)
    shown_files = _inbox_files(report, inbox.content_key)
    return render(
        request,
        "intake/inbox.html",
        {
            "report": report,
            "content": content,
            "report_files": shown_files.get(None, []),
            "dialogue": [
                (shown, shown_files.get(shown.message.pk, []))
                for shown in messages_read(report=report, content_key=inbox.content_key)
            ],
            "form": form,
        },
    )


@dataclass(frozen=True)
class InboxFile:
    pk: int
    name: str
    size: int


def _inbox_files(report: Report, content_key: bytes) -> dict[int | None, list[InboxFile]]:
    """The report's files with their decrypted names, by message (None: sent with the report)."""
    files: dict[int | None, list[InboxFile]] = {}
    for attachment in Attachment.objects.filter(report=report):
        meta = attachment_meta(attachment=attachment, content_key=content_key)
        files.setdefault(attachment.message_id, []).append(
            InboxFile(
                pk=attachment.pk,
                name=str(meta.get("name") or _("bestand")),
                size=int(meta.get("size") or 0),
            )
        )
    return files


@reporter_get_view
def inbox_file_view(
    request: HttpRequest, session: ReporterSession, attachment_id: int
) -> HttpResponse:
    """Download one file of the open inbox's report (a handler's, or the reporter's own).

    Looked up by its id and the inbox's report: another report's file is the same 404 as a
    missing one. Not an audit event (reporter actions are not; see ARCHITECTURE.md)."""
    inbox = session.inbox()
    if inbox is None:
        return HttpResponseRedirect(reverse("intake:login"))
    attachment = Attachment.objects.filter(pk=attachment_id, report_id=inbox.report_id).first()
    if attachment is None:
        raise Http404
    opened = attachment_open(attachment=attachment, content_key=inbox.content_key)
    return attachment_download(opened)


@login_not_required
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    ReporterSession(request).inbox_close()
    request.session.flush()
    response = HttpResponseRedirect(reverse("intake:login"))
    response.delete_cookie(settings.REPORTER_COOKIE_NAME, samesite="Strict")
    return response
