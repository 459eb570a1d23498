from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "veiligwerk.common"
    label = "common"
