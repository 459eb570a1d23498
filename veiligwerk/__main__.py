"""The ``veiligwerk`` console script: Django's management commands for this project.

Uses the local settings (SQLite, debug) unless DJANGO_SETTINGS_MODULE says otherwise.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")  # `veiligwerk audit-verify` runs `audit_verify`
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
