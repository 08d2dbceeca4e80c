"""After each event that changes what the public sees, the very next request shows it.

Every test warms the affected URLs (the second request is a cache hit), makes the change
in a transaction that commits, then checks the next answers. Each runs on local memory
and on a real Redis.
"""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from episodes import factories as f
from episodes.models import RelatedEpisode
from frontend_api.caching.invalidation import pages_changed_now
from tests.support.site import publish

pytestmark = pytest.mark.usefixtures("cache_backend")


def detail(page) -> str:
    return f"/api/v2/pages/{page.pk}/"


def find(path: str) -> str:
    return f"/api/v2/pages/find/?html_path={path}"


def listed_ids(answer) -> list[int]:
    return [item["id"] for item in answer.data["items"]]


@pytest.fixture
def listing(show) -> str:
    return f"/api/v2/pages/?child_of={show.pk}&fields=title"


@pytest.fixture
def linking(show, episode):
    """A published episode that links to `episode` from its summary and from its body."""
    link = f'<a linktype="page" id="{episode.pk}">it</a>'
    return f.EpisodePageFactory(
        parent=show,
        slug="linking",
        summary=f"<p>{link}</p>",
        body=[f.paragraph(f"<p>{link}</p>")],
        published=True,
    )


SITE_LISTING = "/api/v2/pages/?type=episodes.EpisodePage&fields=title"


def test_publish(api, committed, episode, listing):
    api.warm(detail(episode))
    api.warm(listing)
    api.warm(SITE_LISTING)
    episode.title = "A better title"
    with committed():
        episode.save_revision().publish()
    assert api.get(detail(episode)).data["title"] == "A better title"
    for url in (listing, SITE_LISTING):
        answer = api.get(url)
        assert answer.cache == "miss"
        assert [item["title"] for item in answer.data["items"]] == ["A better title"]


def test_publishing_a_new_page_lists_it(api, committed, show, episode, listing):
    api.warm(listing)
    api.warm(SITE_LISTING)
    new = f.EpisodePageFactory(parent=show, slug="brand-new", live=False)
    with committed():
        new.save_revision().publish()
    assert listed_ids(api.get(listing)) == [episode.pk, new.pk]
    assert new.pk in listed_ids(api.get(SITE_LISTING))
    assert api.get(find("/test-show/brand-new/")).status == 302


def test_unpublish(api, committed, episode, listing):
    path = find(f"/test-show/{episode.slug}/")
    for url in (detail(episode), listing, path):
        api.warm(url)
    with committed():
        episode.unpublish()
    assert api.get(detail(episode)).status == 404
    assert api.get(path).status == 404
    assert listed_ids(api.get(listing)) == []


def test_move(api, committed, home_page, show, episode, listing):
    other = f.PodcastPageFactory(parent=home_page, title="Other Show", slug="other-show")
    old_path = find(f"/test-show/{episode.slug}/")
    new_path = find(f"/other-show/{episode.slug}/")
    other_listing = f"/api/v2/pages/?child_of={other.pk}&fields=title"
    for url in (detail(episode), listing, other_listing, old_path):
        api.warm(url)
    assert api.get(new_path).status == 404
    with committed():
        episode.move(other, pos="last-child")
    moved = api.get(detail(episode)).data
    assert moved["meta"]["html_url"].endswith(f"/other-show/{episode.slug}/")
    assert moved["show"]["slug"] == "other-show"
    assert api.get(old_path).status == 404
    assert api.get(new_path).status == 302
    assert listed_ids(api.get(listing)) == []
    assert listed_ids(api.get(other_listing)) == [episode.pk]


def test_moving_a_show_moves_its_episodes(api, committed, home_page, show, episode):
    shelf = f.PodcastPageFactory(parent=home_page, title="Shelf", slug="shelf")
    api.warm(detail(episode))
    api.warm(find(f"/test-show/{episode.slug}/"))
    with committed():
        show.move(shelf, pos="last-child")
    html_url = api.get(detail(episode)).data["meta"]["html_url"]
    assert html_url.endswith(f"/shelf/test-show/{episode.slug}/")
    assert api.get(find(f"/test-show/{episode.slug}/")).status == 404
    assert api.get(find(f"/shelf/test-show/{episode.slug}/")).status == 302


