"""The production access log format leaves out everything that could identify a reporter."""

from __future__ import annotations

import runpy
from pathlib import Path

from gunicorn.config import Config
from gunicorn.glogging import Logger

CONF = Path(__file__).resolve().parent.parent / "config" / "gunicorn.conf.py"


class _Request:
    method = "POST"
    path = "/hulp/omroep/wegwijzer/"
    query = "s=c.a.bd&o=avrotros"
    uri = path + "?" + query
    version = (1, 1)
    headers = [
        ("USER-AGENT", "Mozilla/5.0 TorBrowser-marker"),
        ("REFERER", "https://intranet.example/secret-page"),
        ("X-FORWARDED-FOR", "198.51.100.23"),
    ]


class _Response:
    status = "302 Found"
    status_code = 302
    response_length = 0
    sent = 0
    headers: list[tuple[str, str]] = []


def test_access_log_line_has_no_address_agent_referrer_or_query():
    settings = runpy.run_path(str(CONF))
    config = Config()
    config.set("access_log_format", settings["access_log_format"])
    logger = Logger(config)
    environ = {
        "REMOTE_ADDR": "203.0.113.7",
        "RAW_URI": _Request.uri,
        "QUERY_STRING": _Request.query,
        "PATH_INFO": _Request.path,
        "REQUEST_METHOD": "POST",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": "Mozilla/5.0 TorBrowser-marker",
        "HTTP_REFERER": "https://intranet.example/secret-page",
    }
    import datetime as dt

    atoms = logger.atoms(_Response(), _Request(), environ, dt.timedelta(milliseconds=12))
    line = settings["access_log_format"] % atoms
    assert "/hulp/omroep/wegwijzer/" in line and "302" in line
    for leak in ("203.0.113.7", "198.51.100.23", "TorBrowser", "intranet", "s=c.a.bd", "avrotros"):
        assert leak not in line
