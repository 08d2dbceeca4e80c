"""The services fail under a real app server under load: no 500, no publish lost, no stale page.

A gunicorn server (production settings, two workers) answers a steady load over loopback:
the API's detail, listing and find, the show's feed, the sitemap, /healthz and the admin's
page editor. Meanwhile its private Redis is killed, restored from a snapshot taken before
a publish, restarted empty and frozen; or PostgreSQL terminates its connections. The
figures are printed (pytest -s) and repeated in the assertion messages.
"""

import http.client
import re
import threading
import time
import uuid
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection

from bench import app_servers as servers
from bench.client import AdminSession, request
from bench.production_load import Publisher
from episodes.factories import EpisodePageFactory
from tests.cms.conftest import EDITOR_PASSWORD
from tests.processes import (
    database_url_for_other_processes,
    free_port,
    needs_shared_database,
    redis_server,
)

pytestmark = [
    pytest.mark.postgres,
    needs_shared_database(),
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

TITLE = "Fault drill"
# Each publish puts a version number in the title (bench/production_load.py's Publisher);
# JSON may escape the middle dot.
VERSION_IN_BODY = re.compile(rf"{TITLE} (?:·|\\u00b7) v(\d+)")
WORKERS = 2
# After Redis answers again, an old answer may show for this long at most.
FRESH_WITHIN_SECONDS = 5.0


@dataclass
class Answer:
    kind: str
    started: float
    ended: float
    status: int  # 0: no HTTP answer at all
    versions: list[int]
    detail: str = ""  # /healthz's status, the cache outcome, or the error


@dataclass
class Load:
    """Client threads that request every kind of page in turn until stopped; keeps every answer."""

    base_url: str
    page_id: int
    admin_cookies: dict[str, str]
    threads: int = 4
    answers: list[Answer] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers = [
            threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(self.threads)
        ]
        detail = f"/api/v2/pages/{self.page_id}/"
        self.paths = {
            "detail": detail,
            "listing": "/api/v2/pages/?type=episodes.EpisodePage&limit=20",
            "find": "/api/v2/pages/find/?html_path=/test-show/fault-drill/",
            "feed": "/feeds/test-show/",
            "sitemap": "/sitemap.xml",
            "healthz": "/healthz",
            "editor": f"/admin/pages/{self.page_id}/edit/",
        }
        # The API's detail most often, as in production; every kind at least once a round.
        self.rounds = ["detail", "listing", "detail", "find", "feed", "detail", "sitemap"]
        self.rounds += ["healthz", "detail", "editor"]

    def __enter__(self) -> "Load":
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=60)

    def _run(self, n: int) -> None:
        kinds = self.rounds[n:] + self.rounds[:n]
        while not self._stop.is_set():
            for kind in kinds:
                answer = self.one(kind)
                with self._lock:
                    self.answers.append(answer)

    def one(self, kind: str) -> Answer:
        headers = {}
        if kind == "editor":
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.admin_cookies.items())
        started = time.monotonic()
        try:
            reply = request(self.base_url, "GET", self.paths[kind], headers=headers, timeout=30)
        except (OSError, http.client.HTTPException) as error:
            return Answer(kind, started, time.monotonic(), 0, [], f"{type(error).__name__}")
        ended = time.monotonic()
        body = reply.body.decode(errors="replace")
        if kind == "editor":
            # The editor's title field; the page's history lists older titles on purpose.
            field_match = re.search(r'<input[^>]*name="title"[^>]*>', body)
            body = field_match.group(0) if field_match else ""
        versions = [int(v) for v in VERSION_IN_BODY.findall(body)]
        detail = reply.headers.get("x-api-cache", "")
        if kind == "healthz":
            detail = reply.json().get("status", "") if reply.status in (200, 503) else ""
        return Answer(kind, started, ended, reply.status, versions, detail)

    def between(self, start: float, end: float = float("inf")) -> list[Answer]:
        """Answers to requests that started in [start, end)."""
        with self._lock:
            return [a for a in self.answers if start <= a.started < end]

    def wait(self, seconds: float) -> float:
        time.sleep(seconds)
        return time.monotonic()

    def wait_for_hits(self, kinds: set[str], timeout: float = 20) -> float:
        """Wait until each kind has been answered from the cache (a busy machine is slow)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                hit = {a.kind for a in self.answers if a.detail == "hit"}
            if kinds <= hit:
                break
            time.sleep(0.1)
        return time.monotonic()


def failures(answers: list[Answer]) -> list[Answer]:
    """Answers that are errors: 5xx, no answer at all, or not what the kind should answer."""
    expected = {"find": 302}
    return [a for a in answers if a.status != expected.get(a.kind, 200)]


def stale(answers: list[Answer], publisher: Publisher, page_id: int) -> list[Answer]:
    """Answers showing a version older than one committed before the request started."""
    found = []
    for answer in answers:
        newest = publisher.expected(page_id, answer.started)
        if newest is not None and answer.versions and min(answer.versions) < newest:
            found.append(answer)
    return found


def settled_on(answers: list[Answer]) -> int:
    """The version the API's detail showed last in these answers (0: none)."""
    details = sorted((a for a in answers if a.kind == "detail"), key=lambda a: a.started)
    return min(details[-1].versions, default=0) if details else 0


