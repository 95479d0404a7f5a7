"""Settings shared by every environment.

Everything that differs between machines comes from environment variables, so that the
same code runs as the embedded default (SQLite, local disk) and in production
(PostgreSQL, Redis, object storage) without edits.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from operations.csp import inline_hashes

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("MUONGTE_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """Split a comma-separated environment variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "home",
    "news",
    "documents",
    "units",
    "feedback",
    "search",
    "editorial",
    "operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
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
    "wagtail.api.v2",
    "rest_framework",
    "captcha",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses HTML and other text responses; Django 4.2+ pads them against BREACH. Static
    # files are compressed by the web server in production (docs/performance.md).
    "django.middleware.gzip.GZipMiddleware",
    # Serves anonymous visitors from the page cache before sessions, CSRF and auth run.
    "operations.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "operations.csp.ScopedCSPMiddleware",
    "operations.middleware.PermissionsPolicyMiddleware",
    # Turns database connection errors raised by views into a 503 page.
    "operations.outage.DatabaseUnavailableMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "operations.middleware.AdminTwoFactorMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "muongte.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "muongte.wsgi.application"

# The embedded default is a SQLite file under var/; DATABASE_URL switches to PostgreSQL
# (postgres://user@host:5432/name) with no code change.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The portal, its admin and its messages are in Vietnamese only.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese"))]
# The project-level catalogue comes first; locale/thirdparty completes Wagtail's, Django's and
# the other packages' Vietnamese (see muongte/catalogues.py). LOCALE_PATHS catalogues take
# precedence over every app's own, so a msgid shared with an app must keep one meaning.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "thirdparty"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "muongte",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Trang TTĐT <noreply@localhost>")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Trang thông tin điện tử")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Slugs stay ASCII: the project's own transliteration turns "đấu thầu" into "dau-thau"
# where Django's slugify would drop the đ.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# No Gravatar: the admin would send a hash of each staff email to an outside service, and
# the admin's Content-Security-Policy blocks the pictures anyway. Staff upload their own.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Uploads go through documents.forms and documents.signals, which check each file's content
# against the types and limits that administrators set in the upload settings. Wagtail's own
# checks by extension and size are off, so that each upload gets one message.
WAGTAILDOCS_EXTENSIONS = None
WAGTAILDOCS_MAX_UPLOAD_SIZE = None
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.SafeDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "documents.forms.SafeImageForm"
# Every document is served by the site's view as a download, never inline and never by a
# direct link to the storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "loggers": {
        **{
            name: {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")}
            for name in (
                "muongte",
                "home",
                "news",
                "documents",
                "units",
                "feedback",
                "search",
                "editorial",
                "operations",
            )
        },
        "django": {"handlers": ["console"], "level": "WARNING"},
    },
}

# Editorial workflow. Finishing the workflow publishes the item even though the secretary who
# completes the last task has no plain publish permission (Wagtail's default requires it).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.publishing.publish_workflow_state"
# Each task notifies the people who can act on it. Superusers are not emailed about every item.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Approvals stay valid when a reviewer saves the item again, so that a save during review
# never sends it back to the first task.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False

# The captcha of the public forms (django-simple-captcha) draws its pictures on the server,
# with no outside service. The other limits of the public forms are in feedback/antispam.py.
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 30  # minutes

# load_demo_content may create content and a demo administrator; production turns it off.
DEMO_CONTENT_ALLOWED = True

# Read-only API for the provincial portal (search/api.py, docs/syndication.md): at most this
# many items per request. A request with a larger ``limit`` gets HTTP 400.
WAGTAILAPI_LIMIT_MAX = 50

# PostgreSQL's default text search configuration is usually English, whose stop words drop
# folded Vietnamese words such as "do" (đỏ, đó) and "an" (an ninh). The folded index copies are
# ASCII, so the "simple" configuration matches them word for word. SQLite ignores this option.
# Changing it requires `manage.py update_index`.
WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "simple"
# --- Security (operations app) ---
# The admin lives under this prefix, e.g. "quan-tri-7f3a/" to keep it off common scanners.
ADMIN_URL_PATH = os.environ.get("ADMIN_URL_PATH", "admin/")

# django-axes locks a username at one client address out after repeated failed sign-ins.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "operations/lockout.html"
AXES_CLIENT_IP_CALLABLE = "operations.security.client_ip"
# True only behind a proxy that sets X-Real-IP itself (deploy/nginx); otherwise a client
# could pick its own address.
TRUST_X_REAL_IP = os.environ.get("TRUST_X_REAL_IP", "false").lower() == "true"

# TOTP after the password, mandatory for the board and administrators (operations.two_factor).
TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Admin sessions end after this many seconds without a request, and when the browser closes.
# Anonymous visitors of the public site get no session, so only signed-in users are affected.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", "1800"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

_inline = inline_hashes(BASE_DIR / "templates" / "base.html", BASE_DIR / "templates" / "500.html")
# Hosts of embedded video players (Wagtail embeds) allowed in frames on public pages.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES", "https://www.youtube.com,https://www.youtube-nocookie.com"
)
# Extra sources for images and media, e.g. the public URL of an S3 bucket.
CSP_MEDIA_SOURCES = env_list("CSP_MEDIA_SOURCES")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *_inline["script"]],
        "style-src": [SELF, *_inline["style"]],
        "img-src": [SELF, "data:", *CSP_MEDIA_SOURCES],
        "media-src": [SELF, *CSP_MEDIA_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin uses inline scripts and styles, so its policy allows them. It still loads
# nothing from other hosts, and other sites cannot frame it.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_SOURCES],
        "media-src": [SELF, "blob:", *CSP_MEDIA_SOURCES],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Backups (manage.py backup_site): where archives go and how many weekly and monthly ones
# the retention keeps.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_KEEP_WEEKLY = int(os.environ.get("BACKUP_KEEP_WEEKLY", "8"))
BACKUP_KEEP_MONTHLY = int(os.environ.get("BACKUP_KEEP_MONTHLY", "12"))

# Anonymous page cache (operations.cache): lifetime in seconds (0 turns it off), the cache
# alias it uses (Redis in production when REDIS_URL is set), and path prefixes never cached.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_EXCLUDED_PREFIXES = ["documents", "tim-kiem"]

# Page view counts (operations.visits) are written to the database at most this often per
# worker process, in seconds.
VISIT_FLUSH_SECONDS = int(os.environ.get("VISIT_FLUSH_SECONDS", "60"))

# Seconds a visitor is asked to wait (Retry-After) on the 503 page shown while the database
# is unreachable.
DATABASE_OUTAGE_RETRY_AFTER = int(os.environ.get("DATABASE_OUTAGE_RETRY_AFTER", "30"))

# Behind the project's nginx every request comes from 127.0.0.1, so the public forms' per-address
# rate limits and captcha count the address nginx sends in X-Real-IP when it is trusted.
FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_REAL_IP" if TRUST_X_REAL_IP else None
