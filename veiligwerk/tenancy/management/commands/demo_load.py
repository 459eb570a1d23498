from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from veiligwerk.tenancy.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load the public-broadcasting demo sector and one demo user per role (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo users even with DEBUG off (never on a real deployment).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Refusing to create demo users with DEBUG off. Use --allow-production to insist."
            )
        logins = demo_load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo log-ins (password for all: {DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.username:<22} {login.role_label} – {login.scope}")
        self.stdout.write(
            "On first log-in each user sets up an authenticator app (TOTP) and gets recovery codes."
        )
