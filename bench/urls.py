"""Our URL map plus the practical limit: a view returning fixed bytes through the same stack."""

import os
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.urls import path

from cms.urls import handler404 as handler404
from cms.urls import urlpatterns as cms_urlpatterns


@cache
def _fixed_bytes() -> bytes:
    with open(os.environ["BENCH_FIXED_BYTES_FILE"], "rb") as source:
        return source.read()


def fixed_bytes(request: HttpRequest) -> HttpResponse:
    """The bytes of a cached detail response, with no lookup of any kind."""
    return HttpResponse(_fixed_bytes(), content_type="application/json")


urlpatterns = [path("bench/fixed-bytes/", fixed_bytes), *cms_urlpatterns]
