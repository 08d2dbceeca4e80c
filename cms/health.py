"""`GET /healthz`: is this app server able to reach its database and its cache?"""

import logging
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return the value just written")
    finally:
        cache.delete(key)


CHECKS: dict[str, Callable[[], None]] = {"database": check_database, "cache": check_cache}


def run_check(name: str, check: Callable[[], None]) -> dict:
    """Time one check; a failure is logged with its traceback and reported by type only."""
    started = time.perf_counter()
    try:
        check()
    except Exception as error:
        # Load balancers and the public see the kind of failure; details stay in the logs.
        logger.exception("health check %s failed", name)
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 2)}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and the cache answer, 503 (with the failing ones) otherwise."""
    results = {name: run_check(name, check) for name, check in CHECKS.items()}
    failing = [name for name, result in results.items() if not result["ok"]]
    if failing:
        body = {"status": "unavailable", "message": f"Unavailable: {', '.join(failing)}."}
        return JsonResponse({**body, "checks": results}, status=503)
    return JsonResponse({"status": "ok", "checks": results})
