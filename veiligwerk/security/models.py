"""Key material (always wrapped or public) and the append-only audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.models import TimeStamped


class UserKey(TimeStamped):
    """A staff user's Curve25519 key pair. The private half is stored only wrapped (SecretBox)
    under an Argon2id key derived from the user's password, with the parameters used."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="key"
    )
    public_key = models.BinaryField(max_length=32)
    wrapped_private_key = models.BinaryField()
    kdf_salt = models.BinaryField(max_length=16)
    kdf_opslimit = models.PositiveIntegerField()
    kdf_memlimit = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("sleutel van medewerker")
        verbose_name_plural = _("sleutels van medewerkers")


class RecoveryKey(TimeStamped):
    """An organisation's recovery key pair. Only the public half is stored; the private half is
    shown once to the person who created it, for offline storage."""

    organisation = models.ForeignKey(
        "tenancy.Organisation", on_delete=models.PROTECT, related_name="recovery_keys"
    )
    public_key = models.BinaryField(max_length=32)
    fingerprint = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("herstelsleutel")
        verbose_name_plural = _("herstelsleutels")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(retired_at__isnull=True),
                name="one_active_recovery_key_per_organisation",
            )
        ]


class KeyEscrow(TimeStamped):
    """A user's private key sealed to an organisation's recovery key."""

    user_key = models.ForeignKey(UserKey, on_delete=models.CASCADE, related_name="escrows")
    recovery_key = models.ForeignKey(RecoveryKey, on_delete=models.CASCADE, related_name="escrows")
    sealed_private_key = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user_key", "recovery_key"], name="one_escrow_per_pair")
        ]


class KeyRecoveryRequest(TimeStamped):
    """Raised when a user's password no longer opens their key (after a password reset).

    The request holds a fresh ephemeral key pair whose private half is wrapped under the user's
    current password. Recovery seals the user's old private key to the ephemeral public key, so
    neither the recovering officer nor the database ever sees it in the clear; at the user's next
    log-in it is unsealed and re-wrapped under their password.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Wacht op herstel")
        RECOVERED = "recovered", _("Hersteld, wacht op aanmelding")
        COMPLETED = "completed", _("Afgerond")

    user_key = models.ForeignKey(UserKey, on_delete=models.CASCADE, related_name="recoveries")
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    ephemeral_public_key = models.BinaryField(max_length=32)
    wrapped_ephemeral_private_key = models.BinaryField()
    kdf_salt = models.BinaryField(max_length=16)
    kdf_opslimit = models.PositiveIntegerField()
    kdf_memlimit = models.PositiveBigIntegerField()
    sealed_private_key = models.BinaryField(null=True, blank=True)
    recovered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class AuditEvent(models.Model):
    """One link in the append-only, hash-chained audit log. Never updated or deleted."""

    sequence = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField()
    action = models.CharField(max_length=64, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    sector_id_ref = models.BigIntegerField(null=True, blank=True, db_index=True)
    organisation_id_ref = models.BigIntegerField(null=True, blank=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise RuntimeError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Audit events are append-only.")


class AuditHead(models.Model):
    """Single row locked while appending, so concurrent writers extend the chain one at a time."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"head #{self.sequence}"
