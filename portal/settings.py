"""Settings for the Bündnisportal.

Every value comes from an environment variable with a default that works for
development: SQLite, e-mail on the console, DEBUG on. See `.env.example`.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from portal.environment import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-development-key-do-not-use-in-production"
    # *.localhost too: browsers resolve it to this machine, so several alliances can be
    # tried locally (nordheim.localhost:8000).
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", ".localhost", "[::1]"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY fehlt: Mit DEBUG=False startet das Portal nur mit einem eigenen "
            "SECRET_KEY (mindestens 50 zufällige Zeichen). / SECRET_KEY is required when "
            "DEBUG is off."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS fehlt: Mit DEBUG=False muss ALLOWED_HOSTS die Domain(s) des "
            "Portals nennen, z. B. ALLOWED_HOSTS=buendnis.example.org. / ALLOWED_HOSTS is "
            "required when DEBUG is off."
        )

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the portal, used for links in e-mails, calendar files and
# PDFs that are produced outside a request (management commands, background tasks).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Many alliances on one installation (buendnis/tenancy.py, buendnis/hosts.py): each
# alliance is served on its own domains; links made outside a request use the
# alliance's main domain with SITE_URL's scheme and port. SERVICE_DOMAIN is the
# installation's own domain: the alliance finder and the Servicestelle (superusers).
# Empty: no finder; with a single alliance every allowed host serves it.
SERVICE_DOMAIN = env("SERVICE_DOMAIN").strip().lower()
SERVICE_URLCONF = "portal.urls_service"
# How often each worker reloads the map of hosts (seconds): a new alliance or
# domain is served after at most this long, without a restart.
TENANCY_REFRESH_SECONDS = float(env("TENANCY_REFRESH_SECONDS", "5"))

# The portal's apps are layers, from the bottom up; each imports only those before it
# (pyproject.toml, `make lint`).
INSTALLED_APPS = [
    "buendnis",
    "partners",
    "arbeitsgruppen",
    "events",
    "opendata",
    "finances",
    "cockpit",
    # Demo data and the data of `make bench`: the commands load_demo and fill_bench.
    "demo",
    # The texts an alliance writes, per language (each app's translation.py; see the
    # README, "Sprachen der Inhalte"). Before the admin, as the library asks.
    "modeltranslation",
    # django.contrib.admin, its default site being the alliance's (buendnis/admin_sites.py).
    "buendnis.apps.BuendnisAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "js_lib_bootstrap5",
    "csp",
    # The rich-text editor of the admin (buendnis/lib/richtext.py): its scripts and styles.
    "django_prose_editor",
    "django_tasks",
    "buendnis.apps.TasksConfig",
    "simple_history",
    "django_otp",
    "buendnis.apps.TotpConfig",
    "buendnis.apps.StaticConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so static files carry the header as well.
    "buendnis.security.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "buendnis.security.RejectNullBytesMiddleware",
    # The alliance of the host name; everything below runs in its scope.
    "buendnis.middleware.AllianceMiddleware",
    # The language of the address (/en/, /tr/, …): 404 for one the alliance does not offer,
    # and the first visit's redirect by Accept-Language, before the page cache.
    "buendnis.languages.LanguageMiddleware",
    # Open data (opendata.middleware): CORS preflights and conditional requests above
    # the page cache, so cached answers are conditional too; ETag, Last-Modified and
    # CORS headers below it, so they are cached with the answer.
    "opendata.middleware.OpenDataMiddleware",
    "buendnis.pagecache.PageCacheMiddleware",
    "opendata.middleware.OpenDataHeadersMiddleware",
    "buendnis.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "buendnis.languages.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "buendnis.security.AdminSecurityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made a change in the history of partners, minutes, … (issue 7).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "buendnis.security.RobotsTagMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
# Render a small PDF when a gunicorn worker starts (portal/wsgi.py): its first document
# is then no slower than the next ones. Off while developing (runserver reloads often).
WARM_PDF_RENDERER = env_bool("WARM_PDF_RENDERER", not DEBUG)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "buendnis.context_processors.alliance",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one file: wait for a lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A gunicorn sync worker handles one request at a time, so it can keep its SQLite
    # connection: opening one (with the PRAGMAs) costs more than most pages.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    # Tests use a file as well: SQLite's shared in-memory test database locks whole tables
    # and fails concurrent writers at once, where a file in WAL mode lets them wait.
    DATABASES["default"]["TEST"] = {"NAME": env("SQLITE_TEST_NAME", str(BASE_DIR / "test-db.sqlite3"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
# German is the source language (no URL prefix); the others under /en/, /tr/, /ar/, /uk/.
# Each name in its own language, as the language switch shows it.
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# Dates in each language's own way; German exactly as before ("7. Dezember 2026").
FORMAT_MODULE_PATH = ["portal.formats"]
# The language the first visit's redirect chose by Accept-Language (buendnis.languages):
# remembered for a year, so it happens once.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_TZ = True
# German for what Django's own catalogues lack (the admin's JavaScript, see the .po file).
# The content an alliance writes (django-modeltranslation): `title` reads `title_<language>`
# and falls back to German, the source every translation is made from.
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# Machine translation, for alliances that switch it on (buendnis/machine_translation.py):
# `DeepL` needs DEEPL_API_KEY; `Dummy` makes no request and only marks the texts (tests).
MACHINE_TRANSLATION_BACKEND = env("MACHINE_TRANSLATION_BACKEND", "buendnis.machine_translation.DeepL")
DEEPL_API_KEY = env("DEEPL_API_KEY")
DEEPL_API_URL = env("DEEPL_API_URL", "https://api-free.deepl.com/v2/translate")
LOCALE_PATHS = [BASE_DIR / "buendnis" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "buendnis",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
if env("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
    }

# E-mail: printed on the console unless an SMTP host is configured.
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lokales Bündnis für Familie <info@example.org>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Betrieb", address) for address in env_list("ADMINS")]

# How long personal data is kept, in days (`manage.py purge_personal_data`, daily by
# cron). The privacy page states these periods from here, so it never promises more.
UNCONFIRMED_SIGNATURE_DAYS = int(env("UNCONFIRMED_SIGNATURE_DAYS", "14"))
REGISTRATION_RETENTION_DAYS = int(env("REGISTRATION_RETENTION_DAYS", "90"))
SUGGESTION_RETENTION_DAYS = int(env("SUGGESTION_RETENTION_DAYS", "180"))
DELIVERY_RETENTION_DAYS = int(env("DELIVERY_RETENTION_DAYS", "90"))

# Background tasks (invitations, mailings). The database backend needs the worker
# `python manage.py db_worker`; `make run` starts it next to the web server.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

LOGIN_URL = "admin:login"
# Admin accounts belong to alliances: a password login works on the account's own
# alliance's domain only (buendnis/admin_sites.py).
AUTHENTICATION_BACKENDS = ["buendnis.admin_sites.AllianceBackend"]

# Change history (django-simple-history): readable with field-level diffs, but no
# "revert" button - an old version could bring back data erased on withdrawal.
SIMPLE_HISTORY_REVERT_DISABLED = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Uploads
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Rate limits of the public forms: how many accepted submissions per IP address and
# hour; every submission, accepted or not, counts against the higher cap (bots).
RATELIMIT_PER_HOUR = int(env("RATELIMIT_PER_HOUR", "5"))
RATELIMIT_SUBMISSIONS_PER_HOUR = int(env("RATELIMIT_SUBMISSIONS_PER_HOUR", "60"))
# The read-only API (/api/v1/): requests per hour and client address that the page
# cache does not answer.
API_REQUESTS_PER_HOUR = int(env("API_REQUESTS_PER_HOUR", "1000"))
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
# Behind a proxy, the client's address comes from this header (e.g. HTTP_X_FORWARDED_FOR).
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")

# Security. Every value can be changed for a proxy that terminates TLS.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Other sites may link to the portal but not load its pages, images or files into theirs
# (buendnis.security.CrossOriginResourcePolicyMiddleware). "same-site" admits the
# alliance's own websites on the same domain; empty sends no header.
SECURE_CROSS_ORIGIN_RESOURCE_POLICY = env("SECURE_CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: the portal serves every script and style itself, in files.
# Everything not named here (frames, workers, media, manifests, …) is refused.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Scale and security (issue 8) ---------------------------------------------------
# Anonymous public pages are cached (buendnis/pagecache.py); 0 switches the cache off,
# which is the default with DEBUG on and therefore in development and in the tests.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))
PAGE_CACHE_VERSION_CHECK = float(env("PAGE_CACHE_VERSION_CHECK", "2"))
# The entries of the public lists are cached as HTML (buendnis/fragments.py), with
# the same invalidation as the pages; 0 switches it off, again the default with DEBUG on.
FRAGMENT_CACHE_SECONDS = int(env("FRAGMENT_CACHE_SECONDS", "0" if DEBUG else "300"))
# Addresses the page cache never answers: the admin, the uploads and the static files.
PAGE_CACHE_NEVER = ("/verwaltung/", "/media/", "/static/")
# Answered for the installation on every host, in no alliance's scope: the load
# balancer's health check.
TENANCY_EXEMPT_PATHS = {"/healthz"}

# Under HTTPS the cookies carry the __Host- prefix: the browser then accepts them only
# from this host, over TLS, for the whole site.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions (only the admin has them): idle and absolute timeouts in seconds.
SESSION_IDLE_TIMEOUT = int(env("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_TIMEOUT = int(env("SESSION_ABSOLUTE_TIMEOUT", str(10 * 60 * 60)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Admin: TOTP required for superusers and these groups (the Steuerungsgruppe reads every
# partner's contact data too); login attempts per IP and per user name and hour.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
ADMIN_2FA_GROUPS = env_list("ADMIN_2FA_GROUPS", "Koordination,Steuerungsgruppe")
ADMIN_LOGIN_ATTEMPTS_PER_HOUR = int(env("ADMIN_LOGIN_ATTEMPTS_PER_HOUR", "10"))
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Bündnisportal")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Rate limits: counted in the database, or in Redis when REDIS_URL is set (shared by
# every worker and app server either way).
RATELIMIT_REDIS_URL = env("RATELIMIT_REDIS_URL", env("REDIS_URL"))
