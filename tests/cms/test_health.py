"""`GET /healthz`: 503 when the database fails; 200, "degraded", while only the cache fails."""

import json

import pytest
from django.test import override_settings

from tests.processes import base_env, manage

# Nothing listens on port 1, so connecting there fails at once, as it does when a server is down.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "cms.cache_backend.FaultTolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


@pytest.mark.django_db
def test_healthy_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True


@pytest.mark.django_db
def test_healthy_on_a_real_redis(client, redis_url):
    redis_cache = {
        "default": {"BACKEND": "cms.cache_backend.FaultTolerantRedisCache", "LOCATION": redis_url}
    }
    with override_settings(CACHES=redis_cache):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["cache"]["ok"] is True


@pytest.mark.django_db
def test_degraded_but_in_rotation_when_the_cache_is_down(client):
    """Every read falls back to the database: a load balancer must keep the server."""
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["message"] == "Degraded: cache."
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["cache"]["errors"] >= 1


@pytest.mark.parametrize(
    "database_url",
    ["postgres://postgres@127.0.0.1:1/nowhere", "sqlite:////nonexistent-dir/podcast.sqlite3"],
)
def test_unavailable_when_the_database_is_down(database_url):
    code = (
        "import json; from django.test import Client; r = Client().get('/healthz'); "
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = base_env(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=database_url)
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["message"] == "Unavailable: database."
    assert answer["body"]["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    assert answer["body"]["checks"]["cache"]["ok"] is True
    # The traceback goes to the logs, not to whoever asked.
    assert "Traceback" in result.stderr


@pytest.mark.django_db
def test_only_get_is_allowed(client):
    assert client.post("/healthz").status_code == 405
