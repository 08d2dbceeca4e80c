"""The sitemap lists frontend URLs with lastmod; robots.txt points crawlers at it."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

from episodes.models import EpisodePage
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
