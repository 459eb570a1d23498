from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from veiligwerk.security.models import UserKey
from veiligwerk.tenancy.models import Role
from veiligwerk.tenancy.selectors import (
    key_recovery_requests_open,
    memberships_of,
    organisations_administered_by,
)

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


def has_confirmed_totp(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(*, user: User) -> int:
    device = StaticDevice.objects.filter(user=user, name="recovery").first()
    return device.token_set.count() if device else 0


@dataclass(frozen=True)
class RoleCard:
    role: str
    label: str
    scope: str
    duty: str


@dataclass(frozen=True)
class StaffHome:
    cards: list[RoleCard]
    key_state: str  # "unlocked", "locked" (waits for recovery) or "none"
    recovery_codes_left: int
    can_administer: bool
    is_platform_admin: bool
    open_recoveries: int


ROLE_DUTIES: dict[str, Any] = {
    Role.PLATFORM_ADMIN: _(
        "Beheert het platform: organisaties, rollen, herstelsleutels en de auditlog."
    ),
    Role.SECTOR_COORDINATOR: _(
        "Coördineert de sector: organisaties, rollen, het plan van aanpak en het kenniscentrum."
    ),
    Role.CONFIDENTIAL_ADVISER: _(
        "Luistert, adviseert en begeleidt melders van de eigen organisatie. Onderzoekt niet."
    ),
    Role.OVERARCHING_ADVISER: _(
        "Vertrouwenspersoon voor iedereen in de sector, ook bij kleine omroepen zonder eigen vertrouwenspersoon."
    ),
    Role.COMMITTEE_MEMBER: _(
        "Behandelt formele klachten: hoort beide kanten en adviseert de werkgever."
    ),
    Role.COMMITTEE_SECRETARY: _(
        "Ondersteunt de klachtencommissie: dossier, termijnen en hoorzittingen."
    ),
    Role.AFTERCARE_COORDINATOR: _(
        "Helpt mensen die eerder zijn geraakt: coaching, mediation, begeleiding."
    ),
    Role.INTEGRITY_OFFICER: _(
        "Behandelt meldingen van vermoedens van misstanden, met de wettelijke termijnen."
    ),
    Role.HR: _(
        "Werkt aan beleid en maatregelen van de eigen werkgever; ziet geen meldingen zonder toestemming van de melder."
    ),
    Role.BOARD: _("Besluit op het advies van de klachtencommissie, met redenen."),
    Role.SUPERVISORY_BOARD: _(
        "Ziet alleen samengevatte cijfers, nooit een dossier of een persoon."
    ),
    Role.REGULATOR: _("Ziet alleen samengevatte cijfers en gepubliceerde verantwoording."),
}


def staff_home_for(*, user: User, key_unlocked: bool) -> StaffHome:
    memberships = list(memberships_of(user=user))
    cards = [
        RoleCard(
            role=m.role,
            label=str(m.get_role_display()),
            scope=str(m.organisation or m.sector or _("hele platform")),
            duty=str(ROLE_DUTIES[m.role]),
        )
        for m in memberships
    ]
    user_key = UserKey.objects.filter(user=user).first()
    if key_unlocked:
        key_state = "unlocked"
    elif user_key is not None and user_key.recoveries.exclude(state="completed").exists():
        key_state = "locked"
    else:
        key_state = "none"
    administered = organisations_administered_by(user=user)
    return StaffHome(
        cards=cards,
        key_state=key_state,
        recovery_codes_left=recovery_codes_left(user=user),
        can_administer=administered.exists(),
        is_platform_admin=any(m.role == Role.PLATFORM_ADMIN for m in memberships),
        open_recoveries=key_recovery_requests_open(organisations=administered).count(),
    )
