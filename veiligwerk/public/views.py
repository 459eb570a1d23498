"""The few pages anyone may see without logging in. Every view here is on the reviewed
allow-list in tests/security/test_access_matrix.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from veiligwerk.tenancy.models import Sector


@login_not_required
@require_GET
def home_view(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html", {"sectors": Sector.objects.order_by("name")})


@login_not_required
@never_cache
@require_GET
def health_view(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers, 503 otherwise. Says nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
