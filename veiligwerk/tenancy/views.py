"""Administration of organisations: members and roles, recovery keys, key recovery."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veiligwerk.accounts.http import StaffRequest
from veiligwerk.security.access import (
    access_administration,
    access_key_recovery_request,
    access_membership_for_admin,
    access_organisation_for_admin,
)
from veiligwerk.security.keys import RecoveryFailed, key_recover, recovery_key_create
from veiligwerk.security.models import RecoveryKey
from veiligwerk.tenancy.forms import MembershipGrantForm, RecoverKeyForm
from veiligwerk.tenancy.models import Organisation
from veiligwerk.tenancy.selectors import (
    is_platform_admin,
    key_recovery_requests_open,
    members_of,
    organisations_administered_by,
)
from veiligwerk.tenancy.services import membership_grant, membership_revoke


@require_GET
def organisation_list_view(request: StaffRequest) -> HttpResponse:
    access_administration(user=request.user)
    organisations = (
        organisations_administered_by(user=request.user)
        .select_related("sector", "merged_into")
        .order_by("sector__name", "kind", "name")
    )
    return render(request, "tenancy/organisation_list.html", {"organisations": organisations})


def _detail_context(
    request: StaffRequest, organisation: Organisation, form: MembershipGrantForm
) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "members": members_of(organisation=organisation),
        "recovery_key": RecoveryKey.objects.filter(
            organisation=organisation, retired_at__isnull=True
        ).first(),
        "recoveries": key_recovery_requests_open(
            organisations=organisations_administered_by(user=request.user).filter(
                pk=organisation.pk
            )
        ),
        "form": form,
    }


@require_http_methods(["GET", "POST"])
def organisation_detail_view(request: StaffRequest, organisation_id: int) -> HttpResponse:
    user = request.user
    organisation = access_organisation_for_admin(user=user, organisation_id=organisation_id)
    form = MembershipGrantForm(
        request.POST or None, allow_platform_admin=is_platform_admin(user=user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership_grant(
                user=form.cleaned_data["username"],
                role=form.cleaned_data["role"],
                sector=organisation.sector,
                organisation=None if form.cleaned_data["sector_wide"] else organisation,
                by=user,
            )
        except ValidationError as error:
            form.add_error("role", error)
        else:
            messages.success(request, _("De rol is toegekend."))
            return redirect("tenancy:organisation_detail", organisation_id=organisation.pk)
    return render(
        request, "tenancy/organisation_detail.html", _detail_context(request, organisation, form)
    )


@require_POST
def membership_revoke_view(
    request: StaffRequest, organisation_id: int, membership_id: int
) -> HttpResponse:
    user = request.user
    organisation = access_organisation_for_admin(user=user, organisation_id=organisation_id)
    membership = access_membership_for_admin(
        user=user, organisation=organisation, membership_id=membership_id
    )
    membership_revoke(membership=membership, by=user)
    messages.success(request, _("De rol is ingetrokken."))
    return redirect("tenancy:organisation_detail", organisation_id=organisation.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_key_create_view(request: StaffRequest, organisation_id: int) -> HttpResponse:
    user = request.user
    organisation = access_organisation_for_admin(user=user, organisation_id=organisation_id)
    if request.method == "POST":
        private_text = recovery_key_create(organisation=organisation, by=user)
        # Shown in this response only; never stored, never shown again.
        return render(
            request,
            "tenancy/recovery_key_created.html",
            {"organisation": organisation, "recovery_key": private_text},
        )
    return render(request, "tenancy/recovery_key_confirm.html", {"organisation": organisation})


@sensitive_post_parameters("recovery_key")
@never_cache
@require_http_methods(["GET", "POST"])
def key_recover_view(request: StaffRequest, organisation_id: int, request_id: int) -> HttpResponse:
    user = request.user
    organisation = access_organisation_for_admin(user=user, organisation_id=organisation_id)
    recovery = access_key_recovery_request(
        user=user, organisation=organisation, request_id=request_id
    )
    form = RecoverKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            key_recover(
                request=recovery, recovery_private_key=form.cleaned_data["recovery_key"], by=user
            )
        except RecoveryFailed:
            form.add_error(
                "recovery_key",
                _(
                    "Met deze herstelsleutel kan deze sleutel niet worden hersteld. "
                    "Controleer of het de sleutel van deze organisatie is."
                ),
            )
        else:
            messages.success(
                request,
                _("De sleutel is hersteld. Hij werkt weer zodra de medewerker zich aanmeldt."),
            )
            return redirect("tenancy:organisation_detail", organisation_id=organisation.pk)
    return render(
        request,
        "tenancy/key_recover.html",
        {"organisation": organisation, "recovery": recovery, "form": form},
    )
