"""The wizard editor (staff): draft, check and publish a sector's questions and rules.

Only the sector's coordinator and platform admins get here (``security/access.py``); everyone
else gets the same 404. Every change goes to the sector's one draft; people keep seeing the
newest published version until the draft is published, and published versions never change.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veiligwerk.accounts.http import StaffRequest
from veiligwerk.common.time import today
from veiligwerk.routes.editor_display import publish_refusal, report_view, rule_set_view
from veiligwerk.routes.editor_forms import (
    AnswerFormSet,
    ConfirmForm,
    MoveForm,
    QuestionForm,
    RuleForm,
    answers_initial,
    question_initial,
    rule_initial,
)
from veiligwerk.routes.evaluator import Question, Rule, RuleSet
from veiligwerk.routes.models import RuleSetVersion
from veiligwerk.routes.selectors import routes_for, rule_set_draft, rule_set_of, rule_set_versions
from veiligwerk.routes.services import (
    PublishRefused,
    rule_set_draft_start,
    rule_set_publish,
    rule_set_question_delete,
    rule_set_question_move,
    rule_set_question_save,
    rule_set_rule_delete,
    rule_set_rule_save,
    rule_set_validate,
)
from veiligwerk.routes.validator import ValidationReport
from veiligwerk.security.access import (
    access_rule_editor_sectors,
    access_rule_set_version,
    access_sector_for_rules,
)
from veiligwerk.tenancy.models import Sector

# --- Helpers --------------------------------------------------------------------------------


def _data(request: StaffRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _to_draft(sector: Sector, anchor: str = "") -> HttpResponse:
    url = reverse("routes_editor:draft", kwargs={"sector_id": sector.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


def _no_draft(request: StaffRequest, sector: Sector) -> HttpResponse:
    messages.info(request, _("Er is geen concept. Start eerst een concept."))
    return redirect("routes_editor:overview", sector_id=sector.pk)


def _question(rule_set: RuleSet, key: str | None) -> tuple[Question | None, int]:
    """The question with this key and its position; a new question goes at the end."""
    if key is None:
        return None, len(rule_set.questions)
    for position, question in enumerate(rule_set.questions):
        if question.key == key:
            return question, position
    raise Http404("Not found")


def _rule(rule_set: RuleSet, key: str | None) -> Rule | None:
    if key is None:
        return None
    rule = next((r for r in rule_set.rules if r.key == key), None)
    if rule is None:
        raise Http404("Not found")
    return rule


def _overview_context(
    sector: Sector, form: ConfirmForm, report: ValidationReport | None = None
) -> dict[str, Any]:
    versions = rule_set_versions(sector=sector)
    draft = next((v for v in versions if v.state == RuleSetVersion.State.DRAFT), None)
    published = next((v for v in versions if v.state == RuleSetVersion.State.PUBLISHED), None)
    context: dict[str, Any] = {
        "sector": sector,
        "versions": versions,
        "draft": draft,
        "published": published,
        "form": form,
        "checked_on": today(),
    }
    if draft is not None:
        report = report or rule_set_validate(version=draft)
        context["report"] = report_view(report, rule_set_of(draft), routes_for(sector=sector))
    return context


def _draft_context(
    sector: Sector, draft: RuleSetVersion, form: MoveForm | None = None
) -> dict[str, Any]:
    return {
        "sector": sector,
        "draft": draft,
        "view": rule_set_view(rule_set_of(draft), routes_for(sector=sector)),
        "form": form,
    }


# --- Sectors, overview, versions, publishing -------------------------------------------------


@require_GET
def sector_list_view(request: StaffRequest) -> HttpResponse:
    sectors = access_rule_editor_sectors(user=request.user)
    return render(request, "routes/editor/sector_list.html", {"sectors": sectors})


@require_GET
def overview_view(request: StaffRequest, sector_id: int) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    return render(request, "routes/editor/overview.html", _overview_context(sector, ConfirmForm()))


@require_GET
def version_view(request: StaffRequest, sector_id: int, number: int) -> HttpResponse:
    version = access_rule_set_version(user=request.user, sector_id=sector_id, number=number)
    sector = version.sector
    return render(
        request,
        "routes/editor/version.html",
        {
            "sector": sector,
            "version": version,
            "view": rule_set_view(rule_set_of(version), routes_for(sector=sector)),
        },
    )


@require_POST
def draft_start_view(request: StaffRequest, sector_id: int) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft_start(sector=sector, by=request.user)
    messages.success(
        request,
        _("U werkt nu in het concept, versie %(number)d. Melders zien het pas na publiceren.")
        % {"number": draft.number},
    )
    return _to_draft(sector)


@require_POST
def publish_view(request: StaffRequest, sector_id: int) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        messages.info(request, _("Er is geen concept om te publiceren."))
        return redirect("routes_editor:overview", sector_id=sector.pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        rule_set_publish(draft=draft, by=request.user)
    except PublishRefused as refused:
        form.add_error(None, publish_refusal(refused.report))
        return render(
            request, "routes/editor/overview.html", _overview_context(sector, form, refused.report)
        )
    except ValidationError as error:  # someone else published it a moment ago
        messages.info(request, " ".join(error.messages))
        return redirect("routes_editor:overview", sector_id=sector.pk)
    messages.success(
        request,
        _("Versie %(number)d is gepubliceerd. Melders zien nu deze versie.")
        % {"number": draft.number},
    )
    return redirect("routes_editor:overview", sector_id=sector.pk)


# --- The draft: questions --------------------------------------------------------------------


@require_GET
def draft_view(request: StaffRequest, sector_id: int) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        return _no_draft(request, sector)
    return render(request, "routes/editor/draft.html", _draft_context(sector, draft))


@require_http_methods(["GET", "POST"])
def question_edit_view(
    request: StaffRequest, sector_id: int, question_key: str | None = None
) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        return _no_draft(request, sector)
    rule_set = rule_set_of(draft)
    question, position = _question(rule_set, question_key)
    form = QuestionForm(
        _data(request),
        initial=question_initial(question) if question else None,
        earlier_questions=rule_set.questions[:position],
        other_keys={q.key for q in rule_set.questions if q is not question},
    )
    formset = AnswerFormSet(_data(request), initial=answers_initial(question), prefix="answers")
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        try:
            rule_set_question_save(
                draft=draft,
                original_key=question_key,
                question=form.question(formset.answers()),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vraag is opgeslagen in het concept."))
            return _to_draft(sector, f"question-{form.cleaned_data['key']}")
    return render(
        request,
        "routes/editor/question_form.html",
        {"sector": sector, "draft": draft, "question": question, "form": form, "formset": formset},
    )


@require_POST
def question_move_view(request: StaffRequest, sector_id: int, question_key: str) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        return _no_draft(request, sector)
    _question(rule_set_of(draft), question_key)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            rule_set_question_move(
                draft=draft, key=question_key, offset=form.offset, by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vraag is verplaatst."))
            return _to_draft(sector, f"question-{question_key}")
    return render(request, "routes/editor/draft.html", _draft_context(sector, draft, form))


@require_http_methods(["GET", "POST"])
def question_delete_view(request: StaffRequest, sector_id: int, question_key: str) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        return _no_draft(request, sector)
    question, _position = _question(rule_set_of(draft), question_key)
    form = ConfirmForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            rule_set_question_delete(draft=draft, key=question_key, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vraag is uit het concept gehaald."))
            return _to_draft(sector)
    return render(
        request,
        "routes/editor/delete.html",
        {"sector": sector, "draft": draft, "question": question, "form": form},
    )


# --- The draft: rules ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def rule_edit_view(
    request: StaffRequest, sector_id: int, rule_key: str | None = None
) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        return _no_draft(request, sector)
    rule_set = rule_set_of(draft)
    rule = _rule(rule_set, rule_key)
    form = RuleForm(
        _data(request),
        initial=rule_initial(rule) if rule else None,
        questions=rule_set.questions,
        routes=routes_for(sector=sector),
        other_keys={r.key for r in rule_set.rules if r is not rule},
    )
    if request.method == "POST" and form.is_valid():
        try:
            rule_set_rule_save(
                draft=draft, original_key=rule_key, rule=form.rule(), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De regel is opgeslagen in het concept."))
            return _to_draft(sector, f"rule-{form.cleaned_data['key']}")
    return render(
        request,
        "routes/editor/rule_form.html",
        {"sector": sector, "draft": draft, "rule": rule, "form": form},
    )


@require_http_methods(["GET", "POST"])
def rule_delete_view(request: StaffRequest, sector_id: int, rule_key: str) -> HttpResponse:
    sector = access_sector_for_rules(user=request.user, sector_id=sector_id)
    draft = rule_set_draft(sector=sector)
    if draft is None:
        return _no_draft(request, sector)
    rule = _rule(rule_set_of(draft), rule_key)
    form = ConfirmForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            rule_set_rule_delete(draft=draft, key=rule_key, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De regel is uit het concept gehaald."))
            return _to_draft(sector)
    return render(
        request,
        "routes/editor/delete.html",
        {"sector": sector, "draft": draft, "rule": rule, "form": form},
    )
