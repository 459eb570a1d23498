"""Forms of the indicators: a survey score, a D&I figure and a board appointment. Each adding
form lets the person pick where the row belongs (their own organisation, or for the sector
coordinator the sector as a whole); editing keeps the row where it is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veiligwerk.actionplan.terms import Appointment, term_status
from veiligwerk.common.forms import NoNulCharField
from veiligwerk.common.time import today
from veiligwerk.indicators.models import (
    TERM_RULES,
    YEAR_MAX,
    YEAR_MIN,
    BoardAppointment,
    DiversityDimension,
    DiversityFigure,
    SurveyScore,
    TermRuleChoice,
    percent_validators,
)
from veiligwerk.indicators.selectors import Scope
from veiligwerk.tenancy.models import Organisation, Sector

MAX_TERMS_LINES = 10
DATE_MIN = dt.date(1950, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)

# A place for a row: its sector and organisation (None: sector-wide).
Target = tuple[int, int | None]


class DecimalCommaField(forms.DecimalField):
    """A decimal that also takes a comma, as people write it in Dutch (7,5); a text box with
    the decimal keypad on phones, because a number box refuses the comma in some browsers."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Jaar"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        error_messages={
            "min_value": _("Vul een jaar in vanaf %(limit_value)s."),
            "max_value": _("Vul een jaar in tot en met %(limit_value)s."),
            "invalid": _("Vul een jaar in, bijvoorbeeld 2025."),
        },
    )


def _percent_field(label: Any, *, required: bool) -> DecimalCommaField:
    return DecimalCommaField(
        label=label,
        required=required,
        max_digits=4,
        decimal_places=1,
        validators=percent_validators,
        error_messages={"invalid": _("Vul een percentage in, bijvoorbeeld 42,5.")},
    )


class _TargetMixin(forms.Form):
    """The "where" field, present only when adding."""

    target_places: dict[str, Target]

    def _add_target(self, places: list[tuple[str, str, Target]] | None) -> None:
        self.target_places = {}
        if places is None:
            return
        self.target_places = {key: target for key, _label, target in places}
        self.fields = {
            "target": forms.ChoiceField(
                label=_("Organisatie"), choices=[(key, label) for key, label, _t in places]
            ),
            **self.fields,
        }

    def target(self) -> Target | None:
        key = self.cleaned_data.get("target")
        return self.target_places.get(key) if key else None


def places_for(
    *, scope: Scope, organisations: list[Organisation], sectors: list[Sector] | None = None
) -> list[tuple[str, str, Target]]:
    places: list[tuple[str, str, Target]] = [
        (
            f"s{sector.pk}",
            str(_("Hele sector: %(sector)s") % {"sector": sector.name}),
            (sector.pk, None),
        )
        for sector in sectors or []
        if sector.pk in scope.sectors_edit
    ]
    places += [
        (f"o{o.pk}", o.name, (o.sector_id, o.pk))
        for o in organisations
        if o.pk in scope.organisations_edit
    ]
    return places


class SurveyScoreForm(_TargetMixin):
    year = _year_field()
    score = DecimalCommaField(
        label=_("Score (0 tot en met 10)"),
        help_text=_("Het gemiddelde cijfer van de organisatie, met hoogstens één decimaal."),
        max_digits=3,
        decimal_places=1,
        validators=SurveyScore._meta.get_field("score").validators,
        error_messages={"invalid": _("Vul een cijfer in, bijvoorbeeld 7,4.")},
    )
    response_rate = _percent_field(_("Respons (%)"), required=False)
    note = NoNulCharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        places: list[tuple[str, str, Target]] | None = None,
        instance: SurveyScore | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance = instance
        self._add_target(places)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        target = self.target()
        organisation_id = (
            target[1] if target else (self.instance.organisation_id if self.instance else None)
        )
        year = cleaned.get("year")
        if organisation_id is not None and year is not None:
            duplicate = SurveyScore.objects.filter(organisation_id=organisation_id, year=year)
            if self.instance is not None:
                duplicate = duplicate.exclude(pk=self.instance.pk)
            if duplicate.exists():
                self.add_error(
                    "year", _("Voor deze organisatie is over dit jaar al een score ingevuld.")
                )
        return cleaned

    def values(self) -> dict[str, Any]:
        """The cleaned values as the service takes them."""
        return {
            "year": self.cleaned_data["year"],
            "value": self.cleaned_data["score"],
            "response_rate": self.cleaned_data["response_rate"],
            "note": self.cleaned_data["note"],
        }


