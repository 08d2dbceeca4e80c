"""The load script, on a short budget: two gunicorn servers, the request mix, publishes every
two seconds, and no error or stale read."""

import pytest

from bench import production_load as load
from tests.processes import database_url_for_other_processes, free_port
from tests.support.site import restore_wagtail_roots


@pytest.mark.django_db(transaction=True)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_short_load_run_has_no_errors_and_no_stale_reads(redis_url, settings, tmp_path):
    database_url_for_other_processes()  # skips on SQLite with the reason
    restore_wagtail_roots()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "load-test",
        }
    }
    figures = load.run(
        [free_port(), free_port()],
        tmp_path,
        duration=15,
        concurrency=4,
        publish_every=2,
        episodes=25,
        workers=2,
    )
    print(figures)
    assert figures["errors"] == 0, figures["error_samples"]
    assert figures["stale_reads"] == 0, figures["stale_samples"]
    # Enough traffic around enough publishes for the zeros above to mean something, even on a
    # busy two-core machine.
    assert figures["requests"] >= 20
    assert figures["publishes"] >= 5 + 3
    assert figures["freshness_checked_responses"] >= 10
    shares = {kind: numbers["share"] for kind, numbers in figures["by_kind"].items()}
    assert 0.65 <= shares["detail"] <= 0.95 and shares["list"] > 0 and shares["find"] > 0
