"""The baseline project: our settings without frontend_api, serving Wagtail's stock API v2."""

from bench.settings import *  # noqa: F403
from bench.settings import INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS = [
    "bench.plain_wagtail.apps.PlainWagtailConfig",
    *(app for app in INSTALLED_APPS if app not in ("frontend_api", "corsheaders")),
]
MIDDLEWARE = [item for item in MIDDLEWARE if "corsheaders" not in item]
ROOT_URLCONF = "bench.plain_wagtail.urls"

# Plain Wagtail searches with its own database backend, not the project's (cms/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
