"""Test runs: fast hashing, isolated media, the database named by DATABASE_URL or SQLite."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import SECRET_KEY

SECRET_KEY = SECRET_KEY or "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="podcast-cms-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
# Django's test client signs in without a request, which django-axes refuses: it is off here,
# and the sign-in throttling tests switch it on (tests/cms/test_login_lockout.py).
AXES_ENABLED = False
