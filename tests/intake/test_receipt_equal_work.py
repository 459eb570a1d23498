"""No enumeration through timing: every code log-in costs the same key derivation, whether the
lookup part exists, the secret is wrong, or the code is malformed. Counted, not timed: the
derivation (Argon2id) is the only step whose cost depends on the input reaching it, and a
counted guarantee does not flake on a noisy machine."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.intake.test_reporter_flow import answer_all, send, start
from veiligwerk.intake import services

pytestmark = pytest.mark.django_db


def test_every_code_attempt_costs_one_derivation_of_the_same_cost(world, monkeypatch) -> None:
    reporter = Client()
    start(reporter)
    answer_all(reporter, world)
    code = send(reporter)

    calls: list[tuple[int, int]] = []
    real = services.receipt_keys_derive

    def counted(**kwargs: Any) -> Any:
        calls.append((kwargs["opslimit"], kwargs["memlimit"]))
        return real(**kwargs)

    monkeypatch.setattr(services, "receipt_keys_derive", counted)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    unknown = "ZZZZ-ZZZZ" + code[9:]
    cost = (settings.RECEIPT_OPSLIMIT, settings.RECEIPT_MEMLIMIT)
    for attempt in (code, wrong, unknown, "hallo", "\x00" * 30, "A" * 200):
        calls.clear()
        Client().post(reverse("intake:login"), {"code": attempt})
        assert calls == [cost], attempt[:12]
