"""Second factor and idle timeout for every staff page.

Runs after Django's LoginRequiredMiddleware (which sends anonymous visitors to the log-in page):
a logged-in user who has not yet passed the second factor reaches only the views marked
``second_factor_exempt`` (enrolment, verification, log-out). A session with no request for
``SESSION_IDLE_TIMEOUT`` seconds is ended.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.deprecation import MiddlewareMixin

from veiligwerk.security.keys import session_key_clear

F = TypeVar("F", bound=Callable[..., Any])
LAST_SEEN = "vw_last_seen"


def second_factor_exempt(view: F) -> F:
    view.second_factor_required = False  # type: ignore[attr-defined]
    return view


class SecondFactorRequiredMiddleware(MiddlewareMixin):
    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated:
            return None
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN)
        if last_seen is not None and now - int(last_seen) > settings.SESSION_IDLE_TIMEOUT:
            logout(request)
            response = redirect(settings.LOGIN_URL)
            session_key_clear(response)
            return response
        request.session[LAST_SEEN] = now
        if not getattr(view_func, "login_required", True):
            return None  # public page
        if getattr(view_func, "second_factor_required", True) and not user.is_verified():
            from veiligwerk.accounts.selectors import has_confirmed_totp

            if has_confirmed_totp(user=user):
                return redirect("accounts:verify")
            return redirect("accounts:enrol")
        return None
