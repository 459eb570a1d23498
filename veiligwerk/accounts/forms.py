from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.forms import NoNulCharField


class LoginForm(forms.Form):
    username = NoNulCharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = NoNulCharField(
        label=_("Wachtwoord"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(forms.Form):
    token = NoNulCharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split())


class RecoveryOrTokenForm(TokenForm):
    token = NoNulCharField(
        label=_("Code uit uw app, of een herstelcode"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class PasswordChangeForm(forms.Form):
    old_password = NoNulCharField(
        label=_("Huidig wachtwoord"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password1 = NoNulCharField(
        label=_("Nieuw wachtwoord"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens. Geen veelgebruikt wachtwoord."),
    )
    new_password2 = NoNulCharField(
        label=_("Nieuw wachtwoord nog een keer"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, user: object, *args: object, **kwargs: object) -> None:
        self.user = user
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean_old_password(self) -> str:
        old = self.cleaned_data["old_password"]
        if not self.user.check_password(old):  # type: ignore[attr-defined]
            raise forms.ValidationError(_("Het huidige wachtwoord klopt niet."))
        return old

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        new1, new2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if new1 and new2:
            if new1 != new2:
                self.add_error("new_password2", _("De twee nieuwe wachtwoorden zijn niet gelijk."))
            else:
                try:
                    password_validation.validate_password(str(new1), self.user)  # type: ignore[arg-type]
                except forms.ValidationError as error:
                    self.add_error("new_password1", error)
        return cleaned
