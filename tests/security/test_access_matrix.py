"""The access matrix: every URL pattern of the project, for every kind of visitor.

Adding a view without an entry in MATRIX fails `test_every_url_pattern_has_a_matrix_entry`;
marking a view public without listing it in the allow-list fails `test_public_views_are_the_
reviewed_allow_list`. Each entry says who may reach the view; everyone else must get the same
404 (or, when not logged in, the log-in page).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import OrganisationFactory, SectorFactory, UserFactory, member, verified_client
from veiligwerk.actionplan.models import (
    Action,
    Owner,
    Period,
    PeriodState,
    Plan,
    Theme,
    ThemeOwner,
    ThemeUpdate,
)
from veiligwerk.intake.attachments import CleanFile
from veiligwerk.intake.receipt import receipt_generate
from veiligwerk.intake.services import Submission, attachment_store, report_submit
from veiligwerk.routes.models import Route
from veiligwerk.routes.services import routes_seed, rule_set_draft_start
from veiligwerk.security import crypto
from veiligwerk.security.keys import key_login, recovery_key_create
from veiligwerk.security.models import KeyRecoveryRequest
from veiligwerk.tenancy.models import Membership, OrganisationKind, Role

pytestmark = pytest.mark.django_db

ALL_ROLES = frozenset(Role.values)
ADMINS = frozenset({Role.PLATFORM_ADMIN, Role.SECTOR_COORDINATOR})


@dataclass
class World:
    """Sector A (the one under test) and sector B (another tenant)."""

    sector_a: Any
    coordinator_a: Any
    broadcaster_a: Any
    broadcaster_b: Any
    users: dict[str, Any] = field(default_factory=dict)
    other_tenant: Any = None
    recovery_request_a: Any = None
    report_a: Any = None
    attachment_a: Any = None
    plan_a: Any = None


def build_world() -> World:
    sector_a, sector_b = SectorFactory(), SectorFactory()
    world = World(
        sector_a=sector_a,
        coordinator_a=OrganisationFactory(sector=sector_a, kind=OrganisationKind.COORDINATOR),
        broadcaster_a=OrganisationFactory(sector=sector_a, name="Omroep Alfa"),
        broadcaster_b=OrganisationFactory(sector=sector_b, name="Omroep Beta"),
    )
    for role in Role.values:
        if role == Role.PLATFORM_ADMIN:
            world.users[role] = member(role)
        elif role in (Role.SECTOR_COORDINATOR, Role.OVERARCHING_ADVISER, Role.REGULATOR):
            world.users[role] = member(role, sector=sector_a)
        else:
            world.users[role] = member(role, organisation=world.broadcaster_a)
    routes_seed(sector=sector_a)
    # Another tenant: administers sector B, and advises in it.
    world.other_tenant = member(Role.SECTOR_COORDINATOR, sector=sector_b)
    member(Role.CONFIDENTIAL_ADVISER, organisation=world.broadcaster_b, user=world.other_tenant)
    # Objects in sector A that the object URLs point at.
    locked = member(Role.HR, organisation=world.broadcaster_a)
    recovery_key_create(organisation=world.broadcaster_a, by=world.users[Role.PLATFORM_ADMIN])
    key_login(user=locked, password="correct-horse-battery-staple-42")
    locked.set_password("a-new-password-after-reset-77")
    locked.save()
    key_login(user=locked, password="a-new-password-after-reset-77")
    world.recovery_request_a = KeyRecoveryRequest.objects.get(user_key__user=locked)
    _report_a_build(world)
    _plan_a_build(world)
    return world


def _plan_a_build(world: World) -> None:
    """Sector A's joint plan: one theme owned by broadcaster A, a published and an open period."""
    plan = Plan.objects.create(sector=world.sector_a, title="Plan A")
    owner = Owner.objects.create(
        sector=world.sector_a, code="ALFA", name="Omroep Alfa", organisation=world.broadcaster_a
    )
    theme = Theme.objects.create(
        plan=plan,
        letter="A",
        title="T",
        table_title="T",
        summary_title="T",
        summary="S",
        description="D",
    )
    ThemeOwner.objects.create(theme=theme, owner=owner)
    Action.objects.create(theme=theme, number=1, title="Eerste actie")
    published = Period.objects.create(
        plan=plan, label="juni", deadline=dt.date(2025, 6, 30), state=PeriodState.PUBLISHED
    )
    ThemeUpdate.objects.create(period=published, theme=theme, bullets=["b"], state="approved")
    open_period = Period.objects.create(plan=plan, label="oktober", deadline=dt.date(2025, 10, 31))
    ThemeUpdate.objects.create(period=open_period, theme=theme, state="submitted", bullets=["c"])
    world.plan_a = plan


