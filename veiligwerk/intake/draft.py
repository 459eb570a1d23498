"""The reporter's session: a draft report being filled in, and an open inbox.

Nothing of it is readable from the server's storage alone. The browser holds one random secret
(cookie ``REPORTER_COOKIE_NAME``, HttpOnly, SameSite=Strict, no expiry date); the session row
holds the draft and the inbox encrypted under it. Answers are never put in cookies, local
storage or URLs.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from veiligwerk.intake.receipt import ReceiptCode, receipt_parse
from veiligwerk.security import crypto
from veiligwerk.security.keys import cookie_secret_decode, session_secret_load, session_secret_put

DRAFT_FIELD = "vw_intake_draft"
INBOX_FIELD = "vw_intake_inbox"
INBOX_SEEN_FIELD = "vw_intake_inbox_seen"
SUBMISSIONS_FIELD = "vw_intake_submissions"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass
class Draft:
    id: str
    sector_id: int
    route_id: int
    organisation_id: int | None
    content_key: bytes
    code: ReceiptCode
    answers: dict[str, Any] = field(default_factory=dict)
    attachment_ids: list[int] = field(default_factory=list)
    report_id: int | None = None  # set once submitted: the receipt page may show the code

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "id": self.id,
                "sector": self.sector_id,
                "route": self.route_id,
                "organisation": self.organisation_id,
                "key": _b64(self.content_key),
                "code": self.code.lookup + self.code.secret,
                "answers": self.answers,
                "attachments": self.attachment_ids,
                "report": self.report_id,
            }
        ).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Draft | None:
        try:
            data = json.loads(raw)
            code = receipt_parse(data["code"])
            if code is None:
                return None
            return cls(
                id=str(data["id"]),
                sector_id=int(data["sector"]),
                route_id=int(data["route"]),
                organisation_id=data["organisation"],
                content_key=base64.b64decode(data["key"]),
                code=code,
                answers=dict(data["answers"]),
                attachment_ids=[int(i) for i in data["attachments"]],
                report_id=data["report"],
            )
        except (ValueError, KeyError, TypeError):
            return None


@dataclass
class Inbox:
    report_id: int
    content_key: bytes
    code: ReceiptCode

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "report": self.report_id,
                "key": _b64(self.content_key),
                "code": self.code.lookup + self.code.secret,
            }
        ).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Inbox | None:
        try:
            data = json.loads(raw)
            code = receipt_parse(data["code"])
            if code is None:
                return None
            return cls(int(data["report"]), base64.b64decode(data["key"]), code)
        except (ValueError, KeyError, TypeError):
            return None


class ReporterSession:
    """Access to the draft and inbox of this browser; call :meth:`finish` on the response."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        cookie = request.COOKIES.get(settings.REPORTER_COOKIE_NAME)
        secret = cookie_secret_decode(cookie)
        self._new_secret = secret is None
        self._secret = secret if secret is not None else crypto.random_bytes()
        self._cookie = cookie if secret is not None else None

    # Draft ---------------------------------------------------------------------------------

    def draft(self) -> Draft | None:
        raw = self._load(DRAFT_FIELD)
        return Draft.from_json(raw) if raw else None

    def draft_save(self, draft: Draft) -> None:
        session_secret_put(
            self.request.session, DRAFT_FIELD, draft.to_json(), cookie_secret=self._secret
        )

    def draft_clear(self) -> None:
        self.request.session.pop(DRAFT_FIELD, None)

    # Inbox ---------------------------------------------------------------------------------

    def inbox(self) -> Inbox | None:
        """The open inbox, unless it has been idle too long (then it is closed)."""
        seen = self.request.session.get(INBOX_SEEN_FIELD, 0)
        raw = self._load(INBOX_FIELD)
        if not raw:
            return None
        if time.time() - float(seen) > settings.REPORTER_IDLE_TIMEOUT:
            self.inbox_close()
            return None
        self.request.session[INBOX_SEEN_FIELD] = time.time()
        return Inbox.from_json(raw)

    def inbox_open(self, inbox: Inbox) -> None:
        self.request.session.cycle_key()  # a fresh session id at every log-in
        session_secret_put(
            self.request.session, INBOX_FIELD, inbox.to_json(), cookie_secret=self._secret
        )
        self.request.session[INBOX_SEEN_FIELD] = time.time()

    def inbox_close(self) -> None:
        for key in (INBOX_FIELD, INBOX_SEEN_FIELD):
            self.request.session.pop(key, None)

    # Abuse control -------------------------------------------------------------------------

    def submissions_recent(self) -> int:
        cutoff = time.time() - 3600
        stamps = [t for t in self.request.session.get(SUBMISSIONS_FIELD, []) if t > cutoff]
        self.request.session[SUBMISSIONS_FIELD] = stamps
        return len(stamps)

    def submission_count(self) -> None:
        self.request.session[SUBMISSIONS_FIELD] = [
            *self.request.session.get(SUBMISSIONS_FIELD, []),
            time.time(),
        ]

    # Plumbing -------------------------------------------------------------------------------

    def _load(self, field_name: str) -> bytes | None:
        if self._new_secret:
            return None
        return session_secret_load(self.request.session, field_name, self._cookie)

    def finish(self, response: HttpResponse) -> HttpResponse:
        """Send the browser its secret if it did not have one yet."""
        if self._new_secret and (
            DRAFT_FIELD in self.request.session or INBOX_FIELD in self.request.session
        ):
            response.set_cookie(
                settings.REPORTER_COOKIE_NAME,
                base64.urlsafe_b64encode(self._secret).decode("ascii"),
                max_age=None,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Strict",
            )
        return response
