"""Granting and revoking roles, and the demo sector."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganisationFactory, SectorFactory, UserFactory, member
from veiligwerk.accounts.models import User
from veiligwerk.security.audit import audit_verify
from veiligwerk.security.models import AuditEvent
from veiligwerk.tenancy.demo import DEMO_PASSWORD, demo_load
from veiligwerk.tenancy.models import SECTOR_WIDE_ROLES, Membership, Organisation, Role, Sector
from veiligwerk.tenancy.services import membership_grant, membership_revoke

pytestmark = pytest.mark.django_db

ORGANISATION_ROLES = sorted(set(Role.values) - SECTOR_WIDE_ROLES - {Role.PLATFORM_ADMIN})


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def admin():
    return member(Role.PLATFORM_ADMIN)


# --- membership_grant -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ORGANISATION_ROLES)
def test_grant_organisation_role_in_an_organisation(organisation, admin, role):
    user = UserFactory()
    membership = membership_grant(
        user=user, role=role, sector=None, organisation=organisation, by=admin
    )
    assert (membership.role, membership.organisation, membership.sector) == (
        role,
        organisation,
        organisation.sector,
    )


@pytest.mark.parametrize("role", ORGANISATION_ROLES)
def test_grant_organisation_role_sector_wide_is_refused(organisation, admin, role):
    with pytest.raises(ValidationError, match="hoort bij één organisatie"):
        membership_grant(
            user=UserFactory(), role=role, sector=organisation.sector, organisation=None, by=admin
        )
    assert not Membership.objects.filter(role=role).exists()


@pytest.mark.parametrize("role", sorted(SECTOR_WIDE_ROLES))
def test_grant_sector_wide_role_across_a_sector(organisation, admin, role):
    membership = membership_grant(
        user=UserFactory(), role=role, sector=organisation.sector, organisation=None, by=admin
    )
    assert membership.sector == organisation.sector
    assert membership.organisation is None
    assert membership.is_sector_wide


def test_grant_without_sector_or_organisation_is_refused(admin):
    with pytest.raises(ValidationError, match="Kies een sector of een organisatie"):
        membership_grant(
            user=UserFactory(), role=Role.REGULATOR, sector=None, organisation=None, by=admin
        )
    assert not Membership.objects.filter(role=Role.REGULATOR).exists()


def test_grant_with_an_organisation_of_another_sector_is_refused(organisation, admin):
    other_sector = SectorFactory()
    with pytest.raises(ValidationError, match="hoort niet bij deze sector"):
        membership_grant(
            user=UserFactory(),
            role=Role.HR,
            sector=other_sector,
            organisation=organisation,
            by=admin,
        )
    assert not Membership.objects.filter(role=Role.HR).exists()


def test_grant_takes_the_sector_from_the_organisation(organisation, admin):
    membership = membership_grant(
        user=UserFactory(), role=Role.HR, sector=None, organisation=organisation, by=admin
    )
    assert membership.sector == organisation.sector


def test_grant_of_an_unknown_role_is_refused(organisation, admin):
    with pytest.raises(ValidationError, match="Deze rol bestaat niet"):
        membership_grant(
            user=UserFactory(), role="wizard", sector=None, organisation=organisation, by=admin
        )
    assert not Membership.objects.filter(role="wizard").exists()


def test_grant_platform_admin_ignores_sector_and_organisation(organisation, admin):
    membership = membership_grant(
        user=UserFactory(),
        role=Role.PLATFORM_ADMIN,
        sector=organisation.sector,
        organisation=organisation,
        by=admin,
    )
    assert membership.sector is None
    assert membership.organisation is None


def test_grant_is_idempotent(organisation, admin):
    user = UserFactory()
    first = membership_grant(
        user=user, role=Role.HR, sector=None, organisation=organisation, by=admin
    )
    second = membership_grant(
        user=user, role=Role.HR, sector=None, organisation=organisation, by=admin
    )
    assert first.pk == second.pk
    assert Membership.objects.filter(user=user).count() == 1
    assert AuditEvent.objects.filter(action="role.granted").count() == 1


def test_grant_same_role_in_two_organisations_gives_two_memberships(organisation, admin):
    user = UserFactory()
    sibling = OrganisationFactory(sector=organisation.sector)
    membership_grant(user=user, role=Role.HR, sector=None, organisation=organisation, by=admin)
    membership_grant(user=user, role=Role.HR, sector=None, organisation=sibling, by=admin)
    assert Membership.objects.filter(user=user).count() == 2


def test_grant_is_recorded_as_role_granted(organisation, admin):
    user = UserFactory()
    membership = membership_grant(
        user=user, role=Role.HR, sector=None, organisation=organisation, by=admin
    )
    event = AuditEvent.objects.get(action="role.granted")
    assert event.actor == admin
    assert event.sector_id_ref == organisation.sector_id
    assert event.organisation_id_ref == organisation.pk
    assert (event.object_type, event.object_id) == ("membership", str(membership.pk))
    assert event.data == {"role": Role.HR, "user": user.pk}
    assert audit_verify().ok


def test_refused_grant_records_nothing(organisation, admin):
    with pytest.raises(ValidationError):
        membership_grant(
            user=UserFactory(),
            role=Role.HR,
            sector=organisation.sector,
            organisation=None,
            by=admin,
        )
    assert not AuditEvent.objects.exists()


# --- membership_revoke -------------------------------------------------------------------------------


def test_revoke_removes_the_membership(organisation, admin):
    membership = membership_grant(
        user=UserFactory(), role=Role.HR, sector=None, organisation=organisation, by=admin
    )
    membership_revoke(membership=membership, by=admin)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_revoke_is_recorded_as_role_revoked(organisation, admin):
    user = UserFactory()
    membership = membership_grant(
        user=user, role=Role.HR, sector=None, organisation=organisation, by=admin
    )
    membership_pk = membership.pk
    membership_revoke(membership=membership, by=admin)
    event = AuditEvent.objects.get(action="role.revoked")
    assert event.actor == admin
    assert event.organisation_id_ref == organisation.pk
    assert (event.object_type, event.object_id) == ("membership", str(membership_pk))
    assert event.data == {"role": Role.HR, "user": user.pk}
    assert audit_verify().ok


def test_revoke_keeps_the_users_other_roles(organisation, admin):
    user = UserFactory()
    hr = membership_grant(user=user, role=Role.HR, sector=None, organisation=organisation, by=admin)
    membership_grant(user=user, role=Role.BOARD, sector=None, organisation=organisation, by=admin)
    membership_revoke(membership=hr, by=admin)
    assert list(Membership.objects.filter(user=user).values_list("role", flat=True)) == [Role.BOARD]


# --- demo_load --------------------------------------------------------------------------------------


def _counts() -> dict[str, int]:
    return {
        "sectors": Sector.objects.count(),
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "audit events": AuditEvent.objects.count(),
    }


def test_demo_load_creates_one_user_per_role():
    logins = demo_load()
    roles = list(Membership.objects.values_list("role", flat=True))
    assert sorted(roles) == sorted(Role.values)
    assert len(logins) == len(Role.values) == User.objects.count()


def test_demo_load_is_idempotent():
    demo_load()
    first = _counts()
    demo_load()
    assert _counts() == first


def test_demo_users_can_log_in_with_the_demo_password():
    demo_load()
    assert all(user.check_password(DEMO_PASSWORD) for user in User.objects.all())


def test_demo_load_keeps_a_changed_demo_password():
    demo_load()
    user = User.objects.get(username="coordinator")
    user.set_password("changed-by-the-user-2026")
    user.save()
    demo_load()
    user.refresh_from_db()
    assert user.check_password("changed-by-the-user-2026")


def test_demo_load_gives_sector_wide_roles_no_organisation():
    demo_load()
    for membership in Membership.objects.filter(role__in=SECTOR_WIDE_ROLES):
        assert membership.organisation is None
        assert membership.sector is not None
    for membership in Membership.objects.filter(role__in=ORGANISATION_ROLES):
        assert membership.organisation is not None
