"""Settings shared by every environment; each value that varies comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str) -> list[str]:
    """Split a comma-separated environment variable into a clean list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://localhost:3000").rstrip("/")
CMS_URL = os.environ.get("CMS_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "cms",
    "home",
    "episodes",
    "frontend_api",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "rest_framework",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Public API reads the response cache holds are answered here, with every header the
    # middleware above set; the rest serve the admin and the views (docs/caching.md).
    "frontend_api.caching.middleware.ServeCachedAnswers",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # What one request commits reaches the cache and the frontend as one change.
    "frontend_api.caching.middleware.OneChangePerRequest",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's search vectors and GIN indexes there.
    INSTALLED_APPS.append("django.contrib.postgres")
    # The API loads pages with one wide query whose estimated cost passes jit_above_cost:
    # PostgreSQL then compiles it on every request (about 0.5 s) to save microseconds.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis accelerates and may fail at any moment: its errors read as misses (docs/operations.md).
    CACHES: dict[str, dict[str, Any]] = {
        "default": {
            "BACKEND": "cms.cache_backend.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "podcast-cms"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "CIRCUIT_BREAKER_SECONDS": float(os.environ.get("REDIS_BREAKER_SECONDS", "1")),
            },
        }
    }
else:
    # Room for the API's response cache (docs/caching.md); each process has its own copy.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sign-in throttling (django-axes, docs/operations.md): failures are counted in the
# database per username and, separately, per client address; past the limit both the wrong
# and the right password are refused until the cool-off ends.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "cms.login_lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.login_lockout.lockout_response"

# Content-Security-Policy (docs/operations.md). Everything gets the strictest policy, which
# suits JSON, feeds and error pages; cms/csp.py gives the admin and the API docs page theirs.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin writes inline <script>s with per-field values and inline styles, so no nonce
# or hash can cover them; it loads nothing from elsewhere but the update check. Images and
# audio may come from the media bucket or an embed provider's thumbnails, hence https:. The
# preview panel frames the admin's preview page, which frames the frontend (frame-src, added
# from WAGTAIL_HEADLESS_PREVIEW's CLIENT_URLS by cms.csp.admin_policy).
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "media-src": [CSP.SELF, "blob:", "https:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF, "https://releases.wagtail.org"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Redoc (drf-spectacular-sidecar, from our static files) starts a worker from a blob: URL and
# injects its styles; the page has no inline script.
API_DOCS_CSP: dict[str, list[str]] = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "worker-src": [CSP.SELF, "blob:"],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The episode editor posts one field per block; long articles exceed Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Podcast CMS")
# Avatars over HTTPS whatever the admin's own scheme, as the admin's img-src allows.
WAGTAIL_GRAVATAR_PROVIDER_URL = "https://www.gravatar.com/avatar"
WAGTAILADMIN_BASE_URL = CMS_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "mp3",
    "m4a",
    "vtt",
    "srt",
]
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Draftail, checking the posted rich text first: malformed JSON is a form error, not a 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "episodes.form_data.GuardedDraftailRichTextArea"}
}
WAGTAIL_I18N_ENABLED = False

# Public API (frontend_api): absolute URLs on the CMS's origin, a bounded page size, and
# cross-origin reads only from the configured frontends.
WAGTAILAPI_BASE_URL = CMS_URL
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("API_LIMIT_MAX", "50"))
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", FRONTEND_URL)
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# podcast:locked: "yes" tells other platforms not to import the feeds without the owner.
FEEDS_LOCKED = os.environ.get("FEEDS_LOCKED", "true").lower() in ("1", "true", "yes")
# The feed check refuses http enclosures; on by default in production only.
FEEDS_REQUIRE_HTTPS = os.environ.get("FEEDS_REQUIRE_HTTPS", "false").lower() in ("1", "true", "yes")

WAGTAIL_HEADLESS_PREVIEW: dict[str, Any] = {
    # Per-site frontends: PREVIEW_CLIENT_URLS="news.example.com=https://news.example.net,...".
    "CLIENT_URLS": {
        "default": FRONTEND_URL,
        **dict(item.split("=", 1) for item in env_list("PREVIEW_CLIENT_URLS", "")),
    },
    # None: "View live" goes to the frontend of the page's own site (CLIENT_URLS).
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
# Drafts served by token (docs/preview.md): editor preview tokens and reviewer links.
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "3600"))
REVIEW_LINK_DEFAULT_DAYS = int(os.environ.get("REVIEW_LINK_DEFAULT_DAYS", "7"))
REVIEW_LINK_MAX_DAYS = int(os.environ.get("REVIEW_LINK_MAX_DAYS", "30"))
TOKEN_RATE_LIMIT = os.environ.get("TOKEN_RATE_LIMIT", "60/min")
# Proxies in front of the app that append to X-Forwarded-For; 0 trusts REMOTE_ADDR only.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

