"""The public-broadcasting sector from DOMAIN.md, as data, and one demo user per role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from veiligwerk.accounts.models import User
from veiligwerk.security.keys import key_create
from veiligwerk.security.models import UserKey
from veiligwerk.tenancy.models import Organisation, OrganisationKind, Role, Sector
from veiligwerk.tenancy.services import membership_grant

SECTOR_SLUG = "publieke-omroep"
SECTOR_NAME = "Landelijke publieke omroep"
DEMO_PASSWORD = "demo-Veilig-Werk-2026"  # noqa: S105 - demo data only, printed on purpose

K = OrganisationKind
# (slug, name, kind, valid_from, valid_to)
ORGANISATIONS: list[tuple[str, str, str, dt.date, dt.date | None]] = [
    ("npo", "NPO", K.COORDINATOR, dt.date(2000, 1, 1), None),
    ("avrotros", "AVROTROS", K.BROADCASTER, dt.date(2014, 1, 1), None),
    ("bnnvara", "BNNVARA", K.BROADCASTER, dt.date(2014, 1, 1), None),
    ("kro-ncrv", "KRO-NCRV", K.BROADCASTER, dt.date(2014, 1, 1), None),
    ("eo", "EO", K.BROADCASTER, dt.date(2000, 1, 1), None),
    ("max", "MAX", K.BROADCASTER, dt.date(2005, 1, 1), None),
    ("vpro", "VPRO", K.BROADCASTER, dt.date(2000, 1, 1), None),
    ("human", "HUMAN", K.BROADCASTER, dt.date(2000, 1, 1), None),
    ("powned", "PowNed", K.BROADCASTER, dt.date(2010, 1, 1), None),
    ("wnl", "WNL", K.BROADCASTER, dt.date(2010, 1, 1), None),
    ("on", "Omroep ON!", K.BROADCASTER, dt.date(2022, 1, 1), None),
    ("zwart", "Omroep ZWART", K.BROADCASTER, dt.date(2022, 1, 1), None),
    ("nos", "NOS", K.TASK_BROADCASTER, dt.date(2000, 1, 1), None),
    ("ntr", "NTR", K.TASK_BROADCASTER, dt.date(2010, 1, 1), None),
    ("cvo", "College van Omroepen (CvO)", K.EXTERNAL_BODY, dt.date(2016, 1, 1), None),
    (
        "klachtencommissie",
        "Klachtencommissie ongewenste omgangsvormen publieke omroep",
        K.EXTERNAL_BODY,
        dt.date(2025, 4, 15),
        None,
    ),
    (
        "overkoepelende-vp",
        "Overkoepelende vertrouwenspersonen (Talk&Trust)",
        K.EXTERNAL_BODY,
        dt.date(2025, 3, 15),
        None,
    ),
    ("bureau-nazorg", "Bureau Nazorg", K.EXTERNAL_BODY, dt.date(2024, 5, 15), dt.date(2025, 5, 15)),
    ("cvdm", "Commissariaat voor de Media", K.EXTERNAL_BODY, dt.date(2000, 1, 1), None),
    ("demo-producties", "Demo Producties B.V.", K.PRODUCER, dt.date(2025, 1, 1), None),
]

R = Role
# (username, full name, role, organisation slug or None for sector-wide / platform)
DEMO_USERS: list[tuple[str, str, str, str | None]] = [
    ("beheerder", "Bea Beheer", R.PLATFORM_ADMIN, None),
    ("coordinator", "Cor Coördinator", R.SECTOR_COORDINATOR, None),
    ("vp.avrotros", "Vera Vertrouwen", R.CONFIDENTIAL_ADVISER, "avrotros"),
    ("vp.overkoepelend", "Otto Overkoepelend", R.OVERARCHING_ADVISER, None),
    ("commissie.lid", "Kees Commissie", R.COMMITTEE_MEMBER, "klachtencommissie"),
    ("commissie.secretaris", "Sanne Secretaris", R.COMMITTEE_SECRETARY, "klachtencommissie"),
    ("nazorg", "Nina Nazorg", R.AFTERCARE_COORDINATOR, "npo"),
    ("integriteit", "Ivo Integriteit", R.INTEGRITY_OFFICER, "npo"),
    ("hr.bnnvara", "Hanna HR", R.HR, "bnnvara"),
    ("bestuur.npo", "Bram Bestuur", R.BOARD, "npo"),
    ("rvt.bnnvara", "Rita Toezicht", R.SUPERVISORY_BOARD, "bnnvara"),
    ("cvdm", "Tom Toezichthouder", R.REGULATOR, None),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role_label: str
    scope: str


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    """Create or update the demo sector, organisations and users. Safe to run again."""
    sector, _ = Sector.objects.update_or_create(slug=SECTOR_SLUG, defaults={"name": SECTOR_NAME})
    organisations: dict[str, Organisation] = {}
    for slug, name, kind, valid_from, valid_to in ORGANISATIONS:
        organisations[slug], _ = Organisation.objects.update_or_create(
            sector=sector,
            slug=slug,
            defaults={"name": name, "kind": kind, "valid_from": valid_from, "valid_to": valid_to},
        )
    from veiligwerk.routes.services import routes_seed

    routes_seed(sector=sector, own_adviser_for=[organisations["avrotros"]])
    from veiligwerk.actionplan.services import plan_seed

    plan_seed(sector=sector)
    _indicators_demo(sector, organisations)
    logins = []
    for username, full_name, role, org_slug in DEMO_USERS:
        first, _sep, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.invalid"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        organisation = organisations[org_slug] if org_slug else None
        membership_grant(
            user=user,
            role=role,
            sector=None if role == Role.PLATFORM_ADMIN else sector,
            organisation=organisation,
            by=None,
        )
        scope = (
            organisation.name
            if organisation
            else (SECTOR_NAME if role != Role.PLATFORM_ADMIN else "platform")
        )
        if not UserKey.objects.filter(user=user).exists():
            # Handlers need a key pair before anyone can report to them; a real user gets one
            # at their first log-in, the demo users get it now (the demo knows their password).
            key_create(user=user, password=DEMO_PASSWORD)
        logins.append(DemoLogin(username, str(Role(role).label), scope))
    return logins


def _indicators_demo(sector: Sector, organisations: dict[str, Organisation]) -> None:
    """A few invented indicator figures so the indicator pages and the report show something."""
    from decimal import Decimal

    from veiligwerk.indicators.models import BoardAppointment, DiversityFigure, SurveyScore

    for slug, scores in (("bnnvara", ("6.9", "7.2")), ("avrotros", ("7.0", "6.8"))):
        for year, score in zip((2024, 2025), scores, strict=True):
            SurveyScore.objects.update_or_create(
                organisation=organisations[slug],
                year=year,
                defaults={"sector": sector, "score": Decimal(score)},
            )
    for dimension, target, actual in (("gender", "50.0", "44.0"), ("age", "20.0", "21.5")):
        DiversityFigure.objects.update_or_create(
            sector=sector,
            organisation=None,
            year=2025,
            dimension=dimension,
            defaults={"target_percent": Decimal(target), "actual_percent": Decimal(actual)},
        )
    BoardAppointment.objects.get_or_create(
        sector=sector,
        organisation=organisations["npo"],
        person_name="Demo Directeur",
        defaults={
            "role_title": "Directeur",
            "rule": "npo_directors",
            "term_starts": ["2019-01-01", "2023-01-01"],
        },
    )
