"""Anonymous report submission through gunicorn on PostgreSQL, beside a plain Django form.

Run: .venv/bin/python benchmarks/bench_intake.py [--clients 32] [--duration 30 | --reports N]
     [--workers W] [--threads T] [--logins 50] [--argon-rounds 20] [--keep]

Setup: creates the PostgreSQL database ``vw_bench_intake`` on 127.0.0.1:5432 (user postgres),
runs ``migrate --run-syncdb``, ``collectstatic`` (into a temporary STATIC_ROOT) and
``demo-load --allow-production`` with the bench settings
``benchmarks.plainform.settings`` (production settings plus a bench-only app with a plain form
at ``/bench/plain/``), then starts gunicorn (gthread, the same ``--workers``/``--threads`` for
both forms) on 127.0.0.1. Workers and threads default to production's
(``config/gunicorn.conf.py``: 3 × 4); the access log is left out. Until 2026-11-29 the bench ran
3 × 8, which is not what production runs; on 2 cores the two shapes give the same rates within
noise (BENCHMARKS.md). The abuse budgets per minute are raised through the environment
(VEILIGWERK_INTAKE_SUBMISSIONS_PER_MINUTE, VEILIGWERK_RECEIPT_LOGINS_PER_MINUTE); the budget per
session stays, and each flow uses a fresh cookie jar (a new browser). There is no MTA, so
DJANGO_EMAIL_BACKEND is the in-memory backend (the handler notification is built, not sent).

TLS is not run: the client sends ``X-Forwarded-Proto: https``, which production trusts
(SECURE_PROXY_SSL_HEADER), as a TLS-terminating proxy would; so SECURE_SSL_REDIRECT, Secure
cookies and the CSRF Origin check stay on. The client keeps cookies itself whatever their Secure
flag and sends ``Origin``/``Referer`` of ``https://127.0.0.1``.

Phases (client threads with http.client keep-alive, one connection per thread):
1. warm-up: every client does one full report flow and three plain-form posts (not counted);
2. intake: every client repeats the reporter's flow: GET and POST the start page of
   publieke-omroep / overkoepelende-vertrouwenspersonen, POST the eight questions, POST
   /melden/controleren/ (the submission, timed), GET /melden/ontvangen/ (must show a receipt);
3. plain: every client repeats GET /bench/plain/ (fresh cookies, for the CSRF token) and POST
   (timed) of the same ~2 KB text plus a short field, stored as one unencrypted row;
4. receipt log-in: N codes from phase 2, each GET /melden/inloggen/ then POST (timed) with the
   code, sequentially on the idle server; and Argon2id at RECEIPT_OPSLIMIT/RECEIPT_MEMLIMIT
   timed in this process with ``crypto.derive_key``.
With ``--duration``, a phase counts what completes inside its window (rate = count / window);
flows still running at the end finish but are not counted (their errors are). With
``--reports N`` each client does N/clients flows (or plain posts) and the rate is over the wall
time. The client shares the two cores with the server and PostgreSQL, so rates are a floor.

Noise: the machine is shared. For each timed phase the report gives the CPU (in cores) that
the machine spent outside this process, its gunicorn and the bench database's PostgreSQL
backends meanwhile (from /proc; "–" where there is none). A run where that is well above zero
for the intake phase measured a smaller machine. The figure also holds work done for the bench
that no process of it is charged with: the kernel's loopback network interrupts and
PostgreSQL's shared WAL writer and checkpointer, about 0.3 cores at the plain form's ~700
requests/s on a quiet machine, a few hundredths for the intake.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = "vw_bench_intake"
PG = "postgres://postgres@127.0.0.1:5432"
SECTOR, ROUTE = "publieke-omroep", "overkoepelende-vertrouwenspersonen"
ORIGIN = "https://127.0.0.1"
CODE_RE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}")
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
WHAT = (
    "Tijdens de opnames van het programma maakte de eindredacteur herhaaldelijk opmerkingen "
    "over mijn uiterlijk en over dat van collega's, ook waar anderen bij waren. Toen ik zei dat "
    "ik dat niet prettig vond, kreeg ik minder diensten en werd ik niet meer uitgenodigd voor "
    "het overleg op maandag. "
) * 7  # ~2 KB
ANSWERS = {
    "wanneer": {"when": "Van maart tot en met juni van dit jaar"},
    "wens": {"wishes": "Dat iemand met mij meekijkt en dat het stopt."},
    "gegevens": {"contact": "", "email": ""},
    "over-wie": {"accused": "De eindredacteur van het programma"},
}


class FlowError(Exception):
    """A response other than the one the reporter's browser expects."""


