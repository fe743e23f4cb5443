"""Settings, read from the environment. Safe defaults for development; SOC_ENV=production is strict."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SOC_VAR_DIR", BASE_DIR / "var"))


def env_flag(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


PRODUCTION = os.environ.get("SOC_ENV", "development") == "production"
DEBUG = env_flag("DEBUG", default=not PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when SOC_ENV=production.")
    SECRET_KEY = "development-only-not-secret-" + "x" * 40  # noqa: S105

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "soc.audit",
    "soc.accounts",
    "soc.consent",
    "soc.families",
    "soc.teams",
    "soc.messaging",
    "soc.plans",
    "soc.directory",
    "soc.referrals",
    "soc.collaboratives",
    "soc.family_partners",
    "soc.reporting",
    "soc.trainings",
    "soc.api",
    "soc.demo",
]

MIDDLEWARE = [
    "soc.health.HealthCheckMiddleware",  # probes: before sessions, users and HTTPS redirects
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "soc.accounts.middleware.SessionLimitsMiddleware",
    "soc.accounts.middleware.SecondFactorMiddleware",
    "soc.accounts.middleware.UserLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "soc.consent.disclosures.DisclosureLogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "soc.urls"
# Forms render with the project's USWDS templates (soc/templates/includes/form_fields.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "soc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "soc" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "soc.consent.context.navigation",
            ],
        },
    },
]

(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
# conn_health_checks costs one round trip the first time a request touches a reused
# connection (a SELECT 1: 0.07 ms median here, under 0.2% of a page); without it a connection
# PostgreSQL dropped (a restart, a failover) fails one request in every worker.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'soc.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE avoids upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Short web queries: PostgreSQL's JIT compiler spends longer compiling than it saves
    # (27 ms on a directory search that runs in 40 ms; bench/directory_search_bench.py).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "soc.accounts.backends.AccountBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login security: lock by account and, separately, by address, so one attacker cannot
# spray one account from many addresses, nor many accounts from one address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_SENSITIVE_PARAMETERS = ["password", "username"]
AXES_VERBOSE = False
# Axes' own admin lists every attempt's e-mail; unlocking is an action on the account instead.
AXES_ENABLE_ADMIN = False
# Behind reverse proxies every request comes from the proxy: lock the real client instead.
SOC_PROXY_COUNT = int(os.environ.get("SOC_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "soc.addresses.client_address"

# Sessions: 30 minutes idle, 12 hours absolute. The idle expiry is renewed at most once a
# minute (soc.accounts.middleware.SessionLimitsMiddleware), not by a write on every request.
SESSION_COOKIE_AGE = 30 * 60
SESSION_RENEW_SECONDS = 60
SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

SOC_REQUIRE_MFA = env_flag("SOC_REQUIRE_MFA", default=PRODUCTION)
# From this age a youth may give consent for their own records.
SOC_YOUTH_CONSENT_AGE = int(os.environ.get("SOC_YOUTH_CONSENT_AGE", "14"))
# "Connect with a family partner" (soc.family_partners): how many requests one address may send
# an hour, how long an unlinked closed request keeps its contact details, and the family
# organizations (by name, comma-separated) that take requests from counties nobody serves.
SOC_FAMILY_REQUESTS_PER_HOUR = int(os.environ.get("SOC_FAMILY_REQUESTS_PER_HOUR", "5"))
SOC_FAMILY_REQUEST_RETENTION_DAYS = int(os.environ.get("SOC_FAMILY_REQUEST_RETENTION_DAYS", "180"))
SOC_STATEWIDE_FAMILY_ORGANIZATIONS = [
    n.strip()
    for n in os.environ.get("SOC_STATEWIDE_FAMILY_ORGANIZATIONS", "").split(",")
    if n.strip()
]

# The HSDS API (/hsds/) names the standard it follows: plain HSDS 3.0, no profile of our own yet.
HSDS_PROFILE_URL = os.environ.get(
    "HSDS_PROFILE_URL", "https://github.com/openreferral/specification/tree/3.0"
)
HSDS_OPENAPI_URL = os.environ.get(
    "HSDS_OPENAPI_URL",
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "soc" / "locale"]
USE_I18N = True
TIME_ZONE = "America/New_York"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "soc" / "static",
    ("uswds", BASE_DIR / "node_modules" / "@uswds" / "uswds" / "dist"),
    ("htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
# WhiteNoise serves the static files with DEBUG off too (the demo), straight from the finders
# outside production; the favicon and other root files come from soc/public/.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_ROOT = BASE_DIR / "soc" / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("SOC_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "System of Care <no-reply@localhost>")

# Text messages (soc/messaging/backends.py): files in var/texts/ in development, a provider's
# HTTP API in production. Replies (STOP, START, HELP) come to /texts/inbound/ with this token.
SOC_TEXT_BACKEND = os.environ.get(
    "SOC_TEXT_BACKEND",
    "soc.texting.backends.HttpBackend" if PRODUCTION else "soc.texting.backends.FileBackend",
)
SOC_TEXT_FILE_PATH = VAR_DIR / "texts"
SOC_TEXT_HTTP_URL = os.environ.get("SOC_TEXT_HTTP_URL", "")
SOC_TEXT_HTTP_TOKEN = os.environ.get("SOC_TEXT_HTTP_TOKEN", "")
SOC_TEXT_HTTP_TIMEOUT = float(os.environ.get("SOC_TEXT_HTTP_TIMEOUT", "10"))
SOC_TEXT_FROM = os.environ.get("SOC_TEXT_FROM", "")
SOC_TEXT_INBOUND_TOKEN = os.environ.get("SOC_TEXT_INBOUND_TOKEN", "")

# No inline scripts or styles: every script is a file we serve ourselves.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

NINJA_PAGINATION_PER_PAGE = 25
NINJA_PAGINATION_MAX_LIMIT = 100

# Logs carry ids and paths, never names or bodies: request bodies are never logged.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"hide_query_strings": {"()": "soc.access_log.HideQueryStrings"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # runserver's request lines: the query string may hold a search term (a child's name).
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["hide_query_strings"],
        },
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
