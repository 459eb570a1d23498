"""Action-plan report benchmark: the accountability report of one period, built and rendered as
HTML and as PDF (WeasyPrint), for the seeded plan and for a plan twenty times its size.

Run: .venv/bin/python benchmarks/bench_report.py [--html-reps 20] [--pdf-reps 5]
     [--scales 1,20] [--database-url URL]

Setup: migrates a throwaway SQLite database (or --database-url) with the production settings,
in this process. Per scale it seeds a sector with `plan_seed` (10 themes A–J, 55 actions, the
published periods "juni 2025" and "oktober 2025" with 28 status bullets). At scale N > 1 the
themes are renamed A1–J1 and cloned as A2–J2 … AN–JN, actions, owners and the October updates
included (N × 10 themes, N × 55 actions). It then opens and publishes "maart 2026" with an
approved update for every theme: October's bullets with every third one rewritten (so "new
bullets" has work to do), October's statuses with actions 4, 8, 12 … of each theme moved on
(so "what changed" lists 9 of the 55 actions per copy), a note on every action and an evidence
link on every even-numbered one. The report is that period's, for the regulator (notes shown).

Timed, each after one untimed warm-up (WeasyPrint loads Pango and the fonts on its first use):
- build: `report_build` alone, with its query count (CaptureQueriesContext);
- HTML: `report_build` + `report_html` (the self-contained document, as the HTML download);
- PDF: `report_build` + `report_pdf` (as the PDF download), with the PDF's size and page count.
Median and p90 (nearest rank) over the repetitions, wall clock (time.perf_counter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import logging
import math
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:  # Django models import only after django.setup()
    from veiligwerk.actionplan.models import Period, Plan

NEXT_STATUS = {
    "not_started": "in_progress",
    "in_progress": "completed",
    "ongoing": "completed",
    "completed": "ongoing",
}


def _setup_django(database_url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database_url,
        }
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    # WeasyPrint warns about CSS it ignores once per render; keep the table readable.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)


def _clone_themes(plan: Plan, copies: int) -> None:
    """Rename A–J to A1–J1 and add A2–J2 … with the same actions, owners and October update."""
    from veiligwerk.actionplan.models import (
        Action,
        ActionUpdate,
        Theme,
        ThemeOwner,
        ThemeUpdate,
    )

    october = plan.periods.get(label="oktober 2025")
    originals = list(
        plan.themes.prefetch_related("owner_links", "actions__owners", "actions__updates").order_by(
            "letter"
        )
    )
    for theme in originals:
        theme.letter = f"{theme.letter}1"
    Theme.objects.bulk_update(originals, ["letter"])
    october_updates = {u.theme_id: u for u in ThemeUpdate.objects.filter(period=october)}
    for copy in range(2, copies + 1):
        for original in originals:
            theme = Theme.objects.create(
                plan=plan,
                letter=f"{original.letter[0]}{copy}",
                title=f"{original.title} ({copy})",
                table_title=original.table_title,
                summary_title=original.summary_title,
                summary=original.summary,
                description=original.description,
                answers_conclusion=original.answers_conclusion,
                recommendations=original.recommendations,
            )
            ThemeOwner.objects.bulk_create(
                ThemeOwner(theme=theme, owner_id=link.owner_id, position=link.position)
                for link in original.owner_links.all()
            )
            source = october_updates[original.pk]
            update = ThemeUpdate.objects.create(
                period=october,
                theme=theme,
                bullets=source.bullets,
                planning=source.planning,
                state=source.state,
            )
            for old in original.actions.all():
                action = Action.objects.create(theme=theme, number=old.number, title=old.title)
                action.owners.set(old.owners.all())
                previous = next(u for u in old.updates.all() if u.theme_update_id == source.pk)
                ActionUpdate.objects.create(
                    theme_update=update, action=action, status=previous.status, note=previous.note
                )


@dataclass
class Fixture:
    period: Period
    themes: int
    actions: int
    bullets: int
    changes: int


def _build_plan(scale: int) -> Fixture:
    from django.db import transaction
    from django.db.models import Prefetch

    from tests.factories import OrganisationFactory, SectorFactory, member
    from veiligwerk.actionplan.models import ActionUpdate, ThemeUpdate, UpdateState
    from veiligwerk.actionplan.services import period_open, period_publish, plan_seed
    from veiligwerk.tenancy.models import Role

    with transaction.atomic():
        sector = SectorFactory(slug=f"bench-{scale}x", name=f"Bench {scale}×")
        OrganisationFactory(sector=sector, slug="npo", name="NPO")
        coordinator = member(Role.SECTOR_COORDINATOR, sector=sector)
        plan = plan_seed(sector=sector)
        if scale > 1:
            _clone_themes(plan, scale)
        october = plan.periods.get(label="oktober 2025")
        period = period_open(
            plan=plan, label="maart 2026", deadline=dt.date(2026, 3, 31), by=coordinator
        )
        previous = {
            u.theme_id: u
            # select_related, not a prefetch of "action": Django 5.2 prefetches a forward
            # foreign key with an OR per id on SQLite, too deep for 1 100 actions.
            for u in ThemeUpdate.objects.filter(period=october).prefetch_related(
                Prefetch("action_updates", ActionUpdate.objects.select_related("action"))
            )
        }
        bullets = changes = actions = 0
        for theme in plan.themes.order_by("letter"):
            old = previous[theme.pk]
            new_bullets = [
                f"{b} (bijgewerkt in maart 2026)" if i % 3 == 2 else b
                for i, b in enumerate(old.bullets)
            ]
            bullets += len(new_bullets)
            update = ThemeUpdate.objects.create(
                period=period,
                theme=theme,
                bullets=new_bullets,
                planning=old.planning,
                state=UpdateState.APPROVED,
                drafted_by=coordinator,
                reviewed_by=coordinator,
            )
            rows = []
            for au in sorted(old.action_updates.all(), key=lambda a: a.action.number):
                actions += 1
                moved = au.action.number % 4 == 0
                changes += moved
                rows.append(
                    ActionUpdate(
                        theme_update=update,
                        action=au.action,
                        status=NEXT_STATUS[au.status] if moved else au.status,
                        note=f"Stand van actie {theme.letter}{au.action.number} in maart 2026.",
                        evidence=(
                            [{"title": "Verslag", "url": "https://example.org/verslag"}]
                            if au.action.number % 2 == 0
                            else []
                        ),
                    )
                )
            ActionUpdate.objects.bulk_create(rows)
        period = period_publish(
            period=period, by=coordinator, summary=["Alle thema's zijn bijgewerkt."]
        )
    return Fixture(period, plan.themes.count(), actions, bullets, changes)


def _time(fn: Callable[[], object], reps: int) -> tuple[list[float], object]:
    result = fn()  # warm-up, and the value to inspect
    samples = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def _p90(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


@dataclass
class Row:
    scale: int
    fixture: Fixture
    build: list[float]
    html: list[float]
    pdf: list[float]
    build_queries: int
    render_queries: int
    html_bytes: int
    pdf_bytes: int
    pdf_pages: int


def bench_scale(scale: int, html_reps: int, pdf_reps: int) -> Row:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader

    from veiligwerk.actionplan.report import Audience, report_build, report_html, report_pdf

    fixture = _build_plan(scale)
    period, audience = fixture.period, Audience.REGULATOR

    with CaptureQueriesContext(connection) as build_queries:
        report = report_build(period=period, audience=audience)
    with CaptureQueriesContext(connection) as render_queries:
        report_html(report=report)
    assert len(report.changes) == fixture.changes, (len(report.changes), fixture.changes)

    build, _report = _time(lambda: report_build(period=period, audience=audience), html_reps)
    html, document = _time(
        lambda: report_html(report=report_build(period=period, audience=audience)), html_reps
    )
    pdf, pdf_bytes = _time(
        lambda: report_pdf(report=report_build(period=period, audience=audience)), pdf_reps
    )
    assert isinstance(document, str) and isinstance(pdf_bytes, bytes)
    return Row(
        scale=scale,
        fixture=fixture,
        build=build,
        html=html,
        pdf=pdf,
        build_queries=len(build_queries),
        render_queries=len(render_queries),
        html_bytes=len(document.encode()),
        pdf_bytes=len(pdf_bytes),
        pdf_pages=len(PdfReader(io.BytesIO(pdf_bytes)).pages),
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def print_table(rows: list[Row], html_reps: int, pdf_reps: int) -> None:
    print()
    print("| plan | themes | actions | bullets | changes | step | reps | median | p90 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        f = row.fixture
        plan = f"{row.scale}×"
        for step, samples, reps in (
            (f"report_build ({row.build_queries} queries)", row.build, html_reps),
            (f"build + HTML ({row.html_bytes / 1024:,.0f} KiB)", row.html, html_reps),
            (
                f"build + PDF ({row.pdf_bytes / 1024:,.0f} KiB, {row.pdf_pages} pages)",
                row.pdf,
                pdf_reps,
            ),
        ):
            print(
                f"| {plan} | {f.themes} | {f.actions} | {f.bullets} | {f.changes} | {step} | "
                f"{reps} | {_ms(statistics.median(samples))} | {_ms(_p90(samples))} |"
            )
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        print()
        for name, attr in (("report_build", "build"), ("HTML", "html"), ("PDF", "pdf")):
            ratio = statistics.median(getattr(large, attr)) / statistics.median(
                getattr(small, attr)
            )
            print(f"{name}: {large.scale}× / {small.scale}× median = {ratio:.1f}")
        print(
            f"queries in report_build: {small.build_queries} ({small.scale}×), "
            f"{large.build_queries} ({large.scale}×); in report_html: "
            f"{small.render_queries}, {large.render_queries}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--html-reps", type=int, default=20)
    parser.add_argument("--pdf-reps", type=int, default=5)
    parser.add_argument("--scales", default="1,20", help="comma-separated multiples of the seed")
    parser.add_argument("--database-url", help="default: a throwaway SQLite file")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        from django.conf import settings
        from django.utils import translation

        rows = []
        with translation.override(settings.LANGUAGE_CODE):
            for scale in scales:
                started = time.perf_counter()
                row = bench_scale(scale, args.html_reps, args.pdf_reps)
                print(f"{scale}×: done in {time.perf_counter() - started:.0f} s", flush=True)
                rows.append(row)
        print_table(rows, args.html_reps, args.pdf_reps)


if __name__ == "__main__":
    main()
