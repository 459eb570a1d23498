"""Staff pages of the indicators (/staff/indicatoren/): an overview, and per indicator a table
with (for those allowed) a form to add a row, and editing and deleting one row.

Every id passes through ``indicators/access.py``; HR and board members change their own
organisation's rows, the sector coordinator the sector-wide ones; the coordinator and the
regulator read the whole sector, a supervisory board its own organisation.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veiligwerk.accounts.http import StaffRequest
from veiligwerk.actionplan.terms import TermState
from veiligwerk.common.time import today
from veiligwerk.indicators.access import (
    access_board_appointment_for_editor,
    access_diversity_figure_for_editor,
    access_indicators,
    access_survey_score_for_editor,
)
from veiligwerk.indicators.forms import (
    BoardAppointmentForm,
    DiversityFigureForm,
    SurveyScoreForm,
    Target,
    places_for,
)
from veiligwerk.indicators.selectors import (
    Scope,
    appointment_status,
    board_appointments_visible,
    diversity_figures_visible,
    organisations_editable,
    survey_scores_visible,
    survey_table,
)
from veiligwerk.indicators.services import (
    board_appointment_save,
    diversity_figure_save,
    indicator_delete,
    survey_score_save,
)
from veiligwerk.tenancy.models import Sector

STATE_LABELS = {
    TermState.OK: gettext_lazy("in orde"),
    TermState.ENDING_SOON: gettext_lazy("termijn loopt af"),
    TermState.FINAL_TERM_ENDING: gettext_lazy("laatste termijn loopt af"),
    TermState.OVER_LIMIT: gettext_lazy("maximum overschreden"),
}
STATE_CLASSES = {
    TermState.OK: "status-ok",
    TermState.ENDING_SOON: "status-warning",
    TermState.FINAL_TERM_ENDING: "status-warning",
    TermState.OVER_LIMIT: "status-error",
}


def _target(form: SurveyScoreForm | DiversityFigureForm | BoardAppointmentForm) -> Target:
    target = form.target()
    if target is None:  # the choice field only offers places the person edits
        raise Http404("Not found")
    return target


AddForm = TypeVar("AddForm", SurveyScoreForm, DiversityFigureForm, BoardAppointmentForm)


def _add_form(
    request: StaffRequest, form_class: type[AddForm], places: list[tuple[str, str, Target]]
) -> AddForm | None:
    """The "add a row" form, for those who may add somewhere; a POST from anyone else is 404."""
    if not places:
        if request.method == "POST":
            raise Http404("Not found")
        return None
    return form_class(request.POST if request.method == "POST" else None, places=places)


@require_GET
def overview_view(request: StaffRequest) -> HttpResponse:
    scope = access_indicators(user=request.user)
    return render(request, "indicators/overview.html", {"may_edit": scope.may_edit})


# --- Employee-survey scores ------------------------------------------------------------------


def _survey_places(scope: Scope) -> list[tuple[str, str, Target]]:
    return places_for(scope=scope, organisations=list(organisations_editable(scope=scope)))


@require_http_methods(["GET", "POST"])
def survey_view(request: StaffRequest) -> HttpResponse:
    scope = access_indicators(user=request.user)
    places = _survey_places(scope)
    form = _add_form(request, SurveyScoreForm, places)
    if request.method == "POST" and form is not None and form.is_valid():
        sector_id, organisation_id = _target(form)
        assert organisation_id is not None
        survey_score_save(
            by=request.user,
            score=None,
            sector_id=sector_id,
            organisation_id=organisation_id,
            **form.values(),
        )
        messages.success(request, _("De score is opgeslagen."))
        return redirect("indicators:survey")
    years, rows = survey_table(scores=list(survey_scores_visible(scope=scope)))
    return render(
        request,
        "indicators/survey.html",
        {
            "years": years,
            "rows": rows,
            "form": form,
            "editable": scope.organisations_edit,
        },
    )


@require_http_methods(["GET", "POST"])
def survey_edit_view(request: StaffRequest, score_id: int) -> HttpResponse:
    score = access_survey_score_for_editor(user=request.user, score_id=score_id)
    form = SurveyScoreForm(
        request.POST or None,
        instance=score,
        initial={
            "year": score.year,
            "score": score.score,
            "response_rate": score.response_rate,
            "note": score.note,
        },
    )
    if request.method == "POST" and form.is_valid():
        survey_score_save(
            by=request.user,
            score=score,
            sector_id=score.sector_id,
            organisation_id=score.organisation_id,
            **form.values(),
        )
        messages.success(request, _("De score is opgeslagen."))
        return redirect("indicators:survey")
    return render(
        request,
        "indicators/edit.html",
        {
            "form": form,
            "title": _("Score medewerkersonderzoek wijzigen"),
            "subject": score.organisation.name,
            "back_url": "indicators:survey",
            "delete_url": "indicators:survey_delete",
            "object_id": score.pk,
        },
    )


@require_POST
def survey_delete_view(request: StaffRequest, score_id: int) -> HttpResponse:
    score = access_survey_score_for_editor(user=request.user, score_id=score_id)
    indicator_delete(by=request.user, row=score)
    messages.success(request, _("De score is verwijderd."))
    return redirect("indicators:survey")


# --- Diversity and inclusion -----------------------------------------------------------------


def _diversity_places(scope: Scope) -> list[tuple[str, str, Target]]:
    return places_for(
        scope=scope,
        organisations=list(organisations_editable(scope=scope)),
        sectors=list(Sector.objects.filter(pk__in=scope.sectors_edit).order_by("name")),
    )


@require_http_methods(["GET", "POST"])
def diversity_view(request: StaffRequest) -> HttpResponse:
    scope = access_indicators(user=request.user)
    places = _diversity_places(scope)
    form = _add_form(request, DiversityFigureForm, places)
    if request.method == "POST" and form is not None and form.is_valid():
        sector_id, organisation_id = _target(form)
        diversity_figure_save(
            by=request.user,
            figure=None,
            sector_id=sector_id,
            organisation_id=organisation_id,
            **form.values(),
        )
        messages.success(request, _("Het cijfer is opgeslagen."))
        return redirect("indicators:diversity")
    figures = list(diversity_figures_visible(scope=scope))
    rows = [
        (figure, scope.edits(sector_id=figure.sector_id, organisation_id=figure.organisation_id))
        for figure in figures
    ]
    return render(request, "indicators/diversity.html", {"rows": rows, "form": form})


@require_http_methods(["GET", "POST"])
def diversity_edit_view(request: StaffRequest, figure_id: int) -> HttpResponse:
    figure = access_diversity_figure_for_editor(user=request.user, figure_id=figure_id)
    form = DiversityFigureForm(
        request.POST or None,
        instance=figure,
        initial={
            "year": figure.year,
            "dimension": figure.dimension,
            "target_percent": figure.target_percent,
            "actual_percent": figure.actual_percent,
        },
    )
    if request.method == "POST" and form.is_valid():
        diversity_figure_save(
            by=request.user,
            figure=figure,
            sector_id=figure.sector_id,
            organisation_id=figure.organisation_id,
            **form.values(),
        )
        messages.success(request, _("Het cijfer is opgeslagen."))
        return redirect("indicators:diversity")
    subject = (
        figure.organisation.name
        if figure.organisation
        else _("Hele sector: %(sector)s") % {"sector": figure.sector.name}
    )
    return render(
        request,
        "indicators/edit.html",
        {
            "form": form,
            "title": _("Diversiteitscijfer wijzigen"),
            "subject": subject,
            "back_url": "indicators:diversity",
            "delete_url": "indicators:diversity_delete",
            "object_id": figure.pk,
        },
    )


@require_POST
def diversity_delete_view(request: StaffRequest, figure_id: int) -> HttpResponse:
    figure = access_diversity_figure_for_editor(user=request.user, figure_id=figure_id)
    indicator_delete(by=request.user, row=figure)
    messages.success(request, _("Het cijfer is verwijderd."))
    return redirect("indicators:diversity")


# --- Board and director terms ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def terms_view(request: StaffRequest) -> HttpResponse:
    scope = access_indicators(user=request.user)
    places = _survey_places(scope)
    form = _add_form(request, BoardAppointmentForm, places)
    if request.method == "POST" and form is not None and form.is_valid():
        sector_id, organisation_id = _target(form)
        assert organisation_id is not None
        board_appointment_save(
            by=request.user,
            appointment=None,
            sector_id=sector_id,
            organisation_id=organisation_id,
            **form.values(),
        )
        messages.success(request, _("De benoeming is opgeslagen."))
        return redirect("indicators:terms")
    day = today()
    rows = []
    for appointment in board_appointments_visible(scope=scope):
        status = appointment_status(appointment, today=day) if appointment.active else None
        rows.append(
            {
                "appointment": appointment,
                "status": status,
                "label": STATE_LABELS[status.state] if status else "",
                "css": STATE_CLASSES[status.state] if status else "",
                "may_edit": scope.edits(
                    sector_id=appointment.sector_id, organisation_id=appointment.organisation_id
                ),
            }
        )
    return render(request, "indicators/terms.html", {"rows": rows, "form": form})


@require_http_methods(["GET", "POST"])
def terms_edit_view(request: StaffRequest, appointment_id: int) -> HttpResponse:
    appointment = access_board_appointment_for_editor(
        user=request.user, appointment_id=appointment_id
    )
    form = BoardAppointmentForm(
        request.POST if request.method == "POST" else None, instance=appointment
    )
    if request.method == "POST" and form.is_valid():
        board_appointment_save(
            by=request.user,
            appointment=appointment,
            sector_id=appointment.sector_id,
            organisation_id=appointment.organisation_id,
            **form.values(),
        )
        messages.success(request, _("De benoeming is opgeslagen."))
        return redirect("indicators:terms")
    return render(
        request,
        "indicators/edit.html",
        {
            "form": form,
            "title": _("Benoeming wijzigen"),
            "subject": appointment.organisation.name,
            "back_url": "indicators:terms",
            "delete_url": "indicators:terms_delete",
            "object_id": appointment.pk,
        },
    )


@require_POST
def terms_delete_view(request: StaffRequest, appointment_id: int) -> HttpResponse:
    appointment = access_board_appointment_for_editor(
        user=request.user, appointment_id=appointment_id
    )
    indicator_delete(by=request.user, row=appointment)
    messages.success(request, _("De benoeming is verwijderd."))
    return redirect("indicators:terms")
