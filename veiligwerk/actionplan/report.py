"""The accountability report of one period for one audience: the data (`report_build`), the
HTML (`report_html`) and the PDF (`report_pdf`, WeasyPrint).

The same template serves the page and the PDF, so they cannot drift apart. Charts are inline
SVG drawn from the status counts (no JavaScript, no images to fetch), with the numbers also in
a table for screen readers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from veiligwerk.actionplan.models import (
    ActionStatus,
    ActionUpdate,
    Period,
    ThemeUpdate,
    UpdateState,
)
from veiligwerk.actionplan.selectors import period_previous
from veiligwerk.common.time import now


class Audience(models.TextChoices):
    REGULATOR = "regulator", _("Commissariaat voor de Media")
    MINISTRY = "ministry", _("Ministerie van OCW")
    SUPERVISORY_BOARD = "supervisory_board", _("Raad van Toezicht")
    PUBLIC = "public", _("Publiek")


# Order of statuses in tables, counts and charts: done first.
STATUS_ORDER = [
    ActionStatus.COMPLETED,
    ActionStatus.ONGOING,
    ActionStatus.IN_PROGRESS,
    ActionStatus.NOT_STARTED,
]


@dataclass
class ReportAction:
    number: int
    title: str
    status: str
    status_label: str
    note: str
    evidence: list[dict[str, str]]
    previous_status: str | None
    owners: list[str]

    @property
    def changed(self) -> bool:
        return self.previous_status is not None and self.previous_status != self.status


# Chart colours as SVG attributes (WeasyPrint ignores `fill` in a stylesheet); each has at
# least 4.5:1 contrast on white and the legend and table carry the same numbers.
STATUS_COLOURS = {
    "completed": "#1b6e3a",
    "ongoing": "#2a5db0",
    "in_progress": "#b36b00",
    "not_started": "#6e6e6e",
}


@dataclass
class ChartSegment:
    status: str
    label: str
    count: int
    x: float
    width: float

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]


@dataclass
class ReportTheme:
    letter: str
    title: str
    table_title: str
    summary_title: str
    summary: str
    description: str
    planning: str
    owners: list[str]
    answers: str
    bullets: list[str]
    actions: list[ReportAction]
    counts: dict[str, int]
    chart: list[ChartSegment]
    chart_y: int
    new_bullets: int


@dataclass
class StatusChange:
    label: str
    previous: str
    current: str


@dataclass
class TermCount:
    state: str
    label: str
    count: int


@dataclass
class ReportIndicators:
    """The indicators of the plan's scope (the sector, or the own plan's organisation) as they
    stood at the period's deadline: the last three survey years, the D&I figures of the latest
    year, and how many board appointments are in each term state."""

    survey_years: list[int]
    survey_rows: list[Any]
    diversity_year: int | None
    diversity: list[Any]
    terms: list[TermCount]

    @property
    def is_empty(self) -> bool:
        return not (self.survey_rows or self.diversity or any(t.count for t in self.terms))


@dataclass
class PlanReport:
    title: str
    period: Period
    previous: Period | None
    audience: str
    audience_label: str
    themes: list[ReportTheme]
    totals: dict[str, int]
    total_actions: int
    changes: list[StatusChange] = field(default_factory=list)
    previous_had_statuses: bool = False
    show_notes: bool = True
    generated_at: Any = None
    indicators: ReportIndicators | None = None

    @property
    def chart_height(self) -> int:
        return max(len(self.themes), 1) * CHART_ROW_HEIGHT

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        return [(s, str(ActionStatus(s).label), self.totals.get(s, 0)) for s in STATUS_ORDER]


CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT = 8.0, 100.0, 10


def _chart(counts: Counter[str], total: int) -> list[ChartSegment]:
    """Bar segments in SVG user units: the theme letter, then 100 units for all its actions."""
    segments, x, width = [], CHART_LABEL_WIDTH, CHART_BAR_WIDTH
    for status in STATUS_ORDER:
        count = counts.get(status, 0)
        if not count:
            continue
        w = width * count / total if total else 0.0
        segments.append(ChartSegment(status, str(ActionStatus(status).label), count, x, w))
        x += w
    return segments


def report_build(*, period: Period, audience: str) -> PlanReport:
    """Everything the report shows, from the period's approved updates and the previous
    published period. Nine queries for the whole plan, whatever its size."""
    plan = period.plan
    previous = period_previous(period=period)
    updates = {
        u.theme_id: u for u in ThemeUpdate.objects.filter(period=period, state=UpdateState.APPROVED)
    }
    previous_updates = (
        {u.theme_id: u for u in ThemeUpdate.objects.filter(period=previous)} if previous else {}
    )
    action_updates: dict[int, ActionUpdate] = {}
    previous_statuses: dict[int, str] = {}
    for stored in ActionUpdate.objects.filter(
        theme_update__in=list(updates.values()) + list(previous_updates.values())
    ).select_related("theme_update"):
        if stored.theme_update.period_id == period.pk:
            action_updates[stored.action_id] = stored
        else:
            previous_statuses[stored.action_id] = stored.status
    themes_qs = plan.themes.prefetch_related("owner_links__owner", "actions__owners").order_by(
        "letter"
    )
    show_notes = audience != Audience.PUBLIC
    totals: Counter[str] = Counter()
    themes: list[ReportTheme] = []
    changes: list[StatusChange] = []
    for theme in themes_qs:
        update = updates.get(theme.pk)
        previous_update = previous_updates.get(theme.pk)
        actions = []
        for action in theme.actions.all():
            au = action_updates.get(action.pk)
            status = au.status if au else ActionStatus.NOT_STARTED
            previous_status = previous_statuses.get(action.pk)
            actions.append(
                ReportAction(
                    number=action.number,
                    title=action.title,
                    status=status,
                    status_label=str(ActionStatus(status).label),
                    note=(au.note if au and show_notes else ""),
                    evidence=list(au.evidence) if au else [],
                    previous_status=previous_status,
                    owners=[o.code for o in action.owners.all()],
                )
            )
            if previous_status is not None and previous_status != status:
                changes.append(
                    StatusChange(
                        f"{theme.letter}{action.number}. {action.title}",
                        str(ActionStatus(previous_status).label),
                        str(ActionStatus(status).label),
                    )
                )
        counts: Counter[str] = Counter(a.status for a in actions)
        totals.update(counts)
        bullets = list(update.bullets) if update else []
        old = set(previous_update.bullets) if previous_update else set()
        themes.append(
            ReportTheme(
                letter=theme.letter,
                title=theme.title,
                table_title=theme.table_title,
                summary_title=theme.summary_title,
                summary=theme.summary,
                description=theme.description,
                planning=update.planning if update else "",
                owners=[o.code for o in theme.owners_in_order],
                answers=theme.answers,
                bullets=bullets,
                actions=actions,
                counts={s: counts.get(s, 0) for s in STATUS_ORDER},
                chart=_chart(counts, len(actions)),
                chart_y=len(themes) * CHART_ROW_HEIGHT,
                new_bullets=sum(1 for b in bullets if b not in old) if previous_update else 0,
            )
        )
    return PlanReport(
        title=plan.title,
        period=period,
        previous=previous,
        audience=audience,
        audience_label=str(Audience(audience).label),
        themes=themes,
        totals={s: totals.get(s, 0) for s in STATUS_ORDER},
        total_actions=sum(totals.values()),
        changes=changes,
        previous_had_statuses=bool(previous_statuses),
        show_notes=show_notes,
        generated_at=now(),
        # figures per organisation go to the regulator, ministry and supervisory board only
        indicators=indicators_build(period=period) if show_notes else None,
    )


TERM_STATE_LABELS = {
    "ok": _("Binnen de termijn"),
    "ending_soon": _("Termijn loopt binnen zes maanden af (herbenoeming mogelijk)"),
    "final_term_ending": _("Laatste termijn loopt binnen zes maanden af (opvolging nodig)"),
    "over_limit": _("Boven de maximale zittingsduur"),
}


def indicators_build(*, period: Period) -> ReportIndicators:
    """Indicators for the report; an own plan shows its organisation only."""
    from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore
    from veiligwerk.indicators.selectors import appointment_status, survey_table

    plan = period.plan
    cutoff = period.deadline
    scope: dict[str, Any] = {"sector_id": plan.sector_id}
    if plan.organisation_id:
        scope["organisation_id"] = plan.organisation_id
    scores = list(
        SurveyScore.objects.filter(
            **scope, year__lte=cutoff.year, year__gt=cutoff.year - 3
        ).select_related("organisation")
    )
    years, rows = survey_table(scores=scores)
    figures = DiversityFigure.objects.filter(sector_id=plan.sector_id, year__lte=cutoff.year)
    if plan.organisation_id:
        figures = figures.filter(organisation_id=plan.organisation_id)
    latest = figures.order_by("-year").values_list("year", flat=True).first()
    diversity = list(figures.filter(year=latest).select_related("organisation")) if latest else []
    counts: Counter[str] = Counter()
    for appointment in BoardAppointment.objects.filter(**scope, active=True).select_related(
        "organisation"
    ):
        status = appointment_status(appointment, today=cutoff)
        if status is not None:
            counts[str(status.state)] += 1
    terms = [
        TermCount(state, str(label), counts.get(state, 0))
        for state, label in TERM_STATE_LABELS.items()
    ]
    return ReportIndicators(years, rows, latest, diversity, terms)


def report_html(*, report: PlanReport, for_pdf: bool = False) -> str:
    return render_to_string(
        "actionplan/report_document.html", {"report": report, "for_pdf": for_pdf}
    )


def report_pdf(*, report: PlanReport) -> bytes:
    """The report as PDF. WeasyPrint is imported here: it loads Pango when imported."""
    from PIL import ImageFile
    from weasyprint import HTML

    # WeasyPrint switches Pillow's process-wide LOAD_TRUNCATED_IMAGES on at import; the report
    # has no raster images, and the attachment checks need it off.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    html = report_html(report=report, for_pdf=True)
    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf
