"""The frontend's pages, read over HTTP from a live CMS, as a crawler would read them."""

import asyncio
import contextlib
import datetime
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.log import configure_logging

from episodes import factories as f
from frontend.app import create_app
from frontend.cms import CMSClient, NotFound
from frontend.config import Config
from frontend.logs import log_config
from frontend_api.drafts.tokens import new_token

from .conftest import ThreadedServer, bound_socket, serve_frontend


@contextlib.contextmanager
def socket_closed_port() -> Iterator[int]:
    """A port bound but not listening: connections to it are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def soup(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def soup_text_between(html: str, start: str, end: str) -> str:
    """The raw text after `start` up to the next `end`: what an HTML parser would see."""
    return html.split(start, 1)[1].split(end, 1)[0]


def test_unknown_path_is_a_404_page(browse, radio):
    response = browse.get("/no-such-show/")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Page not found"
    assert soup(response).find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_a_path_without_its_trailing_slash_is_redirected(browse, radio):
    response = browse.get("/test-show?page=2")
    assert response.status_code == 308
    assert response.headers["location"] == "/test-show/?page=2"


@pytest.mark.parametrize("page", ["0", "-1", "two", "99", "²", "9" * 30, "01"])
def test_an_impossible_listing_page_is_a_404(browse, radio, page):
    assert browse.get(f"/test-show/?page={page}").status_code == 404


def test_a_draft_is_not_served_at_its_path(browse, radio):
    response = browse.get("/test-show/draft-episode/")
    assert response.status_code == 404
    assert "A draft nobody has seen" not in response.text


def test_an_unknown_review_token_shows_the_expired_page(browse, radio):
    response = browse.get("/review/not-a-real-token")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "This review link has expired"
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["x-robots-tag"].startswith("noindex")
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_crafted_review_token_cannot_reach_another_api_path(live_server, radio):
    async def ask() -> None:
        client = CMSClient(live_server.url, timeout=10)
        try:
            # Unquoted, "review/../pages/" would be normalised to the public page listing.
            with pytest.raises(NotFound):
                await client.review("../pages")
        finally:
            await client.close()

    asyncio.run(ask())


def test_a_bad_preview_token_shows_a_clear_page(browse, radio):
    response = browse.get("/?content_type=episodes.episodepage&token=forged")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "This preview is no longer available"
    assert response.headers["cache-control"] == "private, no-store"


def test_pages_carry_a_script_policy_and_previews_may_be_framed_by_the_cms(
    browse, radio, live_server
):
    page_policy = browse.get("/no-such-page/").headers["content-security-policy"]
    assert "script-src 'self'" in page_policy
    assert "frame-ancestors 'none'" in page_policy
    preview_policy = browse.get("/?content_type=x&token=y").headers["content-security-policy"]
    assert f"frame-ancestors 'self' {live_server.url}" in preview_policy


def test_pages_are_named_after_the_site_or_the_show_not_the_product(browse, radio):
    radio.home.title = "Signal Street Radio"
    radio.home.save_revision().publish()

    episode = "Is the monthly plan running out of breath?"
    titles = {
        "/": "Signal Street Radio",
        "/test-show/": "Test Show · Signal Street Radio",
        "/test-show/subscription-fatigue/": f"{episode} · Test Show",
        "/no-such-page/": "Page not found · Signal Street Radio",
    }
    for path, title in titles.items():
        page = soup(browse.get(path))
        assert page.title.get_text() == title
        assert page.find(class_="site-name").get_text() == "Signal Street Radio"
        footer = page.find(class_="site-footer").get_text(" ", strip=True)
        assert footer.startswith("Signal Street Radio")
        assert "Podcast" not in footer
    footer = soup(browse.get("/test-show/subscription-fatigue/")).find(class_="site-footer")
    assert [a.get_text() for a in footer.find_all("a")] == ["Signal Street Radio", "Test Show"]


def test_a_configured_site_name_wins_over_the_home_pages_title(live_server, radio):
    config = Config(cms_url=live_server.url, site_name="Configured Name", site_name_ttl=0)
    for url in serve_frontend(config):
        page = soup(httpx.get(f"{url}/", timeout=10))
    assert page.find(class_="site-name").get_text() == "Configured Name"


def test_an_unreachable_cms_gives_a_503_page_not_a_traceback():
    with socket_closed_port() as port:
        config = Config(cms_url=f"http://127.0.0.1:{port}", cms_timeout=2)
        for url in serve_frontend(config):
            response = httpx.get(f"{url}/", timeout=10)
    assert response.status_code == 503
    assert soup(response).h1.get_text() == "Temporarily unavailable"
    assert soup(response).find(class_="site-name").get_text() == "127.0.0.1"
    assert "Traceback" not in response.text


@pytest.fixture
def frontend_logging(settings) -> Iterator[None]:
    """Django's logging back in place after a test that started uvicorn with its own."""
    yield
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "httpx"):
        logging.getLogger(name).handlers.clear()
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def test_no_token_in_the_frontends_logs(capsys, frontend_logging):
    review, signature = new_token(), new_token()
    preview = f"id=7:1v2Xyz:{signature}"
    with socket_closed_port() as port:
        # A CMS that refuses connections: the frontend also logs a warning per request.
        app = create_app(Config(cms_url=f"http://127.0.0.1:{port}", cms_timeout=2))
        server = ThreadedServer(uvicorn.Config(app, log_config=log_config(), lifespan="on"))
        with bound_socket() as sock:
            thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]})
            thread.start()
            while not server.started and thread.is_alive():
                time.sleep(0.02)
            base = f"http://127.0.0.1:{sock.getsockname()[1]}"
            statuses = [
                httpx.get(f"{base}{path}", timeout=10).status_code
                for path in (
                    f"/review/{review}",
                    f"/review/{review}/",
                    f"/?content_type=episodes.episodepage&token={quote(preview, safe='')}",
                    f"/shows/a/?content_type=episodes.episodepage&token={preview}",
                )
            ]
            server.should_exit = True
            thread.join(timeout=10)
    logged = capsys.readouterr()
    logged = logged.out + logged.err
    assert statuses == [503, 503, 503, 503]
    assert logged.count('"GET /review/[redacted] HTTP/1.1" 503') == 1
    assert logged.count('"GET /review/[redacted]/ HTTP/1.1" 503') == 1
    assert logged.count("token=[redacted] HTTP/1.1") == 2
    assert "CMS unavailable" in logged
    for secret in (review, signature):
        assert secret not in logged


