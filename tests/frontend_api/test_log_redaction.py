"""No preview or reviewer token reaches any log line, whatever handler, format or answer."""

import io
import json
import logging
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import quote

import pytest
import time_machine
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from django.utils.log import configure_logging

from cms.log_format import in_format
from frontend_api.drafts.review_links import create_link, revoke_link
from frontend_api.drafts.tokens import new_token
from frontend_api.log_redaction import RedactTokens, redact

EPISODE = "episodes.episodepage"


def test_review_paths_and_token_parameters_are_redacted():
    token = new_token()
    assert redact(f"Not Found: /api/v2/review/{token}/") == "Not Found: /api/v2/review/[redacted]/"
    assert redact(f'"GET /review/{token} HTTP/1.1" 200') == '"GET /review/[redacted] HTTP/1.1" 200'
    assert redact(f"/review/{token}/typo/?x=1") == "/review/[redacted]/?x=1"
    assert redact(r"^api/v2/review/(?P<token>.*)$") == r"^api/v2/review/(?P<token>.*)$"
    line = f'"GET /api/v2/page_preview/?content_type=episodes.episodepage&token={token}:1v:x" 404'
    assert (
        redact(line)
        == '"GET /api/v2/page_preview/?content_type=episodes.episodepage&token=[redacted]" 404'
    )
    assert redact("GET /api/v2/pages/?type=episodes.EpisodePage") == (
        "GET /api/v2/pages/?type=episodes.EpisodePage"
    )


def test_every_part_of_a_record_is_redacted():
    token = new_token()
    try:
        raise ValueError(f"while fetching /api/v2/review/{token}/")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "%s: %s", ("Error", f"/review/{token}/"), None
    )
    record.exc_info = exc_info
    record.stack_info = f"File x, in get\n  fetch('/review/{token}')"
    record.request = type("Request", (), {"__str__": lambda self: f"<GET '/review/{token}/'>"})()
    record.status_code = 500
    assert RedactTokens().filter(record)
    text = "\n".join([record.getMessage(), record.exc_text, record.stack_info, str(record.request)])
    assert token not in text
    assert record.getMessage() == "Error: /review/[redacted]/"
    assert "ValueError: while fetching /api/v2/review/[redacted]/" in record.exc_text
    assert record.request == "<GET '/review/[redacted]/'>"
    assert record.status_code == 500


def test_arguments_keep_their_shape_for_formatters_that_read_them():
    token = new_token()
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, "%(r)s %(s)s", None, None
    )
    record.args = {"r": f"GET /review/{token} HTTP/1.1", "s": "200"}
    assert RedactTokens().filter(record)
    assert record.args == {"r": "GET /review/[redacted] HTTP/1.1", "s": "200"}


