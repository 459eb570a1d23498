"""Request type for views behind the log-in: the middleware guarantees a staff user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from veiligwerk.accounts.models import User


class StaffRequest(HttpRequest):
    user: User