# Bounds on one `import_episodes` article (docs/import.md): a file, or one post of a WordPress
# export, in bytes; a whole export file; body blocks; HTML elements and their nesting.
IMPORT_MAX_ARTICLE_BYTES = int(os.environ.get("IMPORT_MAX_ARTICLE_BYTES", "5000000"))
IMPORT_MAX_EXPORT_BYTES = int(os.environ.get("IMPORT_MAX_EXPORT_BYTES", "100000000"))
IMPORT_MAX_BLOCKS = int(os.environ.get("IMPORT_MAX_BLOCKS", "2000"))
IMPORT_MAX_ELEMENTS = int(os.environ.get("IMPORT_MAX_ELEMENTS", "50000"))
IMPORT_MAX_DEPTH = int(os.environ.get("IMPORT_MAX_DEPTH", "100"))
# `import_feed` (docs/import.md): seconds each request for a feed, its chapters, transcripts
# and images may take; a feed is bounded by IMPORT_MAX_EXPORT_BYTES, chapters by
# IMPORT_MAX_ARTICLE_BYTES, transcripts by TRANSCRIPT_MAX_BYTES, images by this.
IMPORT_FETCH_TIMEOUT = float(os.environ.get("IMPORT_FETCH_TIMEOUT", "10"))
IMPORT_MAX_IMAGE_BYTES = int(os.environ.get("IMPORT_MAX_IMAGE_BYTES", "10000000"))

# Response cache and HTTP caching of the public API, revalidation webhook (docs/caching.md).
API_CACHE_ENABLED = os.environ.get("API_CACHE_ENABLED", "true").lower() in ("1", "true", "yes")
# Plain detail reads answered from stored representations (docs/read-path.md); false renders
# every read, for debugging. API_STORED_RERENDER=false when no task worker runs.
API_STORED_REPRESENTATIONS = os.environ.get("API_STORED_REPRESENTATIONS", "true").lower() in (
    "1",
    "true",
    "yes",
)
API_STORED_RERENDER = os.environ.get("API_STORED_RERENDER", "true").lower() in ("1", "true", "yes")
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "0"))
API_CACHE_S_MAXAGE = int(os.environ.get("API_CACHE_S_MAXAGE", "0"))
FRONTEND_REVALIDATE_URL = os.environ.get("FRONTEND_REVALIDATE_URL", "")
FRONTEND_REVALIDATE_SECRET = os.environ.get("FRONTEND_REVALIDATE_SECRET", "")
# Feed pings when a show's feed changes (docs/feeds.md): WebSub hubs the feeds advertise, and
# Podping (on when PODPING_TOKEN is set), sent and retried as the webhook is.
FEED_WEBSUB_HUBS = env_list("FEED_WEBSUB_HUBS", "")
PODPING_URL = os.environ.get("PODPING_URL", "https://podping.cloud/")
PODPING_TOKEN = os.environ.get("PODPING_TOKEN", "")
# Wagtail's own tasks (reference and search indexes) run at once, as by default; webhooks and
# CDN purges wait in the database for `manage.py db_worker --backend webhooks`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# The largest transcript file an editor or attach_transcript may attach, in bytes.
TRANSCRIPT_MAX_BYTES = int(os.environ.get("TRANSCRIPT_MAX_BYTES", "5000000"))
# Publishing from the editor is refused while a quote is not verified against the transcript.
QUOTES_MUST_BE_VERIFIED = os.environ.get("QUOTES_MUST_BE_VERIFIED", "false").lower() in (
    "1",
    "true",
    "yes",
)
# Seconds each step of probing an external audio URL may take (HEAD, then a ranged GET).
AUDIO_PROBE_TIMEOUT = float(os.environ.get("AUDIO_PROBE_TIMEOUT", "10"))
# Optional CDN or proxy purges through wagtail.contrib.frontend_cache (docs/caching.md).
if os.environ.get("FRONTEND_CACHE_PURGE_LOCATION"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_LOCATION"],
        }
    }

# Workflow and moderation notifications; the console backend until a real mailer is configured.
MAILERS: dict[str, dict[str, Any]] = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "podcast-cms@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Preview and reviewer tokens travel in URLs; no log line may show them, so every handler
    # has the redaction filter (docs/operations.md, "Logs").
    "filters": {"redact_tokens": {"()": "frontend_api.log_redaction.RedactTokens"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's defaults give these loggers handlers of their own, without the filter (and
        # mail_admins, which would mail whole requests); here they write through ours.
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # django-axes announces itself at INFO in every process; its sign-in records stay.
        "axes.apps": {"level": "WARNING"},
        # Background tasks log every state change at INFO; only their failures matter here.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}
