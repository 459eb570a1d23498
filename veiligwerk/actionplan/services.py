"""Writes for the action-plan monitor: seeding the joint plan, drafting and reviewing theme
updates, publishing a period, reminders. Every change made by a person is an audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from veiligwerk.actionplan import seed_data
from veiligwerk.actionplan.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Owner,
    Period,
    PeriodState,
    Plan,
    Theme,
    ThemeOwner,
    ThemeUpdate,
    UpdateState,
)
from veiligwerk.actionplan.selectors import OWNER_ROLES, period_previous
from veiligwerk.common.time import now
from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.tenancy.models import Membership, Organisation, Sector

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User

# Owners that are one organisation of the sector, by the organisation's slug (when it exists).
OWNER_ORGANISATIONS = {"NPO": "npo", "CvO": "cvo", "Commissie Nazorg": "bureau-nazorg"}
# The two periods of the seed: June 2025 (summary only) and October 2025 (the full update).
SEED_PERIODS = (
    (seed_data.PREVIOUS_SUMMARY_LABEL, dt.date(2025, 6, 30)),
    (seed_data.PERIOD_LABEL, dt.date(2025, 10, 31)),
)
EDITABLE = (UpdateState.DRAFT, UpdateState.RETURNED)


@transaction.atomic
def plan_seed(*, sector: Sector) -> Plan:
    """The sector's joint plan as in the October 2025 status update (reviewed data in
    `seed_data`). Safe to run again: an existing joint plan is returned unchanged."""
    existing = Plan.objects.filter(sector=sector, organisation__isnull=True).first()
    if existing is not None:
        return existing
    organisations = {o.slug: o for o in Organisation.objects.filter(sector=sector)}
    owners: dict[str, Owner] = {}
    for owner in seed_data.OWNERS:
        slug = OWNER_ORGANISATIONS.get(owner["code"])
        owners[owner["code"]], _created = Owner.objects.get_or_create(
            sector=sector,
            code=owner["code"],
            defaults={"name": owner["name"], "organisation": organisations.get(slug or "")},
        )
    plan = Plan.objects.create(sector=sector, title=seed_data.PLAN_TITLE)
    (june_label, june_deadline), (october_label, october_deadline) = SEED_PERIODS
    published_june = dt.datetime.combine(june_deadline, dt.time(12), tzinfo=dt.UTC)
    published_october = dt.datetime.combine(october_deadline, dt.time(12), tzinfo=dt.UTC)
    Period.objects.create(
        plan=plan,
        label=june_label,
        deadline=june_deadline,
        state=PeriodState.PUBLISHED,
        summary=list(seed_data.PREVIOUS_SUMMARY),
        published_at=published_june,
    )
    october = Period.objects.create(
        plan=plan,
        label=october_label,
        deadline=october_deadline,
        state=PeriodState.PUBLISHED,
        published_at=published_october,
    )
    for seed in seed_data.THEMES:
        theme = Theme.objects.create(
            plan=plan,
            letter=seed["letter"],
            title=seed["title"],
            table_title=seed["table_title"],
            summary_title=seed["summary_title"],
            summary=seed["summary"],
            description=seed["description"],
            answers_conclusion=seed["answers_conclusion"],
            recommendations=list(seed["recommendations"]),
        )
        theme_owners = [owners[code] for code in seed["owners"]]
        ThemeOwner.objects.bulk_create(
            ThemeOwner(theme=theme, owner=owner, position=i) for i, owner in enumerate(theme_owners)
        )
        update = ThemeUpdate.objects.create(
            period=october,
            theme=theme,
            bullets=list(seed["status_update"]),
            planning=seed["planning"],
            state=UpdateState.APPROVED,
        )
        for action_seed in seed["actions"]:
            action = Action.objects.create(
                theme=theme, number=action_seed["number"], title=action_seed["title"]
            )
            action.owners.set(theme_owners)
            ActionUpdate.objects.create(
                theme_update=update,
                action=action,
                status=action_seed["status"],
                note=action_seed.get("note", ""),
            )
    return plan


@transaction.atomic
def plan_create(
    *, organisation: Organisation, title: str, shared_with_regulator: bool, by: User
) -> Plan:
    """An organisation's own plan; the organisation becomes the owner of its themes."""
    plan = Plan.objects.create(
        sector_id=organisation.sector_id,
        organisation=organisation,
        title=title.strip(),
        shared_with_regulator=shared_with_regulator,
    )
    _audit(AuditAction.PLAN_CREATED, actor=by, plan=plan, object_type="plan", object_id=plan.pk)
    return plan