def test_slug_change(api, committed, show, episode, listing, linking):
    old_path = find(f"/test-show/{episode.slug}/")
    for url in (detail(episode), detail(linking), old_path):
        api.warm(url)
    episode.slug = "renamed"
    with committed():
        episode.save_revision().publish()
    assert api.get(detail(episode)).data["meta"]["html_url"].endswith("/test-show/renamed/")
    assert api.get(old_path).status == 404
    assert api.get(find("/test-show/renamed/")).status == 302
    paragraph = api.get(detail(linking)).data["body"][0]["value"]["text"]
    assert "/test-show/renamed/" in paragraph


def test_renaming_a_show_renames_its_episodes_paths(api, committed, show, episode):
    api.warm(detail(episode))
    show.slug = "new-name"
    show.title = "New Name"
    with committed():
        show.save_revision().publish()
    data = api.get(detail(episode)).data
    assert data["show"] == {
        "id": show.pk,
        "title": "New Name",
        "slug": "new-name",
        "url": data["show"]["url"],
    }
    assert data["show"]["url"].endswith("/new-name/")
    assert data["meta"]["html_url"].endswith(f"/new-name/{episode.slug}/")
    assert api.get(find(f"/new-name/{episode.slug}/")).status == 302


def test_delete(api, committed, show, episode, listing, linking):
    for url in (detail(episode), detail(linking), listing):
        api.warm(url)
    pk = episode.pk
    with committed():
        episode.delete()
    assert api.get(f"/api/v2/pages/{pk}/").status == 404
    assert listed_ids(api.get(listing)) == [linking.pk]
    paragraph = api.get(detail(linking)).data["body"][0]["value"]["text"]
    assert "href" not in paragraph


@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_privacy_added_changed_and_removed(api, committed, show, episode, restriction_type):
    path = find(f"/test-show/{episode.slug}/")
    for url in (detail(episode), detail(show), SITE_LISTING, path):
        api.warm(url)
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=show, restriction_type=restriction_type, password="secret"
        )
    # The restriction covers the show and everything below it.
    assert api.get(detail(show)).status == 404
    assert api.get(detail(episode)).status == 404
    assert api.get(path).status == 404
    assert listed_ids(api.get(SITE_LISTING)) == []
    with committed():
        restriction.restriction_type = "login"
        restriction.save()
    assert api.get(detail(episode)).status == 404
    with committed():
        restriction.delete()
    assert api.get(detail(episode)).status == 200
    assert api.get(path).status == 302
    assert listed_ids(api.get(SITE_LISTING)) == [episode.pk]


def test_scheduled_go_live_and_expiry(api, committed, episode):
    now = timezone.now()
    episode.refresh_from_db()
    api.warm(detail(episode))
    episode.title = "Goes live later"
    episode.go_live_at = now + datetime.timedelta(hours=1)
    with committed():
        episode.save_revision().publish()
    # Scheduled, not published yet: the live version is still served.
    assert api.get(detail(episode)).data["title"] != "Goes live later"
    assert api.get(detail(episode)).cache == "hit"
    with time_machine.travel(now + datetime.timedelta(hours=2)):
        with committed():
            call_command("publish_scheduled")
        assert api.get(detail(episode)).data["title"] == "Goes live later"
        api.warm(detail(episode))
        episode.refresh_from_db()
        episode.expire_at = timezone.now() + datetime.timedelta(hours=1)
        with committed():
            episode.save_revision().publish()
        api.warm(detail(episode))
    with time_machine.travel(now + datetime.timedelta(hours=4)):
        with committed():
            call_command("publish_scheduled")
        assert api.get(detail(episode)).status == 404


def test_a_linked_page_unpublished_and_back(api, committed, show, episode, linking):
    assert "href" in api.warm(detail(linking)).data["summary"]
    with committed():
        episode.unpublish()
    assert "href" not in api.get(detail(linking)).data["summary"]
    api.warm(detail(linking))
    with committed():
        episode.save_revision().publish()
    assert "href" in api.get(detail(linking)).data["summary"]


