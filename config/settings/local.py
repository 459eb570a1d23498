"""Development settings: the embedded SQLite database, debug on, a fixed non-secret key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY") or "local-development-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
