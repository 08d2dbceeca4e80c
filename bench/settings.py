"""Settings for our API under benchmark: the project's own settings on the benchmark database."""

import os

from cms.settings.base import *  # noqa: F403
from cms.settings.base import DATABASES, INSTALLED_APPS

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY") or "bench-only-insecure-key"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"
# Request logs would cost the same on both sides; keep only warnings out of the measured path.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Wagtail's search index on PostgreSQL needs the app (the ops branch adds it to base too).
ON_POSTGRESQL = "postgresql" in DATABASES["default"]["ENGINE"]
if ON_POSTGRESQL and "django.contrib.postgres" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]
