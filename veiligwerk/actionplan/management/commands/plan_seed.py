"""`veiligwerk plan-seed <sector>`: load the sector's joint plan as in the October 2025 status
update (reviewed data in `actionplan/seed_data.py`). Does nothing if the plan exists."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veiligwerk.actionplan.services import plan_seed
from veiligwerk.tenancy.models import Sector


class Command(BaseCommand):
    help = "Load the joint action plan (themes A–J, October 2025) into a sector."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sector", help="the sector's short name (slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        sector = Sector.objects.filter(slug=options["sector"]).first()
        if sector is None:
            raise CommandError(f"No sector with short name {options['sector']!r}.")
        plan = plan_seed(sector=sector)
        self.stdout.write(
            f"{plan.title}: {plan.themes.count()} themes, "
            f"{sum(t.actions.count() for t in plan.themes.all())} actions, "
            f"{plan.periods.count()} periods."
        )
