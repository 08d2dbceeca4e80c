"""`GET /healthz`: can this app server answer? Its database must be up; its cache may not be.

A cache outage makes answers slower, not wrong (every read falls back to the database), so
it reports "degraded" with a 200: a load balancer keeps the server in rotation.
"""

import logging
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.cache_backend import faults as cache_faults

logger = logging.getLogger(__name__)


def check_database() -> None:
    """Run a trivial query on the default database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not return 1")


def check_cache() -> None:
    """Write, read back and delete a unique key in the default cache."""
    key = f"healthz:{uuid.uuid4().hex}"
    errors_before = cache_faults.count
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            # The fault-tolerant backend reads errors as misses; say which it was.
            if cache_faults.count != errors_before:
                raise ConnectionError(cache_faults.last_error)
            raise RuntimeError("the cache did not return the value just written")
    finally:
        cache.delete(key)


CHECKS: dict[str, Callable[[], None]] = {"database": check_database, "cache": check_cache}
# Without these the server cannot answer at all; the others only slow it down.
REQUIRED = frozenset({"database"})


def run_check(name: str, check: Callable[[], None]) -> dict:
    """Time one check; a failure is logged with its traceback and reported by type only."""
    started = time.perf_counter()
    try:
        check()
    except Exception as error:
        # Load balancers and the public see the kind of failure; details stay in the logs
        # (the cache backend reports its own errors, once per interval, not once per probe).
        if name in REQUIRED:
            logger.exception("health check %s failed", name)
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 2)}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """503 when the database fails; 200 otherwise, "degraded" while the cache fails."""
    results = {name: run_check(name, check) for name, check in CHECKS.items()}
    results["cache"]["errors"] = cache_faults.count
    failing = [name for name, result in results.items() if not result["ok"]]
    if REQUIRED.intersection(failing):
        body = {"status": "unavailable", "message": f"Unavailable: {', '.join(failing)}."}
        return JsonResponse({**body, "checks": results}, status=503)
    if failing:
        body = {"status": "degraded", "message": f"Degraded: {', '.join(failing)}."}
        return JsonResponse({**body, "checks": results})
    return JsonResponse({"status": "ok", "checks": results})
