"""Route wizard benchmark: the pure evaluator on the seeded rule set, and the wizard pages
served by gunicorn (production settings) on loopback.

Run: .venv/bin/python benchmarks/bench_wizard.py [--evaluations 20000] [--requests 3000]
     [--clients 8] [--workers 2]

Part 1 times `evaluate()` over random complete answer paths of the seeded rule set.
Part 2 migrates and seeds a throwaway SQLite database, starts gunicorn on 127.0.0.1 with the
production settings, and has N client threads (keep-alive, http.client) fetch a fixed mix of
wizard pages: the start page, a first question, a mid-path question and a results page.
The client shares the machine's cores with the server, so the figure is a floor.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")


def bench_evaluator(evaluations: int) -> None:
    import datetime as dt

    import django

    django.setup()
    from veiligwerk.routes import seed
    from veiligwerk.routes.evaluator import RouteInfo, evaluate, next_question
    from veiligwerk.routes.snapshot import rule_set_from_content

    rule_set = rule_set_from_content(version=1, content=seed.RULE_SET_CONTENT)
    routes = {
        d["slug"]: RouteInfo(
            d["slug"],
            d.get("valid_from"),
            d.get("valid_to"),
            d.get("replaced_by"),
            d["kind"] == "emergency",
        )
        for d in seed.ROUTES
    }
    rng = random.Random(42)
    paths = []
    for _ in range(500):
        answers: dict[str, frozenset[str]] = {}
        while (question := next_question(rule_set, answers)) is not None:
            keys = [a.key for a in question.answers]
            size = rng.randint(1, min(3, len(keys))) if question.multiple else 1
            answers[question.key] = frozenset(rng.sample(keys, size))
        paths.append(answers)
    day = dt.date(2026, 11, 28)
    samples = []
    for i in range(evaluations):
        answers = paths[i % len(paths)]
        start = time.perf_counter_ns()
        evaluate(rule_set, routes, answers, day)
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    p99 = samples[int(0.99 * (len(samples) - 1))]
    print(
        f"evaluator: {evaluations} evaluations, {len(rule_set.questions)} questions, "
        f"{len(rule_set.rules)} rules: median {statistics.median(samples) / 1000:.1f} µs, "
        f"p99 {p99 / 1000:.1f} µs"
    )


def _server_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        }
    )
    return env


def bench_http(requests: int, clients: int, workers: int) -> None:
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = _server_env(tmp)
        manage = [str(bin_dir / "veiligwerk")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
        subprocess.run(
            [*manage, "demo_load", "--allow-production"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        port = 18000 + random.randint(0, 999)
        server = subprocess.Popen(
            [
                str(bin_dir / "gunicorn"),
                "config.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                str(workers),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            _wait_for(port)
            paths = [
                "/hulp/publieke-omroep/",
                "/hulp/publieke-omroep/wegwijzer/",
                "/hulp/publieke-omroep/wegwijzer/?v=1&s=c.a.ab",
                "/hulp/publieke-omroep/wegwijzer/?v=1&s=c.a.ab.ad.b.c",
            ]
            latencies: list[float] = []
            errors = 0
            lock = threading.Lock()
            per_client = requests // clients

            def client(offset: int) -> None:
                nonlocal errors
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                mine, bad = [], 0
                for i in range(per_client):
                    path = paths[(i + offset) % len(paths)]
                    start = time.perf_counter()
                    conn.request("GET", path, headers={"Host": "127.0.0.1"})
                    response = conn.getresponse()
                    response.read()
                    mine.append(time.perf_counter() - start)
                    bad += response.status != 200
                conn.close()
                with lock:
                    latencies.extend(mine)
                    errors += bad

            threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - began
            latencies.sort()
            print(
                f"wizard pages via gunicorn ({workers} workers, {clients} clients, keep-alive): "
                f"{len(latencies)} requests in {elapsed:.1f} s = {len(latencies) / elapsed:.0f} req/s, "
                f"median {statistics.median(latencies) * 1000:.1f} ms, "
                f"p99 {latencies[int(0.99 * (len(latencies) - 1))] * 1000:.1f} ms, errors {errors}"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait_for(port: int) -> None:
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--evaluations", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    bench_evaluator(args.evaluations)
    bench_http(args.requests, args.clients, args.workers)


if __name__ == "__main__":
    main()
