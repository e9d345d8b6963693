"""zhibu settings: one module, every deployment difference comes from the environment.

A school runs it offline on SQLite with no variables set; a bureau sets DATABASE_URL,
ZHIBU_SECRET_KEY, ZHIBU_FERNET_KEYS, ZHIBU_ALLOWED_HOSTS and ZHIBU_HTTPS (see docs/deployment.md).
"""

import logging
import os
import re
import secrets
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ZHIBU_VAR_DIR", BASE_DIR / "var"))


# Typed readers for the environment: a value they cannot read stops the start with a message naming
# the variable (ZHIBU_HTTPS=ture must not quietly mean "no HTTPS"). Unset or empty means the default.
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def env_bool(name: str, default: bool = False) -> bool:
    """1/0, true/false, yes/no, on/off in any case; anything else is ImproperlyConfigured."""
    value = _env(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """A whole number in ASCII digits, optionally signed, not below `minimum`."""
    value = _env(name)
    if value is None:
        number = default
    elif re.fullmatch(r"[+-]?[0-9]+", value):
        number = int(value)
    else:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number")
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum {minimum}")
    return number


def env_list(name: str, default: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Comma-separated, blanks dropped."""
    value = _env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def local_secret(path: Path, make: Callable[[], str]) -> str:
    """A secret generated once per install and kept under var/, so an offline school needs no setup
    and nothing secret is ever committed. Production passes the value in the environment instead.

    The file is readable by its owner only (0600) from the first byte: the key is written to a private
    temporary file (O_CREAT|O_EXCL, 0600) that is then hard-linked into place, so no one else can read
    it, no process ever sees it half-written, and two processes starting at once (gunicorn workers)
    agree on the one key that won. A file that exists with a wider mode (made by an older version or
    copied from a backup) is narrowed to 0600, with a warning in the log."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(make())
                out.flush()
                os.fsync(out.fileno())
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links (a FAT USB stick): rename, if still absent
            if not path.exists():
                os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    elif os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(0o600)
        logging.getLogger("zhibu.settings").warning(
            "%s was readable by others (mode %04o); set to 0600. Keep it out of shared folders.", path, mode
        )
    return path.read_text(encoding="ascii").strip()


def _local_secret(filename: str, make: Callable[[], str]) -> str:
    return local_secret(VAR_DIR / filename, make)


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


DEBUG = env_bool("ZHIBU_DEBUG", False)
SECRET_KEY = os.environ.get("ZHIBU_SECRET_KEY") or _local_secret(
    "secret_key", lambda: secrets.token_urlsafe(64)
)
# Comma-separated Fernet keys, newest first: the first encrypts, all decrypt
# (key rotation: docs/operations.md).
FERNET_KEYS = env_list("ZHIBU_FERNET_KEYS") or [_local_secret("fernet.key", _fernet_key)]
ALLOWED_HOSTS = env_list("ZHIBU_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("ZHIBU_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "zhibu.core",
    "zhibu.people",
    "zhibu.meetings",
    "zhibu.study",
    "zhibu.mentoring",
    "zhibu.care",
    "zhibu.service",
    "zhibu.honours",
    "zhibu.reports",
    "zhibu.inspections",
    "zhibu.bureau",
    "zhibu.disclosure",
    "zhibu.appraisal",
    "zhibu.dues",
    "zhibu.talks",
    "zhibu.voice",
    "zhibu.pledges",
    "zhibu.awards",
    "zhibu.surveys",
    "zhibu.development",
    "zhibu.elections",
    "zhibu.proofread",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after the user is known, around everything below: no page of a signed-in user (nor the
    # login page) is stored by the browser of a shared school computer.
    "zhibu.core.middleware.NoStoreMiddleware",
    # Each request starts with nothing stale shown (core/stamped.py: a superior's dated values).
    "zhibu.core.middleware.StampedNoteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After MessageMiddleware: both tell the user why they were sent to the login/password page.
    "zhibu.core.middleware.SessionLifetimeMiddleware",
    "zhibu.core.middleware.PasswordAgeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # axes must be last: it turns a lockout raised by the backend into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zhibu.urls"
WSGI_APPLICATION = "zhibu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "zhibu" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zhibu.core.context_processors.shell",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------
# SQLite for one school (WAL so readers never block the writer, IMMEDIATE so two writers queue
# instead of failing mid-transaction, FULL sync because a ledger must survive a power cut);
# PostgreSQL for a bureau through DATABASE_URL.
_sqlite_path = VAR_DIR / "zhibu.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{_sqlite_path}"), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Django's SQLite backend with a fair queue for writers (zhibu/core/backends/sqlite3/base.py).
    DATABASES["default"]["ENGINE"] = "zhibu.core.backends.sqlite3"
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=20000;"
        " PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- background jobs --------------------------------------------------------------------------
# Django's tasks framework (the django-tasks backport) with its database backend: the queue is a
# table, so a school needs no extra server; `make run` starts the worker (manage.py db_worker)
# beside the web server. ZHIBU_TASK_BACKEND=immediate runs each job inside the request (tests).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("ZHIBU_TASK_BACKEND") or "database"
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"ZHIBU_TASK_BACKEND={_task_backend!r} is not one of: {', '.join(_TASK_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

# Removed records stay in the 回收站 this many days (restorable), then `manage.py purge_recycle_bin`
# deletes them with their files.
ZHIBU_RECYCLE_DAYS = env_int("ZHIBU_RECYCLE_DAYS", 30, minimum=1)
# Audit entries are deleted only by `manage.py purge_audit` past this age (等保 2.0: ≥ 6 months).
ZHIBU_AUDIT_RETENTION_DAYS = env_int("ZHIBU_AUDIT_RETENTION_DAYS", 1095, minimum=180)

# The default cache holds minutes-old values; "stamped" holds what a dashboard shows of an
# organisation (findings, key figures, charts) until a write moves its data stamp (core/stamped.py).
# Both are process memory: no sensitive message reaches the disk, and each worker fills its own.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "zhibu"},
    "stamped": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "zhibu-stamped",
        "OPTIONS": {"MAX_ENTRIES": env_int("ZHIBU_STAMPED_CACHE_ENTRIES", 5000, minimum=100)},
    },
}
# Off: every view computes them itself (the test suite's default; see conftest.py).
ZHIBU_STAMPED_CACHE = env_bool("ZHIBU_STAMPED_CACHE", True)
# A superior's page shows the last value, dated, while a thread computes anew; "inline": in the request.
ZHIBU_STAMPED_REFRESH = "inline" if env_bool("ZHIBU_STAMPED_REFRESH_INLINE", False) else "background"
# Each server worker, once started, computes what every 党委's pages show by default (core/warmup.py).
ZHIBU_WARM_ON_START = env_bool("ZHIBU_WARM_ON_START", True)
# Threads computing one page's or document's rules side by side (core/parallel.py); 1: off.
ZHIBU_PARALLEL = env_int("ZHIBU_PARALLEL", 2, minimum=1)

# --- accounts and login ---------------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "zhibu.core.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "zhibu.core.validators.CharacterClassValidator", "OPTIONS": {"classes": 3}},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout is per account: a whole school reaches the server from one address, so locking by IP
# would let one colleague's typos lock everyone out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_VERBOSE = True
# One row per failed attempt (time, address, browser) besides the per-account counter.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# axes warns that username-only lockout can be sprayed across accounts; per-account is the rule we
# want (DESIGN.md: one school behind one IP), and the password policy carries the rest.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
ZHIBU_PASSWORD_MAX_AGE_DAYS = env_int("ZHIBU_PASSWORD_MAX_AGE_DAYS", 90, minimum=0)  # 0: never

SESSION_ENGINE = "django.contrib.sessions.backends.db"
ZHIBU_SESSION_IDLE_SECONDS = env_int("ZHIBU_SESSION_IDLE_SECONDS", 30 * 60, minimum=1)
ZHIBU_SESSION_ABSOLUTE_SECONDS = env_int("ZHIBU_SESSION_ABSOLUTE_SECONDS", 12 * 3600, minimum=1)
SESSION_COOKIE_AGE = ZHIBU_SESSION_ABSOLUTE_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- transport security ---------------------------------------------------------------------
HTTPS = env_bool("ZHIBU_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("ZHIBU_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script anywhere: pages load their JS from static files and read data from
# <script type="application/json"> blocks (json_script), which CSP does not execute.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "zhibu" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request without it
STATICFILES_DIRS = [BASE_DIR / "zhibu" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded evidence is private: it lives outside STATIC and is served only through views that ask policy.
MEDIA_ROOT = Path(os.environ.get("ZHIBU_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
ZHIBU_IMPORT_MAX_BYTES = 10 * 1024 * 1024
ZHIBU_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Uploads over the larger of the two limits are counted but not stored, so the size checks refuse them
# in Chinese without a 5 GB temporary file (core/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "zhibu.core.uploads.BoundedUploadHandler",
]
# Wall-clock budget for reading one import file (core/spreadsheets/guard.py), checked while streaming.
ZHIBU_IMPORT_MAX_SECONDS = env_int("ZHIBU_IMPORT_MAX_SECONDS", 30, minimum=1)
# An export of more rows than this runs as a background job with a progress bar (core.web.export_or_job).
ZHIBU_EXPORT_JOB_ROWS = env_int("ZHIBU_EXPORT_JOB_ROWS", 2000, minimum=1)
# `manage.py backup` and the 备份 page write here (docs/operations.md). Keep the keys elsewhere.
ZHIBU_BACKUP_DIR = Path(os.environ.get("ZHIBU_BACKUP_DIR", VAR_DIR / "backups"))

# --- logging --------------------------------------------------------------------------------
# Everything goes to stderr, which gunicorn, systemd (journalctl -u zhibu) and `make run` all keep.
# Django's defaults print nothing about a 500 unless DEBUG is on (they only mail ADMINS, and there are
# none), so `server_errors` gives django.request its own handler: every server error is logged with its
# traceback. It still propagates, so nothing else is lost.
_LOG_FORMAT = "{asctime} {levelname} {name} {process:d} {message}"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": _LOG_FORMAT, "style": "{"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"},
        "server_errors": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",  # logging.Formatter appends the traceback of exc_info
            "level": "ERROR",
        },
    },
    "loggers": {
        "django.request": {"handlers": ["server_errors"], "level": "ERROR"},
        "axes": {"handlers": ["console"], "level": "WARNING"},
        "zhibu": {"handlers": ["console"], "level": os.environ.get("ZHIBU_LOG_LEVEL", "INFO")},
    },
}
