"""The action-plan monitor: plans with themes and numbered actions, reporting periods, and the
status updates that owners draft and the coordinator reviews and publishes.

History is kept by period: every period has its own theme update (the status bullets) and
action updates (status and note per action); published periods are never changed, so an
action's history is its action updates in period order.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.models import TenantScoped, TimeStamped


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Niet gestart")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    ONGOING = "ongoing", _("Doorlopend")
    COMPLETED = "completed", _("Afgerond")


class Owner(TenantScoped):
    """A body that owns actions: an organisation (NPO, an employer) or a group of them (CvO,
    RvT, "werkgevers"). Members of the linked organisation act for it."""

    code = models.CharField(_("afkorting"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_owners",
        verbose_name=_("organisatie"),
    )

    class Meta:
        verbose_name = _("eigenaar")
        verbose_name_plural = _("eigenaren")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["sector", "code"], name="owner_code_per_sector")
        ]

    def __str__(self) -> str:
        return self.code


class Plan(TenantScoped):
    """The sector's joint plan (no organisation) or one organisation's own plan."""

    title = models.CharField(_("titel"), max_length=300)
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("organisatie"),
    )
    shared_with_regulator = models.BooleanField(_("gedeeld met de toezichthouder"), default=True)

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")
        ordering = ["organisation__name", "title"]

    def __str__(self) -> str:
        return self.title


class Theme(TimeStamped):
    """A theme of the plan (A–J) with the conclusions and recommendations it answers."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    letter = models.CharField(_("letter"), max_length=3)
    title = models.CharField(_("titel"), max_length=300)
    table_title = models.CharField(_("titel in de actietabel"), max_length=300)
    summary_title = models.CharField(_("titel in de samenvatting"), max_length=300)
    summary = models.TextField(_("samenvatting"))
    description = models.TextField(_("omschrijving"))
    owners: models.ManyToManyField[Owner, ThemeOwner] = models.ManyToManyField(
        Owner, through="ThemeOwner", related_name="themes", verbose_name=_("eigenaren")
    )
    answers_conclusion = models.BooleanField(_("beantwoordt de conclusie"), default=False)
    recommendations = models.JSONField(_("aanbevelingen"), default=list, blank=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["plan", "letter"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "letter"], name="theme_letter_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.letter}) {self.title}"

    @property
    def owners_in_order(self) -> list[Owner]:
        """The owners as the plan lists them (prefetch "owner_links__owner" for many themes)."""
        return [link.owner for link in self.owner_links.all()]

    @property
    def answers(self) -> str:
        """What the theme answers, as on the summary slide: "Conclusie", "Aanbeveling 13",
        "Aanbeveling 1 – 5", "Aanbeveling 6 & 7"."""
        parts = [str(_("Conclusie"))] if self.answers_conclusion else []
        numbers = sorted(int(n) for n in self.recommendations or [])
        if len(numbers) == 1:
            parts.append(_("Aanbeveling %(n)s") % {"n": numbers[0]})
        elif len(numbers) == 2:
            parts.append(_("Aanbeveling %(a)s & %(b)s") % {"a": numbers[0], "b": numbers[1]})
        elif numbers and numbers == list(range(numbers[0], numbers[-1] + 1)):
            parts.append(_("Aanbeveling %(a)s – %(b)s") % {"a": numbers[0], "b": numbers[-1]})
        elif numbers:
            parts.append(_("Aanbevelingen %(list)s") % {"list": ", ".join(map(str, numbers))})
        return "; ".join(str(p) for p in parts)


class ThemeOwner(models.Model):
    """An owner of a theme, in the order the plan names them (the "Eigenaar" column)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="owner_links")
    owner = models.ForeignKey(Owner, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "owner"], name="one_link_per_theme_owner")
        ]

    def __str__(self) -> str:
        return f"{self.theme.letter}: {self.owner.code}"


class Action(TimeStamped):
    """A numbered action of a theme. Its status per period is in ActionUpdate."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=300)
    owners = models.ManyToManyField(Owner, related_name="actions", verbose_name=_("eigenaren"))

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["theme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="action_number_per_theme")
        ]

    def __str__(self) -> str:
        return f"{self.theme.letter}{self.number}. {self.title}"


class PeriodState(models.TextChoices):
    OPEN = "open", _("Open")
    PUBLISHED = "published", _("Gepubliceerd")


class Period(TimeStamped):
    """A reporting period of a plan, e.g. "oktober 2025", with its deadline for updates."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(_("naam"), max_length=100)
    deadline = models.DateField(_("uiterste datum voor updates"))
    state = models.CharField(
        _("status"), max_length=16, choices=PeriodState.choices, default=PeriodState.OPEN
    )
    summary = models.JSONField(_("samenvatting (punten)"), default=list, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("periode")
        verbose_name_plural = _("periodes")
        ordering = ["plan", "deadline"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "label"], name="period_label_per_plan")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_published(self) -> bool:
        return self.state == PeriodState.PUBLISHED


class UpdateState(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SUBMITTED = "submitted", _("Ter beoordeling")
    RETURNED = "returned", _("Teruggestuurd")
    APPROVED = "approved", _("Goedgekeurd")


class ThemeUpdate(TimeStamped):
    """The status of one theme in one period: bullets, the planning text, and (through
    ActionUpdate) each action's status. Drafted by an owner, reviewed by the coordinator."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="theme_updates")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="updates")
    bullets = models.JSONField(_("statuspunten"), default=list, blank=True)
    planning = models.TextField(_("planning"), blank=True)
    state = models.CharField(
        _("status"), max_length=16, choices=UpdateState.choices, default=UpdateState.DRAFT
    )
    review_note = models.TextField(_("opmerking van de coördinator"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("themastatus")
        verbose_name_plural = _("themastatussen")
        ordering = ["period", "theme"]
        constraints = [
            models.UniqueConstraint(fields=["period", "theme"], name="one_update_per_theme")
        ]


class ActionUpdate(TimeStamped):
    """One action's status in one period, with an optional note and evidence links."""

    theme_update = models.ForeignKey(
        ThemeUpdate, on_delete=models.CASCADE, related_name="action_updates"
    )
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices)
    note = models.TextField(_("toelichting"), blank=True)
    evidence = models.JSONField(_("onderbouwing (links)"), default=list, blank=True)

    class Meta:
        ordering = ["theme_update", "action__number"]
        constraints = [
            models.UniqueConstraint(fields=["theme_update", "action"], name="one_update_per_action")
        ]
