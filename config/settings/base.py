"""Settings shared by every environment. Secrets come only from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("DJANGO_SECRET_KEY") or ""
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = [h for h in (env("DJANGO_ALLOWED_HOSTS") or "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "veiligwerk.common",
    "veiligwerk.security",
    "veiligwerk.tenancy",
    "veiligwerk.accounts",
    "veiligwerk.public",
    "veiligwerk.routes",
    "veiligwerk.intake",
    "veiligwerk.actionplan",
    "veiligwerk.indicators",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "veiligwerk.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "veiligwerk.accounts.context_processors.staff_nav",
            ],
        },
    },
]

# DATABASE_URL selects PostgreSQL (or any engine dj-database-url knows); SQLite otherwise.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'veiligwerk.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "public:home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "veiligwerk.accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions: short, server-side, never readable by scripts.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day at most
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# A session that sees no request for this long is ended (see accounts.middleware).
SESSION_IDLE_TIMEOUT = 60 * 30

# Limits on what a form may carry (oversized fields get a clear error; see forms).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": under no-referrer browsers send "Origin: null" with every
# POST (Fetch spec), which Django's CSRF origin check rightly refuses. Other hosts get nothing.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# Log in: throttling of failed attempts. After THRESHOLD failures within WINDOW seconds an
# account waits; the wait doubles per further failure up to MAX seconds, and always ends.
LOGIN_THROTTLE_THRESHOLD = 5
LOGIN_THROTTLE_WINDOW = 15 * 60
LOGIN_THROTTLE_BASE_DELAY = 30
LOGIN_THROTTLE_MAX_DELAY = 15 * 60

# Staff private keys are wrapped under an Argon2id key derived from the password.
# Limits follow libsodium's "interactive" profile, raised: 3 passes over 64 MiB (~0.15 s here).
KEY_WRAP_OPSLIMIT = 3
KEY_WRAP_MEMLIMIT = 64 * 1024 * 1024

# Receipt codes: Argon2id over the 80-bit secret part, once per submission and per log-in.
# At 3 passes and 64 MiB this takes about 75 ms here (BENCHMARKS.md); with 80 bits of entropy a
# guesser needs ~2^79 such derivations on average. Stored per report, so they can be raised.
RECEIPT_OPSLIMIT = 3
RECEIPT_MEMLIMIT = 64 * 1024 * 1024
# The reporter's browser keeps only a random secret (this cookie); drafts and an open inbox
# are kept in the session encrypted under it.
REPORTER_COOKIE_NAME = "vw_reporter"
# A reporter's inbox closes after this long without a request.
REPORTER_IDLE_TIMEOUT = 60 * 30
# Abuse control that identifies nobody: per-session and global budgets per hour/minute.
INTAKE_SUBMISSIONS_PER_SESSION_PER_HOUR = 5
INTAKE_SUBMISSIONS_PER_MINUTE = int(env("VEILIGWERK_INTAKE_SUBMISSIONS_PER_MINUTE") or 600)
RECEIPT_LOGINS_PER_MINUTE = int(env("VEILIGWERK_RECEIPT_LOGINS_PER_MINUTE") or 600)
# Attachments: at most this many per report and this size each (bytes).
ATTACHMENT_MAX_FILES = 5
ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
# The site's own address, for links in e-mails (which carry no content).
SITE_URL = env("VEILIGWERK_SITE_URL") or "http://127.0.0.1:8000"
MEDIA_ROOT = Path(env("VEILIGWERK_MEDIA_ROOT") or BASE_DIR / "var" / "media")

# Action-plan monitor: remind owners this many days before a period's deadline, and the
# sector's rule for temporary contracts (at most 3 in 24 months; a gap of more than 6 months
# starts a new chain). The contract check's form can apply another rule, such as the old 6 in 48.
ACTIONPLAN_REMINDER_DAYS = 14
ACTIONPLAN_CONTRACTS_MAX = 3
ACTIONPLAN_CONTRACTS_WINDOW_MONTHS = 24
ACTIONPLAN_CONTRACTS_RESET_GAP_MONTHS = 6

# Cookie holding the per-session secret that encrypts the unlocked private key server-side.
KEY_SESSION_COOKIE_NAME = "vw_keyshare"

# Where the quick-exit control sends people: a neutral site that shows nothing personal.
QUICK_EXIT_URL = env("VEILIGWERK_QUICK_EXIT_URL") or "https://www.buienradar.nl/"

OTP_TOTP_ISSUER = "Veilig Werk"
OTP_TOTP_THROTTLE_FACTOR = 1

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "noreply@veiligwerk.invalid")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Never log request details (paths may carry ids, headers carry user agents).
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