def report(figures: dict) -> str:
    text = ", ".join(f"{name}={value}" for name, value in figures.items())
    print(f"\n[faults] {text}")
    return text


@pytest.fixture
def private_redis(tmp_path, settings):
    """A redis-server of this test's own, which is also this process's cache."""
    directory = tmp_path / "redis"
    directory.mkdir()
    redis = redis_server(directory)
    redis.start()
    prefix = f"faults-{uuid.uuid4().hex[:8]}"
    # The same backend and timeouts as production (cms/settings/base.py), so that this
    # process's publishes stamp the server's cache and survive its faults the same way.
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache_backend.FaultTolerantRedisCache",
            "LOCATION": redis.url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    yield redis
    caches["default"].close()
    redis.stop()


def app_server(tmp_path, static_root, **env):
    """A gunicorn server (WORKERS sync workers) on the test database; servers.stop stops it."""
    environment = servers.production_env(
        STATIC_ROOT=str(static_root),
        SECRET_KEY="faults-test-" + "f" * 40,
        DATABASE_URL=database_url_for_other_processes(),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        # The show's artwork lives in the test process's media; the servers render it.
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        **env,
    )
    return servers.start(free_port(), environment, tmp_path, workers=WORKERS)


@pytest.fixture
def drill(show, editor):
    """The published episode whose title every publish changes, and its publisher."""
    # An empty body: the editor's form carries no StreamField data without its JavaScript.
    page = EpisodePageFactory(parent=show, title=TITLE, slug="fault-drill", body=[])
    for number in range(3):
        EpisodePageFactory(parent=show, title=f"Bystander {number}").save_revision().publish()
    publisher = Publisher([page], every=0)
    publisher.publish(page)  # v1
    return page, publisher


@pytest.mark.redis
def test_redis_killed_restored_emptied_and_frozen_under_load(
    private_redis, drill, static_root, tmp_path
):
    page, publisher = drill
    redis = private_redis
    prefix = caches["default"].key_prefix
    server = app_server(tmp_path, static_root, REDIS_URL=redis.url, CACHE_KEY_PREFIX=prefix)
    publish_seconds = []

    def publish_here() -> None:
        page.refresh_from_db()
        started = time.monotonic()
        publisher.publish(page)  # raises if the publish does
        publish_seconds.append(round(time.monotonic() - started, 2))

    def publish_in_editor(admin: AdminSession) -> None:
        page.refresh_from_db()
        started = time.monotonic()
        # Raises unless the editor redirects as after a successful publish.
        admin.edit(page.pk, {"title": publisher.next_title(page), "body-count": "0"})
        publisher.committed_now(page)
        publish_seconds.append(round(time.monotonic() - started, 2))

    try:
        admin = AdminSession(server.url)
        admin.login("editor", EDITOR_PASSWORD)
        with Load(server.url, page.pk, admin.cookies) as load:
            # (a) Redis up: the cache fills; a snapshot keeps what it held before the publishes.
            start = time.monotonic()
            load.wait(1)
            warm_end = load.wait_for_hits({"detail", "listing"})
            snapshot = redis.snapshot("before-publish.rdb")

            # (b) Redis killed: answers come from the database; publishes still go through.
            redis.kill()
            down = time.monotonic()
            load.wait(1)
            publish_here()
            publish_in_editor(admin)
            load.wait(1.5)

            # (c) Redis back with the snapshot of before the publishes.
            restored = redis.start(snapshot=snapshot)
            with redis.client() as client:
                keys_restored = client.dbsize()
            load.wait(5.5)
            republished = time.monotonic()
            publish_here()  # and a publish with Redis up invalidates as usual
            load.wait(1)

            # (d) Redis restarted empty.
            redis.kill()
            emptied = redis.start()
            load.wait(1.5)
            publish_here()
            load.wait(1)

            # (e) Redis frozen (SIGSTOP): connections open but nothing answers.
            redis.freeze()
            frozen = time.monotonic()
            load.wait(1)
            publish_in_editor(admin)
            load.wait(1)
            redis.thaw()
            thawed = time.monotonic()
            end = load.wait(4)
    finally:
        log = server.log()
        servers.stop(server)

    answers = load.between(start)
    failed = failures(answers)
    stale_answers = stale(answers, publisher, page.pk)
    after_restore = [a.ended - restored for a in stale_answers if restored <= a.started < emptied]
    after_thaw = [a.ended - thawed for a in stale_answers if frozen <= a.started]
    unexplained = [
        a
        for a in stale_answers
        if not (restored <= a.started < emptied or frozen <= a.started < end)
    ]
    during_outage = load.between(down, restored)
    during_freeze = load.between(frozen, thawed)
    health = [a for a in answers if a.kind == "healthz"]
    committed = publisher.committed[page.pk]
    while_down = [v for at, v in committed if down <= at < restored]
    while_frozen = [v for at, v in committed if frozen <= at < thawed]
    shown_after_restore = settled_on(load.between(restored, republished))
    shown_after_thaw = settled_on(load.between(thawed, end))
    figures = {
        "requests": len(answers),
        "per_second": round(len(answers) / (end - start), 1),
        "failed": len(failed),
        "5xx": sum(a.status >= 500 for a in answers),
        "warm_s": round(warm_end - start, 1),
        "cache_hits_warm": sum(a.detail == "hit" for a in load.between(start, warm_end)),
        "requests_redis_down": len(during_outage),
        "requests_redis_frozen": len(during_freeze),
        "publishes_redis_down": len(while_down),
        "of_which_visible_after_restore": sum(v <= shown_after_restore for v in while_down),
        "publishes_redis_frozen": len(while_frozen),
        "of_which_visible_after_thaw": sum(v <= shown_after_thaw for v in while_frozen),
        "publish_seconds": publish_seconds,
        "keys_in_old_snapshot": keys_restored,
        "stale_answers": len(stale_answers),
        "fresh_after_restore_s": round(max(after_restore, default=0.0), 2),
        "fresh_after_thaw_s": round(max(after_thaw, default=0.0), 2),
        "healthz_degraded": sum(a.detail == "degraded" for a in health),
        "slowest_s": round(max(a.ended - a.started for a in answers), 2),
    }
    summary = report(figures)
    samples = [(a.kind, a.status, a.detail, round(a.started - start, 2)) for a in failed[:10]]
    assert not failed, f"{summary}; failures: {samples}\n{log[-3000:]}"
    assert all(a.status == 200 for a in health), summary
    assert any(a.detail == "degraded" for a in load.between(down, restored) if a.kind == "healthz")
    assert health[-1].detail == "ok", summary
    # Every answer showed the page, and answers kept coming while Redis was away or frozen.
    titled = [a for a in answers if a.kind in {"detail", "listing", "feed", "editor"}]
    assert all(a.versions for a in titled), summary
    assert {a.kind for a in during_outage} == set(load.paths), summary
    assert len(during_freeze) >= 4, summary
    # The cache was used, and the snapshot held the answers of before the publishes.
    assert figures["cache_hits_warm"] > 0 and keys_restored > 0, summary
    # Every publish made while Redis was away shows once it is back.
    assert len(while_down) == 2 and len(while_frozen) == 1, summary
    assert figures["of_which_visible_after_restore"] == len(while_down), summary
    assert figures["of_which_visible_after_thaw"] == len(while_frozen), summary
    # In the end, the server shows the last publish.
    newest = publisher.versions[page.pk]
    last_detail = [a for a in load.between(end - 1) if a.kind == "detail"]
    assert last_detail and all(set(a.versions) == {newest} for a in last_detail), summary
    assert not unexplained, summary
    assert figures["fresh_after_restore_s"] <= FRESH_WITHIN_SECONDS, summary
    assert figures["fresh_after_thaw_s"] <= FRESH_WITHIN_SECONDS, summary