def test_a_chosen_related_episode_changes(api, committed, show, episode):
    picker = f.EpisodePageFactory(parent=show, slug="picker")
    RelatedEpisode.objects.create(page=picker, episode=episode, sort_order=0)
    publish(picker)
    api.warm(detail(picker))
    episode.title = "Retitled"
    with committed():
        episode.save_revision().publish()
    related = api.get(detail(picker)).data["related_episodes"]
    assert [item["title"] for item in related] == ["Retitled"]
    with committed():
        episode.unpublish()
    assert api.get(detail(picker)).data["related_episodes"] == []


def test_a_new_episode_of_the_rubric_joins_the_fallback(api, committed, show):
    rubric = f.RubricFactory(name="Markets", slug="markets")
    first = f.EpisodePageFactory(parent=show, slug="first", rubric=rubric, published=True)
    assert api.warm(detail(first)).data["related_episodes"] == []
    newcomer = f.EpisodePageFactory(parent=show, slug="newcomer", rubric=rubric, live=False)
    with committed():
        newcomer.save_revision().publish()
    related = api.get(detail(first)).data["related_episodes"]
    assert [item["id"] for item in related] == [newcomer.pk]


def test_a_new_episode_with_a_shared_tag_joins_the_fallback(api, committed, show):
    first = f.EpisodePageFactory(parent=show, slug="first")
    first.tags.add("energy")
    publish(first)
    assert api.warm(detail(first)).data["related_episodes"] == []
    newcomer = f.EpisodePageFactory(parent=show, slug="newcomer", live=False)
    newcomer.tags.add("energy")
    with committed():
        newcomer.save_revision().publish()
    related = api.get(detail(first)).data["related_episodes"]
    assert [item["id"] for item in related] == [newcomer.pk]


def test_a_person_edited(api, committed, show):
    person = f.PersonFactory(name="Before", photo=None)
    page = f.EpisodePageFactory(parent=show, slug="hosted")
    page.host_links.create(person=person)
    publish(page)
    assert api.warm(detail(page)).data["hosts"][0]["name"] == "Before"
    person.name = "After"
    with committed():
        person.save()
    assert api.get(detail(page)).data["hosts"][0]["name"] == "After"


def test_the_site_moved_to_another_root(api, committed, show, episode):
    api.warm(detail(episode))
    site = Site.objects.get(is_default_site=True)
    site.root_page = show
    with committed():
        site.save()
    html_url = api.get(detail(episode)).data["meta"]["html_url"]
    assert html_url.endswith(f":3000/{episode.slug}/")


def test_code_telling_the_cache_itself(api, committed, episode):
    """Changes made without Wagtail's signals (a queryset update) are announced by hand."""
    api.warm(detail(episode))
    with committed():
        type(episode).objects.filter(pk=episode.pk).update(headline="Set in bulk")
        pages_changed_now([episode.pk])
    assert api.get(detail(episode)).data["headline"] == "Set in bulk"


def test_an_expiry_passing_before_the_scheduler_runs(api, show, episode, listing, linking):
    """The API hides a page once its expiry passes; no cached answer outlives that moment."""
    now = timezone.now()
    episode.expire_at = now + datetime.timedelta(minutes=30)
    episode.save()
    path = find(f"/test-show/{episode.slug}/")
    for url in (detail(episode), detail(linking), listing, path):
        api.warm(url)
    assert "href" in api.get(detail(linking)).data["summary"]
    with time_machine.travel(now + datetime.timedelta(minutes=31)):
        assert api.get(detail(episode)).status == 404
        assert api.get(path).status == 404
        assert "href" not in api.get(detail(linking)).data["summary"]
        assert listed_ids(api.get(listing)) == [linking.pk]


def test_max_age_never_outlives_an_expiry(client, settings, episode):
    settings.API_CACHE_MAX_AGE = 3600
    settings.API_CACHE_S_MAXAGE = 3600
    episode.expire_at = timezone.now() + datetime.timedelta(seconds=120)
    episode.save()
    control = client.get(detail(episode)).headers["Cache-Control"]
    ages = dict(part.strip().split("=") for part in control.split(",") if "=" in part)
    assert 110 <= int(ages["max-age"]) <= 120
    assert 110 <= int(ages["s-maxage"]) <= 120
