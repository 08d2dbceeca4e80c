"""The frontend's pages, read over HTTP from a live CMS, as a crawler would read them."""

import contextlib
import logging
import socket
from collections.abc import Iterator

import httpx
import pytest
from bs4 import BeautifulSoup

from frontend.__main__ import RedactTokens
from frontend.config import Config

from .conftest import serve_frontend


@contextlib.contextmanager
def socket_closed_port() -> Iterator[int]:
    """A port bound but not listening: connections to it are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def soup(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def test_unknown_path_is_a_404_page(browse, radio):
    response = browse.get("/no-such-show/")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Page not found"
    assert soup(response).find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_a_path_without_its_trailing_slash_is_redirected(browse, radio):
    response = browse.get("/test-show?page=2")
    assert response.status_code == 308
    assert response.headers["location"] == "/test-show/?page=2"


@pytest.mark.parametrize("page", ["0", "-1", "two", "99"])
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


def test_a_crafted_review_token_cannot_reach_another_api_path(browse, radio):
    response = browse.get("/review/..%2Fpages%2F")
    assert response.status_code == 404
    assert "This review link has expired" in response.text


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


def test_an_unreachable_cms_gives_a_503_page_not_a_traceback():
    with socket_closed_port() as port:
        config = Config(cms_url=f"http://127.0.0.1:{port}", cms_timeout=2)
        for url in serve_frontend(config):
            response = httpx.get(f"{url}/", timeout=10)
    assert response.status_code == 503
    assert soup(response).h1.get_text() == "Temporarily unavailable"
    assert "Traceback" not in response.text


def test_tokens_are_redacted_from_the_access_log():
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', None, None
    )
    record.args = ("127.0.0.1", "GET", "/review/s3cret-token?x=1", "1.1", 200)
    RedactTokens().filter(record)
    preview = ("127.0.0.1", "GET", "/?content_type=a.b&token=id%3D1%3Asig", "1.1", 200)
    other = logging.makeLogRecord({"msg": '%s - "%s %s HTTP/%s" %d', "args": preview})
    RedactTokens().filter(other)
    assert "s3cret-token" not in record.getMessage()
    assert "/review/[redacted]" in record.getMessage()
    assert "sig" not in other.getMessage()
    assert "token=[redacted]" in other.getMessage()
