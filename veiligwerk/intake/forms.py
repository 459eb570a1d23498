"""The report form, one question per page (REPORTER-UX.md), and the receipt log-in.

Each step is a small form; its first field's label is the page's question (``h1``). Limits are
generous but finite, and every rejection says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.forms import NoNulCharField
from veiligwerk.intake.models import Category
from veiligwerk.routes.models import Anonymity, HandlerScope, Route
from veiligwerk.tenancy.models import Organisation

TEXT_LIMIT = 20_000
SHORT_LIMIT = 500


class Identity:
    ANONYMOUS = "anonymous"
    CONFIDENTIAL = "confidential"
    NAMED = "named"


IDENTITY_CHOICES = [
    (
        Identity.ANONYMOUS,
        _("Anoniem: niemand weet wie ik ben"),
    ),
    (
        Identity.CONFIDENTIAL,
        _("Vertrouwelijk: alleen wie mijn melding behandelt, weet mijn naam"),
    ),
    (
        Identity.NAMED,
        _("Met naam: mijn naam mag worden gebruikt bij de aanpak"),
    ),
]
IDENTITY_LABELS = dict(IDENTITY_CHOICES)


def _text(label: Any, *, required: bool, limit: int, help_text: Any = "", rows: int = 0) -> Any:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return NoNulCharField(
        label=label,
        required=required,
        max_length=limit,
        help_text=help_text,
        widget=widget,
        strip=True,
    )


class CategoriesForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Waar gaat uw melding over?"),
        help_text=_("Kies alles wat past."),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één onderwerp.")},
    )


class WhatForm(forms.Form):
    what = _text(
        _("Wat is er gebeurd?"),
        required=True,
        limit=TEXT_LIMIT,
        help_text=_("Vertel het in uw eigen woorden. Schrijf op wat u nog weet."),
        rows=12,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["what"].error_messages["required"] = _("Vertel wat er is gebeurd.")


class WhenForm(forms.Form):
    when = _text(
        _("Wanneer is het gebeurd?"),
        required=False,
        limit=SHORT_LIMIT,
        help_text=_("Een datum of een periode, bijvoorbeeld: 3 maart 2025, of: sinds de zomer."),
    )


class WhereForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Bij welke organisatie is het gebeurd?"))
    where = _text(
        _("Afdeling, programma of productie"),
        required=False,
        limit=SHORT_LIMIT,
    )

    def __init__(
        self, *args: Any, organisations: list[Organisation], allow_unknown: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("Kies een organisatie"))]
        choices += [(str(o.pk), o.name) for o in organisations]
        if allow_unknown:
            choices.append(("none", _("Zeg ik liever niet")))
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        field.error_messages["required"] = _("Kies een organisatie.")
        field.error_messages["invalid_choice"] = _("Kies een organisatie uit de lijst.")


class WishesForm(forms.Form):
    wishes = _text(
        _("Wat wilt u dat er gebeurt?"),
        required=False,
        limit=TEXT_LIMIT,
        help_text=_(
            "Bijvoorbeeld: dat iemand naar u luistert, dat het stopt, of dat er iets verandert."
        ),
        rows=6,
    )


class IdentityForm(forms.Form):
    identity = forms.ChoiceField(
        label=_("Wie mag weten dat u dit meldt?"),
        widget=forms.RadioSelect,
        choices=IDENTITY_CHOICES,
        error_messages={"required": _("Kies hoe bekend u wilt zijn.")},
    )

    def __init__(self, *args: Any, anonymous_allowed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not anonymous_allowed:
            field = self.fields["identity"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = IDENTITY_CHOICES[1:]
            field.help_text = _(
                "Een klacht kan niet anoniem: wie de klacht gaat over, moet weten waar hij over "
                "gaat. De commissie gaat vertrouwelijk met uw gegevens om."
            )


class ContactForm(forms.Form):
    name = _text(_("Uw naam"), required=False, limit=200)
    contact = _text(
        _("Hoe kunnen we u bereiken?"),
        required=False,
        limit=SHORT_LIMIT,
        help_text=_(
            "Bijvoorbeeld een telefoonnummer. U kunt ook alleen via uw code contact houden."
        ),
    )
    email = forms.EmailField(
        label=_("E-mailadres voor een bericht als er nieuws is"),
        required=False,
        max_length=254,
        help_text=_(
            "We sturen dan alleen: er is nieuws, log in met uw code. Let op: een e-mailadres kan "
            "laten zien wie u bent. Gebruik geen e-mailadres van uw werk."
        ),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )

    def __init__(self, *args: Any, name_required: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name_required = name_required
        if not name_required:
            del self.fields["name"]

    def clean_name(self) -> str:
        name = str(self.cleaned_data.get("name", ""))
        if self.name_required and not name:
            raise forms.ValidationError(_("Vul uw naam in."), code="required")
        return name


class AccusedForm(forms.Form):
    accused = _text(
        _("Over wie gaat uw melding?"),
        required=False,
        limit=SHORT_LIMIT,
        help_text=_(
            "Naam en functie, als u die weet. Alleen wie uw melding behandelt, kan dit lezen."
        ),
    )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("Wilt u een bestand meesturen?"),
        required=False,
        help_text=_("Een PDF, een foto (JPG of PNG) of een tekstbestand, hoogstens 10 MB."),
        error_messages={"empty": _("Dit bestand is leeg.")},
    )


class _CodeField(forms.CharField):
    """Takes anything typed: a wrong code of any shape gets the one answer "does not match"."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = []


class CodeForm(forms.Form):
    code = _CodeField(
        label=_("Uw code"),
        help_text=_("De code die u kreeg toen u uw melding stuurde, 24 tekens."),
        error_messages={"required": _("Vul uw code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class MessageForm(forms.Form):
    text = _text(_("Uw bericht"), required=True, limit=TEXT_LIMIT, rows=6)
    file = forms.FileField(label=_("Bestand"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Schrijf een bericht.")


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type[forms.Form]
    fields: tuple[str, ...]


STEPS: list[Step] = [
    Step("onderwerp", CategoriesForm, ("categories",)),
    Step("wat", WhatForm, ("what",)),
    Step("wanneer", WhenForm, ("when",)),
    Step("waar", WhereForm, ("organisation", "where")),
    Step("wens", WishesForm, ("wishes",)),
    Step("bekendheid", IdentityForm, ("identity",)),
    Step("gegevens", ContactForm, ("name", "contact", "email")),
    Step("over-wie", AccusedForm, ("accused",)),
    Step("bestanden", FileForm, ()),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def anonymous_allowed(route: Route) -> bool:
    return route.anonymity != Anonymity.NONE


def organisation_unknown_allowed(route: Route) -> bool:
    return route.handler_scope == HandlerScope.SECTOR
