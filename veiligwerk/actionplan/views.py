"""Staff pages of the action-plan monitor (/staff/plan/): plans and periods, an owner's theme
update, the coordinator's review and publication, the accountability report (HTML and PDF),
an action's history and the contract check.

Every id passes through ``security/access.py``; owners reach only their own themes, regulators
and supervisory boards only published periods.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veiligwerk.accounts.http import StaffRequest
from veiligwerk.actionplan.contracts import (
    ContractImportError,
    ContractRule,
    contracts_check,
    contracts_parse,
    contracts_summary,
)
from veiligwerk.actionplan.forms import (
    ActionForm,
    ContractCheckForm,
    PeriodForm,
    PlanForm,
    PublishForm,
    ReviewForm,
    ThemeForm,
    ThemeUpdateForm,
)
from veiligwerk.actionplan.models import ThemeUpdate, UpdateState
from veiligwerk.actionplan.report import (
    Audience,
    PlanReport,
    report_build,
    report_html,
    report_pdf,
)
from veiligwerk.actionplan.selectors import (
    action_history,
    drafts_visible,
    organisations_planning,
    owners_acted_for,
    periods_visible,
    plan_managed_by,
    plans_visible,
    theme_owned_by,
)
from veiligwerk.actionplan.services import (
    EDITABLE,
    action_add,
    period_open,
    period_publish,
    plan_create,
    theme_add,
    theme_update_get_or_start,
    theme_update_review,
    theme_update_save,
    theme_update_submit,
)
from veiligwerk.security.access import (
    access_action,
    access_period,
    access_period_for_manager,
    access_plan,
    access_plan_for_manager,
    access_theme_for_owner,
)
from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.tenancy.models import Role
from veiligwerk.tenancy.selectors import memberships_of


@require_GET
def plan_list_view(request: StaffRequest) -> HttpResponse:
    plans = list(plans_visible(user=request.user))
    rows = [(plan, list(periods_visible(user=request.user, plan=plan))) for plan in plans]
    return render(
        request,
        "actionplan/plan_list.html",
        {
            "rows": rows,
            "can_check_contracts": _may_check_contracts(request),
            "can_start_plan": organisations_planning(user=request.user).exists(),
        },
    )


@require_http_methods(["GET", "POST"])
def plan_create_view(request: StaffRequest) -> HttpResponse:
    """An organisation's own plan, started by its board or HR."""
    organisations = organisations_planning(user=request.user)
    if not organisations.exists():
        raise Http404("Not found")
    form = PlanForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        plan = plan_create(
            organisation=form.cleaned_data["organisation"],
            title=form.cleaned_data["title"],
            shared_with_regulator=form.cleaned_data["shared_with_regulator"],
            by=request.user,
        )
        messages.success(request, _("Het plan is aangemaakt. Voeg nu thema's en acties toe."))
        return redirect("plan:detail", plan_id=plan.pk)
    return render(request, "actionplan/plan_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def theme_add_view(request: StaffRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_for_manager(user=request.user, plan_id=plan_id)
    form = ThemeForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        theme_add(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("Het thema is toegevoegd."))
        return redirect("plan:detail", plan_id=plan.pk)
    return render(request, "actionplan/theme_form.html", {"form": form, "plan": plan})


@require_http_methods(["GET", "POST"])
def action_add_view(request: StaffRequest, plan_id: int, letter: str) -> HttpResponse:
    plan = access_plan_for_manager(user=request.user, plan_id=plan_id)
    theme = plan.themes.filter(letter=letter).first()
    if theme is None:
        raise Http404("Not found")
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action_add(theme=theme, title=form.cleaned_data["title"], by=request.user)
        messages.success(request, _("De actie is toegevoegd."))
        return redirect("plan:detail", plan_id=plan.pk)
    return render(
        request, "actionplan/action_form.html", {"form": form, "plan": plan, "theme": theme}
    )


@require_http_methods(["GET", "POST"])
def plan_detail_view(request: StaffRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(user=request.user, plan_id=plan_id)
    manages = plan_managed_by(user=request.user, plan=plan)
    form = PeriodForm(request.POST or None) if manages else None
    if request.method == "POST":
        plan = access_plan_for_manager(user=request.user, plan_id=plan_id)
        assert form is not None
        if form.is_valid():
            try:
                period = period_open(
                    plan=plan,
                    label=form.cleaned_data["label"],
                    deadline=form.cleaned_data["deadline"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De periode is geopend."))
                return redirect("plan:period", period_id=period.pk)
    themes = plan.themes.prefetch_related("owner_links__owner", "actions").order_by("letter")
    return render(
        request,
        "actionplan/plan_detail.html",
        {
            "plan": plan,
            "periods": periods_visible(user=request.user, plan=plan),
            "themes": themes,
            "form": form,
            "manages": manages,
        },
    )


@require_GET
def period_view(request: StaffRequest, period_id: int) -> HttpResponse:
    period = access_period(user=request.user, period_id=period_id)
    plan = period.plan
    is_coordinator = plan_managed_by(user=request.user, plan=plan)
    owned = set(owners_acted_for(user=request.user).values_list("pk", flat=True))
    updates = {u.theme_id: u for u in ThemeUpdate.objects.filter(period=period)}
    rows = []
    for theme in plan.themes.prefetch_related("owner_links__owner").order_by("letter"):
        update = updates.get(theme.pk)
        can_edit = not period.is_published and (
            is_coordinator or any(o.pk in owned for o in theme.owners_in_order)
        )
        rows.append((theme, update, can_edit))
    approved = sum(1 for u in updates.values() if u.state == UpdateState.APPROVED)
    return render(
        request,
        "actionplan/period.html",
        {
            "period": period,
            "plan": plan,
            "rows": rows,
            "is_coordinator": is_coordinator,
            "can_publish": is_coordinator and not period.is_published,
            "approved": approved,
            "theme_count": len(rows),
            "publish_form": PublishForm() if is_coordinator and not period.is_published else None,
            "audiences": Audience.choices,
            "shows_drafts": drafts_visible(user=request.user, plan=plan),
        },
    )


@require_http_methods(["GET", "POST"])
def theme_update_view(request: StaffRequest, period_id: int, letter: str) -> HttpResponse:
    period, theme = access_theme_for_owner(user=request.user, period_id=period_id, letter=letter)
    update = theme_update_get_or_start(period=period, theme=theme)
    action_updates = list(update.action_updates.select_related("action"))
    editable = update.state in EDITABLE
    initial = {"bullets": "\n".join(update.bullets), "planning": update.planning}
    form = ThemeUpdateForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        action_updates=action_updates,
    )
    if request.method == "POST" and editable and form.is_valid():
        try:
            theme_update_save(
                update=update,
                by=request.user,
                bullets=form.cleaned_data["bullets"],
                planning=form.cleaned_data["planning"],
                actions=form.action_changes(),
            )
            if "submit" in request.POST:
                theme_update_submit(update=update, by=request.user)
                messages.success(request, _("De update is ingediend ter beoordeling."))
                return redirect("plan:period", period_id=period.pk)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het concept is opgeslagen."))
            return redirect("plan:theme_update", period_id=period.pk, letter=theme.letter)
    is_coordinator = plan_managed_by(user=request.user, plan=period.plan)
    review_form = ReviewForm() if is_coordinator and update.state == UpdateState.SUBMITTED else None
    return render(
        request,
        "actionplan/theme_update.html",
        {
            "period": period,
            "theme": theme,
            "update": update,
            "form": form,
            "editable": editable,
            "review_form": review_form,
        },
    )


@require_POST
def theme_review_view(request: StaffRequest, period_id: int, letter: str) -> HttpResponse:
    period = access_period_for_manager(user=request.user, period_id=period_id)
    _period, theme = access_theme_for_owner(user=request.user, period_id=period.pk, letter=letter)
    update = ThemeUpdate.objects.filter(period=period, theme=theme).first()
    if update is None:
        raise Http404("Not found")
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            theme_update_review(
                update=update,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Thema %(letter)s is goedgekeurd.") % {"letter": theme.letter}
                if form.cleaned_data["decision"] == "approve"
                else _("Thema %(letter)s is teruggestuurd.") % {"letter": theme.letter},
            )
            return redirect("plan:period", period_id=period.pk)
    return render(
        request,
        "actionplan/theme_update.html",
        {
            "period": period,
            "theme": theme,
            "update": update,
            # the review form's errors fill the error summary and the page title
            "form": form,
            "editable": False,
            "review_form": form,
        },
        status=200,
    )


@require_POST
def period_publish_view(request: StaffRequest, period_id: int) -> HttpResponse:
    period = access_period_for_manager(user=request.user, period_id=period_id)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            period_publish(period=period, by=request.user, summary=form.cleaned_data["summary"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De periode is gepubliceerd."))
    return redirect("plan:period", period_id=period.pk)


def _report_for(request: StaffRequest, period_id: int, audience: str) -> PlanReport:
    period = access_period(user=request.user, period_id=period_id)
    if audience not in Audience.values:
        raise Http404("Not found")
    return report_build(period=period, audience=audience)


@require_GET
def report_view(request: StaffRequest, period_id: int, audience: str) -> HttpResponse:
    report = _report_for(request, period_id, audience)
    return render(request, "actionplan/report.html", {"report": report})


@require_GET
def report_pdf_view(request: StaffRequest, period_id: int, audience: str) -> HttpResponse:
    report = _report_for(request, period_id, audience)
    pdf = report_pdf(report=report)
    name = f"statusupdate-{slugify(report.period.label)}-{audience}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response


@require_GET
def report_html_download_view(request: StaffRequest, period_id: int, audience: str) -> HttpResponse:
    """The report as one self-contained HTML file (the same document the PDF is made from)."""
    report = _report_for(request, period_id, audience)
    response = HttpResponse(report_html(report=report, for_pdf=True), content_type="text/html")
    name = f"statusupdate-{slugify(report.period.label)}-{audience}.html"
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response


@require_GET
def action_history_view(request: StaffRequest, action_id: int) -> HttpResponse:
    action = access_action(user=request.user, action_id=action_id)
    plan = action.theme.plan
    history = action_history(
        action=action, published_only=not drafts_visible(user=request.user, plan=plan)
    )
    return render(
        request,
        "actionplan/action_history.html",
        {
            "action": action,
            "history": history,
            "may_edit": theme_owned_by(user=request.user, theme=action.theme),
        },
    )


CONTRACT_ROLES = frozenset({Role.HR, Role.BOARD, Role.SECTOR_COORDINATOR})


def _may_check_contracts(request: StaffRequest) -> bool:
    return memberships_of(user=request.user).filter(role__in=list(CONTRACT_ROLES)).exists()


@require_http_methods(["GET", "POST"])
def contract_check_view(request: StaffRequest) -> HttpResponse:
    """Upload a CSV of temporary contracts and see who is over the limit. Nothing is stored:
    the file is read in memory, the result shown once; only the counts go into the audit log."""
    if not _may_check_contracts(request):
        raise Http404("Not found")
    form = ContractCheckForm(request.POST or None, request.FILES or None)
    result: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        rule = ContractRule(
            max_contracts=form.cleaned_data["max_contracts"],
            window_months=form.cleaned_data["window_months"],
            reset_gap_months=form.cleaned_data["reset_gap_months"],
        )
        try:
            contracts = contracts_parse(upload.read())
        except ContractImportError as error:
            form.add_error("file", _("Het bestand is niet ingelezen. Verbeter deze regels:"))
            result = {"errors": error.errors}
        else:
            flags = contracts_check(contracts, rule)
            summary = contracts_summary(contracts, rule)
            audit_record(
                action=AuditAction.PLAN_CONTRACTS_CHECKED,
                actor=request.user,
                object_type="contract_check",
                data={k: v for k, v in summary.items() if isinstance(v, int)},
            )
            result = {"flags": flags, "summary": summary, "rule": rule}
    response = render(request, "actionplan/contract_check.html", {"form": form, "result": result})
    response["Cache-Control"] = "no-store"
    return response