# --- A minimal browser --------------------------------------------------------------------------


class Browser:
    """One keep-alive connection; a cookie jar that ignores Secure (the proxy is simulated)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def new_jar(self) -> None:
        self.cookies = {}

    def request(
        self, method: str, path: str, data: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        headers = {
            "Host": "127.0.0.1",
            "X-Forwarded-Proto": "https",
            "Accept-Language": "nl",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            body = urlencode(data or {}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = ORIGIN
            headers["Referer"] = ORIGIN + path
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection: reconnect once.
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        for header in response.msg.get_all("Set-Cookie") or []:
            pair, _sep, attrs = header.partition(";")
            name, _eq, value = pair.strip().partition("=")
            lowered = attrs.lower()
            if "max-age=0" in lowered or "1970" in lowered:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        location = response.getheader("Location") or ""
        return response.status, urlsplit(location).path, text

    def close(self) -> None:
        self.conn.close()


def _csrf(text: str) -> str:
    match = CSRF_RE.search(text)
    if match is None:
        raise FlowError("no csrfmiddlewaretoken in the form")
    return match.group(1)


def _excerpt(text: str) -> str:
    """A response excerpt for an error report: visible text, no receipt codes."""
    plain = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.S)
    plain = re.sub(r"<[^>]+>", " ", plain)
    plain = CODE_RE.sub("XXXX-…", re.sub(r"\s+", " ", plain)).strip()
    return plain[:300]


def _expect(step: str, got: tuple[int, str, str], status: int, location: str = "") -> str:
    code, where, text = got
    if code != status or (location and where != location):
        raise FlowError(f"{step}: {code} {where or ''} | {_excerpt(text)}")
    return text


# --- Noise: CPU used by processes that are not part of the benchmark -----------------------------


class OtherLoad:
    """Machine CPU (in cores) spent outside this process, the server's process tree and the
    PostgreSQL backends of the bench database, between :meth:`start` and :meth:`stop`."""

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid
        self.cores: float | None = None
        self._start: tuple[float, float, float] | None = None

    @staticmethod
    def _ticks() -> tuple[dict[int, tuple[int, float]], float]:
        """(pid → (parent pid, CPU seconds)) for every process, and the machine's busy seconds."""
        hz = os.sysconf("SC_CLK_TCK")
        with open("/proc/stat") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
        busy = (sum(fields) - fields[3] - fields[4]) / hz  # all but idle and iowait
        processes: dict[int, tuple[int, float]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    stat = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            processes[int(entry)] = (int(stat[1]), (int(stat[11]) + int(stat[12])) / hz)
        return processes, busy

    def _ours(self, processes: dict[int, tuple[int, float]]) -> float:
        roots = {os.getpid(), *([self.server_pid] if self.server_pid else [])}
        ours = set(roots)
        for pid, (parent, _cpu) in processes.items():
            if parent in roots:
                ours.add(pid)
        for pid in list(processes):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    if DB_NAME.encode() in handle.read():
                        ours.add(pid)  # a PostgreSQL backend serving the bench database
            except OSError:
                continue
        return sum(processes[pid][1] for pid in ours if pid in processes)

    def start(self) -> None:
        try:
            processes, busy = self._ticks()
            self._start = (time.perf_counter(), busy, self._ours(processes))
        except (OSError, ValueError):
            self._start = None

    def stop(self) -> None:
        if self._start is None:
            return
        try:
            processes, busy = self._ticks()
            ours = self._ours(processes)
        except (OSError, ValueError):
            return
        began, busy0, ours0 = self._start
        elapsed = time.perf_counter() - began
        self.cores = max(0.0, ((busy - busy0) - (ours - ours0)) / elapsed) if elapsed else None


# --- The two workloads ------------------------------------------------------------------------


@dataclass
class Sample:
    done_at: float  # when the timed request completed
    latency: float  # the timed POST
    flow: float = 0.0  # whole flow (intake only)
    code: str = ""


def intake_flow(b: Browser, organisation_id: int) -> Sample:
    """One anonymous report, from the start page to the receipt, in a new browser."""
    flow_start = time.perf_counter()
    b.new_jar()
    start = f"/melden/{SECTOR}/{ROUTE}/"
    token = _csrf(_expect("GET start", b.request("GET", start), 200))
    first = "/melden/vraag/onderwerp/"
    _expect("POST start", b.request("POST", start, {"csrfmiddlewaretoken": token}), 302, first)
    steps: list[tuple[str, dict[str, str]]] = [
        ("onderwerp", {"categories": "bullying"}),
        ("wat", {"what": WHAT}),
        ("wanneer", ANSWERS["wanneer"]),
        ("waar", {"organisation": str(organisation_id), "where": ""}),
        ("wens", ANSWERS["wens"]),
        ("bekendheid", {"identity": "anonymous"}),
        ("gegevens", ANSWERS["gegevens"]),
        ("over-wie", ANSWERS["over-wie"]),
    ]
    for slug, data in steps:
        got = b.request("POST", f"/melden/vraag/{slug}/", {"csrfmiddlewaretoken": token, **data})
        _expect(f"POST vraag/{slug}", got, 302)
    t0 = time.perf_counter()
    got = b.request("POST", "/melden/controleren/", {"csrfmiddlewaretoken": token})
    t1 = time.perf_counter()
    _expect("POST controleren (submission)", got, 302, "/melden/ontvangen/")
    text = _expect("GET ontvangen", b.request("GET", "/melden/ontvangen/"), 200)
    match = CODE_RE.search(text)
    if match is None:
        raise FlowError(f"GET ontvangen: 200 without a receipt code | {_excerpt(text)}")
    return Sample(done_at=t1, latency=t1 - t0, flow=time.perf_counter() - flow_start, code=match[0])


def plain_post(b: Browser, _organisation_id: int) -> Sample:
    """GET the plain form (fresh cookies, for the CSRF token), then POST it (timed)."""
    b.new_jar()
    token = _csrf(_expect("GET plain", b.request("GET", "/bench/plain/"), 200))
    data = {"csrfmiddlewaretoken": token, "title": "Bench", "text": WHAT}
    t0 = time.perf_counter()
    got = b.request("POST", "/bench/plain/", data)
    t1 = time.perf_counter()
    _expect("POST plain", got, 302, "/bench/plain/")
    return Sample(done_at=t1, latency=t1 - t0)


@dataclass
class PhaseResult:
    name: str
    clients: int
    window: float
    samples: list[Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    other_load: float | None = None  # cores used by other processes meanwhile

    @property
    def rate(self) -> float:
        return len(self.samples) / self.window if self.window else 0.0


def run_phase(
    name: str,
    port: int,
    clients: int,
    work: Callable[[Browser, int], Sample],
    organisation_id: int,
    *,
    duration: float | None = None,
    per_client: int | None = None,
    server_pid: int | None = None,
) -> PhaseResult:
    samples: list[Sample] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    began = 0.0

    def client() -> None:
        b = Browser(port)
        mine: list[Sample] = []
        bad: list[str] = []
        barrier.wait()
        done = 0
        while (per_client is None or done < per_client) and (
            duration is None or time.perf_counter() < began + duration
        ):
            try:
                mine.append(work(b, organisation_id))
            except (FlowError, OSError, http.client.HTTPException) as exc:
                bad.append(str(exc) if isinstance(exc, FlowError) else repr(exc))
                b.close()
                b = Browser(port)
            done += 1
        b.close()
        with lock:
            samples.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    other = OtherLoad(server_pid)
    other.start()
    began = time.perf_counter()
    barrier.wait()
    if duration is not None:
        time.sleep(duration)
        other.stop()  # the counted window only, not the flows that finish after it
    for t in threads:
        t.join()
    ended = time.perf_counter()
    if duration is not None:
        window = duration
        samples = [s for s in samples if s.done_at <= began + duration]
    else:
        other.stop()
        window = ended - began
    return PhaseResult(name, clients, window, samples, errors, other.cores)


# --- Receipt log-in and bare Argon2id -----------------------------------------------------------


def bench_logins(port: int, codes: list[str]) -> tuple[list[float], list[str]]:
    b = Browser(port)
    latencies, errors = [], []
    for code in codes:
        b.new_jar()
        try:
            token = _csrf(_expect("GET inloggen", b.request("GET", "/melden/inloggen/"), 200))
            t0 = time.perf_counter()
            got = b.request(
                "POST", "/melden/inloggen/", {"csrfmiddlewaretoken": token, "code": code}
            )
            t1 = time.perf_counter()
            _expect("POST inloggen", got, 302, "/melden/inbox/")
            latencies.append(t1 - t0)
        except (FlowError, OSError, http.client.HTTPException) as exc:
            errors.append(str(exc))
    b.close()
    return latencies, errors


def bench_argon(rounds: int) -> tuple[float, int, int]:
    from django.conf import settings

    from veiligwerk.security import crypto

    ops, mem = settings.RECEIPT_OPSLIMIT, settings.RECEIPT_MEMLIMIT
    samples = []
    for _ in range(rounds):
        salt = crypto.random_bytes(crypto.SALT_SIZE)
        secret = secrets.token_hex(8).upper()
        t0 = time.perf_counter()
        crypto.derive_key(password=secret, salt=salt, opslimit=ops, memlimit=mem)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), ops, mem


# --- Setup ------------------------------------------------------------------------------------


def _server_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.plainform.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"{PG}/{DB_NAME}",
            "VEILIGWERK_MEDIA_ROOT": str(tmp / "media"),
            "VW_BENCH_STATIC_ROOT": str(tmp / "static"),
            # No MTA here: handler notifications go to memory (production's default is SMTP).
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "VEILIGWERK_INTAKE_SUBMISSIONS_PER_MINUTE": "100000",
            "VEILIGWERK_RECEIPT_LOGINS_PER_MINUTE": "100000",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        }
    )
    env.pop("DJANGO_SECURE_SSL_REDIRECT", None)
    env.pop("DJANGO_DEBUG", None)
    return env


