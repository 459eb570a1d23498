"""`veiligwerk indicators-remind`: e-mail each organisation's board about its directors' and
board members' terms that end soon, are in the final term's last months or are past the limit.
Run daily from cron; each appointment is mailed once per state."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from veiligwerk.common.time import today
from veiligwerk.indicators.services import terms_remind


class Command(BaseCommand):
    help = "Warn boards about terms of office that end soon or are past the limit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--warn-months", type=int, default=6)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = terms_remind(today=today(), warn_months=options["warn_months"])
        self.stdout.write(f"{sent} term e-mails sent.")