@contextmanager
def logging_configured(config: dict) -> Iterator[None]:
    """Logging set up from `config` as Django does at start-up; the test settings' after."""
    configure_logging(settings.LOGGING_CONFIG, config)
    try:
        yield
    finally:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def configured_handlers() -> set[logging.Handler]:
    """Every handler on any logger, bar pytest's own capture handlers."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return {
        handler
        for logger in loggers
        for handler in logger.handlers
        if not type(handler).__module__.startswith("_pytest")
    }


@contextmanager
def all_handlers_output() -> Iterator[io.StringIO]:
    """What every configured handler writes, formatted by its own formatter, in one buffer."""
    handlers = [h for h in configured_handlers() if not isinstance(h, logging.NullHandler)]
    assert handlers
    for handler in handlers:
        assert isinstance(handler, logging.StreamHandler), handler
        assert any(isinstance(f, RedactTokens) for f in handler.filters), handler
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    try:
        yield stream
    finally:
        for handler, old in zip(handlers, previous, strict=True):
            handler.setStream(old)


def dev_server_get(path: str) -> int:
    """GET through the development server's request handler (runserver's), in this thread.

    The request is written to the socket before the server accepts it, so the view runs in the
    test's thread and sees the test's transaction; the handler logs the request line.
    """
    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(WSGIHandler())
    # As in Django's test client: the test's connection (and transaction) must stay open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with socket.create_connection(server.server_address, timeout=10) as client:
            client.sendall(
                f"GET {path} HTTP/1.1\r\nHost: testserver\r\nConnection: close\r\n\r\n".encode()
            )
            server.handle_request()
            response = b""
            while chunk := client.recv(65536):
                response += chunk
    finally:
        server.server_close()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return int(response.split(b" ", 2)[1])


def preview_path(token: str) -> str:
    return f"/api/v2/page_preview/?content_type={EPISODE}&token={quote(token, safe='')}"


def secrets_of(token: str) -> set[str]:
    """The forms in which a token could show up: as is, URL-encoded, and its signature alone."""
    return {token, quote(token, safe=""), token.rsplit(":", 1)[-1]}


LOGGING_SETUPS = {
    "test settings": lambda: settings.LOGGING,
    "production json": lambda: in_format(settings.LOGGING, "json"),
    "production text": lambda: in_format(settings.LOGGING, "text"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("setup", LOGGING_SETUPS)
def test_no_token_in_any_handlers_output(setup, editor, draft_episode, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "cms.request_log.RequestLogMiddleware"]
    settings.TOKEN_RATE_LIMIT = "6/min"  # the six token requests below
    expires = timezone.now() + timedelta(days=7)
    _, valid = create_link(draft_episode, editor, expires)
    revoked_link, revoked = create_link(draft_episode, editor, expires)
    revoke_link(revoked_link, editor)
    an_hour_and_more_ago = timezone.now() - timedelta(hours=2)
    with time_machine.travel(an_hour_and_more_ago, tick=False):
        _, expired = create_link(draft_episode, editor, an_hour_and_more_ago + timedelta(hours=1))
        old_preview = draft_episode.get_latest_revision_as_object().create_page_preview().token
    preview = draft_episode.get_latest_revision_as_object().create_page_preview().token

    with logging_configured(LOGGING_SETUPS[setup]()), all_handlers_output() as output:
        statuses = [
            dev_server_get(f"/api/v2/review/{valid}/"),
            dev_server_get(preview_path(preview)),
            dev_server_get(f"/api/v2/review/{revoked}/"),
            dev_server_get(f"/api/v2/review/{expired}/"),
            dev_server_get(preview_path(old_preview)),
            dev_server_get(f"/api/v2/review/{valid}/typo"),
            dev_server_get(f"/review/{valid}/"),
            # The rate limit is spent: the same tokens get 429s.
            dev_server_get(f"/api/v2/review/{valid}/"),
            dev_server_get(preview_path(preview)),
        ]
        try:
            raise RuntimeError(f"failed while serving {preview_path(preview)}")
        except RuntimeError:
            logging.getLogger("django.request").exception("Internal Server Error: /api/v2/")
        logged = output.getvalue()

    assert statuses == [200, 200, 404, 404, 404, 404, 404, 429, 429]
    for token in (valid, revoked, expired, preview, old_preview):
        for secret in secrets_of(token):
            assert secret not in logged
    # The lines are all there, only their tokens are gone.
    request_lines = [line for line in logged.splitlines() if '"GET /' in line]
    assert len(request_lines) == len(statuses)
    assert all("[redacted]" in line for line in request_lines)
    assert "Too Many Requests: /api/v2/review/[redacted]/" in logged
    assert "RuntimeError: failed while serving /api/v2/page_preview/" in logged
    if setup == "production json":
        records = [json.loads(line) for line in logged.splitlines() if line.startswith("{")]
        requests = [r.get("request") for r in records if r["logger"] == "django.request"]
        assert "<WSGIRequest: GET '/api/v2/review/[redacted]/'>" in requests
        routes = {r["route"] for r in records if r["logger"] == "cms.requests"}
        assert r"^api/v2/review/(?P<token>.*)$" in routes
    else:
        assert '"GET /api/v2/review/[redacted]/ HTTP/1.1" 429' in logged
