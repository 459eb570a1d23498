"""The one way a decrypted attachment leaves the server, for handlers and reporters alike."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from django.http import HttpResponse
from django.utils.http import content_disposition_header

if TYPE_CHECKING:
    from veiligwerk.intake.services import OpenedAttachment


def download_filename(name: str) -> str:
    """A download name without paths, control characters or header tricks."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'["<>:|?*;]', "_", name).strip(" .")
    return name[:150] or "bijlage"


def attachment_download(opened: OpenedAttachment) -> HttpResponse:
    """Always a download, never shown by the browser (the stored type is not trusted for
    display); the decrypted original name, RFC 6266-encoded; never cached."""
    response = HttpResponse(opened.data, content_type="application/octet-stream")
    response.headers["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=download_filename(opened.name))
        or "attachment"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