def _organisation_owner(organisation: Organisation) -> Owner:
    owner = Owner.objects.filter(organisation=organisation).order_by("pk").first()
    if owner is not None:
        return owner
    code = organisation.slug.upper()[:40]
    owner, _created = Owner.objects.get_or_create(
        sector_id=organisation.sector_id,
        code=code,
        defaults={"name": organisation.name, "organisation": organisation},
    )
    return owner


@transaction.atomic
def theme_add(*, plan: Plan, by: User, letter: str, title: str, description: str) -> Theme:
    """A new theme; in an organisation's own plan that organisation owns it, in the joint plan
    the coordinator assigns no owner (and drafts its updates)."""
    theme = Theme.objects.create(
        plan=plan,
        letter=letter,
        title=title.strip(),
        table_title=title.strip(),
        summary_title=title.strip(),
        summary=description.strip(),
        description=description.strip(),
    )
    if plan.organisation is not None:
        ThemeOwner.objects.create(theme=theme, owner=_organisation_owner(plan.organisation))
    _audit(AuditAction.PLAN_CHANGED, actor=by, plan=plan, object_type="theme", object_id=theme.pk)
    return theme


@transaction.atomic
def action_add(*, theme: Theme, title: str, by: User) -> Action:
    """A new action, numbered after the theme's last one, owned by the theme's owners."""
    last = theme.actions.order_by("-number").first()
    action = Action.objects.create(
        theme=theme, number=(last.number + 1) if last else 1, title=title.strip()
    )
    action.owners.set(theme.owners.all())
    _audit(
        AuditAction.PLAN_CHANGED,
        actor=by,
        plan=theme.plan,
        object_type="action",
        object_id=action.pk,
    )
    return action


def _audit(action: str, *, actor: User, plan: Plan, object_type: str, object_id: int) -> None:
    audit_record(
        action=action,
        actor=actor,
        sector_id=plan.sector_id,
        organisation_id=plan.organisation_id,
        object_type=object_type,
        object_id=object_id,
    )


@transaction.atomic
def period_open(*, plan: Plan, label: str, deadline: dt.date, by: User) -> Period:
    """A new reporting period. Only one may be open at a time, after the last published one."""
    label = label.strip()
    if not label:
        raise ValidationError(_("Geef de periode een naam, bijvoorbeeld “maart 2026”."))
    if plan.periods.filter(state=PeriodState.OPEN).exists():
        raise ValidationError(_("Er is al een open periode. Publiceer die eerst."))
    if plan.periods.filter(label__iexact=label).exists():
        raise ValidationError(_("Er is al een periode met deze naam."))
    last = plan.periods.order_by("-deadline").first()
    if last is not None and deadline <= last.deadline:
        raise ValidationError(
            _("De uiterste datum moet na die van de vorige periode (%(date)s) liggen.")
            % {"date": last.deadline.strftime("%d-%m-%Y")}
        )
    period = Period.objects.create(plan=plan, label=label, deadline=deadline)
    _audit(
        AuditAction.PLAN_PERIOD_OPENED,
        actor=by,
        plan=plan,
        object_type="period",
        object_id=period.pk,
    )
    return period


