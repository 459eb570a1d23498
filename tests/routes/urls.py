"""The project's URLs plus the wizard editor, mounted where config/urls.py will mount it."""

from django.urls import include, path

from config.urls import handler404, handler500
from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    *project_urlpatterns,
    path("staff/wegwijzer/", include("veiligwerk.routes.editor_urls")),
]

__all__ = ["handler404", "handler500", "urlpatterns"]
