"""Frontend URLs: pages on FRONTEND_URL relative to their site root, media on CMS_URL."""

import pytest
from wagtail.models import Page

from episodes.factories import EpisodePageFactory
from frontend_api.loading.links import absolute_url, frontend_path, frontend_url


@pytest.fixture(autouse=True)
def origins(settings):
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"


def test_site_home_is_the_frontend_root(home_page):
    assert frontend_url(home_page) == "https://front.example/"


def test_episode_url_is_relative_to_the_site_root(show):
    episode = EpisodePageFactory(parent=show, slug="first-steps")
    assert frontend_path(episode) == "/test-show/first-steps/"
    assert frontend_url(episode) == "https://front.example/test-show/first-steps/"


def test_page_outside_every_site_drops_its_top_level_segment(home_page):
    orphan_root = Page.get_first_root_node().add_child(title="Archive", slug="archive")
    child = orphan_root.add_child(title="Old", slug="old")
    assert frontend_path(child) == "/old/"


def test_root_paths_are_read_once_per_request(show, rf, django_assert_num_queries):
    request = rf.get("/")
    episode = EpisodePageFactory(parent=show, slug="cached")
    frontend_url(episode, request)
    with django_assert_num_queries(0):
        assert frontend_url(episode, request).endswith("/test-show/cached/")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/media/images/a.png", "https://cms.example/media/images/a.png"),
        ("https://cdn.example/a.png", "https://cdn.example/a.png"),
        ("//cdn.example/a.png", "//cdn.example/a.png"),
    ],
)
def test_absolute_url(url, expected):
    assert absolute_url(url) == expected