def _report_a_build(world: World) -> None:
    """A report about broadcaster A on its confidential-adviser route, with one file."""
    adviser = world.users[Role.CONFIDENTIAL_ADVISER]
    key_login(user=adviser, password="correct-horse-battery-staple-42")  # the adviser's key
    content_key = crypto.random_bytes()
    world.report_a = report_submit(
        submission=Submission(
            draft_id=crypto.random_bytes(16).hex(),
            content_key=content_key,
            code=receipt_generate(),
            route=Route.objects.get(
                sector=world.sector_a, slug="vertrouwenspersoon-werkgever", organisation=None
            ),
            organisation=world.broadcaster_a,
            categories=["bullying"],
            content={"what": "matrix"},
        )
    )
    world.attachment_a = attachment_store(
        content_key=content_key,
        clean=CleanFile(name="a.txt", content_type="text/plain", data=b"a"),
        author_kind="reporter",
        report=world.report_a,
    )


@dataclass(frozen=True)
class Entry:
    """Who may reach a view. `public` views are on the reviewed allow-list."""

    kwargs: Callable[[World], dict[str, Any]] = lambda w: {}
    method: str = "get"
    public: bool = False
    roles: frozenset[str] = ALL_ROLES
    # Object views scoped to sector A: the other tenant gets 404. List views: 200 without A's data.
    scoped_to_sector_a: bool = False
    second_factor_exempt: bool = False


def _org(w: World) -> dict[str, Any]:
    return {"organisation_id": w.broadcaster_a.pk}


def _sector_slug(w: World) -> dict[str, Any]:
    return {"sector_slug": w.sector_a.slug}


def _sector_a(w: World) -> dict[str, Any]:
    return {"sector_id": w.sector_a.pk}


def _draft_a(w: World) -> dict[str, Any]:
    """Sector A with an open draft of its wizard (idempotent)."""
    rule_set_draft_start(sector=w.sector_a, by=w.users[Role.PLATFORM_ADMIN])
    return _sector_a(w)


def _question_a(w: World) -> dict[str, Any]:
    return {**_draft_a(w), "question_key": "danger"}


def _rule_a(w: World) -> dict[str, Any]:
    return {**_draft_a(w), "rule_key": "crime"}


def _report_a(w: World) -> dict[str, Any]:
    return {"report_id": w.report_a.pk}


def _attachment_a(w: World) -> dict[str, Any]:
    return {**_report_a(w), "attachment_id": w.attachment_a.pk}


# Handlers of an open in-platform route in the world (they may write down oral reports); the
# aftercare office's route closed in 2025, so its coordinator is not among them.
ROUTE_HANDLERS = frozenset(
    {
        Role.CONFIDENTIAL_ADVISER,
        Role.OVERARCHING_ADVISER,
        Role.COMMITTEE_MEMBER,
        Role.COMMITTEE_SECRETARY,
        Role.INTEGRITY_OFFICER,
    }
)


# The action plan: its readers (published periods), and its owners and coordinator (drafts).
PLAN_READERS = frozenset(
    {Role.SECTOR_COORDINATOR, Role.BOARD, Role.HR, Role.REGULATOR, Role.SUPERVISORY_BOARD}
)
PLAN_EDITORS = frozenset({Role.SECTOR_COORDINATOR, Role.BOARD, Role.HR})
COORDINATOR = frozenset({Role.SECTOR_COORDINATOR})


