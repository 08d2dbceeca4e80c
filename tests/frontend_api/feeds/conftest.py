"""Fixtures for the feed and chapters tests."""

from tests.frontend_api.published_site import clear_cache, home, show  # noqa: F401
