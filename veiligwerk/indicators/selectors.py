"""Reads for the indicators: what a person may see and change, the survey table, the D&I rows,
the board terms with their status, and the warnings about terms ending.

Who sees what
    The sector coordinator and the regulator see every organisation of their sector and the
    sector-wide figures; HR, board and supervisory-board members see their own organisation
    (and the sector-wide figures of its sector). HR and board members change their own
    organisation's rows; the coordinator changes the sector-wide (D&I) rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from veiligwerk.actionplan.terms import Appointment, TermState, TermStatus, term_status
from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore
from veiligwerk.tenancy.models import Membership, Organisation, Role

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User

# Sector-wide roles that read every organisation of their sector.
SECTOR_READER_ROLES = frozenset({Role.SECTOR_COORDINATOR, Role.REGULATOR})
# Organisation roles that read their own organisation.
ORGANISATION_READER_ROLES = frozenset({Role.HR, Role.BOARD, Role.SUPERVISORY_BOARD})
# Organisation roles that change their own organisation's rows.
EDITOR_ROLES = frozenset({Role.HR, Role.BOARD})
# States that need someone's attention (and an e-mail to the board).
WARNING_STATES = frozenset(
    {TermState.ENDING_SOON, TermState.FINAL_TERM_ENDING, TermState.OVER_LIMIT}
)


@dataclass(frozen=True)
class Scope:
    """A person's reach in the indicators, as sets of ids."""

    sectors_read: frozenset[int] = frozenset()  # every organisation and the sector-wide rows
    organisations_read: frozenset[int] = frozenset()  # their own organisation
    organisation_sectors: frozenset[int] = frozenset()  # sectors of those organisations
    organisations_edit: frozenset[int] = frozenset()
    sectors_edit: frozenset[int] = frozenset()  # sector-wide rows (coordinator)

    @property
    def is_empty(self) -> bool:
        return not (self.sectors_read or self.organisations_read)

    @property
    def may_edit(self) -> bool:
        return bool(self.organisations_edit or self.sectors_edit)

    def reads_organisation(self, *, sector_id: int, organisation_id: int | None) -> bool:
        if sector_id in self.sectors_read:
            return True
        if organisation_id is None:
            return sector_id in self.organisation_sectors
        return organisation_id in self.organisations_read

    def edits(self, *, sector_id: int, organisation_id: int | None) -> bool:
        if organisation_id is None:
            return sector_id in self.sectors_edit
        return organisation_id in self.organisations_edit


def indicator_scope(*, user: User) -> Scope:
    memberships = list(
        Membership.objects.filter(user=user, sector__isnull=False).values_list(
            "role", "sector_id", "organisation_id"
        )
    )
    sector_wide = [(r, s) for r, s, o in memberships if o is None]
    own = [(r, s, o) for r, s, o in memberships if o is not None]
    return Scope(
        sectors_read=frozenset(s for r, s in sector_wide if r in SECTOR_READER_ROLES),
        organisations_read=frozenset(o for r, s, o in own if r in ORGANISATION_READER_ROLES),
        organisation_sectors=frozenset(s for r, s, o in own if r in ORGANISATION_READER_ROLES),
        organisations_edit=frozenset(o for r, s, o in own if r in EDITOR_ROLES),
        sectors_edit=frozenset(s for r, s in sector_wide if r == Role.SECTOR_COORDINATOR),
    )


def _organisation_filter(scope: Scope, *, sector_wide_rows: bool = False) -> Q:
    visible = Q(sector_id__in=scope.sectors_read) | Q(organisation_id__in=scope.organisations_read)
    if sector_wide_rows:
        visible |= Q(sector_id__in=scope.organisation_sectors, organisation__isnull=True)
    return visible


def organisations_readable(*, scope: Scope) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        Q(sector_id__in=scope.sectors_read) | Q(pk__in=scope.organisations_read)
    ).order_by("name")


def organisations_editable(*, scope: Scope) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=scope.organisations_edit).order_by("name")


def survey_scores_visible(*, scope: Scope) -> QuerySet[SurveyScore]:
    return SurveyScore.objects.filter(_organisation_filter(scope)).select_related("organisation")


def diversity_figures_visible(*, scope: Scope) -> QuerySet[DiversityFigure]:
    return (
        DiversityFigure.objects.filter(_organisation_filter(scope, sector_wide_rows=True))
        .select_related("organisation", "sector")
        .order_by("sector__name", "organisation__name", "-year", "dimension")
    )


def board_appointments_visible(*, scope: Scope) -> QuerySet[BoardAppointment]:
    return BoardAppointment.objects.filter(_organisation_filter(scope)).select_related(
        "organisation"
    )


@dataclass(frozen=True)
class SurveyCell:
    score: SurveyScore | None
    change: Decimal | None  # against the previous year's score, when both exist


@dataclass
class SurveyRow:
    organisation: Organisation
    cells: list[SurveyCell] = field(default_factory=list)


def survey_table(*, scores: list[SurveyScore]) -> tuple[list[int], list[SurveyRow]]:
    """Organisations × years, each cell with its change against the year before."""
    years = sorted({s.year for s in scores})
    by_organisation: dict[int, dict[int, SurveyScore]] = {}
    organisations: dict[int, Organisation] = {}
    for score in scores:
        by_organisation.setdefault(score.organisation_id, {})[score.year] = score
        organisations[score.organisation_id] = score.organisation
    rows = []
    for organisation in sorted(organisations.values(), key=lambda o: o.name):
        row = SurveyRow(organisation=organisation)
        per_year = by_organisation[organisation.pk]
        for year in years:
            current = per_year.get(year)
            previous = per_year.get(year - 1)
            change = current.score - previous.score if current and previous else None
            row.cells.append(SurveyCell(score=current, change=change))
        rows.append(row)
    return years, rows


def appointment_of(appointment: BoardAppointment) -> Appointment:
    return Appointment(
        person=appointment.person_name,
        role=appointment.role_title,
        organisation=appointment.organisation.name,
        terms=tuple(date.fromisoformat(start) for start in appointment.term_starts),
    )


def appointment_status(
    appointment: BoardAppointment, *, today: date, warn_months: int = 6
) -> TermStatus | None:
    """The appointment's status, or None when its stored terms are not a valid sequence."""
    try:
        return term_status(
            appointment_of(appointment), appointment.term_rule, today, warn_months=warn_months
        )
    except ValueError:
        return None


@dataclass(frozen=True)
class TermWarning:
    appointment: BoardAppointment
    status: TermStatus


def terms_warnings(*, today: date, warn_months: int = 6) -> list[TermWarning]:
    """Active appointments that end soon, are in their final term's last months, or are past
    the limit, ordered by organisation and name."""
    warnings = []
    appointments = BoardAppointment.objects.filter(active=True).select_related("organisation")
    for appointment in appointments.order_by("organisation__name", "person_name", "pk"):
        status = appointment_status(appointment, today=today, warn_months=warn_months)
        if status is not None and status.state in WARNING_STATES:
            warnings.append(TermWarning(appointment=appointment, status=status))
    return warnings
