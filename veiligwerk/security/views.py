"""The audit trail, for platform administrators."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from veiligwerk.accounts.http import StaffRequest
from veiligwerk.security.access import require_platform_admin
from veiligwerk.security.audit import audit_verify
from veiligwerk.security.models import AuditEvent


@require_GET
def audit_log_view(request: StaffRequest) -> HttpResponse:
    require_platform_admin(user=request.user)
    events = AuditEvent.objects.select_related("actor").order_by("-sequence")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "security/audit_log.html", {"page": page, "verdict": audit_verify()})
