"""The home page: one at the top of the tree, shows beneath it, the site's root, and its API."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from episodes.models import EpisodePage, PodcastPage
from home.factories import HomePageFactory, SiteFactory
from home.models import HomePage
from tests.support.site import publish, restore_wagtail_roots, without_stock_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def origins(settings):
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"
    settings.WAGTAILAPI_BASE_URL = "https://cms.example"


def detail(client, page, **params) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_tree_root_takes_a_home_page_while_it_has_none(db):
    restore_wagtail_roots()
    assert HomePage.can_create_at(without_stock_pages())


def test_only_one_home_page_sits_under_the_tree_root(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())


def test_a_home_page_is_never_created_below_another_page(home_page, show, episode):
    for parent in (home_page, show, episode):
        assert not HomePage.can_create_at(parent), parent


def test_only_shows_go_directly_under_the_home_page(home_page):
    assert HomePage.allowed_subpage_models() == [PodcastPage]
    assert PodcastPage.can_create_at(home_page)
    assert not EpisodePage.can_create_at(home_page)
    assert not Page.can_create_at(home_page)


def test_the_home_page_is_the_default_sites_root(rf: RequestFactory, home_page):
    site = Site.find_for_request(rf.get("/", HTTP_HOST="localhost"))
    assert site is not None and site.root_page.specific == home_page
    assert home_page.get_site() == site


def test_a_second_default_site_points_the_existing_one_at_the_new_root(home_page):
    other = HomePageFactory(slug="other-home", title="Other home")
    SiteFactory(root_page=other, site_name="Other")
    assert Site.objects.get(is_default_site=True).root_page.specific == other
    assert Site.objects.filter(is_default_site=True).count() == 1


def test_the_api_exposes_intro_seo_and_json_ld(client, home_page):
    home_page.intro = "Shows about small companies."
    home = publish(home_page)
    data = detail(client, home)
    assert data["intro"] == "Shows about small companies."
    assert data["meta"]["type"] == "home.HomePage"
    assert data["meta"]["html_url"] == "https://front.example/"
    assert data["meta"]["parent"] is None
    assert data["seo"]["title"] == "Home"
    assert data["seo"]["canonical_url"] == "https://front.example/"
    website = data["json_ld"]["@graph"][0]
    assert website == {"@type": "WebSite", "name": "Home", "url": "https://front.example/"}


def test_the_intro_is_the_search_description(client, home_page):
    home_page.intro = "  An intro with spaces around it.  "
    home = publish(home_page)
    assert detail(client, home)["seo"]["description"] == "An intro with spaces around it."


def test_a_written_search_description_wins_over_the_intro(client, home_page):
    home_page.intro = "The intro."
    home_page.search_description = "Written for search engines."
    home = publish(home_page)
    assert detail(client, home)["seo"]["description"] == "Written for search engines."


def test_the_api_lists_the_home_page_by_its_type(client, home_page):
    home = publish(home_page)
    response = client.get("/api/v2/pages/", {"type": "home.HomePage", "fields": "intro"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(item["id"], item["meta"]["type"]) for item in items] == [(home.pk, "home.HomePage")]
    assert "intro" in items[0]


def test_an_unpublished_intro_stays_out_of_the_api(client, home_page):
    home_page.intro = "The published intro."
    home = publish(home_page)
    home.intro = "A draft intro nobody should read yet."
    home.save_revision()
    assert detail(client, home)["intro"] == "The published intro."


def test_an_unpublished_home_page_is_not_in_the_api(client, db):
    restore_wagtail_roots()
    home = HomePageFactory(parent=without_stock_pages(), draft=True)
    SiteFactory(root_page=home)
    assert client.get(f"/api/v2/pages/{home.pk}/").status_code == 404
