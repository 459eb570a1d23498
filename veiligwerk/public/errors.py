"""Error pages: the same plain page for anything not found or not allowed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("errors/404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may lie there. Says nothing about what failed.
    return HttpResponse(render_to_string("errors/500.html"), status=500)