def theme_update_get_or_start(*, period: Period, theme: Theme) -> ThemeUpdate:
    """The theme's update for this period; a new one starts from the previous period's planning
    text and action statuses (the bullets are written new each period)."""
    update = ThemeUpdate.objects.filter(period=period, theme=theme).first()
    if update is not None:
        if update.state in EDITABLE:  # actions added since the update started
            known = set(update.action_updates.values_list("action_id", flat=True))
            ActionUpdate.objects.bulk_create(
                ActionUpdate(theme_update=update, action=a, status=ActionStatus.NOT_STARTED)
                for a in theme.actions.exclude(pk__in=known)
            )
        return update
    previous_period = period_previous(period=period)
    previous = (
        ThemeUpdate.objects.filter(period=previous_period, theme=theme).first()
        if previous_period
        else None
    )
    with transaction.atomic():
        update, created = ThemeUpdate.objects.get_or_create(
            period=period, theme=theme, defaults={"planning": previous.planning if previous else ""}
        )
        if created:
            statuses = (
                {a.action_id: a.status for a in previous.action_updates.all()} if previous else {}
            )
            ActionUpdate.objects.bulk_create(
                ActionUpdate(
                    theme_update=update,
                    action=action,
                    status=statuses.get(action.pk, ActionStatus.NOT_STARTED),
                )
                for action in theme.actions.all()
            )
    return update


@dataclass(frozen=True)
class ActionChange:
    status: str
    note: str = ""
    evidence: tuple[tuple[str, str], ...] = ()


@transaction.atomic
def theme_update_save(
    *,
    update: ThemeUpdate,
    by: User,
    bullets: list[str],
    planning: str,
    actions: Mapping[int, ActionChange],
) -> ThemeUpdate:
    """Save an owner's draft. Only drafts and returned updates of an open period change."""
    update = (
        ThemeUpdate.objects.select_for_update().select_related("period__plan").get(pk=update.pk)
    )
    _require_editable(update)
    update.bullets = [b.strip() for b in bullets if b.strip()]
    update.planning = planning.strip()
    update.drafted_by = by
    update.save(update_fields=["bullets", "planning", "drafted_by", "updated_at"])
    for action_update in update.action_updates.all():
        change = actions.get(action_update.action_id)
        if change is None:
            continue
        if change.status not in ActionStatus.values:
            raise ValidationError(_("Kies een geldige status."))
        action_update.status = change.status
        action_update.note = change.note.strip()
        action_update.evidence = [{"title": t, "url": u} for t, u in change.evidence]
        action_update.save(update_fields=["status", "note", "evidence", "updated_at"])
    _audit(
        AuditAction.PLAN_UPDATE_SAVED,
        actor=by,
        plan=update.period.plan,
        object_type="theme_update",
        object_id=update.pk,
    )
    return update


def _require_editable(update: ThemeUpdate) -> None:
    if update.period.is_published:
        raise ValidationError(_("Deze periode is gepubliceerd en kan niet meer veranderen."))
    if update.state not in EDITABLE:
        raise ValidationError(_("Deze update ligt ter beoordeling of is goedgekeurd."))


@transaction.atomic
def theme_update_submit(*, update: ThemeUpdate, by: User) -> ThemeUpdate:
    update = (
        ThemeUpdate.objects.select_for_update().select_related("period__plan").get(pk=update.pk)
    )
    _require_editable(update)
    if not update.bullets:
        raise ValidationError(_("Schrijf ten minste één statuspunt voordat u de update indient."))
    update.state = UpdateState.SUBMITTED
    update.save(update_fields=["state", "updated_at"])
    _audit(
        AuditAction.PLAN_UPDATE_SUBMITTED,
        actor=by,
        plan=update.period.plan,
        object_type="theme_update",
        object_id=update.pk,
    )
    return update


