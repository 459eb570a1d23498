"""Forms of the action-plan monitor: an owner's theme update, the coordinator's review, a new
period, publishing, and the contract check's upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from veiligwerk.actionplan.models import ActionStatus, ActionUpdate
from veiligwerk.actionplan.services import ActionChange
from veiligwerk.common.forms import NoNulCharField
from veiligwerk.tenancy.models import Organisation

MAX_BULLETS = 40


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ThemeUpdateForm(forms.Form):
    """Bullets one per line; per action its status, a note and evidence links."""

    bullets = NoNulCharField(
        label=_("Statuspunten"),
        help_text=_("Eén punt per regel. Schrijf wat er deze periode is gebeurd."),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=20000,
    )
    planning = NoNulCharField(
        label=_("Planning"),
        help_text=_("Kort: wat is afgerond, wat loopt nog, wat volgt."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, action_updates: list[ActionUpdate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.action_updates = action_updates
        for au in action_updates:
            label = f"{au.action.number}. {au.action.title}"
            self.fields[f"status_{au.action_id}"] = forms.ChoiceField(
                label=_("Status van actie %(label)s") % {"label": label},
                choices=ActionStatus.choices,
                initial=au.status,
            )
            self.fields[f"note_{au.action_id}"] = NoNulCharField(
                label=_("Toelichting bij actie %(number)s") % {"number": au.action.number},
                required=False,
                max_length=2000,
                initial=au.note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"evidence_{au.action_id}"] = NoNulCharField(
                label=_("Onderbouwing bij actie %(number)s") % {"number": au.action.number},
                help_text=_("Links, één per regel: eerst het adres, dan eventueel een titel."),
                required=False,
                max_length=4000,
                initial="\n".join(f"{e['url']} {e['title']}".strip() for e in au.evidence),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean_bullets(self) -> list[str]:
        bullets = _lines(self.cleaned_data["bullets"])
        if len(bullets) > MAX_BULLETS:
            raise ValidationError(
                _("Te veel punten: hoogstens %(max)s.") % {"max": MAX_BULLETS}, code="too_many"
            )
        return bullets

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        validate = URLValidator(schemes=["https", "http"])
        for au in self.action_updates:
            name = f"evidence_{au.action_id}"
            links = []
            for line in _lines(cleaned.get(name, "") or ""):
                url, _sep, title = line.partition(" ")
                try:
                    validate(url)
                except ValidationError:
                    self.add_error(
                        name,
                        _("“%(value)s” is geen webadres. Begin met https://.")
                        % {"value": url[:80]},
                    )
                    break
                links.append((title.strip() or url, url))
            cleaned[name] = tuple(links)
        return cleaned

    def action_changes(self) -> dict[int, ActionChange]:
        return {
            au.action_id: ActionChange(
                status=self.cleaned_data[f"status_{au.action_id}"],
                note=self.cleaned_data[f"note_{au.action_id}"],
                evidence=self.cleaned_data[f"evidence_{au.action_id}"],
            )
            for au in self.action_updates
        }

    def action_rows(self) -> list[tuple[ActionUpdate, Any, Any, Any]]:
        return [
            (
                au,
                self[f"status_{au.action_id}"],
                self[f"note_{au.action_id}"],
                self[f"evidence_{au.action_id}"],
            )
            for au in self.action_updates
        ]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("approve", _("Goedkeuren")), ("return", _("Terugsturen"))],
        widget=forms.RadioSelect,
    )
    note = NoNulCharField(
        label=_("Opmerking voor de eigenaar"),
        help_text=_("Nodig bij terugsturen: wat moet er anders?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "return" and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Schrijf erbij wat er anders moet."))
        return cleaned


class PeriodForm(forms.Form):
    label = NoNulCharField(label=_("Naam van de periode"), max_length=100)
    deadline = forms.DateField(
        label=_("Uiterste datum voor updates"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class PublishForm(forms.Form):
    summary = NoNulCharField(
        label=_("Belangrijkste punten van deze periode"),
        help_text=_("Eén punt per regel. Ze komen op de samenvattingspagina van het verslag."),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_summary(self) -> list[str]:
        return _lines(self.cleaned_data["summary"])


class ContractCheckForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand met tijdelijke contracten (CSV)"),
        help_text=_(
            "Kolommen: personeelsnummer, begin, einde. Gebruik personeelsnummers, geen namen."
        ),
    )
    max_contracts = forms.IntegerField(
        label=_("Hoogstens zoveel tijdelijke contracten"),
        min_value=1,
        max_value=20,
        initial=settings.ACTIONPLAN_CONTRACTS_MAX,
    )
    window_months = forms.IntegerField(
        label=_("Binnen zoveel maanden"),
        min_value=1,
        max_value=120,
        initial=settings.ACTIONPLAN_CONTRACTS_WINDOW_MONTHS,
    )
    reset_gap_months = forms.IntegerField(
        label=_("Een onderbreking van meer dan zoveel maanden begint een nieuwe keten"),
        min_value=1,
        max_value=60,
        initial=settings.ACTIONPLAN_CONTRACTS_RESET_GAP_MONTHS,
    )


class PlanForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none(), empty_label=None
    )
    title = NoNulCharField(label=_("Titel van het plan"), max_length=300)
    shared_with_regulator = forms.BooleanField(
        label=_("Delen met de toezichthouder (Commissariaat voor de Media)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations


class ThemeForm(forms.Form):
    letter = NoNulCharField(
        label=_("Letter"),
        max_length=3,
        help_text=_("Bijvoorbeeld K. Hoogstens drie letters of cijfers."),
    )
    title = NoNulCharField(label=_("Titel"), max_length=300)
    description = NoNulCharField(
        label=_("Omschrijving"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_letter(self) -> str:
        letter = self.cleaned_data["letter"].strip().upper()
        if not letter.isalnum():
            raise ValidationError(_("Gebruik alleen letters en cijfers."), code="letter")
        if self.plan.themes.filter(letter=letter).exists():
            raise ValidationError(_("Er is al een thema met deze letter."), code="taken")
        return letter


class ActionForm(forms.Form):
    title = NoNulCharField(label=_("Titel van de actie"), max_length=300)
