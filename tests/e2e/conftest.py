"""Browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is
downloaded. The live server runs in this process, hence DJANGO_ALLOW_ASYNC_UNSAFE."""

from __future__ import annotations

import os

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Dutch browser, like most of our users'; tests that need English switch language."""
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture
def page(page):
    """Every page: fail on a Content-Security-Policy violation or a request to another host."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            problems.append(f"external request: {request.url}")
            if not request.url.startswith(("http://localhost", "http://127.0.0.1", "data:"))
            and "buienradar" not in request.url
            else None
        ),
    )
    yield page
    assert problems == []
