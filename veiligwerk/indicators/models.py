"""The action plan's indicators: employee-survey scores, diversity and inclusion targets against
actuals, and the terms of directors and board members.

Aggregates only: a survey score is an organisation's figure for a year, never anyone's answers;
a board appointment names a public board member (public information), never a reporter.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veiligwerk.actionplan.terms import BROADCASTERS, NPO_DIRECTORS, TermRule
from veiligwerk.common.models import TenantScoped

YEAR_MIN = 2000
YEAR_MAX = 2100

year_validators = [
    MinValueValidator(YEAR_MIN, message=_("Vul een jaar in vanaf %(limit_value)s.")),
    MaxValueValidator(YEAR_MAX, message=_("Vul een jaar in tot en met %(limit_value)s.")),
]
percent_validators = [
    MinValueValidator(Decimal(0), message=_("Een percentage is ten minste 0.")),
    MaxValueValidator(Decimal(100), message=_("Een percentage is hoogstens 100.")),
]


class SurveyScore(TenantScoped):
    """An organisation's score in the employee survey for one year (0–10, one decimal)."""

    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        related_name="survey_scores",
        verbose_name=_("organisatie"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"), validators=year_validators)
    score = models.DecimalField(
        _("score"),
        max_digits=3,
        decimal_places=1,
        validators=[
            MinValueValidator(Decimal(0), message=_("Een score is ten minste 0.")),
            MaxValueValidator(Decimal(10), message=_("Een score is hoogstens 10.")),
        ],
    )
    response_rate = models.DecimalField(
        _("respons (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=percent_validators,
    )
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("score medewerkersonderzoek")
        verbose_name_plural = _("scores medewerkersonderzoek")
        ordering = ["organisation__name", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="survey_score_per_organisation_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}: {self.score}"


class DiversityDimension(models.TextChoices):
    GENDER = "gender", _("vrouwen in leidinggevende functies")
    CULTURAL_BACKGROUND = "cultural_background", _("medewerkers met een migratieachtergrond")
    AGE = "age", _("medewerkers jonger dan 35")
    DISABILITY = "disability", _("medewerkers met een arbeidsbeperking")


class DiversityStatus(models.TextChoices):
    MET = "met", _("gehaald")
    NOT_MET = "not_met", _("niet gehaald")
    NOT_MEASURED = "not_measured", _("nog niet gemeten")


class DiversityFigure(TenantScoped):
    """A diversity target for a year and, once measured, the actual share. Without an
    organisation it is a sector-wide figure (set by the sector coordinator)."""

    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="diversity_figures",
        verbose_name=_("organisatie"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"), validators=year_validators)
    dimension = models.CharField(_("onderwerp"), max_length=32, choices=DiversityDimension.choices)
    target_percent = models.DecimalField(
        _("doel (%)"), max_digits=4, decimal_places=1, validators=percent_validators
    )
    actual_percent = models.DecimalField(
        _("gemeten (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=percent_validators,
    )

    class Meta:
        verbose_name = _("diversiteitscijfer")
        verbose_name_plural = _("diversiteitscijfers")
        ordering = ["organisation__name", "year", "dimension"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "dimension"],
                condition=Q(organisation__isnull=False),
                name="diversity_per_organisation_year_dimension",
            ),
            models.UniqueConstraint(
                fields=["sector", "year", "dimension"],
                condition=Q(organisation__isnull=True),
                name="diversity_sector_wide_per_year_dimension",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id or '-'} {self.year} {self.dimension}"

    @property
    def status(self) -> DiversityStatus:
        return diversity_status(target=self.target_percent, actual=self.actual_percent)


def diversity_status(*, target: Decimal, actual: Decimal | None) -> DiversityStatus:
    """Met when the actual share reaches the target; not measured while there is no actual."""
    if actual is None:
        return DiversityStatus.NOT_MEASURED
    return DiversityStatus.MET if actual >= target else DiversityStatus.NOT_MET


class TermRuleChoice(models.TextChoices):
    NPO_DIRECTORS = "npo_directors", _("NPO-directeuren (2 × 4 jaar)")
    BROADCASTERS = "broadcasters", _("Omroepen (2 × 5 jaar)")


TERM_RULES: dict[str, TermRule] = {
    TermRuleChoice.NPO_DIRECTORS: NPO_DIRECTORS,
    TermRuleChoice.BROADCASTERS: BROADCASTERS,
}


class BoardAppointment(TenantScoped):
    """A director's or board member's appointment and its terms (public information)."""

    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        related_name="board_appointments",
        verbose_name=_("organisatie"),
    )
    person_name = models.CharField(_("naam"), max_length=200)
    role_title = models.CharField(_("functie"), max_length=200)
    rule = models.CharField(_("termijnregel"), max_length=32, choices=TermRuleChoice.choices)
    term_starts = models.JSONField(_("begin van elke termijn"), default=list)
    active = models.BooleanField(_("in functie"), default=True)
    # The last warning state e-mailed, so each state is mailed once per appointment.
    warned_state = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        verbose_name = _("benoeming")
        verbose_name_plural = _("benoemingen")
        ordering = ["organisation__name", "person_name"]

    def __str__(self) -> str:
        return f"{self.person_name} ({self.role_title})"

    @property
    def term_rule(self) -> TermRule:
        return TERM_RULES[self.rule]
