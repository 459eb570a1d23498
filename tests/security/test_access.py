"""One door per object: every function in security/access.py, across tenants.

Sector A and sector B are two tenants. Anything of sector A is invisible to people of sector B
and to people without an administering role, and "not yours" looks exactly like "not there".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.http import Http404

from tests.factories import PASSWORD, OrganisationFactory, SectorFactory, member
from veiligwerk.security.access import (
    access_administration,
    access_key_recovery_request,
    access_membership_for_admin,
    access_organisation_for_admin,
    access_sector,
    require_platform_admin,
)
from veiligwerk.security.keys import key_login, key_recover, recovery_key_create
from veiligwerk.security.models import KeyRecoveryRequest
from veiligwerk.tenancy.models import Membership, OrganisationKind, Role

pytestmark = pytest.mark.django_db

MISSING_ID = 987_654_321


@dataclass
class Tenants:
    sector_a: Any
    sector_b: Any
    coordinator_org_a: Any
    org_a: Any
    sibling_a: Any
    org_b: Any
    platform_admin: Any
    coordinator_a: Any
    coordinator_b: Any
    org_admin_a: Any  # administers org_a only
    adviser_a: Any
    membership_a: Any
    membership_sibling_a: Any
    membership_b: Any


@pytest.fixture
def t() -> Tenants:
    sector_a, sector_b = SectorFactory(), SectorFactory()
    org_a = OrganisationFactory(sector=sector_a)
    sibling_a = OrganisationFactory(sector=sector_a)
    org_b = OrganisationFactory(sector=sector_b)
    coordinator_b = member(Role.SECTOR_COORDINATOR, sector=sector_b)
    adviser_a = member(Role.CONFIDENTIAL_ADVISER, organisation=org_a)
    return Tenants(
        sector_a=sector_a,
        sector_b=sector_b,
        coordinator_org_a=OrganisationFactory(sector=sector_a, kind=OrganisationKind.COORDINATOR),
        org_a=org_a,
        sibling_a=sibling_a,
        org_b=org_b,
        platform_admin=member(Role.PLATFORM_ADMIN),
        coordinator_a=member(Role.SECTOR_COORDINATOR, sector=sector_a),
        coordinator_b=coordinator_b,
        org_admin_a=member(Role.SECTOR_COORDINATOR, organisation=org_a),
        adviser_a=adviser_a,
        membership_a=Membership.objects.get(user=adviser_a),
        membership_sibling_a=Membership.objects.get(user=member(Role.HR, organisation=sibling_a)),
        membership_b=Membership.objects.get(user=member(Role.HR, organisation=org_b)),
    )


def _not_found(call) -> str:
    with pytest.raises(Http404) as caught:
        call()
    return str(caught.value)


def _locked_member(organisation, by) -> tuple[KeyRecoveryRequest, str]:
    """An open key-recovery request of a member of `organisation`, and the recovery key."""
    user = member(Role.HR, organisation=organisation)
    text = recovery_key_create(organisation=organisation, by=by)
    key_login(user=user, password=PASSWORD)
    user.set_password("a-new-password-after-reset-77")
    user.save()
    key_login(user=user, password="a-new-password-after-reset-77")
    return KeyRecoveryRequest.objects.get(user_key__user=user), text


def _recovery_request(organisation, by) -> KeyRecoveryRequest:
    return _locked_member(organisation, by)[0]


# --- access_sector ------------------------------------------------------------------------------------


def test_access_sector_gives_a_member_their_sector(t):
    assert access_sector(user=t.adviser_a, sector_id=t.sector_a.pk) == t.sector_a


def test_access_sector_hides_another_sector(t):
    _not_found(lambda: access_sector(user=t.adviser_a, sector_id=t.sector_b.pk))


def test_access_sector_missing_and_forbidden_look_the_same(t):
    forbidden = _not_found(lambda: access_sector(user=t.adviser_a, sector_id=t.sector_b.pk))
    missing = _not_found(lambda: access_sector(user=t.adviser_a, sector_id=MISSING_ID))
    assert forbidden == missing


def test_access_sector_coordinator_of_a_cannot_reach_sector_b(t):
    _not_found(lambda: access_sector(user=t.coordinator_a, sector_id=t.sector_b.pk))


def test_access_sector_platform_admin_reaches_every_sector(t):
    assert access_sector(user=t.platform_admin, sector_id=t.sector_a.pk) == t.sector_a
    assert access_sector(user=t.platform_admin, sector_id=t.sector_b.pk) == t.sector_b


def test_access_sector_user_without_a_role_gets_not_found(t):
    nobody = member(Role.HR, organisation=t.org_b)
    Membership.objects.filter(user=nobody).delete()
    _not_found(lambda: access_sector(user=nobody, sector_id=t.sector_a.pk))


# --- access_organisation_for_admin --------------------------------------------------------------------


def test_access_organisation_coordinator_reaches_organisations_of_their_sector(t):
    for organisation in (t.org_a, t.sibling_a, t.coordinator_org_a):
        found = access_organisation_for_admin(user=t.coordinator_a, organisation_id=organisation.pk)
        assert found == organisation


def test_access_organisation_coordinator_of_a_cannot_reach_org_of_sector_b(t):
    _not_found(
        lambda: access_organisation_for_admin(user=t.coordinator_a, organisation_id=t.org_b.pk)
    )


def test_access_organisation_coordinator_of_b_cannot_reach_org_of_sector_a(t):
    _not_found(
        lambda: access_organisation_for_admin(user=t.coordinator_b, organisation_id=t.org_a.pk)
    )


def test_access_organisation_missing_and_forbidden_look_the_same(t):
    forbidden = _not_found(
        lambda: access_organisation_for_admin(user=t.coordinator_a, organisation_id=t.org_b.pk)
    )
    missing = _not_found(
        lambda: access_organisation_for_admin(user=t.coordinator_a, organisation_id=MISSING_ID)
    )
    assert forbidden == missing


def test_access_organisation_platform_admin_reaches_every_organisation(t):
    for organisation in (t.org_a, t.sibling_a, t.org_b):
        found = access_organisation_for_admin(
            user=t.platform_admin, organisation_id=organisation.pk
        )
        assert found == organisation


def test_access_organisation_org_level_admin_reaches_their_organisation(t):
    found = access_organisation_for_admin(user=t.org_admin_a, organisation_id=t.org_a.pk)
    assert found == t.org_a


def test_access_organisation_org_level_admin_cannot_reach_a_sibling_organisation(t):
    _not_found(
        lambda: access_organisation_for_admin(user=t.org_admin_a, organisation_id=t.sibling_a.pk)
    )


def test_access_organisation_org_level_admin_cannot_reach_another_sector(t):
    _not_found(
        lambda: access_organisation_for_admin(user=t.org_admin_a, organisation_id=t.org_b.pk)
    )


@pytest.mark.parametrize(
    "role",
    sorted(set(Role.values) - {Role.PLATFORM_ADMIN, Role.SECTOR_COORDINATOR}),
)
def test_access_organisation_non_admin_role_gets_not_found_for_own_organisation(t, role):
    user = member(role, organisation=t.org_a)
    _not_found(lambda: access_organisation_for_admin(user=user, organisation_id=t.org_a.pk))


def test_access_organisation_sector_wide_non_admin_role_gets_not_found(t):
    overarching = member(Role.OVERARCHING_ADVISER, sector=t.sector_a)
    _not_found(lambda: access_organisation_for_admin(user=overarching, organisation_id=t.org_a.pk))


# --- access_membership_for_admin ----------------------------------------------------------------------


def test_access_membership_admin_gets_a_membership_of_their_organisation(t):
    found = access_membership_for_admin(
        user=t.coordinator_a, organisation=t.org_a, membership_id=t.membership_a.pk
    )
    assert found == t.membership_a


def test_access_membership_of_another_organisation_is_not_found(t):
    _not_found(
        lambda: access_membership_for_admin(
            user=t.coordinator_a, organisation=t.org_a, membership_id=t.membership_sibling_a.pk
        )
    )


def test_access_membership_of_another_sector_is_not_found(t):
    _not_found(
        lambda: access_membership_for_admin(
            user=t.coordinator_a, organisation=t.org_a, membership_id=t.membership_b.pk
        )
    )


def test_access_membership_user_of_another_sector_gets_not_found(t):
    """Even handed an organisation of sector A, an admin of sector B gets nothing from it."""
    _not_found(
        lambda: access_membership_for_admin(
            user=t.coordinator_b, organisation=t.org_a, membership_id=t.membership_a.pk
        )
    )


def test_access_membership_org_level_admin_cannot_use_a_sibling_organisation(t):
    _not_found(
        lambda: access_membership_for_admin(
            user=t.org_admin_a, organisation=t.sibling_a, membership_id=t.membership_sibling_a.pk
        )
    )


def test_access_membership_non_admin_role_gets_not_found(t):
    _not_found(
        lambda: access_membership_for_admin(
            user=t.adviser_a, organisation=t.org_a, membership_id=t.membership_a.pk
        )
    )


def test_access_membership_missing_and_forbidden_look_the_same(t):
    forbidden = _not_found(
        lambda: access_membership_for_admin(
            user=t.coordinator_a, organisation=t.org_a, membership_id=t.membership_b.pk
        )
    )
    missing = _not_found(
        lambda: access_membership_for_admin(
            user=t.coordinator_a, organisation=t.org_a, membership_id=MISSING_ID
        )
    )
    assert forbidden == missing


def test_access_membership_platform_admin_reaches_memberships_everywhere(t):
    found = access_membership_for_admin(
        user=t.platform_admin, organisation=t.org_b, membership_id=t.membership_b.pk
    )
    assert found == t.membership_b


def test_access_membership_platform_admin_role_is_hidden_from_a_coordinator(t):
    elevated = Membership.objects.create(
        user=member(Role.HR, organisation=t.org_a),
        role=Role.PLATFORM_ADMIN,
        sector=t.sector_a,
        organisation=t.org_a,
    )
    _not_found(
        lambda: access_membership_for_admin(
            user=t.coordinator_a, organisation=t.org_a, membership_id=elevated.pk
        )
    )
    found = access_membership_for_admin(
        user=t.platform_admin, organisation=t.org_a, membership_id=elevated.pk
    )
    assert found == elevated


# --- access_key_recovery_request -----------------------------------------------------------------------


def test_access_recovery_request_admin_gets_an_open_request_of_their_organisation(t):
    request = _recovery_request(t.org_a, t.platform_admin)
    found = access_key_recovery_request(
        user=t.coordinator_a, organisation=t.org_a, request_id=request.pk
    )
    assert found == request


def test_access_recovery_request_through_another_organisation_is_not_found(t):
    request = _recovery_request(t.org_a, t.platform_admin)
    _not_found(
        lambda: access_key_recovery_request(
            user=t.coordinator_a, organisation=t.sibling_a, request_id=request.pk
        )
    )


def test_access_recovery_request_admin_of_another_sector_with_own_organisation_gets_not_found(t):
    request = _recovery_request(t.org_a, t.platform_admin)
    _not_found(
        lambda: access_key_recovery_request(
            user=t.coordinator_b, organisation=t.org_b, request_id=request.pk
        )
    )


def test_access_recovery_request_user_of_another_sector_gets_not_found(t):
    """Even handed an organisation of sector A, an admin of sector B gets nothing from it."""
    request = _recovery_request(t.org_a, t.platform_admin)
    _not_found(
        lambda: access_key_recovery_request(
            user=t.coordinator_b, organisation=t.org_a, request_id=request.pk
        )
    )


def test_access_recovery_request_non_admin_role_gets_not_found(t):
    request = _recovery_request(t.org_a, t.platform_admin)
    _not_found(
        lambda: access_key_recovery_request(
            user=t.adviser_a, organisation=t.org_a, request_id=request.pk
        )
    )


def test_access_recovery_request_missing_and_forbidden_look_the_same(t):
    request = _recovery_request(t.org_a, t.platform_admin)
    forbidden = _not_found(
        lambda: access_key_recovery_request(
            user=t.coordinator_b, organisation=t.org_b, request_id=request.pk
        )
    )
    missing = _not_found(
        lambda: access_key_recovery_request(
            user=t.coordinator_a, organisation=t.org_a, request_id=MISSING_ID
        )
    )
    assert forbidden == missing


def test_access_recovery_request_already_recovered_is_not_found(t):
    request, text = _locked_member(t.org_a, t.platform_admin)
    key_recover(request=request, recovery_private_key=text, by=t.coordinator_a)
    _not_found(
        lambda: access_key_recovery_request(
            user=t.coordinator_a, organisation=t.org_a, request_id=request.pk
        )
    )


def test_access_recovery_request_of_sector_wide_member_through_coordinating_org(t):
    overarching = member(Role.OVERARCHING_ADVISER, sector=t.sector_a)
    text = recovery_key_create(organisation=t.coordinator_org_a, by=t.platform_admin)
    key_login(user=overarching, password=PASSWORD)
    overarching.set_password("a-new-password-after-reset-77")
    overarching.save()
    key_login(user=overarching, password="a-new-password-after-reset-77")
    request = KeyRecoveryRequest.objects.get(user_key__user=overarching)
    found = access_key_recovery_request(
        user=t.coordinator_a, organisation=t.coordinator_org_a, request_id=request.pk
    )
    key_recover(request=found, recovery_private_key=text, by=t.coordinator_a)
    assert KeyRecoveryRequest.objects.get(pk=request.pk).state == "recovered"


def test_access_recovery_request_platform_admin_reaches_every_sector(t):
    request = _recovery_request(t.org_b, t.platform_admin)
    found = access_key_recovery_request(
        user=t.platform_admin, organisation=t.org_b, request_id=request.pk
    )
    assert found == request


# --- require_platform_admin ------------------------------------------------------------------------


def test_require_platform_admin_lets_the_platform_admin_through(t):
    assert require_platform_admin(user=t.platform_admin) is None


@pytest.mark.parametrize("who", ["coordinator_a", "coordinator_b", "org_admin_a", "adviser_a"])
def test_require_platform_admin_refuses_everyone_else(t, who):
    message = _not_found(lambda: require_platform_admin(user=getattr(t, who)))
    assert message == _not_found(lambda: access_sector(user=t.adviser_a, sector_id=MISSING_ID))


# --- access_administration -----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["platform_admin", "coordinator_a", "coordinator_b", "org_admin_a"])
def test_access_administration_lets_administrators_through(t, who):
    assert access_administration(user=getattr(t, who)) is None


@pytest.mark.parametrize(
    "role",
    sorted(set(Role.values) - {Role.PLATFORM_ADMIN, Role.SECTOR_COORDINATOR}),
)
def test_access_administration_non_admin_role_gets_not_found(t, role):
    if role in (Role.OVERARCHING_ADVISER, Role.REGULATOR):
        user = member(role, sector=t.sector_a)
    else:
        user = member(role, organisation=t.org_a)
    message = _not_found(lambda: access_administration(user=user))
    assert message == _not_found(lambda: access_sector(user=t.adviser_a, sector_id=MISSING_ID))
