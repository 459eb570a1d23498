"""Forms of the handlers' surface: a reply in a report's dialogue, and an oral report
(mondelinge melding) written down by a handler with the reporter's consent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from veiligwerk.common.forms import NoNulCharField
from veiligwerk.common.time import today
from veiligwerk.intake.attachments import AttachmentRejected, CleanFile, attachment_clean
from veiligwerk.intake.models import Category
from veiligwerk.intake.selectors import handler_memberships
from veiligwerk.routes.models import HandlerScope, Route
from veiligwerk.tenancy.models import Organisation
from veiligwerk.tenancy.selectors import memberships_of, organisations_active, sectors_of

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User

TEXT_MAX_LENGTH = 20_000


class ReplyForm(forms.Form):
    text = NoNulCharField(
        label=_("Uw bericht aan de melder"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Schrijf een bericht.")},
    )
    file = forms.FileField(
        label=_("Bijlage"),
        required=False,
        help_text=_("Een bestand dat u met de melder wilt delen."),
    )

    def clean_file(self) -> CleanFile | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        try:
            return attachment_clean(upload)
        except AttachmentRejected as rejected:
            raise forms.ValidationError(rejected.message, code="rejected") from rejected


# --- Oral reports ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OralRoute:
    """An in-platform route on which the user may register an oral report, and the
    organisations such a report may be about."""

    route: Route
    organisations: list[Organisation]
    organisation_required: bool


def oral_routes_for(*, user: User) -> list[OralRoute]:
    """The open in-platform routes of the user's sectors that the user handles.

    Entitlement is decided by ``handler_memberships`` (the same rule that seals report keys):
    sector-wide routes for every organisation of the sector or none; organisation-scoped
    routes only for the organisations where the user holds the role."""
    day = today()
    own_organisations = [m.organisation for m in memberships_of(user=user) if m.organisation]
    options: list[OralRoute] = []
    routes = Route.objects.filter(sector__in=sectors_of(user=user)).select_related(
        "sector", "organisation"
    )
    for route in routes.order_by("sector__name", "slug", "organisation__name"):
        if not (route.in_platform and route.handler_roles and route.is_open_on(day)):
            continue
        if route.organisation is not None:
            candidates = [route.organisation]
        elif route.handler_scope == HandlerScope.SECTOR:
            if _handles(user, route, None):
                options.append(
                    OralRoute(
                        route=route,
                        organisations=list(
                            organisations_active(sector=route.sector).order_by("name")
                        ),
                        organisation_required=False,
                    )
                )
            continue
        else:
            candidates = [o for o in own_organisations if o.sector_id == route.sector_id]
        allowed = sorted(
            {o.pk: o for o in candidates if _handles(user, route, o)}.values(),
            key=lambda o: o.name,
        )
        if allowed:
            options.append(
                OralRoute(route=route, organisations=allowed, organisation_required=True)
            )
    return options


def _handles(user: User, route: Route, organisation: Organisation | None) -> bool:
    return handler_memberships(route=route, organisation=organisation).filter(user=user).exists()


def _route_label(option: OralRoute, several_sectors: bool) -> str:
    route = option.route
    label = str(route.name)
    if route.organisation is not None:
        label += f" ({route.organisation.name})"
    if several_sectors:
        label += f" – {route.sector.name}"
    return label


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes whose field links (error summary) point at the first box, not at nothing."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return super().id_for_label(id_, "0" if index is None else index)


class OralReportForm(forms.Form):
    route = forms.ChoiceField(
        label=_("Route"),
        error_messages={
            "required": _("Kies de route waarop u de melding vastlegt."),
            "invalid_choice": _("Kies een route uit de lijst."),
        },
    )
    organisation = forms.ChoiceField(
        label=_("Organisatie waar de melding over gaat"),
        required=False,
        help_text=_(
            "Bij een route voor de hele sector mag dit leeg blijven als de melder de "
            "organisatie niet wil noemen."
        ),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
    categories = forms.MultipleChoiceField(
        label=_("Onderwerpen"),
        choices=Category.choices,
        widget=CheckboxGroup,
        error_messages={"required": _("Kies minstens één onderwerp.")},
    )
    transcript = NoNulCharField(
        label=_("Verslag van wat de melder vertelde"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": _("Schrijf op wat de melder vertelde.")},
    )
    consent = forms.BooleanField(
        label=_("De melder heeft toestemming gegeven om dit gesprek vast te leggen."),
        error_messages={
            "required": _(
                "Een mondelinge melding mag alleen worden vastgelegd met toestemming van de melder."
            )
        },
    )

    def __init__(self, *args: Any, options: list[OralRoute], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = {str(option.route.pk): option for option in options}
        several_sectors = len({o.route.sector_id for o in options}) > 1
        route_field = self.fields["route"]
        assert isinstance(route_field, forms.ChoiceField)
        route_field.choices = [("", _("Kies een route"))] + [
            (key, _route_label(option, several_sectors)) for key, option in self.options.items()
        ]
        organisations = {o.pk: o for option in options for o in option.organisations}
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ChoiceField)
        organisation_field.choices = [("", _("Niet genoemd"))] + [
            (str(o.pk), o.name) for o in sorted(organisations.values(), key=lambda o: o.name)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        option = self.options.get(cleaned.get("route") or "")
        if option is None:
            return cleaned  # the route field already carries its error
        chosen = cleaned.get("organisation") or ""
        organisation = next((o for o in option.organisations if str(o.pk) == chosen), None)
        if chosen and organisation is None:
            self.add_error(
                "organisation",
                _("Op deze route kunt u geen melding over deze organisatie vastleggen."),
            )
        elif organisation is None and option.route.organisation is not None:
            organisation = option.route.organisation
        elif organisation is None and option.organisation_required:
            self.add_error("organisation", _("Kies de organisatie waar de melding over gaat."))
        cleaned["route_object"] = option.route
        cleaned["organisation_object"] = organisation
        return cleaned
