"""``veiligwerk routes-validate``: the validator's report on the console, and its exit status."""

from __future__ import annotations

import copy
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import SectorFactory, member
from veiligwerk.routes.services import routes_seed, rule_set_draft_save, rule_set_draft_start
from veiligwerk.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def sector():
    sector = SectorFactory(slug="publieke-omroep")
    routes_seed(sector=sector)
    return sector


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("routes_validate", *args, stdout=out)
    return out.getvalue()


def count(output: str, label: str) -> int:
    match = re.search(rf"^  {label}:\s+(\d+)$", output, re.M)
    assert match, (label, output)
    return int(match.group(1))


def test_the_seeded_sector_passes_and_the_counts_are_printed(sector):
    output = run("--sector", "publieke-omroep", "--date", "2026-11-28")
    assert "publieke-omroep version 1 (published), checked for 2026-11-28" in output
    assert count(output, "paths checked") > 1000
    for label in ("dead ends", "unreachable routes", "rules never firing", "unknown references"):
        assert count(output, label) == 0
    assert "publishing: allowed" in output


def test_every_sector_is_checked_by_default(sector):
    SectorFactory(slug="zonder-wegwijzer")
    output = run("--date", "2026-11-28")
    assert "publieke-omroep version 1 (published)" in output
    assert "zonder-wegwijzer: no rule set yet." in output


def test_a_day_before_the_advisers_existed_exits_non_zero(sector):
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "routes_validate", "--sector", "publieke-omroep", "--date", "2025-01-01", stdout=out
        )
    assert error.value.returncode == 1
    assert "Publishing would be refused for: publieke-omroep version 1." in str(error.value)
    output = out.getvalue()
    assert count(output, "dead ends") > 0
    assert "danger=no; relation=employee" in output
    assert "publishing: refused" in output


def test_a_broken_draft_exits_non_zero_and_the_published_version_is_still_checked(sector):
    coordinator = member(Role.SECTOR_COORDINATOR, sector=sector)
    draft = rule_set_draft_start(sector=sector, by=coordinator)
    content = copy.deepcopy(draft.content)
    content["rules"].append(
        {"key": "to-nowhere", "effect": "include", "route": "missing-route", "weight": 1}
    )
    rule_set_draft_save(draft=draft, content=content, by=coordinator)
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("routes_validate", "--date", "2026-11-28", stdout=out)
    assert "publieke-omroep version 2." in str(error.value)
    output = out.getvalue()
    assert "publieke-omroep version 2 (draft)" in output
    assert "rule to-nowhere: unknown route missing-route" in output
    assert "publieke-omroep version 1 (published)" in output
    # --version picks one version: the published one still passes.
    output = run("--sector", "publieke-omroep", "--version", "1", "--date", "2026-11-28")
    assert "version 2" not in output
    assert "publishing: allowed" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "28-11-2026"], "--date: use YYYY-MM-DD"),
        (["--date", "2026-02-30"], "--date: use YYYY-MM-DD"),
        (["--sector", "onbekend"], "No sector with slug 'onbekend'."),
        (["--version", "1"], "--version needs --sector."),
        (["--sector", "publieke-omroep", "--version", "9"], "publieke-omroep has no version 9."),
    ],
)
def test_bad_arguments_say_what_is_wrong(sector, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args)
