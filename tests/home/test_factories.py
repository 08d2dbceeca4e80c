"""The page factories' parent chain and traits, on the home page and the site."""

import pytest
from wagtail.models import Page, Site

from episodes.factories import EpisodePageFactory, PodcastPageFactory
from home.factories import HomePageFactory, SiteFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_home_page_factory_reuses_the_home_page_under_the_root(home_page):
    assert HomePageFactory() == home_page
    assert HomePage.objects.count() == 1


def test_an_episode_hangs_from_a_new_show_under_the_home_page(home_page):
    episode = EpisodePageFactory()
    show = episode.get_parent().specific
    assert isinstance(show, PodcastPageFactory._meta.model)
    assert show.get_parent().specific == home_page


def test_the_published_trait_publishes_a_first_revision(home_page):
    show = PodcastPageFactory(parent=home_page, published=True)
    assert show.live and show.first_published_at is not None
    assert show.live_revision == show.latest_revision
    assert not show.has_unpublished_changes


def test_the_draft_trait_saves_a_revision_that_is_never_published(home_page):
    show = PodcastPageFactory(parent=home_page, draft=True)
    assert not show.live and show.first_published_at is None
    assert show.latest_revision is not None and show.live_revision is None
    assert show.has_unpublished_changes


def test_without_a_trait_a_page_has_no_revision(home_page):
    show = PodcastPageFactory(parent=home_page)
    assert show.latest_revision is None


def test_the_site_factory_points_the_default_site_at_a_home_page(db):
    root = Page.get_first_root_node()
    for stock in root.get_children():
        stock.delete()
    site = SiteFactory(site_name="Factory site")
    assert Site.objects.get(is_default_site=True) == site
    assert site.root_page.specific == HomePage.objects.get()
    assert (site.hostname, site.port) == ("localhost", 80)
    assert SiteFactory(site_name="Renamed").pk == site.pk
    assert Site.objects.get().site_name == "Renamed"
