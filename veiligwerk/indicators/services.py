"""Changes to the indicators, each audited (ids and years only, never names or figures), and
the e-mail to boards about terms that need a decision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore
from veiligwerk.indicators.selectors import TermWarning, terms_warnings
from veiligwerk.security.audit import audit_record
from veiligwerk.tenancy.models import Membership, Role

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


class IndicatorAction:
    """Audit action names of the indicators."""

    SAVED = "indicator.saved"
    DELETED = "indicator.deleted"
    TERMS_WARNED = "indicator.terms_warned"


def _audit(*, action: str, by: User | None, row: models.Model, created: bool = False) -> None:
    audit_record(
        action=action,
        actor=by,
        sector_id=getattr(row, "sector_id", None),
        organisation_id=getattr(row, "organisation_id", None),
        object_type=row._meta.model_name or "",
        object_id=row.pk,
        data={"created": True} if created else {},
    )


@transaction.atomic
def survey_score_save(
    *,
    by: User,
    score: SurveyScore | None,
    sector_id: int,
    organisation_id: int,
    year: int,
    value: Decimal,
    response_rate: Decimal | None,
    note: str,
) -> SurveyScore:
    created = score is None
    if score is None:
        score = SurveyScore(sector_id=sector_id, organisation_id=organisation_id)
    score.year = year
    score.score = value
    score.response_rate = response_rate
    score.note = note
    score.save()
    _audit(action=IndicatorAction.SAVED, by=by, row=score, created=created)
    return score


@transaction.atomic
def diversity_figure_save(
    *,
    by: User,
    figure: DiversityFigure | None,
    sector_id: int,
    organisation_id: int | None,
    year: int,
    dimension: str,
    target_percent: Decimal,
    actual_percent: Decimal | None,
) -> DiversityFigure:
    created = figure is None
    if figure is None:
        figure = DiversityFigure(sector_id=sector_id, organisation_id=organisation_id)
    figure.year = year
    figure.dimension = dimension
    figure.target_percent = target_percent
    figure.actual_percent = actual_percent
    figure.save()
    _audit(action=IndicatorAction.SAVED, by=by, row=figure, created=created)
    return figure


@transaction.atomic
def board_appointment_save(
    *,
    by: User,
    appointment: BoardAppointment | None,
    sector_id: int,
    organisation_id: int,
    person_name: str,
    role_title: str,
    rule: str,
    term_starts: list[dt.date],
    active: bool,
) -> BoardAppointment:
    created = appointment is None
    if appointment is None:
        appointment = BoardAppointment(sector_id=sector_id, organisation_id=organisation_id)
    appointment.person_name = person_name.strip()
    appointment.role_title = role_title.strip()
    appointment.rule = rule
    appointment.term_starts = [day.isoformat() for day in term_starts]
    appointment.active = active
    appointment.save()
    _audit(action=IndicatorAction.SAVED, by=by, row=appointment, created=created)
    return appointment


@transaction.atomic
def indicator_delete(*, by: User, row: SurveyScore | DiversityFigure | BoardAppointment) -> None:
    _audit(action=IndicatorAction.DELETED, by=by, row=row)
    row.delete()


def _board_addresses(organisation_id: int) -> list[str]:
    return sorted(
        {
            m.user.email
            for m in Membership.objects.filter(
                organisation_id=organisation_id, role=Role.BOARD, user__is_active=True
            ).select_related("user")
            if m.user.email
        }
    )


def terms_remind(*, today: dt.date, warn_months: int = 6) -> int:
    """E-mail each organisation's board about its appointments that end soon, are in the final
    term's last months or are past the limit: once per appointment per state (``warned_state``).
    The e-mail holds only the public facts: names, functions, dates and the state. Returns the
    number of e-mails sent."""
    due: dict[int, list[TermWarning]] = {}
    with override(settings.LANGUAGE_CODE):  # the state messages are written in the mail
        warnings_all = terms_warnings(today=today, warn_months=warn_months)
    for warning in warnings_all:
        if warning.appointment.warned_state != warning.status.state:
            due.setdefault(warning.appointment.organisation_id, []).append(warning)
    sent = 0
    for organisation_id, warnings in due.items():
        addresses = _board_addresses(organisation_id)
        if not addresses:
            continue  # nobody to tell yet: try again when the board has members
        organisation = warnings[0].appointment.organisation
        with override(settings.LANGUAGE_CODE):
            subject = _("Termijnen bestuur en directie: %(organisation)s") % {
                "organisation": organisation.name
            }
            lines = [
                _("Deze benoemingen bij %(organisation)s vragen om een besluit:")
                % {"organisation": organisation.name},
                "",
            ]
            for warning in warnings:
                appointment = warning.appointment
                lines.append(f"- {appointment.person_name} ({appointment.role_title})")
                lines.append(f"  {warning.status.message}")
            lines += ["", settings.SITE_URL + reverse("indicators:terms")]
            body = "\n".join(str(line) for line in lines)
        for address in addresses:
            send_mail(subject, body, None, [address])
            sent += 1
        with transaction.atomic():
            for warning in warnings:
                BoardAppointment.objects.filter(pk=warning.appointment.pk).update(
                    warned_state=warning.status.state
                )
            audit_record(
                action=IndicatorAction.TERMS_WARNED,
                sector_id=organisation.sector_id,
                organisation_id=organisation_id,
                object_type="board_appointment",
                data={"appointments": [w.appointment.pk for w in warnings]},
            )
    return sent
