"""`veiligwerk intake-purge`: delete the encrypted files of drafts that were never sent, once
their session has certainly ended (SESSION_COOKIE_AGE plus a day). Run daily from cron."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from veiligwerk.common.time import now
from veiligwerk.intake.services import draft_files_purge


class Command(BaseCommand):
    help = "Delete files of abandoned report drafts."

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = now() - dt.timedelta(seconds=settings.SESSION_COOKIE_AGE) - dt.timedelta(days=1)
        removed = draft_files_purge(before=cutoff)
        self.stdout.write(f"{removed} files of abandoned drafts deleted.")
