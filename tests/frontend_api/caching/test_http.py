"""HTTP caching: validators on every public answer, 304s, Cache-Control from settings."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from episodes.factories import EpisodePageFactory

pytestmark = pytest.mark.usefixtures("cache_backend")


def public_urls(page) -> list[str]:
    return [
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=episodes.EpisodePage",
        f"/api/v2/pages/find/?html_path=/test-show/{page.slug}/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/schema/",
    ]


def retitle(episode, committed) -> None:
    """Publish a new title for the episode, in a transaction that commits."""
    episode.refresh_from_db()
    episode.title = "Changed"
    with committed():
        episode.save_revision().publish()


def test_every_public_answer_has_validators_and_cache_control(client, settings, episode):
    settings.API_CACHE_MAX_AGE = 30
    settings.API_CACHE_S_MAXAGE = 600
    for url in public_urls(episode):
        response = client.get(url)
        assert response.headers["ETag"].startswith('"'), url
        control = {part.strip() for part in response.headers["Cache-Control"].split(",")}
        assert control == {"public", "max-age=30", "s-maxage=600"}, url


def test_if_none_match_gets_a_304_with_no_body(client, episode, committed):
    url = f"/api/v2/pages/{episode.pk}/"
    first = client.get(url)
    etag = first.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag
    assert "public" in again.headers["Cache-Control"]
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200
    assert client.get(url, headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
    retitle(episode, committed)
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag


def test_redirects_of_find_carry_their_own_etag_and_are_never_304(client, show, episode):
    other = EpisodePageFactory(parent=show, slug="other", published=True)
    first = client.get(f"/api/v2/pages/find/?html_path=/test-show/{episode.slug}/")
    second = client.get("/api/v2/pages/find/?html_path=/test-show/other/")
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"].endswith(f"/api/v2/pages/{episode.pk}/")
    assert second.headers["Location"].endswith(f"/api/v2/pages/{other.pk}/")
    assert first.headers["ETag"] != second.headers["ETag"]
    # Preconditions only apply to 2xx answers (RFC 9110, 13.2.1): the redirect is repeated.
    again = client.get(
        f"/api/v2/pages/find/?html_path=/test-show/{episode.slug}/",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 302


def test_last_modified_and_if_modified_since(client, episode, committed):
    url = f"/api/v2/pages/{episode.pk}/"
    now = timezone.now()
    client.get(url)
    # The clock stands still in each block: on a loaded machine the publish below can take
    # more than a second, which would rightly bring Last-Modified back.
    with time_machine.travel(now + datetime.timedelta(seconds=5), tick=False):
        first = client.get(url)
        modified = first.headers["Last-Modified"]
        assert parse_http_date(modified) <= (now + datetime.timedelta(seconds=5)).timestamp()
        same = client.get(url, headers={"If-Modified-Since": modified})
        assert same.status_code == 304
        retitle(episode, committed)
        # Changed within the current second: no Last-Modified, so no stale 304 is possible.
        fresh = client.get(url, headers={"If-Modified-Since": modified})
        assert fresh.status_code == 200
        assert "Last-Modified" not in fresh.headers
    with time_machine.travel(now + datetime.timedelta(seconds=10), tick=False):
        later = client.get(url, headers={"If-Modified-Since": modified})
        assert later.status_code == 200
        assert parse_http_date(later.headers["Last-Modified"]) > parse_http_date(modified)
        assert later.json()["title"] == "Changed"


def test_if_modified_since_alone_in_the_future_is_not_a_license_for_stale(client, episode):
    url = f"/api/v2/pages/{episode.pk}/"
    client.get(url)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        tomorrow = http_date((timezone.now() + datetime.timedelta(days=1)).timestamp())
        response = client.get(url, headers={"If-Modified-Since": tomorrow})
    # Any date at or after the last change means the client's copy is current.
    assert response.status_code == 304


def test_errors_and_writes_get_no_public_caching(client, episode):
    missing = client.get("/api/v2/pages/999999/")
    assert missing.status_code == 404
    assert missing.headers["Cache-Control"] == "no-store"
    post = client.post(f"/api/v2/pages/{episode.pk}/")
    assert post.status_code == 405
    assert "public" not in post.headers.get("Cache-Control", "")
