"""One structured log line per request, with tokens kept out of the logs."""

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("cms.requests")


def loggable_path(request: HttpRequest) -> str:
    """The path without its query string, with every URL argument named like a token masked."""
    path = request.path
    match = request.resolver_match
    if match:
        for name, value in match.kwargs.items():
            if "token" in name and value:
                path = path.replace(str(value), "[redacted]")
    return path


class RequestLogMiddleware:
    """Logs method, path, route, status and duration; query strings may carry tokens, so never."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = request.resolver_match
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": loggable_path(request),
                "route": match.route if match else None,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )
        return response
