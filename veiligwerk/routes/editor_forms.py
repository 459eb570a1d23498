"""Forms of the wizard editor. They check input only; the services change the draft.

Keys are short, slug-like names ("geen-vertrouwen") that conditions use to refer to answers
("trust.no"), so they must be unique and may not contain dots or spaces. Condition answers are
offered as checkboxes; a value that is not on the list (a tampered form) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.forms import NoNulCharField
from veiligwerk.common.time import today
from veiligwerk.routes.editor_display import EFFECT_CHOICES, text
from veiligwerk.routes.evaluator import Condition, Effect, Question, Rule
from veiligwerk.routes.models import Route

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY_MAX = 60
MAX_ANSWERS = 20
WEIGHT_LIMIT = 1000

KEY_FORMAT = _(
    "Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties. "
    "Bijvoorbeeld: geen-vertrouwen."
)
NOT_ON_LIST = _("Kies alleen antwoorden uit de lijst.")


def _key(value: str) -> str:
    if not KEY_PATTERN.match(value):
        raise forms.ValidationError(KEY_FORMAT)
    return value


def _key_field(label: Any, help_text: Any, required_message: Any) -> NoNulCharField:
    return NoNulCharField(
        label=label,
        max_length=KEY_MAX,
        help_text=help_text,
        error_messages={"required": required_message},
    )


def _text_field(
    label: Any, max_length: int, required_message: Any = None, rows: int = 0, lang: str = ""
) -> NoNulCharField:
    attrs = {"lang": lang} if lang else {}
    return NoNulCharField(
        label=label,
        max_length=max_length,
        required=required_message is not None,
        error_messages={"required": required_message} if required_message else None,
        widget=forms.Textarea(attrs={**attrs, "rows": rows}) if rows else forms.TextInput(attrs),
    )


@dataclass(frozen=True)
class AnswerGroup:
    """The answers of one question, as checkbox options (value ``question.answer``)."""

    key: str
    label: str
    options: tuple[tuple[str, str], ...]


def answer_groups(questions: Sequence[Question]) -> list[AnswerGroup]:
    return [
        AnswerGroup(
            key=q.key,
            label=text(q.text),
            options=tuple((f"{q.key}.{a.key}", text(a.label)) for a in q.answers),
        )
        for q in questions
    ]


def _answers_field(label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": NOT_ON_LIST, "invalid_list": NOT_ON_LIST},
    )


class _ConditionForm(forms.Form):
    """Three answer lists (all of, any of, none of) chosen from `groups`."""

    condition_prefix = ""
    groups: list[AnswerGroup]
    use_required_attribute = False  # server-side validation only

    def _set_answer_choices(self, groups: list[AnswerGroup]) -> None:
        self.groups = groups
        choices = [(value, f"{g.key}: {label}") for g in groups for value, label in g.options]
        for name in self.condition_names():
            self.fields[name].choices = choices  # type: ignore[attr-defined]

    def condition_names(self) -> list[str]:
        return [f"{self.condition_prefix}_{kind}" for kind in ("all_of", "any_of", "none_of")]

    def condition_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.condition_names()]

    def condition(self) -> dict[str, list[str]]:
        all_of, any_of, none_of = (
            sorted(self.cleaned_data.get(name) or []) for name in self.condition_names()
        )
        return {"all_of": all_of, "any_of": any_of, "none_of": none_of}

    def _check_condition(self) -> None:
        all_name, any_name, none_name = self.condition_names()
        excluded = set(self.cleaned_data.get(none_name) or [])
        required = set(self.cleaned_data.get(all_name) or []) | set(
            self.cleaned_data.get(any_name) or []
        )
        if excluded & required:
            self.add_error(
                none_name,
                _(
                    "Een antwoord kan niet tegelijk nodig zijn en niet gegeven mogen zijn. "
                    "Haal het weg bij een van beide."
                ),
            )


def _condition_initial(prefix: str, condition: Condition) -> dict[str, list[str]]:
    return {
        f"{prefix}_all_of": sorted(condition.all_of),
        f"{prefix}_any_of": sorted(condition.any_of),
        f"{prefix}_none_of": sorted(condition.none_of),
    }


# --- Questions ------------------------------------------------------------------------------


class QuestionForm(_ConditionForm):
    condition_prefix = "ask"

    key = _key_field(
        _("Korte naam van de vraag"),
        _("Kleine letters, cijfers en streepjes. Regels gebruiken deze naam."),
        _("Vul een korte naam in."),
    )
    text_nl = _text_field(_("Vraag (Nederlands)"), 300, _("Vul de vraag in het Nederlands in."))
    text_en = _text_field(_("Vraag (Engels)"), 300, _("Vul de vraag in het Engels in."), lang="en")
    hint_nl = _text_field(_("Uitleg bij de vraag (Nederlands)"), 500, rows=2)
    hint_en = _text_field(_("Uitleg bij de vraag (Engels)"), 500, rows=2, lang="en")
    multiple = forms.BooleanField(
        label=_("De melder mag meer dan één antwoord kiezen"), required=False
    )
    optional = forms.BooleanField(label=_("De melder mag de vraag overslaan"), required=False)
    ask_all_of = _answers_field(_("Alleen stellen als al deze antwoorden zijn gegeven"))
    ask_any_of = _answers_field(_("Alleen stellen als minstens één van deze antwoorden is gegeven"))
    ask_none_of = _answers_field(_("Niet stellen als een van deze antwoorden is gegeven"))

    def __init__(
        self,
        *args: Any,
        earlier_questions: Sequence[Question],
        other_keys: set[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.other_keys = other_keys
        self._set_answer_choices(answer_groups(earlier_questions))

    def clean_key(self) -> str:
        key = _key(self.cleaned_data["key"])
        if key in self.other_keys:
            raise forms.ValidationError(
                _("Er is al een vraag met deze korte naam. Kies een andere.")
            )
        return key

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._check_condition()
        return cleaned

    def question(self, answers: list[dict[str, Any]]) -> dict[str, Any]:
        """The question in the stored format (see snapshot.rule_set_to_content)."""
        data = self.cleaned_data
        return {
            "key": data["key"],
            "text": {"nl": data["text_nl"], "en": data["text_en"]},
            "hint": {"nl": data["hint_nl"], "en": data["hint_en"]},
            "multiple": data["multiple"],
            "optional": data["optional"],
            "ask_if": self.condition(),
            "answers": answers,
        }


def question_initial(question: Question) -> dict[str, Any]:
    return {
        "key": question.key,
        "text_nl": question.text.nl,
        "text_en": question.text.en,
        "hint_nl": question.hint.nl,
        "hint_en": question.hint.en,
        "multiple": question.multiple,
        "optional": question.optional,
        **_condition_initial("ask", question.ask_if),
    }


class AnswerForm(forms.Form):
    """One answer row. A row left empty is no answer (that is how an answer is removed)."""

    use_required_attribute = False

    key = NoNulCharField(label=_("Korte naam"), max_length=KEY_MAX, required=False)
    label_nl = NoNulCharField(label=_("Antwoord (Nederlands)"), max_length=200, required=False)
    label_en = NoNulCharField(
        label=_("Antwoord (Engels)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors or not any(cleaned.get(name) for name in self.fields):
            return cleaned
        key = cleaned.get("key", "")
        if not key:
            self.add_error("key", _("Vul de korte naam van het antwoord in."))
        elif not KEY_PATTERN.match(key):
            self.add_error("key", KEY_FORMAT)
        if not cleaned.get("label_nl"):
            self.add_error("label_nl", _("Vul het antwoord in het Nederlands in."))
        if not cleaned.get("label_en"):
            self.add_error("label_en", _("Vul het antwoord in het Engels in."))
        return cleaned


class BaseAnswerFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": _(
            "Het formulier is niet volledig verstuurd. Laad de pagina opnieuw en probeer het nog eens."
        ),
        "too_many_forms": _("Een vraag heeft hoogstens %(num)d antwoorden."),
        "too_few_forms": _("Geef minstens één antwoord."),
    }

    def answers(self) -> list[dict[str, Any]]:
        return [
            {
                "key": form.cleaned_data["key"],
                "label": {"nl": form.cleaned_data["label_nl"], "en": form.cleaned_data["label_en"]},
            }
            for form in self.forms
            if getattr(form, "cleaned_data", {}).get("key")
        ]

    def clean(self) -> None:
        if any(self.errors) or not self.management_form.is_valid():
            return
        answers = self.answers()
        if not answers:
            raise forms.ValidationError(_("Geef minstens één antwoord."))
        seen: set[str] = set()
        for answer in answers:
            if answer["key"] in seen:
                raise forms.ValidationError(
                    _(
                        "De korte naam “%(key)s” staat bij twee antwoorden. "
                        "Geef elk antwoord een eigen korte naam."
                    )
                    % {"key": answer["key"]}
                )
            seen.add(answer["key"])


AnswerFormSet = cast(
    "type[BaseAnswerFormSet]",
    forms.formset_factory(
        AnswerForm,
        formset=BaseAnswerFormSet,
        extra=3,
        max_num=MAX_ANSWERS,
        validate_max=True,
        absolute_max=MAX_ANSWERS + 10,
    ),
)


def answers_initial(question: Question | None) -> list[dict[str, str]]:
    if question is None:
        return []
    return [
        {"key": a.key, "label_nl": a.label.nl, "label_en": a.label.en} for a in question.answers
    ]


# --- Rules ----------------------------------------------------------------------------------


class RuleForm(_ConditionForm):
    condition_prefix = "when"

    key = _key_field(
        _("Korte naam van de regel"),
        _("Kleine letters, cijfers en streepjes."),
        _("Vul een korte naam in."),
    )
    effect = forms.ChoiceField(
        label=_("Wat doet de regel?"),
        choices=EFFECT_CHOICES,
        error_messages={
            "required": _("Kies wat de regel doet."),
            "invalid_choice": _("Kies wat de regel doet uit de lijst."),
        },
    )
    route = forms.ChoiceField(
        label=_("Route"),
        error_messages={
            "required": _("Kies een route."),
            "invalid_choice": _("Kies een route uit de lijst."),
        },
    )
    weight = forms.IntegerField(
        label=_("Gewicht"),
        initial=0,
        min_value=-WEIGHT_LIMIT,
        max_value=WEIGHT_LIMIT,
        help_text=_(
            "Een heel getal van -1000 tot en met 1000. Hoe hoger het totaal, hoe hoger de route "
            "in de lijst staat."
        ),
        error_messages={
            "required": _("Vul een gewicht in, bijvoorbeeld 0."),
            "invalid": _("Vul een heel getal in, zoals 10 of -5."),
            "min_value": _("Gebruik een getal van -1000 tot en met 1000."),
            "max_value": _("Gebruik een getal van -1000 tot en met 1000."),
        },
    )
    when_all_of = _answers_field(_("De regel geldt als al deze antwoorden zijn gegeven"))
    when_any_of = _answers_field(
        _("De regel geldt als minstens één van deze antwoorden is gegeven")
    )
    when_none_of = _answers_field(_("De regel geldt niet als een van deze antwoorden is gegeven"))
    reason_nl = _text_field(_("Uitleg voor de melder (Nederlands)"), 500, rows=3)
    reason_en = _text_field(_("Uitleg voor de melder (Engels)"), 500, rows=3, lang="en")

    def __init__(
        self,
        *args: Any,
        questions: Sequence[Question],
        routes: Mapping[str, Route],
        other_keys: set[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.other_keys = other_keys
        self._set_answer_choices(answer_groups(questions))
        day = today()
        self.fields["route"].choices = [  # type: ignore[attr-defined]
            ("", _("Kies een route")),
            *(
                (
                    slug,
                    route.name_nl
                    if route.is_open_on(day)
                    else _("%(name)s (nu niet open)") % {"name": route.name_nl},
                )
                for slug, route in sorted(routes.items(), key=lambda item: item[1].name_nl)
            ),
        ]
        self.fields["reason_nl"].help_text = _(
            "Waarom deze route past; de melder ziet dit. Nodig bij tonen en bij hoger of lager zetten."
        )

    def clean_key(self) -> str:
        key = _key(self.cleaned_data["key"])
        if key in self.other_keys:
            raise forms.ValidationError(
                _("Er is al een regel met deze korte naam. Kies een andere.")
            )
        return key

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._check_condition()
        if cleaned.get("effect") in (Effect.INCLUDE, Effect.RANK):
            if not cleaned.get("reason_nl") and "reason_nl" not in self.errors:
                self.add_error("reason_nl", _("Vul de uitleg in het Nederlands in."))
            if not cleaned.get("reason_en") and "reason_en" not in self.errors:
                self.add_error("reason_en", _("Vul de uitleg in het Engels in."))
        return cleaned

    def rule(self) -> dict[str, Any]:
        """The rule in the stored format (see snapshot.rule_set_to_content)."""
        data = self.cleaned_data
        return {
            "key": data["key"],
            "when": self.condition(),
            "effect": data["effect"],
            "route": data["route"],
            "weight": data["weight"],
            "reason": {"nl": data["reason_nl"], "en": data["reason_en"]},
        }


def rule_initial(rule: Rule) -> dict[str, Any]:
    return {
        "key": rule.key,
        "effect": rule.effect.value,
        "route": rule.route,
        "weight": rule.weight,
        "reason_nl": rule.reason.nl,
        "reason_en": rule.reason.en,
        **_condition_initial("when", rule.when),
    }


# --- Small forms ----------------------------------------------------------------------------


class MoveForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[("up", _("Omhoog")), ("down", _("Omlaag"))],
        error_messages={
            "required": _("Kies omhoog of omlaag."),
            "invalid_choice": _("Kies omhoog of omlaag."),
        },
    )

    @property
    def offset(self) -> int:
        return -1 if self.cleaned_data["direction"] == "up" else 1


class ConfirmForm(forms.Form):
    """No fields: a refusal (publishing, deleting) is added as a non-field error so the page
    shows it in the error summary and the title starts with "Fout:"."""
