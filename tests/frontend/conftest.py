"""A live CMS (pytest-django's live_server) with the frontend running beside it, and content."""

import datetime
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from django.utils import timezone

from episodes import factories as f
from episodes.models import EpisodeGuest, EpisodeHost, EpisodePage, PodcastPage, RelatedEpisode
from frontend.app import create_app
from frontend.config import Config
from home.models import HomePage
from tests.support.site import publish, restore_wagtail_roots

EMBED_URL = "https://soundcloud.com/signal-and-noise/extract-42"


class ThreadedServer(uvicorn.Server):
    """Uvicorn in a background thread, on a socket bound before it starts."""

    def install_signal_handlers(self) -> None:
        """Signals belong to pytest's main thread."""

    @classmethod
    def start(cls, app, sock: socket.socket) -> tuple["ThreadedServer", threading.Thread]:
        server = cls(uvicorn.Config(app, log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("The frontend did not start within 10 seconds.")
            time.sleep(0.02)
        return server, thread


def bound_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def serve_frontend(config: Config) -> Iterator[str]:
    sock = bound_socket()
    server, thread = ThreadedServer.start(create_app(config), sock)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


class TakeTurnsWSGIServer(ThreadedWSGIServer):
    """Handles one request at a time.

    On in-memory SQLite the live server's request threads share the test's one connection,
    and two queries at once on it fail with "database table is locked" (a preview panel and
    the frontend's API call overlap). Requests still get their own threads, so browsers'
    kept-alive connections don't starve each other.
    """

    def set_app(self, application) -> None:
        lock = threading.Lock()

        def take_turns(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(take_turns)


@pytest.fixture(scope="session")
def cms_server(request, django_db_setup):
    """pytest-django's live server (the CMS), taking requests in turn on in-memory SQLite."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        original = LiveServerThread.server_class
        LiveServerThread.server_class = TakeTurnsWSGIServer
        try:
            return request.getfixturevalue("live_server")
        finally:
            LiveServerThread.server_class = original
    return request.getfixturevalue("live_server")


@pytest.fixture(scope="session")
def frontend_url(cms_server) -> Iterator[str]:
    """The frontend, in a thread of the test process, talking to the live CMS over HTTP."""
    # The site's name is asked of the CMS on every page, as each test builds its own site.
    config = Config(
        cms_url=cms_server.url, frame_ancestors=cms_server.url, page_size=3, site_name_ttl=0
    )
    yield from serve_frontend(config)


@pytest.fixture(autouse=True)
def cms_points_at_frontend(settings, cms_server, frontend_url) -> None:
    """The CMS's page, preview and review URLs lead to this frontend, as in production."""
    settings.CMS_URL = cms_server.url
    settings.FRONTEND_URL = frontend_url
    settings.WAGTAILADMIN_BASE_URL = cms_server.url
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": frontend_url},
        "SERVE_BASE_URL": frontend_url,
    }


@pytest.fixture
def browse(frontend_url) -> Iterator[httpx.Client]:
    """An HTTP client for the frontend, the way a crawler or a curl user sees it."""
    with httpx.Client(base_url=frontend_url, timeout=20) as client:
        yield client


@pytest.fixture
def wagtail_roots(transactional_db) -> None:
    """Live-server tests flush the database, taking the rows Wagtail's migrations made."""
    restore_wagtail_roots()


@dataclass
class Radio:
    """The pages and people a test works with."""

    home: HomePage
    show: PodcastPage
    episode: EpisodePage
    older: EpisodePage
    draft: EpisodePage
    host: object
    guest: object


def cache_embed() -> None:
    """The oEmbed answer, stored ahead so the embed renders without any network."""
    f.EmbedFactory(
        url=EMBED_URL,
        type="rich",
        html='<iframe title="Extract of episode 42" src="https://w.soundcloud.com/player/"></iframe>',
        provider_name="SoundCloud",
        height=166,
    )


def every_block_body(host, guest, picture) -> list[dict]:
    """One article using each body block type, with recognisable text in each."""
    return [
        f.heading("Why subscriptions tire people", anchor="why-subscriptions-tire"),
        f.paragraph(
            '<p>Paragraph with <b>bold</b> words and <a href="https://example.com/">a link</a>.</p>'
        ),
        f.heading("Numbers from the field", level="h3"),
        f.pull_quote(
            "People cancel what they forget they pay for.", speaker=guest, timestamp="2:05"
        ),
        f.pull_quote("A quote with a free-text speaker.", speaker_name="A listener"),
        f.image(
            picture,
            alt="Chart of sign-ups against cancellations",
            caption="Sign-ups and cancellations",
            credit="Radio studio",
        ),
        f.embed(EMBED_URL),
        f.faq(
            [
                f.faq_item(
                    "Is the monthly plan dead?",
                    "<p>No, it is changing shape.</p>",
                    quote="It is not dead, it is tired.",
                    speaker=host,
                ),
                f.faq_item("What should a small shop do?", "<p>Offer a pause button.</p>"),
            ],
            title="Questions listeners asked",
        ),
    ]


@pytest.fixture
def radio(wagtail_roots, home_page, show) -> Radio:
    """The shared home and show, two published episodes (one with every block type), a draft."""
    cache_embed()
    home = home_page
    host = f.PersonFactory(name="Camille Host", role="Host")
    guest = f.PersonFactory(name="Idris Guest", role="Product lead")
    rubric = f.RubricFactory(name="Market", slug="market")
    picture = f.ImageFactory(title="Chart")
    now = timezone.now()
    older = f.EpisodePageFactory(
        parent=show,
        title="The older episode",
        slug="older",
        episode_number=41,
        rubric=rubric,
        broadcast_at=now - datetime.timedelta(days=8),
        cover_image=f.ImageFactory(),
        published=True,
    )
    episode = f.EpisodePageFactory(
        parent=show,
        title="Subscription fatigue",
        headline="Is the monthly plan running out of breath?",
        slug="subscription-fatigue",
        episode_number=42,
        season=2,
        rubric=rubric,
        broadcast_at=now - datetime.timedelta(days=1),
        cover_image=f.ImageFactory(title="Cover 42"),
        body=every_block_body(host, guest, picture),
        host_links=[EpisodeHost(person=host)],
        guest_links=[EpisodeGuest(person=guest)],
        related_links=[RelatedEpisode(episode=older)],
    )
    episode.tags.add("subscriptions", "pricing")
    publish(episode)
    draft = f.EpisodePageFactory(
        parent=show,
        title="A draft nobody has seen",
        slug="draft-episode",
        episode_number=43,
        broadcast_at=now + datetime.timedelta(days=6),
        body=[f.heading("Draft section"), f.paragraph("<p>Words still being written.</p>")],
        draft=True,
    )
    return Radio(home, show, episode, older, draft, host, guest)
