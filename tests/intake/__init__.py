"""Tests for the intake app (reports and their attachments)."""
