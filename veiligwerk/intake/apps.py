from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "veiligwerk.intake"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from veiligwerk.tenancy.models import Membership

        post_delete.connect(_membership_deleted, sender=Membership, dispatch_uid="intake-prune")


def _membership_deleted(sender: object, instance: object, **kwargs: object) -> None:
    """A revoked role takes the sealed report keys it gave with it."""
    from veiligwerk.intake.services import report_keys_prune

    user_id = getattr(instance, "user_id", None)
    if user_id is not None:
        report_keys_prune(user_id=user_id)