def _plan_a(w: World) -> dict[str, Any]:
    return {"plan_id": w.plan_a.pk}


def _published_a(w: World) -> dict[str, Any]:
    return {"period_id": w.plan_a.periods.get(label="juni").pk}


def _open_a(w: World) -> dict[str, Any]:
    return {"period_id": w.plan_a.periods.get(label="oktober").pk}


def _fresh_membership(w: World) -> Membership:
    """Revoking deletes, so each call gets a membership of its own in sector A."""
    return Membership.objects.create(
        user=UserFactory(), role=Role.HR, sector=w.sector_a, organisation=w.broadcaster_a
    )


# Indicators: readers of the figures (coordinator and regulator the sector, the others their own
# organisation) and their editors (HR and board of broadcaster A, for broadcaster A's rows).
INDICATOR_READERS = frozenset(
    {Role.SECTOR_COORDINATOR, Role.REGULATOR, Role.HR, Role.BOARD, Role.SUPERVISORY_BOARD}
)
INDICATOR_EDITORS = frozenset({Role.HR, Role.BOARD})


def _indicator_row_a(w: World, kind: str, *, fresh: bool = False) -> dict[str, Any]:
    """Broadcaster A's survey score, D&I figure or board appointment; `fresh` makes a new one
    each call (deleting removes it)."""
    from django.db.models import Max

    from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore

    model: Any = {"score": SurveyScore, "figure": DiversityFigure, "appointment": BoardAppointment}[
        kind
    ]
    rows = model.objects.filter(organisation=w.broadcaster_a)
    existing = rows.first()
    if existing is not None and not fresh:
        return {f"{kind}_id": existing.pk}
    base = {"sector": w.sector_a, "organisation": w.broadcaster_a}
    if kind == "appointment":
        row = model.objects.create(
            **base,
            person_name="A. Bestuurder",
            role_title="directeur",
            rule="broadcasters",
            term_starts=["2024-01-01"],
        )
    else:
        year = (rows.aggregate(m=Max("year"))["m"] or 2019) + 1
        extra = {"score": 7} if kind == "score" else {"dimension": "age", "target_percent": 20}
        row = model.objects.create(**base, year=year, **extra)
    return {f"{kind}_id": row.pk}


