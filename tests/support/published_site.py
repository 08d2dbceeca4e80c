"""A published home page and show with its details filled in, for feeds, chapters and sitemap.

The fixtures are named explicitly so test modules can import them under names that don't shadow
arguments; a package's conftest imports them to make them available.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from episodes import factories as f

from .site import publish


@pytest.fixture(name="home")
def home_fixture(home_page):
    return publish(home_page)


@pytest.fixture(name="show")
def show_fixture(home):
    return f.PodcastPageFactory(
        parent=home,
        title="Signal & Noise",
        slug="signal-noise",
        description="Conversations about how small companies grow.",
        author="Signal Studio",
        owner_name="Camille Martin",
        owner_email="owner@example.com",
        artwork=f.ImageFactory(title="Show artwork"),
        language="fr",
        apple_category="Business > Entrepreneurship",
        explicit=False,
        podcast_type="episodic",
        copyright="© 2026 Signal Studio",
        published=True,
    )


def aired(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def publish_episode(show, **kwargs):
    """A published episode of the show."""
    return f.EpisodePageFactory(parent=show, published=True, **kwargs)


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def transcript(name: str = "transcript.vtt"):
    document = get_document_model()(title="Transcript")
    document.file.save(name, ContentFile(b"WEBVTT\n\n00:00.000 --> 00:05.000\nHello.\n"))
    return document
