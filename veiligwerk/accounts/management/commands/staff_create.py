import getpass
import os
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from veiligwerk.accounts.models import User
from veiligwerk.tenancy.models import Role
from veiligwerk.tenancy.services import membership_grant


class Command(BaseCommand):
    help = (
        "Create a staff account. The password is asked for (or read from VEILIGWERK_PASSWORD); "
        "the key pair and second factor are set up at the first log-in."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--platform-admin", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError("A user with that name exists already.")
        password = os.environ.get("VEILIGWERK_PASSWORD") or getpass.getpass("Password: ")
        user = User(username=options["username"], email=options["email"])
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        if options["platform_admin"]:
            membership_grant(
                user=user, role=Role.PLATFORM_ADMIN, sector=None, organisation=None, by=None
            )
        self.stdout.write(self.style.SUCCESS(f"Created {user.username}."))
