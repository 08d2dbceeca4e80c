"""What identifies this deployment's responses, so new code never serves old code's entries."""

import functools
import hashlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# The apps whose code shapes API responses and stored documents, and the settings that do.
APPS = ("cms", "home", "episodes", "frontend_api")
SETTINGS = (
    "CMS_URL",
    "FRONTEND_URL",
    "MEDIA_URL",
    "WAGTAILAPI_BASE_URL",
    "WAGTAILAPI_LIMIT_MAX",
    "API_IMAGE_WIDTHS",
    "API_RELATED_EPISODES",
    "API_WORDS_PER_MINUTE",
    "API_CACHE_VERSION",
    "SITEMAP_MAX_URLS",
    "FEEDS_LOCKED",
    "FEED_WEBSUB_HUBS",
    "PODPING_URL",
)
# Settings that count only by being set: a secret never goes into a hash stored anywhere.
SET_OR_NOT = ("PODPING_TOKEN",)


@functools.cache
def code_fingerprint() -> str:
    """A hash of the apps' Python sources, read once per process."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for app in APPS:
        for source in sorted((root / app).rglob("*.py")):
            digest.update(str(source.relative_to(root)).encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def deployment_fingerprint() -> str:
    """The code's hash with the settings that change response bodies, once per process."""
    values = repr(
        [getattr(settings, name, None) for name in SETTINGS]
        + [bool(getattr(settings, name, None)) for name in SET_OR_NOT]
    )
    return code_fingerprint() + hashlib.sha256(values.encode()).hexdigest()[:8]


@receiver(setting_changed)
def settings_changed(setting: str, **kwargs: Any) -> None:
    """Settings only change under tests (override_settings); entries must follow them."""
    if setting in SETTINGS or setting in SET_OR_NOT:
        deployment_fingerprint.cache_clear()
