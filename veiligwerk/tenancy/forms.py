from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from veiligwerk.accounts.models import User
from veiligwerk.common.forms import NoNulCharField
from veiligwerk.tenancy.models import SECTOR_WIDE_ROLES, Role


class MembershipGrantForm(forms.Form):
    username = NoNulCharField(label=_("Gebruikersnaam van de medewerker"), max_length=150)
    role = forms.ChoiceField(label=_("Rol"), choices=())
    sector_wide = forms.BooleanField(
        label=_("Voor de hele sector (alleen bij sectorbrede rollen)"), required=False
    )

    def __init__(self, *args: object, allow_platform_admin: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [c for c in Role.choices if allow_platform_admin or c[0] != Role.PLATFORM_ADMIN]
        self.fields["role"].choices = choices  # type: ignore[attr-defined]

    def clean_username(self) -> User:
        user = User.objects.filter(
            username=self.cleaned_data["username"].strip(), is_active=True
        ).first()
        if user is None:
            raise forms.ValidationError(_("Er is geen actieve medewerker met deze gebruikersnaam."))
        return user

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("sector_wide") and cleaned.get("role") not in SECTOR_WIDE_ROLES:
            self.add_error("sector_wide", _("Deze rol geldt alleen binnen één organisatie."))
        return cleaned


class RecoverKeyForm(forms.Form):
    recovery_key = NoNulCharField(
        label=_("Herstelsleutel van de organisatie"),
        max_length=200,
        help_text=_(
            "De sleutel die bij het aanmaken één keer is getoond, met of zonder streepjes."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
