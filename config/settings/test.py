"""Test settings: fast key derivation and password hashing, in-memory e-mail."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["veiligwerk.accounts.hashers.FastArgon2PasswordHasher"]
KEY_WRAP_OPSLIMIT = 1
KEY_WRAP_MEMLIMIT = 8 * 1024
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
if env("DATABASE_URL"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
RECEIPT_OPSLIMIT = 1
RECEIPT_MEMLIMIT = 8 * 1024
# Uploaded (encrypted) files of a test run go to a fresh temporary directory.
MEDIA_ROOT = __import__("pathlib").Path(__import__("tempfile").mkdtemp(prefix="vw-test-media-"))
