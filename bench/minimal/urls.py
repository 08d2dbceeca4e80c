"""GET /fixed/<name>: the bytes our API answered for that endpoint, read once per worker."""

import os
from functools import cache
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

CONTENT_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml"}


@cache
def _fixed(name: str) -> bytes | None:
    source = Path(os.environ["BENCH_FIXED_BYTES_DIR"]) / name
    return source.read_bytes() if source.is_file() and "/" not in name else None


def fixed_bytes(request: HttpRequest, name: str) -> HttpResponse:
    """The stored bytes of one endpoint, with no lookup of any kind."""
    body = _fixed(name)
    if body is None:
        raise Http404(name)
    return HttpResponse(body, content_type=CONTENT_TYPES.get(Path(name).suffix, "application/json"))


urlpatterns = [path("fixed/<str:name>", fixed_bytes)]