def test_postgres_connections_terminated_under_load(drill, static_root, tmp_path):
    page, _ = drill
    # No Redis: each request then reads the content generation, so every one needs the database.
    server = app_server(tmp_path, static_root, REDIS_URL="")
    terminations = []
    try:
        admin = AdminSession(server.url)
        admin.login("editor", EDITOR_PASSWORD)
        with Load(server.url, page.pk, admin.cookies) as load:
            start = load.wait(1.5)
            for _ in range(3):
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                        "AND backend_type = 'client backend'"
                    )
                    terminations.append((time.monotonic(), cursor.fetchone()[0]))
                load.wait(2)
            end = time.monotonic()
    finally:
        log = server.log()
        servers.stop(server)

    answers = load.between(start, end)
    failed = failures(answers)
    # A request may fail when its connection goes from under it, or in the moment after
    # (the backend takes a moment to exit): a failure must be that close to a termination.
    in_flight = [a for a in failed if any(a.started < at <= a.ended for at, _ in terminations)]
    just_after = [a for a in failed if any(at <= a.started < at + 1 for at, _ in terminations)]
    settled = [a for a in failed if a not in in_flight and a not in just_after]
    figures = {
        "requests": len(answers),
        "terminations": len(terminations),
        "backends_terminated": [count for _, count in terminations],
        "failed": len(failed),
        "failed_in_flight": len(in_flight),
        "failed_started_within_1s_after": len(just_after),
        "failed_later": len(settled),
        "failed_kinds": sorted(f"{a.kind}:{a.status}" for a in failed),
        "5xx": sum(a.status >= 500 for a in answers),
    }
    summary = report(figures)
    samples = [(a.kind, a.status, a.detail) for a in failed[:10]]
    assert all(count > 0 for _, count in terminations), summary
    assert not settled, f"{summary}; {samples}\n{log[-3000:]}"
    # Each worker's connection dies once per termination: one failed request per worker at most.
    assert len(failed) <= WORKERS * len(terminations), f"{summary}; {samples}"
