"""One door per object for the indicators, like ``security/access.py``: every id that arrives in
a request passes through a function here.

Each function checks the tenant (sector) first, then the role, and raises the same
:class:`django.http.Http404` for an object that does not exist and one the user may not see,
so ids cannot be probed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore
from veiligwerk.indicators.selectors import Scope, indicator_scope
from veiligwerk.tenancy.selectors import sectors_of

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


def _not_found() -> Http404:
    return Http404("Not found")


def access_indicators(*, user: User) -> Scope:
    """The indicator pages exist only for people who read some organisation's figures:
    the sector coordinator, the regulator, and HR, board and supervisory-board members."""
    scope = indicator_scope(user=user)
    if scope.is_empty:
        raise _not_found()
    return scope


def access_survey_score_for_editor(*, user: User, score_id: int) -> SurveyScore:
    """A survey score of an organisation whose HR or board the user belongs to."""
    scope = access_indicators(user=user)
    score = (
        SurveyScore.objects.filter(pk=score_id, sector__in=sectors_of(user=user))
        .select_related("organisation", "sector")
        .first()
    )
    if score is None or not scope.edits(
        sector_id=score.sector_id, organisation_id=score.organisation_id
    ):
        raise _not_found()
    return score


def access_diversity_figure_for_editor(*, user: User, figure_id: int) -> DiversityFigure:
    """A D&I figure of the user's own organisation (HR, board) or, for the sector coordinator,
    a sector-wide one."""
    scope = access_indicators(user=user)
    figure = (
        DiversityFigure.objects.filter(pk=figure_id, sector__in=sectors_of(user=user))
        .select_related("organisation", "sector")
        .first()
    )
    if figure is None or not scope.edits(
        sector_id=figure.sector_id, organisation_id=figure.organisation_id
    ):
        raise _not_found()
    return figure


def access_board_appointment_for_editor(*, user: User, appointment_id: int) -> BoardAppointment:
    """A board appointment of an organisation whose HR or board the user belongs to."""
    scope = access_indicators(user=user)
    appointment = (
        BoardAppointment.objects.filter(pk=appointment_id, sector__in=sectors_of(user=user))
        .select_related("organisation", "sector")
        .first()
    )
    if appointment is None or not scope.edits(
        sector_id=appointment.sector_id, organisation_id=appointment.organisation_id
    ):
        raise _not_found()
    return appointment
