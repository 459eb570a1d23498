"""``veiligwerk routes-validate``: check the route wizard's rule sets, as before publishing."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from veiligwerk.common.time import today
from veiligwerk.routes.models import RuleSetVersion
from veiligwerk.routes.selectors import rule_set_versions
from veiligwerk.routes.services import rule_set_validate
from veiligwerk.routes.validator import ValidationReport
from veiligwerk.tenancy.models import Sector

DETAILS_SHOWN = 20
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Command(BaseCommand):
    help = (
        "Check the route wizard: answer paths that lead to no open route, open routes no path "
        "reaches, rules that never fire and unknown references. Without --version, checks each "
        "sector's draft and newest published version. Exits non-zero when publishing would be "
        "refused."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # Our --version (a rule-set version) replaces Django's --version (its own release).
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sector", metavar="SLUG", help="Only this sector.")
        parser.add_argument(
            "--version", metavar="N", type=int, help="Only this version (needs --sector)."
        )
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help="Check as on this day (default: today)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        on = self._date(options["date"])
        if options["version"] is not None and not options["sector"]:
            raise CommandError("--version needs --sector.")
        refused = []
        for sector in self._sectors(options["sector"]):
            versions = self._versions(sector, options["version"])
            if not versions:
                self.stdout.write(f"{sector.slug}: no rule set yet.")
            for version in versions:
                report = rule_set_validate(version=version, on=on)
                self._write(sector, version, on, report)
                if report.blocks_publishing:
                    refused.append(f"{sector.slug} version {version.number}")
        if refused:
            raise CommandError(f"Publishing would be refused for: {', '.join(refused)}.")

    def _date(self, value: str | None) -> dt.date:
        if not value:
            return today()
        try:
            if not DATE_FORMAT.match(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(
                f"--date: use YYYY-MM-DD, for example 2026-11-28 (got {value!r})."
            ) from error

    def _sectors(self, slug: str | None) -> list[Sector]:
        sectors = Sector.objects.order_by("slug")
        if slug is None:
            return list(sectors)
        sector = sectors.filter(slug=slug).first()
        if sector is None:
            raise CommandError(f"No sector with slug {slug!r}.")
        return [sector]

    def _versions(self, sector: Sector, number: int | None) -> list[RuleSetVersion]:
        versions = rule_set_versions(sector=sector)
        if number is not None:
            chosen = [v for v in versions if v.number == number]
            if not chosen:
                raise CommandError(f"{sector.slug} has no version {number}.")
            return chosen
        draft = [v for v in versions if v.state == RuleSetVersion.State.DRAFT]
        published = [v for v in versions if v.state == RuleSetVersion.State.PUBLISHED]
        return draft + published[:1]

    def _write(
        self, sector: Sector, version: RuleSetVersion, on: dt.date, report: ValidationReport
    ) -> None:
        out = self.stdout
        out.write(f"{sector.slug} version {version.number} ({version.state}), checked for {on}")
        out.write(f"  paths checked:      {report.paths_checked}")
        if report.truncated:
            out.write("  (stopped: too many paths to check them all)")
        self._items("dead ends", [self._path(p) for p in report.dead_ends])
        self._items("unreachable routes", report.unreachable_routes)
        self._items("rules never firing", report.rules_never_firing)
        self._items("unknown references", report.unknown_references)
        if report.blocks_publishing:
            out.write(self.style.ERROR("  publishing: refused"))
        elif report.ok:
            out.write(self.style.SUCCESS("  publishing: allowed"))
        else:
            out.write(self.style.WARNING("  publishing: allowed, with warnings"))

    def _items(self, label: str, items: list[str]) -> None:
        self.stdout.write(f"  {label + ':':<20}{len(items)}")
        for item in items[:DETAILS_SHOWN]:
            self.stdout.write(f"    - {item}")
        if len(items) > DETAILS_SHOWN:
            self.stdout.write(f"    ... and {len(items) - DETAILS_SHOWN} more")

    @staticmethod
    def _path(answers: dict[str, tuple[str, ...]]) -> str:
        return "; ".join(f"{q}={','.join(a) or '(skipped)'}" for q, a in answers.items())
