"""The sitemap lists frontend URLs with lastmod; robots.txt points crawlers at it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from episodes.models import EpisodePage
from frontend_api.stored.reads import OUTCOME_HEADER
from tests.support.published_site import (  # noqa: F401 - fixtures
    aired,
    home_fixture,
    publish_episode,
    show_fixture,
)

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(response) -> dict[str, str | None]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_frontend_urls_with_lastmod(client, show):
    older = publish_episode(show, title="Older", slug="older", broadcast_at=aired(40))
    newer = publish_episode(show, title="Newer", slug="newer", broadcast_at=aired(5))
    # Published long before it aired: its page changed when it aired.
    published = timezone.now() - datetime.timedelta(days=60)
    EpisodePage.objects.filter(pk=older.pk).update(last_published_at=published)
    listed = entries(client.get("/sitemap.xml"))
    today = timezone.localdate().isoformat()
    assert listed == {
        "http://localhost:3000/": today,
        "http://localhost:3000/signal-noise/": today,
        "http://localhost:3000/signal-noise/older/": timezone.localdate(
            older.broadcast_at
        ).isoformat(),
        "http://localhost:3000/signal-noise/newer/": timezone.localdate(
            newer.last_published_at
        ).isoformat(),
    }


def test_show_lastmod_follows_its_newest_aired_episode(client, show):
    publish_episode(show, slug="fresh", broadcast_at=aired(0))
    long_ago = timezone.now() - datetime.timedelta(days=90)
    type(show).objects.filter(pk=show.pk).update(last_published_at=long_ago)
    listed = entries(client.get("/sitemap.xml"))
    assert listed["http://localhost:3000/signal-noise/"] == timezone.localdate().isoformat()


def test_the_sitemap_queries_do_not_grow_with_the_pages(client, show):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap.xml")
        return len(captured)

    publish_episode(show, slug="first", broadcast_at=aired(3))
    queries()  # the first request also reads the sites and content types
    few = queries()
    for number in range(6):
        publish_episode(show, slug=f"more-{number}", broadcast_at=aired(2))
    assert len(entries(client.get("/sitemap.xml"))) == 9
    assert queries() == few


def test_sitemap_answers_304_until_something_changes(client, show):
    publish_episode(show)
    first = client.get("/sitemap.xml")
    assert first["ETag"]
    assert client.get("/sitemap.xml", headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_sitemap_pages_past_the_last_are_404(client, show):
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=x").status_code == 404


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /review/",
        "Sitemap: http://localhost:8000/sitemap.xml",
    ]


def test_only_safe_methods(client, show):
    publish_episode(show, episode_number=1)
    for path in (
        "/sitemap.xml",
        "/robots.txt",
        "/feeds/signal-noise/",
        "/feeds/signal-noise/chapters/1.json",
    ):
        assert client.post(path).status_code == 405, path
        assert client.head(path).status_code == 200, path


def index_locations(response) -> dict[str, str | None]:
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return {
        entry.findtext("s:loc", namespaces=NS): entry.findtext("s:lastmod", namespaces=NS)
        for entry in root.findall("s:sitemap", NS)
    }


def test_past_the_limit_the_sitemap_becomes_an_index_of_sections(client, show, settings):
    for number in (1, 2, 3):
        publish_episode(show, slug=f"part-{number}", episode_number=number, broadcast_at=aired(9))
    everything = entries(client.get("/sitemap.xml"))
    assert len(everything) == 5  # home, show, three episodes
    settings.SITEMAP_MAX_URLS = 2

    index = index_locations(client.get("/sitemap.xml"))

    sections = [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    assert list(index) == sections
    newest = max(EpisodePage.objects.values_list("last_published_at", flat=True))
    lastmods = {datetime.datetime.fromisoformat(value or "") for value in index.values()}
    assert lastmods == {newest}
    listed: dict[str, str | None] = {}
    for location in sections:
        part = entries(client.get(location.removeprefix("http://testserver")))
        assert 1 <= len(part) <= 2
        assert not set(part) & set(listed)
        listed |= part
    assert listed == everything


def test_sections_past_the_last_or_unknown_are_404(client, show, settings):
    publish_episode(show)
    settings.SITEMAP_MAX_URLS = 1
    assert client.get("/sitemap-pages.xml?p=3").status_code == 200
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404
    assert client.post("/sitemap-pages.xml").status_code == 405


def test_the_index_answers_304_and_sections_drop_unpublished_pages(
    client, show, settings, django_capture_on_commit_callbacks
):
    first = publish_episode(show, slug="first", episode_number=1)
    publish_episode(show, slug="second", episode_number=2)
    settings.SITEMAP_MAX_URLS = 2
    index = client.get("/sitemap.xml")
    assert len(index_locations(index)) == 2
    assert client.get("/sitemap.xml", headers={"If-None-Match": index["ETag"]}).status_code == 304

    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()

    listed = {
        **entries(client.get("/sitemap-pages.xml")),
        **entries(client.get("/sitemap-pages.xml?p=2")),
    }
    assert listed.keys() == {
        "http://localhost:3000/",
        "http://localhost:3000/signal-noise/",
        "http://localhost:3000/signal-noise/second/",
    }


@pytest.mark.django_db(transaction=True)
def test_the_sitemap_is_stored_until_a_change(client, show):
    publish_episode(show, slug="first", broadcast_at=aired(3))
    first = client.get("/sitemap.xml")
    assert first[OUTCOME_HEADER] == "miss"
    again = client.get("/sitemap.xml")
    assert again[OUTCOME_HEADER] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == "application/xml"
    assert again["ETag"] == first["ETag"]

    publish_episode(show, slug="second", broadcast_at=aired(1))
    after = client.get("/sitemap.xml")
    assert after[OUTCOME_HEADER] == "miss"
    assert "http://localhost:3000/signal-noise/second/" in entries(after)
    with override_settings(API_STORED_REPRESENTATIONS=False):
        assert client.get("/sitemap.xml").content == after.content


@pytest.mark.django_db(transaction=True)
def test_an_episode_going_on_air_enters_the_stored_sitemap_by_itself(client, show):
    later = timezone.now() + datetime.timedelta(hours=1)
    publish_episode(show, slug="upcoming", broadcast_at=later)
    assert "http://localhost:3000/signal-noise/upcoming/" not in entries(client.get("/sitemap.xml"))
    assert client.get("/sitemap.xml")[OUTCOME_HEADER] == "hit"
    with time_machine.travel(later + datetime.timedelta(seconds=1)):
        assert "http://localhost:3000/signal-noise/upcoming/" in entries(client.get("/sitemap.xml"))


@pytest.mark.django_db(transaction=True)
def test_the_stored_index_names_the_host_it_was_asked_at(client, show, settings):
    for number in (1, 2, 3):
        publish_episode(show, slug=f"part-{number}", episode_number=number, broadcast_at=aired(9))
    settings.SITEMAP_MAX_URLS = 2
    for host in ("cms.example.org", "other.example.org", "cms.example.org"):
        locations = index_locations(client.get("/sitemap.xml", HTTP_HOST=host))
        assert all(location.startswith(f"http://{host}/") for location in locations), host
    # A page number is stored once, however it is written.
    assert client.get("/sitemap-pages.xml?p=2")[OUTCOME_HEADER] == "miss"
    assert client.get("/sitemap-pages.xml?p=02")[OUTCOME_HEADER] == "hit"
    assert client.get("/sitemap-pages.xml?p=x").status_code == 404
