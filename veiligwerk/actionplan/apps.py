from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "veiligwerk.actionplan"
    label = "actionplan"
    verbose_name = _("Plan van aanpak")
