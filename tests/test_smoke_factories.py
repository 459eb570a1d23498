import pytest

from tests.factories import OrganisationFactory, member, verified_client
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db


def test_verified_client_reaches_staff_home_with_key_unlocked():
    organisation = OrganisationFactory()
    user = member(Role.CONFIDENTIAL_ADVISER, organisation=organisation)
    response = verified_client(user).get("/staff/")
    assert response.status_code == 200
    assert b"Uw sleutel is ontgrendeld" in response.content