MATRIX: dict[str, Entry] = {
    # Public allow-list (reviewed): pages a visitor needs before or without logging in.
    "public:home": Entry(public=True),
    "public:health": Entry(public=True),
    "set_language": Entry(public=True, method="post"),
    "accounts:login": Entry(public=True),
    "accounts:logout": Entry(public=True, method="post", second_factor_exempt=True),
    "accounts:logged_out": Entry(public=True),
    "accounts:password_reset": Entry(public=True),
    "accounts:password_reset_done": Entry(public=True),
    "accounts:password_reset_confirm": Entry(
        public=True, kwargs=lambda w: {"uidb64": "MQ", "token": "set-password"}
    ),
    "accounts:password_reset_complete": Entry(public=True),
    # The reporter's surface: the route wizard and the quick exit.
    "quick_exit": Entry(public=True),
    "routes:safety": Entry(public=True),
    "routes:start": Entry(public=True, kwargs=_sector_slug),
    "routes:wizard": Entry(public=True, kwargs=_sector_slug),
    "routes:routes": Entry(public=True, kwargs=_sector_slug),
    "routes:route": Entry(
        public=True, kwargs=lambda w: {**_sector_slug(w), "route_slug": "klachtencommissie"}
    ),
    "routes:values": Entry(public=True, kwargs=_sector_slug),
    # The reporter's intake: no account, the receipt code is the key.
    "intake:start": Entry(
        public=True,
        kwargs=lambda w: {**_sector_slug(w), "route_slug": "overkoepelende-vertrouwenspersonen"},
    ),
    "intake:step": Entry(public=True, kwargs=lambda w: {"step": "wat"}),
    "intake:check": Entry(public=True),
    "intake:receipt": Entry(public=True),
    "intake:login": Entry(public=True),
    "intake:inbox": Entry(public=True),
    # A file of the open inbox's report; without an inbox it sends to the code log-in.
    "intake:inbox_file": Entry(public=True, kwargs=lambda w: {"attachment_id": w.attachment_a.pk}),
    "intake:logout": Entry(public=True, method="post"),
    # Every staff member.
    "accounts:home": Entry(),
    "accounts:password_change": Entry(),
    "accounts:verify": Entry(second_factor_exempt=True),
    "accounts:enrol": Entry(second_factor_exempt=True),
    # Administration.
    "tenancy:organisation_list": Entry(roles=ADMINS),
    "tenancy:organisation_detail": Entry(roles=ADMINS, kwargs=_org, scoped_to_sector_a=True),
    "tenancy:membership_revoke": Entry(
        roles=ADMINS,
        method="post",
        kwargs=lambda w: {**_org(w), "membership_id": _fresh_membership(w).pk},
        scoped_to_sector_a=True,
    ),
    "tenancy:recovery_key_create": Entry(roles=ADMINS, kwargs=_org, scoped_to_sector_a=True),
    "tenancy:key_recover": Entry(
        roles=ADMINS,
        kwargs=lambda w: {**_org(w), "request_id": w.recovery_request_a.pk},
        scoped_to_sector_a=True,
    ),
    "security:audit_log": Entry(roles=frozenset({Role.PLATFORM_ADMIN})),
    # Wizard editor: the sector coordinator and platform admins.
    "routes_editor:sector_list": Entry(roles=ADMINS),
    "routes_editor:overview": Entry(roles=ADMINS, kwargs=_sector_a, scoped_to_sector_a=True),
    "routes_editor:version": Entry(
        roles=ADMINS, kwargs=lambda w: {**_sector_a(w), "number": 1}, scoped_to_sector_a=True
    ),
    "routes_editor:draft_start": Entry(
        roles=ADMINS, method="post", kwargs=_sector_a, scoped_to_sector_a=True
    ),
    "routes_editor:publish": Entry(
        roles=ADMINS, method="post", kwargs=_sector_a, scoped_to_sector_a=True
    ),
    "routes_editor:draft": Entry(roles=ADMINS, kwargs=_draft_a, scoped_to_sector_a=True),
    "routes_editor:question_add": Entry(roles=ADMINS, kwargs=_draft_a, scoped_to_sector_a=True),
    "routes_editor:question_edit": Entry(roles=ADMINS, kwargs=_question_a, scoped_to_sector_a=True),
    "routes_editor:question_move": Entry(
        roles=ADMINS, method="post", kwargs=_question_a, scoped_to_sector_a=True
    ),
    "routes_editor:question_delete": Entry(
        roles=ADMINS, kwargs=_question_a, scoped_to_sector_a=True
    ),
    "routes_editor:rule_add": Entry(roles=ADMINS, kwargs=_draft_a, scoped_to_sector_a=True),
    "routes_editor:rule_edit": Entry(roles=ADMINS, kwargs=_rule_a, scoped_to_sector_a=True),
    "routes_editor:rule_delete": Entry(roles=ADMINS, kwargs=_rule_a, scoped_to_sector_a=True),
    # Reports (handlers): every staff member has a list (of what they handle); a report and its
    # files only for its handlers, here broadcaster A's confidential adviser.
    "cases:list": Entry(),
    "cases:detail": Entry(
        roles=frozenset({Role.CONFIDENTIAL_ADVISER}), kwargs=_report_a, scoped_to_sector_a=True
    ),
    "cases:attachment": Entry(
        roles=frozenset({Role.CONFIDENTIAL_ADVISER}), kwargs=_attachment_a, scoped_to_sector_a=True
    ),
    "cases:oral": Entry(roles=ROUTE_HANDLERS),
    "cases:oral_code": Entry(roles=ROUTE_HANDLERS),
    # Action plan: readers see published periods; owners (board, HR of broadcaster A, the theme's
    # owner) and the coordinator see drafts; only the coordinator reviews and publishes.
    "plan:list": Entry(),
    "plan:detail": Entry(roles=PLAN_READERS, kwargs=_plan_a, scoped_to_sector_a=True),
    "plan:create": Entry(roles=frozenset({Role.BOARD, Role.HR})),
    "plan:theme_add": Entry(roles=COORDINATOR, kwargs=_plan_a, scoped_to_sector_a=True),
    "plan:action_add": Entry(
        roles=COORDINATOR, kwargs=lambda w: {**_plan_a(w), "letter": "A"}, scoped_to_sector_a=True
    ),
    "plan:period": Entry(roles=PLAN_EDITORS, kwargs=_open_a, scoped_to_sector_a=True),
    "plan:publish": Entry(
        roles=COORDINATOR, method="post", kwargs=_open_a, scoped_to_sector_a=True
    ),
    "plan:theme_update": Entry(
        roles=PLAN_EDITORS, kwargs=lambda w: {**_open_a(w), "letter": "A"}, scoped_to_sector_a=True
    ),
    "plan:theme_review": Entry(
        roles=COORDINATOR,
        method="post",
        kwargs=lambda w: {**_open_a(w), "letter": "A"},
        scoped_to_sector_a=True,
    ),
    "plan:report": Entry(
        roles=PLAN_READERS,
        kwargs=lambda w: {**_published_a(w), "audience": "regulator"},
        scoped_to_sector_a=True,
    ),
    "plan:report_pdf": Entry(
        roles=PLAN_READERS,
        kwargs=lambda w: {**_published_a(w), "audience": "public"},
        scoped_to_sector_a=True,
    ),
    "plan:report_html": Entry(
        roles=PLAN_READERS,
        kwargs=lambda w: {**_published_a(w), "audience": "ministry"},
        scoped_to_sector_a=True,
    ),
    "plan:action": Entry(
        roles=PLAN_READERS,
        kwargs=lambda w: {"action_id": w.plan_a.themes.get().actions.get().pk},
        scoped_to_sector_a=True,
    ),
    "plan:contracts": Entry(roles=frozenset({Role.HR, Role.BOARD, Role.SECTOR_COORDINATOR})),
    # Indicators (survey scores, D&I targets, board terms).
    "indicators:overview": Entry(roles=INDICATOR_READERS),
    "indicators:survey": Entry(roles=INDICATOR_READERS),
    "indicators:survey_edit": Entry(
        roles=INDICATOR_EDITORS,
        kwargs=lambda w: _indicator_row_a(w, "score"),
        scoped_to_sector_a=True,
    ),
    "indicators:survey_delete": Entry(
        roles=INDICATOR_EDITORS,
        method="post",
        kwargs=lambda w: _indicator_row_a(w, "score", fresh=True),
        scoped_to_sector_a=True,
    ),
    "indicators:diversity": Entry(roles=INDICATOR_READERS),
    "indicators:diversity_edit": Entry(
        roles=INDICATOR_EDITORS,
        kwargs=lambda w: _indicator_row_a(w, "figure"),
        scoped_to_sector_a=True,
    ),
    "indicators:diversity_delete": Entry(
        roles=INDICATOR_EDITORS,
        method="post",
        kwargs=lambda w: _indicator_row_a(w, "figure", fresh=True),
        scoped_to_sector_a=True,
    ),
    "indicators:terms": Entry(roles=INDICATOR_READERS),
    "indicators:terms_edit": Entry(
        roles=INDICATOR_EDITORS,
        kwargs=lambda w: _indicator_row_a(w, "appointment"),
        scoped_to_sector_a=True,
    ),
    "indicators:terms_delete": Entry(
        roles=INDICATOR_EDITORS,
        method="post",
        kwargs=lambda w: _indicator_row_a(w, "appointment", fresh=True),
        scoped_to_sector_a=True,
    ),
    # (end of indicators)
}


