"""Test data in one place. Users get a known password so key and log-in flows can run."""

from __future__ import annotations

import base64
import datetime as dt

import factory
import pyotp
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from veiligwerk.accounts.models import User
from veiligwerk.security.keys import key_login, session_key_store
from veiligwerk.tenancy.models import Membership, Organisation, OrganisationKind, Role, Sector

PASSWORD = "correct-horse-battery-staple-42"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    slug = factory.Sequence(lambda n: f"sector-{n}")
    name = factory.Sequence(lambda n: f"Sector {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    sector = factory.SubFactory(SectorFactory)
    slug = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.BROADCASTER
    valid_from = dt.date(2000, 1, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


def member(
    role: str,
    *,
    organisation: Organisation | None = None,
    sector: Sector | None = None,
    user: User | None = None,
) -> User:
    """A user with one role: in `organisation`, sector-wide in `sector`, or platform-wide."""
    user = user or UserFactory()
    if role == Role.PLATFORM_ADMIN:
        Membership.objects.create(user=user, role=role)
    elif organisation is not None:
        Membership.objects.create(
            user=user, role=role, sector=organisation.sector, organisation=organisation
        )
    else:
        assert sector is not None, "a sector-wide role needs a sector"
        Membership.objects.create(user=user, role=role, sector=sector)
    return user


def totp_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def totp_now(device: TOTPDevice) -> str:
    return pyotp.TOTP(base64.b32encode(device.bin_key).decode()).now()


def verified_client(user: User, client: Client | None = None) -> Client:
    """A client logged in as `user` with the second factor passed and the key unlocked,
    as after a real log-in (the real flow is covered by its own tests)."""
    client = client or Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or totp_device(user)
    private_key = key_login(user=user, password=PASSWORD)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    if private_key is not None:
        client.cookies[settings.KEY_SESSION_COOKIE_NAME] = session_key_store(session, private_key)
    session.save()
    return client
