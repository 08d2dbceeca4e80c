"""Tokens in URLs never reach the logs, including Django's "Not Found: <path>" warnings."""

import io
import logging

import pytest

from frontend_api.log_redaction import RedactTokens, redact
from frontend_api.tokens import new_token


def test_review_paths_and_token_parameters_are_redacted():
    token = new_token()
    assert redact(f"Not Found: /api/v2/review/{token}/") == "Not Found: /api/v2/review/[redacted]/"
    assert redact(f'"GET /review/{token} HTTP/1.1" 200') == '"GET /review/[redacted] HTTP/1.1" 200'
    line = f'"GET /api/v2/page_preview/?content_type=episodes.episodepage&token={token}:1v:x" 404'
    assert (
        redact(line)
        == '"GET /api/v2/page_preview/?content_type=episodes.episodepage&token=[redacted]" 404'
    )
    assert redact("GET /api/v2/pages/?type=episodes.EpisodePage") == (
        "GET /api/v2/pages/?type=episodes.EpisodePage"
    )


def test_filter_rewrites_formatted_records():
    token = new_token()
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        (f"GET /review/{token}/", 200, 5),
        None,
    )
    assert RedactTokens().filter(record)
    assert record.getMessage() == '"GET /review/[redacted]/" 200 5'


@pytest.fixture
def console_output():
    """What the configured console handler writes, read from the LOGGING setting in force."""
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactTokens) for f in handler.filters)
    ]
    assert handlers, "the root console handler has the redaction filter"
    stream = io.StringIO()
    previous = handlers[0].setStream(stream)
    yield stream
    handlers[0].setStream(previous)


@pytest.mark.django_db
def test_a_request_with_a_token_in_its_path_logs_no_token(client, console_output):
    token = new_token()
    response = client.get(f"/review/{token}/")
    assert response.status_code == 404
    logged = console_output.getvalue()
    assert "Not Found: /review/[redacted]/" in logged
    assert token not in logged
