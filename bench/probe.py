"""In-process measurements for one settings module: queries per request and ms per request.

Run as `python -m bench.probe URLS_JSON REPEAT [PROFILE_FILE]` with DJANGO_SETTINGS_MODULE
set; prints JSON. Requests go through Django's test client (the whole middleware and view
stack, no HTTP), after a warm-up request that makes image renditions and fills caches.
"""

import cProfile
import json
import os
import pstats
import statistics
import sys
import threading
import time
from typing import Any

import django

django.setup()

from django.db import DatabaseError, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# Past this, an endpoint is timed once, not `repeat` times.
SLOW_MS = 10_000
# Past this, a request is stopped (plain Wagtail's SQLite search of 100,000 episodes would
# hold the database for about an hour) and the endpoint is reported as slower than it.
BUDGET_SECONDS = float(os.environ.get("BENCH_PROBE_BUDGET_SECONDS", "120"))


def get(client: Client, url: str):
    response = client.get(url, HTTP_HOST="127.0.0.1")
    if response.status_code not in (200, 302):
        raise SystemExit(f"{url} answered {response.status_code}: {response.content[:300]!r}")
    return response


def interrupter(budget: float) -> threading.Timer:
    """A timer that stops the query running on this thread's connection after `budget` s."""
    connection.ensure_connection()
    raw = connection.connection  # Django's connections are per thread: captured here
    stop = raw.interrupt if connection.vendor == "sqlite" else raw.cancel
    timer = threading.Timer(budget, stop)
    timer.start()
    return timer


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured.captured_queries)


def timed(client: Client, url: str, repeat: int) -> dict[str, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        get(client, url)
        samples.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(samples), 2), "min_ms": round(min(samples), 2)}


# Where a request's time goes: (label, file suffix, function name); cumulative, so they nest.
PROFILE_PARTS = [
    ("whole request (Django handler)", "django/core/handlers/base.py", "get_response"),
    ("loading the page (get_object)", "frontend_api/pages/views.py", "get_object"),
    ("loading its references (PageBatch.prepare)", "frontend_api/loading/batch.py", "prepare"),
    ("serializing (serializer.data)", "rest_framework/serializers.py", "data"),
    ("rendering JSON", "frontend_api/renderers.py", "render"),
    ("of all these: SQL round trips", "psycopg/cursor.py", "execute"),
    ("of all these: building SQL (ORM compiler)", "django/db/models/sql/compiler.py", "as_sql"),
    ("of all these: cache round trips", "redis/client.py", "execute_command"),
]


def breakdown(stats: pstats.Stats, requests: int) -> dict[str, float]:
    """Milliseconds per request in each part of PROFILE_PARTS that the profile saw."""
    parts = {}
    for label, suffix, function in PROFILE_PARTS:
        # The largest match: wrappers of the same name (DRF's data properties) nest.
        total = max(
            (
                row[3]
                for (path, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
                if name == function and path.endswith(suffix)
            ),
            default=0,
        )
        if total:
            parts[label] = round(total * 1000 / requests, 2)
    return parts


def main() -> None:
    urls: dict[str, str] = json.loads(sys.argv[1])
    repeat = int(sys.argv[2])
    profile_to = sys.argv[3] if len(sys.argv) > 3 else ""
    client = Client()
    result: dict[str, Any] = {"queries": {}, "timing": {}, "bytes": {}, "status": {}}
    for name, url in urls.items():
        started = time.perf_counter()
        timer = interrupter(BUDGET_SECONDS)
        try:
            with CaptureQueriesContext(connection) as first:
                response = get(client, url)  # warm-up: renditions, site, content-type caches
        except DatabaseError:
            result["queries"][name] = len(first.captured_queries)
            result["timing"][name] = {"over_ms": BUDGET_SECONDS * 1000, "samples": 0}
            continue
        finally:
            timer.cancel()
        first_ms = round((time.perf_counter() - started) * 1000, 2)
        result["status"][name] = response.status_code
        result["bytes"][name] = len(response.content)
        if response.status_code == 200 and name == "list":
            result["list_ids"] = [item["id"] for item in response.json()["items"]]
        if first_ms > SLOW_MS:
            # One sample is all a run can afford (plain Wagtail's search of 20,000 episodes
            # on SQLite takes minutes); the HTTP runs leave such an endpoint out (scale.py).
            result["queries"][name] = len(first.captured_queries)
            result["timing"][name] = {"median_ms": first_ms, "min_ms": first_ms, "samples": 1}
            continue
        result["queries"][name] = queries(client, url)
        # The 1,000-block page is slow on plain Wagtail: fewer samples keep the run short.
        samples = repeat if "1000" not in name else max(3, repeat // 4)
        result["timing"][name] = timed(client, url, samples)
    if profile_to:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            get(client, urls["detail"])
        profiler.disable()
        with open(profile_to, "w") as out:
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            result["profile"] = breakdown(stats, repeat)
            stats.print_stats(45)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
