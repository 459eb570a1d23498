"""Bench-only app: a plain Django form that stores one unencrypted row per POST.

Enabled only by ``benchmarks.plainform.settings`` (used by ``benchmarks/bench_intake.py``) as a
baseline for the anonymous report submission; never part of the product.
"""
