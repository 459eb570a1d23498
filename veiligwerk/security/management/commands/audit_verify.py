from typing import Any

from django.core.management.base import BaseCommand, CommandError

from veiligwerk.security.audit import audit_verify


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; report the first broken link."

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = audit_verify()
        if verdict.ok:
            self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {verdict.checked} events."))
            return
        raise CommandError(
            f"Audit chain broken at event {verdict.first_broken_sequence}: {verdict.reason} "
            f"({verdict.checked} events before it verified)."
        )
