from django.apps import AppConfig


class PlainFormConfig(AppConfig):
    name = "benchmarks.plainform"
    label = "plainform"
    default_auto_field = "django.db.models.BigAutoField"
