"""A request whose change commits, and then the database is gone (PostgreSQL only)."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from frontend_api.caching.middleware import OneChangePerRequest
from tests.processes import free_port


def request_losing_the_database(change: Callable[[], None]) -> HttpResponse:
    """Make `change` in one request; the database vanishes right after it commits."""
    if connection.vendor != "postgresql":
        pytest.skip("closing SQLite's in-memory test database would drop it")
    port = connection.settings_dict["PORT"]

    def change_then_lose_the_database(request):
        change()
        connection.close()
        connection.settings_dict["PORT"] = free_port()  # nothing listens there
        return HttpResponse("changed")

    try:
        return OneChangePerRequest(change_then_lose_the_database)(RequestFactory().post("/admin/"))
    finally:
        connection.settings_dict["PORT"] = port
        connection.close()