def _walk(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}{pattern.namespace}:"
            yield from _walk(pattern.url_patterns, ns)
        else:
            yield f"{namespace}{pattern.name}", pattern


def all_url_patterns() -> dict[str, URLPattern]:
    return dict(_walk(get_resolver().url_patterns))


def _is_login_redirect(response: Any) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


def _reached(response: Any) -> bool:
    """The view answered (a page, or a redirect that is not the log-in or second-factor step)."""
    if response.status_code == 200:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return not location.startswith(reverse("accounts:login"))
    return False


def _call(client: Client, name: str, entry: Entry, world: World) -> Any:
    url = reverse(name, kwargs=entry.kwargs(world))
    return getattr(client, entry.method)(url)


def test_every_url_pattern_has_a_matrix_entry():
    patterns = all_url_patterns()
    missing = sorted(set(patterns) - set(MATRIX))
    stale = sorted(set(MATRIX) - set(patterns))
    assert not missing, f"URL patterns without an access-matrix entry: {missing}"
    assert not stale, f"Matrix entries for URL patterns that no longer exist: {stale}"


def test_public_views_are_the_reviewed_allow_list():
    public = {
        name
        for name, pattern in all_url_patterns().items()
        if getattr(pattern.callback, "login_required", True) is False
    }
    allow_list = {name for name, entry in MATRIX.items() if entry.public}
    assert public == allow_list


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if not e.public))
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    world = build_world()
    response = _call(client, name, MATRIX[name], world)
    assert _is_login_redirect(response), (name, response.status_code)


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if e.public))
def test_public_pages_answer_anonymous_visitors(client, name):
    world = build_world()
    response = _call(client, name, MATRIX[name], world)
    assert response.status_code in (200, 302), (name, response.status_code)
    assert not _is_login_redirect(response)


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if not e.public))
def test_each_role_reaches_exactly_what_the_matrix_allows(name):
    world = build_world()
    entry = MATRIX[name]
    wrong = []
    for role, user in world.users.items():
        response = _call(verified_client(user), name, entry, world)
        if role in entry.roles:
            if not _reached(response):
                wrong.append((role, "should reach", response.status_code))
        elif response.status_code != 404:
            wrong.append((role, "should get 404", response.status_code))
    assert not wrong, wrong


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if e.scoped_to_sector_a))
def test_another_tenant_gets_not_found_for_objects_of_sector_a(name):
    world = build_world()
    response = _call(verified_client(world.other_tenant), name, MATRIX[name], world)
    assert response.status_code == 404


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if e.scoped_to_sector_a))
def test_missing_objects_look_the_same_as_forbidden_ones(name):
    world = build_world()
    entry = MATRIX[name]
    client = verified_client(world.other_tenant)
    missing = getattr(client, entry.method)(
        reverse(name, kwargs=dict.fromkeys(entry.kwargs(world), 999_999))
    )
    forbidden = _call(client, name, entry, world)
    assert missing.status_code == forbidden.status_code == 404
    assert _comparable(missing.content) == _comparable(forbidden.content)


def _comparable(content: bytes) -> bytes:
    """Drop what differs by design: the CSRF token and the path the language switch returns to."""
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)
    return re.sub(rb'name="next" value="[^"]+"', b"", content)


def test_another_tenant_sees_none_of_sector_a_in_lists():
    world = build_world()
    client = verified_client(world.other_tenant)
    response = client.get(reverse("tenancy:organisation_list"))
    assert response.status_code == 200
    assert b"Omroep Beta" in response.content
    assert b"Omroep Alfa" not in response.content


@pytest.mark.parametrize(
    "name",
    sorted(n for n, e in MATRIX.items() if not e.public and not e.second_factor_exempt),
)
def test_password_alone_is_not_enough(name):
    """A user who passed the password step but not the second factor reaches no staff page."""
    world = build_world()
    client = Client()
    client.force_login(world.users[Role.PLATFORM_ADMIN])
    response = _call(client, name, MATRIX[name], world)
    assert response.status_code == 302
    assert response["Location"] in (reverse("accounts:verify"), reverse("accounts:enrol"))


def test_world_users_are_distinct():
    world = build_world()
    assert len({u.pk for u in world.users.values()}) == len(Role.values)
    assert UserFactory._meta.model.objects.count() >= len(Role.values) + 2
