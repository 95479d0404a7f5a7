"""Embedded default for a developer's machine: SQLite, local media, console email."""

import os

from .base import *  # noqa: F403

DEBUG = True

# A fixed key is acceptable only here: dev settings never serve the public.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-muongte")  # noqa: S105

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# The SQLite file and uploaded media live here; a fresh clone does not have the folder yet.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
