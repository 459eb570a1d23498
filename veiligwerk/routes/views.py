"""The route wizard's public pages (part of the reporter's surface).

Every view here is public (``login_not_required``), answers GET only, stores nothing, and sends
``Cache-Control: no-store`` so Back does not show a cached page on a shared device. Bad input
(an unknown sector or organisation, a tampered answer, a skipped step, an old version) gets a
plain page that says what to do, never a server error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.validators import slug_re
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from veiligwerk.common.time import today
from veiligwerk.routes.evaluator import RuleSet, evaluate, next_question
from veiligwerk.routes.models import CoreValue
from veiligwerk.routes.selectors import route_infos, routes_for, rule_set_of, rule_set_published
from veiligwerk.routes.wizard import (
    LETTERS,
    StateError,
    WizardState,
    answers_from_letters,
    letters_for,
    parse_state,
)
from veiligwerk.security.access import access_public_organisation, access_public_sector
from veiligwerk.tenancy.models import Organisation, Sector
from veiligwerk.tenancy.selectors import organisations_active


def reporter_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Public, GET-only, never cached."""
    return login_not_required(never_cache(require_GET(view)))


def _problem(
    request: HttpRequest, sector: Sector | None, message: str, restart: str
) -> HttpResponse:
    return render(
        request,
        "routes/problem.html",
        {"sector": sector, "message": message, "restart_url": restart, "problem": True},
        status=400,
    )


@dataclass(frozen=True)
class Place:
    """The sector, and optionally the organisation (``?o=``), whose help a page shows."""

    sector: Sector
    organisation: Organisation | None

    @property
    def org(self) -> str:
        return self.organisation.slug if self.organisation else ""


