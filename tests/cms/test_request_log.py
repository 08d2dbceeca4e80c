"""Request logs: one structured record per request, never a token."""

import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import ResolverMatch

from cms.request_log import RequestLogMiddleware


def view(request):
    return HttpResponse(status=404)


def test_a_request_is_logged_without_query_string_or_path_tokens(caplog):
    request = RequestFactory().get("/api/v2/review/s3cr3t-t0ken/?token=another-s3cr3t")

    def respond(request):
        # URL resolution happens inside the handler, after the middleware was entered.
        request.resolver_match = ResolverMatch(
            view, (), {"token": "s3cr3t-t0ken"}, route="api/v2/review/<str:token>/"
        )
        return view(request)

    with caplog.at_level(logging.INFO, logger="cms.requests"):
        RequestLogMiddleware(respond)(request)

    (record,) = [r for r in caplog.records if r.name == "cms.requests"]
    assert record.path == "/api/v2/review/[redacted]/"
    assert record.route == "api/v2/review/<str:token>/"
    assert record.method == "GET"
    assert record.status == 404
    assert record.duration_ms >= 0
    assert "s3cr3t" not in caplog.text


@pytest.mark.django_db
def test_the_middleware_logs_real_requests_in_production_order(client, caplog, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "cms.request_log.RequestLogMiddleware"]
    with caplog.at_level(logging.INFO, logger="cms.requests"):
        client.get("/healthz?token=abc")
    (record,) = [r for r in caplog.records if r.name == "cms.requests"]
    assert (record.path, record.route, record.status) == ("/healthz", "healthz", 200)
    assert "abc" not in caplog.text