@transaction.atomic
def theme_update_review(
    *, update: ThemeUpdate, by: User, approve: bool, note: str = ""
) -> ThemeUpdate:
    """The coordinator approves a submitted update, or returns it with a note saying why."""
    update = (
        ThemeUpdate.objects.select_for_update().select_related("period__plan").get(pk=update.pk)
    )
    if update.period.is_published:
        raise ValidationError(_("Deze periode is gepubliceerd en kan niet meer veranderen."))
    if update.state != UpdateState.SUBMITTED:
        raise ValidationError(_("Alleen een ingediende update kan worden beoordeeld."))
    if not approve and not note.strip():
        raise ValidationError(_("Schrijf erbij wat er anders moet."))
    update.state = UpdateState.APPROVED if approve else UpdateState.RETURNED
    update.review_note = note.strip()
    update.reviewed_by = by
    update.save(update_fields=["state", "review_note", "reviewed_by", "updated_at"])
    _audit(
        AuditAction.PLAN_UPDATE_APPROVED if approve else AuditAction.PLAN_UPDATE_RETURNED,
        actor=by,
        plan=update.period.plan,
        object_type="theme_update",
        object_id=update.pk,
    )
    return update


@transaction.atomic
def period_publish(*, period: Period, by: User, summary: list[str]) -> Period:
    """Publish the period: every theme needs an approved update. Published periods are final."""
    period = Period.objects.select_for_update().select_related("plan").get(pk=period.pk)
    if period.is_published:
        raise ValidationError(_("Deze periode is al gepubliceerd."))
    approved = set(
        period.theme_updates.filter(state=UpdateState.APPROVED).values_list("theme_id", flat=True)
    )
    missing = [t.letter for t in period.plan.themes.all() if t.pk not in approved]
    if missing:
        raise ValidationError(
            _("Nog niet goedgekeurd: thema %(letters)s.") % {"letters": ", ".join(missing)}
        )
    period.summary = [s.strip() for s in summary if s.strip()]
    period.state = PeriodState.PUBLISHED
    period.published_at = now()
    period.published_by = by
    period.save()
    _audit(
        AuditAction.PLAN_PERIOD_PUBLISHED,
        actor=by,
        plan=period.plan,
        object_type="period",
        object_id=period.pk,
    )
    return period


def reminders_send(*, today: dt.date, days_before: int | None = None) -> int:
    """E-mail the owners' members whose themes have no submitted update yet, once per period,
    when the deadline is `days_before` days away or closer. Returns the number of e-mails."""
    days_before = settings.ACTIONPLAN_REMINDER_DAYS if days_before is None else days_before
    sent = 0
    due = Period.objects.filter(
        state=PeriodState.OPEN,
        reminded_at__isnull=True,
        deadline__lte=today + dt.timedelta(days=days_before),
    ).select_related("plan")
    for period in due:
        done = set(
            period.theme_updates.filter(
                state__in=[UpdateState.SUBMITTED, UpdateState.APPROVED]
            ).values_list("theme_id", flat=True)
        )
        waiting = [t for t in period.plan.themes.prefetch_related("owners") if t.pk not in done]
        organisation_ids = {o.organisation_id for t in waiting for o in t.owners.all()} - {None}
        addresses = sorted(
            {
                m.user.email
                for m in Membership.objects.filter(
                    organisation_id__in=organisation_ids,
                    role__in=list(OWNER_ROLES),
                    user__is_active=True,
                ).select_related("user")
                if m.user.email
            }
        )
        with override(settings.LANGUAGE_CODE):
            subject = _("Herinnering: statusupdate %(period)s") % {"period": period.label}
            body = _(
                "De statusupdate van het plan van aanpak voor %(period)s moet uiterlijk "
                "%(date)s klaar zijn. Nog open: thema %(letters)s. %(url)s"
            ) % {
                "period": period.label,
                "date": period.deadline.strftime("%d-%m-%Y"),
                "letters": ", ".join(t.letter for t in waiting),
                "url": settings.SITE_URL + reverse("plan:period", args=[period.pk]),
            }
        for address in addresses:
            send_mail(subject, body, None, [address])
            sent += 1
        Period.objects.filter(pk=period.pk).update(reminded_at=now())
    return sent
