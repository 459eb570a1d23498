from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from veiligwerk.actionplan.selectors import plans_visible
from veiligwerk.indicators.selectors import indicator_scope
from veiligwerk.tenancy.models import REPORT_HANDLER_ROLES
from veiligwerk.tenancy.selectors import (
    is_platform_admin,
    organisations_administered_by,
    roles_of,
    sectors_coordinated_by,
)


def staff_nav(request: HttpRequest) -> dict[str, Any]:
    """What the staff menu offers; evaluated only when a page draws the menu."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def build() -> dict[str, bool]:
        return {
            "can_administer": organisations_administered_by(user=user).exists(),
            "is_platform_admin": is_platform_admin(user=user),
            "coordinates_sector": sectors_coordinated_by(user=user).exists(),
            "handles_reports": bool(roles_of(user=user) & REPORT_HANDLER_ROLES),
            "sees_plans": plans_visible(user=user).exists(),
            "sees_indicators": not indicator_scope(user=user).is_empty,
        }

    return {"staff_nav": SimpleLazyObject(build)}
