"""Bench settings: production settings plus the bench-only plain form app and its URL.

TLS is simulated by the benchmark client sending ``X-Forwarded-Proto: https`` (production
trusts it via SECURE_PROXY_SSL_HEADER), so SECURE_SSL_REDIRECT, Secure cookies and the CSRF
Origin check stay as in production. The only other change: STATIC_ROOT may be pointed at a
temporary directory (``VW_BENCH_STATIC_ROOT``) so collectstatic does not touch ``var/static``.
"""

import os

from config.settings.production import *  # noqa: F403
from config.settings.production import INSTALLED_APPS, STATIC_ROOT

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.plainform"]
ROOT_URLCONF = "benchmarks.plainform.urls"
STATIC_ROOT = os.environ.get("VW_BENCH_STATIC_ROOT") or STATIC_ROOT
