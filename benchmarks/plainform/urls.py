"""The project's URLs plus the bench-only plain form at ``bench/plain/``."""

from django.urls import path

from benchmarks.plainform.views import plain_view
from config.urls import handler404, handler500
from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("bench/plain/", plain_view, name="bench_plain"),
    *project_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
