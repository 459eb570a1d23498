"""Form building blocks used across apps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class NoNulCharField(forms.CharField):
    """A text field that turns NUL characters (which PostgreSQL cannot store) into a clear error
    and reports over-long input with the limit, instead of failing later."""

    default_error_messages = {"nul": _("Dit veld bevat een teken dat niet is toegestaan.")}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            MaxLengthValidator(
                v.limit_value,
                message=_(
                    "Gebruik hoogstens %(limit_value)d tekens (u gebruikte er %(show_value)d)."
                ),
            )
            if isinstance(v, MaxLengthValidator)
            else v
            for v in self.validators
        ]

    def to_python(self, value: Any) -> str:
        text = super().to_python(value) or ""
        if "\x00" in text:
            raise forms.ValidationError(self.error_messages["nul"], code="nul")
        return text
