"""Cost of the cryptography in a staff log-in, with production parameters.

Run: .venv/bin/python benchmarks/bench_login_crypto.py [--rounds N]
Prints medians and p90 of: the Argon2 password hash check (Django's hasher, production
settings), the Argon2id key-wrap derivation (KEY_WRAP_OPSLIMIT / KEY_WRAP_MEMLIMIT), and the
whole key unlock (derive + SecretBox open), so the log-in cost can be weighed against guessing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import Argon2PasswordHasher  # noqa: E402

from veiligwerk.security import crypto  # noqa: E402


def measure(fn: Callable[[], object], rounds: int) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[int(0.9 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    password = "correct-horse-battery-staple-42"  # noqa: S105
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode(password, hasher.salt())
    salt = crypto.random_bytes(crypto.SALT_SIZE)
    ops, mem = settings.KEY_WRAP_OPSLIMIT, settings.KEY_WRAP_MEMLIMIT
    kek = crypto.derive_key(password=password, salt=salt, opslimit=ops, memlimit=mem)
    wrapped = crypto.secret_encrypt(key=kek, plaintext=crypto.keypair_generate().private_key)

    def unlock() -> bytes:
        key = crypto.derive_key(password=password, salt=salt, opslimit=ops, memlimit=mem)
        return crypto.secret_decrypt(key=key, ciphertext=wrapped)

    rows = [
        (
            f"password check (Django Argon2: t={hasher.time_cost}, "
            f"m={hasher.memory_cost // 1024} MiB, p={hasher.parallelism})",
            measure(lambda: hasher.verify(password, encoded), rounds),
        ),
        (
            f"key unlock (Argon2id: ops={ops}, mem={mem // 2**20} MiB, + SecretBox)",
            measure(unlock, rounds),
        ),
    ]
    print(f"rounds per row: {rounds}")
    for name, (median, p90) in rows:
        print(f"{name:<72} median {median * 1000:7.1f} ms   p90 {p90 * 1000:7.1f} ms")
    total = rows[0][1][0] + rows[1][1][0]
    print(f"{'log-in crypto total (medians)':<72} {total * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
