"""Fixtures for the feed and chapters tests."""

from tests.support.published_site import home_fixture, show_fixture  # noqa: F401
