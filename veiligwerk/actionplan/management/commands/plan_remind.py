"""`veiligwerk plan-remind`: e-mail owners whose theme update is still open when a period's
deadline is near (ACTIONPLAN_REMINDER_DAYS). Run daily from cron; each period is reminded once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from veiligwerk.actionplan.services import reminders_send
from veiligwerk.common.time import today


class Command(BaseCommand):
    help = "Remind action owners before a reporting period's deadline."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send(today=today())
        self.stdout.write(f"{sent} reminder e-mails sent.")
