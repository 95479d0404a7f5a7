"""Settings for the test suite; each line says why it differs from base."""

import tempfile

from .base import *  # noqa: F403

# Tests never serve the public, so a fixed key is harmless.
SECRET_KEY = "test-only-key"  # noqa: S105

# Host names used by the Django test client and by the browser tests' live server.
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Hashing with the default PBKDF2 iterations would dominate the run time of login tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Sent mail collects in django.core.mail.outbox for assertions.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Uploaded and generated files go to a throw-away folder, never into var/media.
MEDIA_ROOT = tempfile.mkdtemp(prefix="muongte-test-media-")

# Templates may use {% static %} without a collectstatic run.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Most tests sign in with force_login and test their own feature, not the second factor;
# operations/tests turn enforcement back on with override_settings.
TWO_FACTOR_ENFORCED = False

# A page cached by one test would be served to the next; operations/tests turn it back on.
PAGE_CACHE_SECONDS = 0

# Page views are written at once, inside each test's own transaction.
VISIT_FLUSH_SECONDS = 0