def _admin_sql(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(statement)


def _drop_database() -> None:
    _admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited during start-up")
        try:
            b = Browser(port)
            status, _, _ = b.request("GET", "/healthz")
            b.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


# --- Report -----------------------------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))] if ordered else float("nan")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds == seconds else "–"


def _cores(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _error_summary(errors: list[str]) -> list[str]:
    counts: dict[str, int] = {}
    for error in errors:
        counts[error[:200]] = counts.get(error[:200], 0) + 1
    return [f"{n}× {text}" for text, n in sorted(counts.items(), key=lambda kv: -kv[1])[:5]]


def report(
    args: argparse.Namespace,
    intake: PhaseResult,
    plain: PhaseResult,
    logins: list[float],
    login_errors: list[str],
    argon: tuple[float, int, int],
) -> None:
    lat_i = [s.latency for s in intake.samples]
    lat_p = [s.latency for s in plain.samples]
    flows = [s.flow for s in intake.samples]
    p50_i, p50_p = (
        statistics.median(lat_i or [float("nan")]),
        statistics.median(lat_p or [float("nan")]),
    )
    window = f"{args.duration:g} s window" if args.reports is None else f"{args.reports} per form"
    print()
    print(
        f"Command: `{' '.join(shlex.quote(a) for a in [sys.executable, *sys.argv])}`".replace(
            str(ROOT) + "/", ""
        )
    )
    print(
        f"gunicorn gthread, {args.workers} workers × {args.threads} threads; PostgreSQL 15 on "
        f"loopback; {window}; client on the same 2 cores."
    )
    print()
    print("| form | clients | completed | errors | rate/s | POST p50 | POST p99 | flow p50 |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| anonymous report (12 requests/flow, timed: POST /melden/controleren/) | "
        f"{intake.clients} | {len(intake.samples)} | {len(intake.errors)} | {intake.rate:.1f} | "
        f"{_ms(p50_i)} | {_ms(_pct(lat_i, 0.99))} | "
        f"{_ms(statistics.median(flows)) if flows else '–'} |"
    )
    print(
        f"| plain Django form (GET + POST, timed: POST /bench/plain/) | {plain.clients} | "
        f"{len(plain.samples)} | {len(plain.errors)} | {plain.rate:.1f} | {_ms(p50_p)} | "
        f"{_ms(_pct(lat_p, 0.99))} | – |"
    )
    print()
    ratio_rate = plain.rate / intake.rate if intake.rate else float("nan")
    print(
        f"Ratios: plain rate / intake rate = {ratio_rate:.1f}×; "
        f"intake POST p50 / plain POST p50 = {p50_i / p50_p:.1f}×."
    )
    print(
        "CPU used by other processes on the machine during the window (of "
        f"{os.cpu_count()} cores): intake {_cores(intake.other_load)}, "
        f"plain {_cores(plain.other_load)}."
    )
    median_argon, ops, mem = argon
    print()
    print("| receipt log-in | n | errors | p50 | p99 |")
    print("|---|---|---|---|---|")
    print(
        f"| POST /melden/inloggen/ (sequential, idle server) | {len(logins)} | "
        f"{len(login_errors)} | {_ms(statistics.median(logins)) if logins else '–'} | "
        f"{_ms(_pct(logins, 0.99))} |"
    )
    print(
        f"| bare Argon2id, ops={ops}, mem={mem // (1024 * 1024)} MiB, in-process "
        f"(median of {args.argon_rounds}) | {args.argon_rounds} | 0 | {_ms(median_argon)} | – |"
    )
    for label, errors in (("intake", intake.errors), ("plain", plain.errors)):
        for line in _error_summary(errors):
            print(f"{label} error: {line}")
    for line in _error_summary(login_errors):
        print(f"log-in error: {line}")


# --- Main -------------------------------------------------------------------------------------


def _production_gunicorn() -> dict[str, int]:
    """Workers and threads as production runs them (config/gunicorn.conf.py)."""
    import runpy

    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    return {"workers": int(conf["workers"]), "threads": int(conf["threads"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--duration", type=float, default=30.0, help="seconds per form")
    group.add_argument("--reports", type=int, help="flows (and plain posts) in all, per form")
    production = _production_gunicorn()
    parser.add_argument("--workers", type=int, default=production["workers"])
    parser.add_argument("--threads", type=int, default=production["threads"])
    parser.add_argument("--logins", type=int, default=50)
    parser.add_argument("--argon-rounds", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    duration = None if args.reports is not None else args.duration
    per_client = None if args.reports is None else max(1, args.reports // args.clients)

    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="vw-bench-intake-") as tmp_name:
        env = _server_env(Path(tmp_name))
        os.environ.update(env)
        _drop_database()
        _admin_sql(f'CREATE DATABASE "{DB_NAME}"')
        server = None
        try:
            manage = [str(bin_dir / "veiligwerk")]
            subprocess.run([*manage, "migrate", "--run-syncdb", "-v0"], env=env, check=True)
            subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
            subprocess.run(
                [*manage, "demo-load", "--allow-production"],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            import django

            django.setup()
            from veiligwerk.tenancy.models import Organisation

            organisation_id = Organisation.objects.get(sector__slug=SECTOR, slug="avrotros").pk
            port = 18000 + random.randint(0, 999)
            server = subprocess.Popen(
                [
                    str(bin_dir / "gunicorn"),
                    "config.wsgi",
                    "-b",
                    f"127.0.0.1:{port}",
                    "--worker-class",
                    "gthread",
                    "--workers",
                    str(args.workers),
                    "--threads",
                    str(args.threads),
                    "--log-level",
                    "warning",
                ],
                env=env,
                cwd=ROOT,
            )
            _wait_for(port, server)
            print(f"warm-up ({args.clients} clients) …", flush=True)
            for work, count in ((intake_flow, 1), (plain_post, 3)):
                warm = run_phase(
                    "warm-up", port, args.clients, work, organisation_id, per_client=count
                )
                if warm.errors:
                    print("\n".join(f"warm-up error: {e}" for e in _error_summary(warm.errors)))
            print("intake …", flush=True)
            intake = run_phase(
                "intake",
                port,
                args.clients,
                intake_flow,
                organisation_id,
                duration=duration,
                per_client=per_client,
                server_pid=server.pid,
            )
            print("plain form …", flush=True)
            plain = run_phase(
                "plain",
                port,
                args.clients,
                plain_post,
                organisation_id,
                duration=duration,
                per_client=per_client,
                server_pid=server.pid,
            )
            print("receipt log-ins …", flush=True)
            codes = [s.code for s in intake.samples][: args.logins]
            logins, login_errors = bench_logins(port, codes)
            argon = bench_argon(args.argon_rounds)
            report(args, intake, plain, logins, login_errors, argon)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
            from django.db import connections

            connections.close_all()
            if args.keep:
                print(f"database kept: {PG}/{DB_NAME}")
            else:
                _drop_database()


if __name__ == "__main__":
    main()