def test_home_lists_the_latest_published_episodes_newest_first(browse, radio):
    response = browse.get("/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == radio.home.title
    titles = [card.h3.get_text(strip=True) for card in page.select(".episode-card")]
    # Listed by title, as related episodes, the feed and podcast apps name them.
    assert titles == ["Subscription fatigue", "The older episode"]
    assert "A draft nobody has seen" not in response.text
    links = [card.h3.a["href"] for card in page.select(".episode-card")]
    assert links[0].endswith("/test-show/subscription-fatigue/")


def test_a_show_lists_its_episodes_page_by_page(browse, radio):
    for number in range(1, 4):
        extra = f.EpisodePageFactory.build(
            title=f"Archive episode {number}",
            slug=f"archive-{number}",
            episode_number=number,
            broadcast_at=timezone.now() - datetime.timedelta(days=30 + number),
        )
        radio.show.add_child(instance=extra)
        extra.save_revision().publish()

    first = soup(browse.get("/test-show/"))
    assert [a.get_text() for a in first.select(".episode-card h3 a")] == [
        "Subscription fatigue",
        "The older episode",
        "Archive episode 1",
    ]
    assert first.select_one(".pager [aria-current]").get_text() == "Page 1 of 2"
    assert first.select_one('.pager a[rel="next"]')["href"] == "?page=2"

    second = soup(browse.get("/test-show/?page=2"))
    assert [a.get_text() for a in second.select(".episode-card h3 a")] == [
        "Archive episode 2",
        "Archive episode 3",
    ]
    assert second.select_one('.pager a[rel="prev"]')["href"] == "?page=1"
    assert browse.get("/test-show/?page=3").status_code == 404


def test_an_episode_page_carries_seo_meta_and_json_ld_in_the_served_html(
    browse, radio, frontend_url
):
    response = browse.get("/test-show/subscription-fatigue/")
    assert response.status_code == 200
    page = soup(response)
    canonical = f"{frontend_url}/test-show/subscription-fatigue/"
    assert page.find("link", rel="canonical")["href"] == canonical
    assert page.find("meta", property="og:url")["content"] == canonical
    assert page.find("meta", property="og:image")["content"].startswith("http")
    assert page.find("meta", attrs={"name": "description"})["content"]
    assert page.find("meta", attrs={"name": "robots"}) is None
    graph = json.loads(page.find("script", type="application/ld+json").string)
    types = {node["@type"] for node in graph.get("@graph", [graph])}
    assert {"PodcastEpisode", "FAQPage", "BreadcrumbList"} <= types


def test_markup_in_plain_text_fields_is_escaped_in_the_html_and_the_json_ld(browse, radio):
    payload = "</script><script>alert(1)</script>"
    radio.episode.body = [
        f.pull_quote(payload, speaker_name="Mallory"),
        f.faq([f.faq_item(f"Why {payload}?", "<p>Because.</p>")]),
    ]
    radio.episode.save_revision().publish()

    html = browse.get("/test-show/subscription-fatigue/").text
    assert "<script>alert(1)" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The FAQ question is in the JSON-LD too, where "</script>" would end the element early.
    ld_json = soup_text_between(html, '<script type="application/ld+json">', "</script>")
    assert "Why \\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in ld_json


def test_an_episode_is_named_the_same_way_in_listings_and_related_episodes(browse, radio):
    radio.older.headline = "A headline only its own page shows"
    radio.older.save_revision().publish()

    cards = soup(browse.get("/")).select(".episode-card h3 a")
    related = soup(browse.get("/test-show/subscription-fatigue/")).select(".related a")
    older_page = soup(browse.get("/test-show/older/"))
    assert [a.get_text(strip=True) for a in cards][1] == "The older episode"
    assert [a.get_text(" ", strip=True) for a in related] == ["#41 The older episode"]
    assert older_page.h1.get_text() == "A headline only its own page shows"
