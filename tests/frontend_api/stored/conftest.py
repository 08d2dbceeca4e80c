"""Reading the same page with and without stored representations, and a site to edit."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.test import Client, TestCase
from django.test.utils import override_settings

from episodes import factories as f
from tests.support.site import publish


@pytest.fixture(autouse=True)
def stored_reads_without_response_cache(settings):
    """Stored answers are the read path under test: the response cache would answer first."""
    settings.API_CACHE_ENABLED = False
    settings.API_STORED_REPRESENTATIONS = True


@contextmanager
def committed() -> Iterator[None]:
    """Run what a commit of the block would run (the invalidation flush and its receivers):
    a test's transaction never commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def detail_url(page_id: int) -> str:
    return f"/api/v2/pages/{page_id}/"


def fresh_render(client: Client, page_id: int):
    """The detail as the render path answers it, storage switched off."""
    with override_settings(API_STORED_REPRESENTATIONS=False):
        return client.get(detail_url(page_id))


def linking_paragraph(target) -> dict:
    return f.paragraph(f'<p>See <a linktype="page" id="{target.pk}">the earlier one</a>.</p>')


@pytest.fixture
def pair(show):
    """Two published episodes, the second linking to the first."""
    with committed():
        return _pair(show)


def _pair(show):
    first = publish(f.EpisodePageFactory(parent=show, title="First", slug="first"))
    second = publish(
        f.EpisodePageFactory(
            parent=show,
            title="Second",
            slug="second",
            body=[f.heading("Links"), linking_paragraph(first)],
        )
    )
    return first, second
