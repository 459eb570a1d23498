from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "veiligwerk.public"
    label = "public"
