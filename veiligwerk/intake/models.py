"""Reports (meldingen) and what hangs off them.

Only non-identifying metadata is in clear: sector, organisation, route, categories, channel,
dates and state. Everything a person wrote or uploaded is encrypted with the report's own random
content key; that key is sealed to each entitled handler's public key (:class:`ReportKey`) and to
the reporter's receipt key (``Report.sealed_key_for_reporter``).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.models import TenantScoped, TimeStamped

ACKNOWLEDGE_WITHIN = dt.timedelta(days=7)  # Wbk / EU directive 2019/1937
FEEDBACK_WITHIN_MONTHS = 3


class Category(models.TextChoices):
    SEXUAL_HARASSMENT = "sexual_harassment", _("Seksuele intimidatie")
    DISCRIMINATION = "discrimination", _("Racisme of discriminatie")
    BULLYING = "bullying", _("Pesten")
    AGGRESSION = "aggression", _("Agressie of geweld")
    ABUSE_OF_POWER = "abuse_of_power", _("Machtsmisbruik")
    INTEGRITY = "integrity", _("Integriteit")
    OTHER = "other", _("Iets anders")


class Channel(models.TextChoices):
    ONLINE = "online", _("Via het platform")
    ORAL = "oral", _("Mondeling of telefonisch")


class ReportState(models.TextChoices):
    RECEIVED = "received", _("Ontvangen")
    ACKNOWLEDGED = "acknowledged", _("In behandeling")
    CLOSED = "closed", _("Afgesloten")


def add_months(day: dt.date, months: int) -> dt.date:
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Report(TenantScoped):
    # Empty when the reporter would rather not say (only on sector-wide routes).
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("organisatie"),
    )
    route = models.ForeignKey(
        "routes.Route", on_delete=models.PROTECT, related_name="reports", verbose_name=_("route")
    )
    categories = models.JSONField(_("onderwerpen"), default=list)
    channel = models.CharField(
        _("kanaal"), max_length=16, choices=Channel.choices, default=Channel.ONLINE
    )
    state = models.CharField(
        _("stand"), max_length=16, choices=ReportState.choices, default=ReportState.RECEIVED
    )
    acknowledged_at = models.DateTimeField(_("ontvangst bevestigd op"), null=True, blank=True)
    # The receipt: lookup part in clear (unique index), a verifier of the secret part.
    receipt_lookup = models.CharField(max_length=16, unique=True)
    receipt_salt = models.BinaryField(max_length=16)
    receipt_verifier = models.BinaryField(max_length=32)
    receipt_opslimit = models.PositiveIntegerField()
    receipt_memlimit = models.PositiveBigIntegerField()
    reporter_public_key = models.BinaryField(max_length=32)
    sealed_key_for_reporter = models.BinaryField()
    # A digest of the draft's id: submitting the same draft twice finds this report.
    submission_token = models.CharField(max_length=64, unique=True)
    content = models.BinaryField()
    last_reporter_activity_at = models.DateTimeField(null=True, blank=True)
    last_handler_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sector", "route", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def acknowledge_due(self) -> dt.date:
        return (self.created_at + ACKNOWLEDGE_WITHIN).date()

    @property
    def feedback_due(self) -> dt.date:
        """Three months after the acknowledgement, or after the end of the 7 days (Wbk)."""
        start = self.acknowledged_at.date() if self.acknowledged_at else self.acknowledge_due
        return add_months(start, FEEDBACK_WITHIN_MONTHS)

    def category_labels(self) -> list[str]:
        return [str(Category(c).label) for c in self.categories if c in Category.values]


class ReportKey(TimeStamped):
    """The report's content key, sealed to one handler's public key."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="keys")
    user_key = models.ForeignKey(
        "security.UserKey", on_delete=models.CASCADE, related_name="report_keys"
    )
    sealed_key = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "user_key"], name="one_report_key_per_handler"
            )
        ]


class Author(models.TextChoices):
    REPORTER = "reporter", _("Melder")
    HANDLER = "handler", _("Behandelaar")


class Message(TimeStamped):
    """A message in the report's two-way dialogue, encrypted with the report's content key."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=16, choices=Author.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.BinaryField()

    class Meta:
        ordering = ["created_at", "pk"]


class Attachment(TimeStamped):
    """A file, stored encrypted in the file store; name and type are encrypted too.

    Uploaded during a draft, it carries the draft's token until the report is submitted."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    message = models.ForeignKey(
        Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    draft_token = models.CharField(max_length=64, blank=True, db_index=True)
    author_kind = models.CharField(max_length=16, choices=Author.choices)
    blob = models.FileField(upload_to="intake/%Y/%m/")
    meta = models.BinaryField()
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["created_at", "pk"]