def with_place(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Resolve the sector and organisation; an unknown one gets a plain 404 page."""

    @wraps(view)
    def wrapper(request: HttpRequest, sector_slug: str, **kwargs: Any) -> HttpResponse:
        try:
            sector, organisation, context = _context(request, sector_slug)
        except Http404:
            return _unknown_place(request, sector_slug)
        return view(request, Place(sector, organisation), context, **kwargs)

    return wrapper


def _context(
    request: HttpRequest, sector_slug: str
) -> tuple[Sector, Organisation | None, dict[str, Any]]:
    sector = access_public_sector(slug=sector_slug)
    organisation = None
    org_slug = request.GET.get("o", "")
    if org_slug and not slug_re.match(org_slug):
        # Not a slug at all (PostgreSQL refuses a NUL byte in a query): unknown, not an error.
        raise Http404
    if org_slug:
        organisation = access_public_organisation(sector=sector, slug=org_slug[:60], on=today())
    query = {"o": organisation.slug} if organisation else {}
    return (
        sector,
        organisation,
        {"sector": sector, "organisation": organisation, "org_query": query},
    )


def _url(name: str, sector: Sector, **query: str) -> str:
    base = reverse(name, kwargs={"sector_slug": sector.slug})
    query = {k: v for k, v in query.items() if v != ""}
    return f"{base}?{urlencode(query)}" if query else base


@reporter_page
@with_place
def sector_start_view(request: HttpRequest, place: Place, context: dict[str, Any]) -> HttpResponse:
    sector = place.sector
    context["organisations"] = organisations_active(sector=sector).order_by("name")
    context["wizard_url"] = _url("routes:wizard", sector, o=place.org)
    return render(request, "routes/start.html", context)


def _unknown_place(request: HttpRequest, sector_slug: str) -> HttpResponse:
    sector = Sector.objects.filter(slug=sector_slug).first()
    restart = reverse("routes:start", kwargs={"sector_slug": sector.slug}) if sector else "/"
    message = (
        _("Deze organisatie kennen we niet. Kies uw organisatie opnieuw, of begin zonder.")
        if sector
        else _("Deze sector kennen we niet. Kies op de startpagina uw sector.")
    )
    response = _problem(request, sector, message, restart)
    response.status_code = 404
    return response


@reporter_page
@with_place
def wizard_view(request: HttpRequest, place: Place, context: dict[str, Any]) -> HttpResponse:
    sector, org = place.sector, place.org
    restart = _url("routes:wizard", sector, o=org)
    version_param = request.GET.get("v", "")
    version = None
    if version_param.isascii() and version_param.isdigit() and len(version_param) < 9:
        version = rule_set_published(sector=sector, number=int(version_param))
    elif version_param == "":
        version = rule_set_published(sector=sector)
    if version is None:
        return _problem(
            request,
            sector,
            _("Deze versie van de wegwijzer bestaat niet meer. Begin opnieuw."),
            restart,
        )
    rule_set = rule_set_of(version)
    try:
        state = parse_state(rule_set, request.GET.get("s", ""))
    except StateError:
        return _problem(
            request,
            sector,
            _(
                "Uw antwoorden passen niet bij deze vragen. Misschien is het adres veranderd. Begin opnieuw."
            ),
            restart,
        )
    v = str(version.number)
    question = next_question(rule_set, state.answers)
    if question is None:
        return _results(request, context, place, rule_set, state, v)

    error = ""
    chosen = frozenset[str]()
    if "a" in request.GET:
        letters = "".join(sorted(set("".join(request.GET.getlist("a"))[:30])))
        try:
            chosen = answers_from_letters(question, letters)
        except StateError:
            error = (
                _("Kies een antwoord.")
                if letters == ""
                else _("Dit antwoord kennen we niet. Kies een van de antwoorden.")
            )
        else:
            new_state = state.with_answer(question, chosen)
            return HttpResponseRedirect(
                _url("routes:wizard", sector, o=org, v=v, s=new_state.encode(rule_set))
            )
    elif "p" in request.GET:
        try:
            chosen = answers_from_letters(question, request.GET["p"][:30])
        except StateError:
            chosen = frozenset()
    back_url = (
        _back_url(sector, org, v, rule_set, state)
        if state.order
        else _url("routes:start", sector, o=org)
    )
    language = _language()
    context.update(
        {
            "question": question,
            "question_text": question.text.get(language),
            "question_hint": question.hint.get(language),
            "options": [
                {
                    "letter": LETTERS[i],
                    "label": a.label.get(language),
                    "hint": a.hint.get(language),
                    "checked": a.key in chosen,
                    "id": f"answer-{LETTERS[i]}",
                }
                for i, a in enumerate(question.answers)
            ],
            "error": error,
            "back_url": back_url,
            "state": state.encode(rule_set) if state.order else "",
            "version": v,
            "step": len(state.order) + 1,
        }
    )
    return render(request, "routes/question.html", context, status=400 if error else 200)


def _back_url(sector: Sector, org: str, version: str, rule_set: RuleSet, state: WizardState) -> str:
    """The previous question, with the answer given there ticked again."""
    previous, last = state.without_last()
    question = rule_set.question(last) if last else None
    prefill = letters_for(question, state.answers[question.key]) if question else ""
    return _url("routes:wizard", sector, o=org, v=version, s=previous.encode(rule_set), p=prefill)


def _language() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def _results(
    request: HttpRequest,
    context: dict[str, Any],
    place: Place,
    rule_set: RuleSet,
    state: WizardState,
    version: str,
) -> HttpResponse:
    sector, org = place.sector, place.org
    routes = routes_for(sector=sector, organisation=place.organisation)
    ranked = evaluate(rule_set, route_infos(routes), state.answers, today())
    language = _language()
    context.update(
        {
            "results": [
                {
                    "route": routes[r.slug],
                    "reasons": [reason.text.get(language) for reason in r.reasons],
                    "replaced": [
                        routes[reason.replaced].name
                        for reason in r.reasons
                        if reason.replaced and reason.replaced in routes
                    ],
                    "emergency": r.emergency,
                    "url": _route_url(sector, r.slug, org),
                }
                for r in ranked
            ],
            "danger": "acute" in state.answers.get("danger", ()),
            "crime": "crime" in state.answers.get("danger", ()),
            "back_url": _back_url(sector, org, version, rule_set, state),
            "restart_url": _url("routes:wizard", sector, o=org),
        }
    )
    return render(request, "routes/results.html", context)


def _route_url(sector: Sector, slug: str, org: str) -> str:
    base = reverse("routes:route", kwargs={"sector_slug": sector.slug, "route_slug": slug})
    return f"{base}?{urlencode({'o': org})}" if org else base


@reporter_page
@with_place
def route_detail_view(
    request: HttpRequest, place: Place, context: dict[str, Any], route_slug: str
) -> HttpResponse:
    sector, organisation = place.sector, place.organisation
    route = routes_for(sector=sector, organisation=organisation).get(route_slug[:60])
    if route is None:
        return _problem(
            request,
            sector,
            _("Deze route kennen we niet."),
            reverse("routes:routes", kwargs={"sector_slug": sector.slug}),
        )
    day = today()
    context.update(
        {
            "route": route,
            "is_open": route.is_open_on(day),
            "replacement_url": _route_url(sector, route.replaced_by.slug, place.org)
            if route.replaced_by
            else "",
        }
    )
    return render(request, "routes/route.html", context)


@reporter_page
@with_place
def routes_list_view(request: HttpRequest, place: Place, context: dict[str, Any]) -> HttpResponse:
    sector, organisation = place.sector, place.organisation
    day = today()
    routes = sorted(
        routes_for(sector=sector, organisation=organisation).values(),
        key=lambda r: (not r.is_emergency, not r.in_platform, not r.is_open_on(day), r.name),
    )
    org = place.org
    context["routes"] = [
        {"route": r, "open": r.is_open_on(day), "url": _route_url(sector, r.slug, org)}
        for r in routes
    ]
    return render(request, "routes/routes.html", context)


@reporter_page
@with_place
def values_view(request: HttpRequest, place: Place, context: dict[str, Any]) -> HttpResponse:
    context["values"] = CoreValue.objects.filter(sector=place.sector).order_by("order")
    return render(request, "routes/values.html", context)


@reporter_page
def safety_view(request: HttpRequest) -> HttpResponse:
    return render(request, "routes/safety.html")


@login_not_required
@never_cache
@require_GET
def quick_exit_view(request: HttpRequest) -> HttpResponse:
    """Leave at once: end any session, ask the browser to drop this site's cookies and cache,
    and go on to a neutral site. Browser history stays; the safety page says so."""
    logout(request)
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    for name in (
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        settings.KEY_SESSION_COOKIE_NAME,
    ):
        response.delete_cookie(name)
    return response