class DiversityFigureForm(_TargetMixin):
    year = _year_field()
    dimension = forms.ChoiceField(label=_("Onderwerp"), choices=DiversityDimension.choices)
    target_percent = _percent_field(_("Doel (%)"), required=True)
    actual_percent = _percent_field(_("Gemeten (%)"), required=False)

    def __init__(
        self,
        *args: Any,
        places: list[tuple[str, str, Target]] | None = None,
        instance: DiversityFigure | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.fields["actual_percent"].help_text = _("Laat leeg zolang er niet is gemeten.")
        self._add_target(places)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        target = self.target()
        if target is None and self.instance is not None:
            target = (self.instance.sector_id, self.instance.organisation_id)
        year, dimension = cleaned.get("year"), cleaned.get("dimension")
        if target is not None and year is not None and dimension:
            place = (
                Q(organisation__isnull=True) if target[1] is None else Q(organisation_id=target[1])
            )
            duplicate = DiversityFigure.objects.filter(
                place, sector_id=target[0], year=year, dimension=dimension
            )
            if self.instance is not None:
                duplicate = duplicate.exclude(pk=self.instance.pk)
            if duplicate.exists():
                self.add_error(
                    "dimension",
                    _("Voor dit onderwerp is over dit jaar al een doel ingevuld."),
                )
        return cleaned

    def values(self) -> dict[str, Any]:
        """The cleaned values as the service takes them."""
        return {
            "year": self.cleaned_data["year"],
            "dimension": self.cleaned_data["dimension"],
            "target_percent": self.cleaned_data["target_percent"],
            "actual_percent": self.cleaned_data["actual_percent"],
        }


def parse_day(text: str) -> dt.date:
    """A date written dd-mm-jjjj (also d-m-jjjj, with / or .) or as ISO (jjjj-mm-dd)."""
    value = text.strip()
    for separator in "/.":
        value = value.replace(separator, "-")
    parts = value.split("-")
    if len(parts) != 3 or not all(p.isdigit() and p.isascii() for p in parts):
        raise ValueError(value)
    if len(parts[0]) == 4:
        year, month, day = parts
    elif len(parts[2]) == 4:
        day, month, year = parts
    else:
        raise ValueError(value)
    return dt.date(int(year), int(month), int(day))


class BoardAppointmentForm(_TargetMixin):
    person_name = NoNulCharField(label=_("Naam"), max_length=200)
    role_title = NoNulCharField(
        label=_("Functie"), max_length=200, help_text=_("Bijvoorbeeld: directeur, bestuurder.")
    )
    rule = forms.ChoiceField(label=_("Termijnregel"), choices=TermRuleChoice.choices)
    term_starts = NoNulCharField(
        label=_("Begin van elke termijn"),
        help_text=_("Eén datum per regel (dd-mm-jjjj): eerst de benoeming, dan elke herbenoeming."),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    active = forms.BooleanField(label=_("Nog in functie"), required=False, initial=True)

    def __init__(
        self,
        *args: Any,
        places: list[tuple[str, str, Target]] | None = None,
        instance: BoardAppointment | None = None,
        **kwargs: Any,
    ) -> None:
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "person_name": instance.person_name,
                "role_title": instance.role_title,
                "rule": instance.rule,
                "term_starts": "\n".join(
                    dt.date.fromisoformat(s).strftime("%d-%m-%Y") for s in instance.term_starts
                ),
                "active": instance.active,
            }
        super().__init__(*args, **kwargs)
        self.instance = instance
        self._add_target(places)

    def clean_term_starts(self) -> list[dt.date]:
        lines = [line.strip() for line in self.cleaned_data["term_starts"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise ValidationError(_("Vul ten minste de datum van de benoeming in."))
        if len(lines) > MAX_TERMS_LINES:
            raise ValidationError(
                _("Te veel termijnen: hoogstens %(max)s.") % {"max": MAX_TERMS_LINES}
            )
        days = []
        for line in lines:
            try:
                day = parse_day(line)
            except ValueError:
                raise ValidationError(
                    _("“%(value)s” is geen datum. Schrijf dd-mm-jjjj, bijvoorbeeld 01-09-2024.")
                    % {"value": line[:40]}
                ) from None
            if not DATE_MIN <= day <= DATE_MAX:
                raise ValidationError(
                    _("“%(value)s” ligt niet tussen 1950 en 2100.") % {"value": line[:40]}
                )
            days.append(day)
        return days

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        days, rule = cleaned.get("term_starts"), cleaned.get("rule")
        if days and rule:
            try:
                appointment = Appointment(
                    person=cleaned.get("person_name") or "",
                    role=cleaned.get("role_title") or "",
                    organisation="",
                    terms=tuple(days),
                )
                term_status(appointment, TERM_RULES[rule], today())
            except ValueError as error:
                self.add_error("term_starts", str(error))
        return cleaned

    def values(self) -> dict[str, Any]:
        """The cleaned values as the service takes them."""
        return {
            "person_name": self.cleaned_data["person_name"],
            "role_title": self.cleaned_data["role_title"],
            "rule": self.cleaned_data["rule"],
            "term_starts": self.cleaned_data["term_starts"],
            "active": self.cleaned_data["active"],
        }
