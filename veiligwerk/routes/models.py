"""The route wizard's data: reporting routes, and versioned rule sets (questions and rules)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.models import Bilingual, TenantScoped


class RouteKind(models.TextChoices):
    # In this platform
    CONFIDENTIAL_ADVISER = "confidential_adviser", _("Vertrouwenspersoon")
    COMPLAINTS_COMMITTEE = "complaints_committee", _("Klachtencommissie")
    AFTERCARE = "aftercare", _("Nazorg")
    INTEGRITY_REPORT = "integrity_report", _("Integriteitsmelding")
    # Elsewhere
    EMERGENCY = "emergency", _("Noodhulp")
    POLICE = "police", _("Politie")
    WHISTLEBLOWER_AUTHORITY = "whistleblower_authority", _("Huis voor Klokkenluiders")
    HUMAN_RIGHTS_BOARD = "human_rights_board", _("College voor de Rechten van de Mens")
    MEDIA_REGULATOR = "media_regulator", _("Commissariaat voor de Media")
    SECTOR_SUPPORT = "sector_support", _("Mores.online")
    COMPANY_DOCTOR = "company_doctor", _("Bedrijfsarts")
    MANAGER_HR = "manager_hr", _("Leidinggevende of HR")


IN_PLATFORM_KINDS = frozenset(
    {
        RouteKind.CONFIDENTIAL_ADVISER,
        RouteKind.COMPLAINTS_COMMITTEE,
        RouteKind.AFTERCARE,
        RouteKind.INTEGRITY_REPORT,
    }
)


class Anonymity(models.TextChoices):
    NONE = "none", _("Niet anoniem")
    TOWARDS_EMPLOYER = "towards_employer", _("Anoniem naar uw werkgever")
    FULL = "full", _("Helemaal anoniem mogelijk")
    MEDICAL_SECRECY = "medical_secrecy", _("Medisch beroepsgeheim")


class HandlerScope(models.TextChoices):
    SECTOR = "sector", _("Iedereen met de rol in de sector")
    ORGANISATION = "organisation", _("Iedereen met de rol in de organisatie van de melding")


class Route(Bilingual, TenantScoped):
    """One way to get help or report (meldroute): in this platform or elsewhere.

    Texts come in Dutch and English (``*_nl`` / ``*_en``); English falls back to Dutch."""

    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routes",
        verbose_name=_("organisatie"),
        help_text=_("Leeg: de route geldt voor de hele sector."),
    )
    slug = models.SlugField(_("korte naam"), max_length=60)
    kind = models.CharField(_("soort"), max_length=32, choices=RouteKind.choices)
    name_nl = models.CharField(_("naam (Nederlands)"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    summary_nl = models.TextField(_("wat doet deze route (Nederlands)"))
    summary_en = models.TextField(_("wat doet deze route (Engels)"), blank=True)
    audience_nl = models.TextField(_("voor wie (Nederlands)"))
    audience_en = models.TextField(_("voor wie (Engels)"), blank=True)
    anonymity = models.CharField(_("anonimiteit"), max_length=32, choices=Anonymity.choices)
    anonymity_note_nl = models.TextField(_("toelichting anonimiteit (Nederlands)"), blank=True)
    anonymity_note_en = models.TextField(_("toelichting anonimiteit (Engels)"), blank=True)
    outcome_nl = models.TextField(_("waar het toe leidt (Nederlands)"))
    outcome_en = models.TextField(_("waar het toe leidt (Engels)"), blank=True)
    next_steps_nl = models.TextField(_("wat er nu gebeurt (Nederlands)"))
    next_steps_en = models.TextField(_("wat er nu gebeurt (Engels)"), blank=True)
    contact_nl = models.TextField(_("contact (Nederlands)"), blank=True)
    contact_en = models.TextField(_("contact (Engels)"), blank=True)
    valid_from = models.DateField(_("open vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("open tot en met"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("vervangen door"),
    )
    # Who handles reports made here (in-platform routes only): the roles whose members get the
    # report's key, and whether they are the sector's members with that role or only those of
    # the organisation the report is about (the route's own organisation, if it has one).
    handler_roles = models.JSONField(_("behandelaars (rollen)"), default=list, blank=True)
    handler_scope = models.CharField(
        _("behandelaars uit"),
        max_length=16,
        choices=HandlerScope.choices,
        default=HandlerScope.ORGANISATION,
    )

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        ordering = ["sector", "organisation", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "slug"],
                condition=Q(organisation__isnull=True),
                name="route_slug_per_sector",
            ),
            models.UniqueConstraint(
                fields=["sector", "organisation", "slug"],
                condition=Q(organisation__isnull=False),
                name="route_slug_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="route_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name_nl

    # The texts in the active language, for templates.
    name = property(lambda self: self.text("name"))
    summary = property(lambda self: self.text("summary"))
    audience = property(lambda self: self.text("audience"))
    anonymity_note = property(lambda self: self.text("anonymity_note"))
    outcome = property(lambda self: self.text("outcome"))
    next_steps = property(lambda self: self.text("next_steps"))
    contact = property(lambda self: self.text("contact"))

    @property
    def in_platform(self) -> bool:
        return self.kind in IN_PLATFORM_KINDS

    @property
    def is_emergency(self) -> bool:
        return self.kind == RouteKind.EMERGENCY

    def is_open_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class RuleSetVersion(TenantScoped):
    """One version of a sector's questions and rules. Editors change the draft; people see the
    newest published version; every published version is kept unchanged."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("Gepubliceerd")

    number = models.PositiveIntegerField(_("versie"))
    state = models.CharField(_("status"), max_length=16, choices=State.choices)
    content = models.JSONField(_("vragen en regels"))
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("versie van de wegwijzer")
        verbose_name_plural = _("versies van de wegwijzer")
        constraints = [
            models.UniqueConstraint(fields=["sector", "number"], name="ruleset_number_per_sector"),
            models.UniqueConstraint(
                fields=["sector"],
                condition=Q(state="draft"),
                name="one_draft_ruleset_per_sector",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sector} v{self.number} ({self.state})"


class CoreValue(Bilingual, TenantScoped):
    """A core value of the sector's code of conduct (gedragscode), e.g. "respectvol"."""

    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    name_nl = models.CharField(_("naam (Nederlands)"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100, blank=True)
    text_nl = models.TextField(_("uitleg (Nederlands)"))
    text_en = models.TextField(_("uitleg (Engels)"), blank=True)

    class Meta:
        verbose_name = _("kernwaarde")
        verbose_name_plural = _("kernwaarden")
        ordering = ["sector", "order"]

    def __str__(self) -> str:
        return self.name_nl

    name = property(lambda self: self.text("name"))
    explanation = property(lambda self: self.text("text"))
