"""Staff log-in (password, then second factor), enrolment, log-out, password change, home."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from veiligwerk.accounts import throttle
from veiligwerk.accounts.forms import (
    LoginForm,
    PasswordChangeForm,
    RecoveryOrTokenForm,
    TokenForm,
)
from veiligwerk.accounts.http import StaffRequest
from veiligwerk.accounts.middleware import second_factor_exempt
from veiligwerk.accounts.selectors import has_confirmed_totp, staff_home_for
from veiligwerk.accounts.services import (
    password_change,
    second_factor_verify,
    totp_device_pending,
    totp_enrol_confirm,
)
from veiligwerk.security.audit import AuditAction, audit_record
from veiligwerk.security.keys import key_login, session_key_clear, session_key_get, session_key_put


@login_not_required
@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.user.is_verified():
        return redirect("accounts:home")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        password = form.cleaned_data["password"]
        blocked_until = throttle.login_blocked_until(username=username)
        user = None
        if blocked_until is None:
            user = authenticate(request, username=username, password=password)
            if user is None:
                audit_record(action=AuditAction.LOGIN_FAILED)
                blocked_until = throttle.login_failure_record(username=username)
        else:
            audit_record(action=AuditAction.LOGIN_THROTTLED)
        if user is not None:
            throttle.login_success_record(username=username)
            login(request, user)
            private_key = key_login(user=user, password=password)
            target = "accounts:verify" if has_confirmed_totp(user=user) else "accounts:enrol"
            response = redirect(target)
            if private_key is not None:
                session_key_put(request, response, private_key)
            return response
        if blocked_until is not None:
            when = formats.time_format(timezone.localtime(blocked_until), "H:i")
            form.add_error(
                None,
                _("Te veel mislukte pogingen. U kunt het weer proberen na %(time)s.")
                % {"time": when},
            )
        else:
            form.add_error(None, _("De gebruikersnaam of het wachtwoord klopt niet."))
    return render(request, "accounts/login.html", {"form": form})


@second_factor_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    if user.is_verified():
        return redirect("accounts:home")
    if has_confirmed_totp(user=user):
        return redirect("accounts:verify")
    device = totp_device_pending(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = totp_enrol_confirm(user=user, token=form.cleaned_data["token"])
        if codes is not None:
            otp_login(request, device)
            audit_record(action=AuditAction.LOGIN, actor=user)
            # Shown once, in this response only; never stored in clear or sent again.
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        form.add_error("token", _("Deze code klopt niet. Gebruik de code die uw app nu toont."))
    secret = _base32(device.bin_key)
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, dark="#000", light="#fff", title=_("QR-code")),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        },
    )


def _base32(key: bytes) -> str:
    return base64.b32encode(key).decode("ascii").rstrip("=")


@second_factor_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def verify_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    if user.is_verified():
        return redirect("accounts:home")
    if not has_confirmed_totp(user=user):
        return redirect("accounts:enrol")
    form = RecoveryOrTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor_verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            audit_record(action=AuditAction.LOGIN, actor=user)
            return redirect("accounts:home")
        form.add_error(
            "token",
            _(
                "Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer opnieuw."
            ),
        )
    return render(request, "accounts/verify.html", {"form": form})


@login_not_required
@second_factor_exempt
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit_record(action=AuditAction.LOGOUT, actor=request.user)
    logout(request)
    response = redirect("accounts:logged_out")
    session_key_clear(response)
    return response


@login_not_required
def logged_out_view(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/logged_out.html")


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
def password_change_view(request: StaffRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_change(
            user=request.user,
            old_password=form.cleaned_data["old_password"],
            new_password=form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Uw wachtwoord is gewijzigd. Uw sleutel blijft dezelfde."))
        return redirect("accounts:home")
    return render(request, "accounts/password_change.html", {"form": form})


@never_cache
def home_view(request: StaffRequest) -> HttpResponse:
    user = request.user
    home = staff_home_for(user=user, key_unlocked=session_key_get(request) is not None)
    return render(request, "accounts/home.html", {"home": home})


class _AuditedPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        audit_record(action=AuditAction.PASSWORD_RESET, actor=form.user)
        return response


password_reset_view = login_not_required(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset_form.html",
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done_view = login_not_required(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm_view = login_not_required(
    _AuditedPasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete_view = login_not_required(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
