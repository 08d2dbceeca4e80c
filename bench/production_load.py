"""Load test on loopback: real gunicorn app servers, 80% detail / 15% list / 5% find, a publish
every few seconds, and a count of stale reads after each publish commits.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ops REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/production_load.py --duration 30 --concurrency 8 --publish-every 3

The database must be migrated (`manage.py migrate`); the script seeds the demo site plus
`--episodes` episodes (idempotent), starts `--servers` gunicorn masters (production settings,
`--workers` each) on `--ports` sharing that database and Redis, publishes from this process
through Wagtail's normal publish path, and prints throughput, latency percentiles, errors and
stale reads. It exits 1 when there is an error or a stale read.

A read is stale when it started after a publish of that page had committed, yet shows an older
version (each publish puts a new version number in the page's title).
"""

import argparse
import contextlib
import io
import itertools
import json
import os
import random
import re
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
# Run as a script, bench/ itself heads sys.path; the project root is what imports resolve from.
sys.path[:0] = [str(REPO)]

from bench import app_servers as servers  # noqa: E402
from bench.client import request  # noqa: E402

MIX = (("detail", 80), ("list", 15), ("find", 5))
VERSION = re.compile(r" · v(\d+)$")
LIST_SIZE = 20


@dataclass
class Target:
    page_id: int
    html_path: str


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k, _ in MIX})
    errors: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    checked: int = 0
    publishes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: str | None, stale: list[str]) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors.append(error)
            self.stale += stale


class Publisher:
    """Publishes a new version of the hot pages in turn, and remembers when each committed."""

    def __init__(self, pages: list, every: float) -> None:
        self.pages = pages
        self.every = every
        self.committed: dict[int, list[tuple[float, int]]] = {page.pk: [] for page in pages}
        self.versions = {page.pk: 0 for page in pages}
        self.lock = threading.Lock()

    def publish(self, page) -> None:
        page.title = self.next_title(page)
        # save_revision + publish commit before returning (Django autocommit); anything that
        # starts after this line must see the new version.
        page.save_revision().publish()
        self.committed_now(page)

    def next_title(self, page) -> str:
        """The page's title with the next version number."""
        return VERSION.sub("", page.title) + f" · v{self.versions[page.pk] + 1}"

    def committed_now(self, page) -> None:
        """The page's next version has just committed (published here or by an app server)."""
        committed_at = time.monotonic()
        with self.lock:
            self.versions[page.pk] += 1
            self.committed[page.pk].append((committed_at, self.versions[page.pk]))

    def expected(self, page_id: int, started_at: float) -> int | None:
        """The newest version committed before a request that started at started_at."""
        with self.lock:
            versions = [v for t, v in self.committed.get(page_id, []) if t < started_at]
        return versions[-1] if versions else None

    def run(self, stop: threading.Event, results: Results) -> None:
        from django.db import connection

        try:
            for page in itertools.cycle(self.pages):
                if stop.wait(self.every):
                    return
                self.publish(page)
                with results.lock:
                    results.publishes += 1
        finally:
            connection.close()  # this thread's own connection


def stale_titles(items: list[dict], started_at: float, publisher: Publisher) -> list[str]:
    """Items showing a version older than one committed before the request started."""
    found = []
    for item in items:
        expected = publisher.expected(item["id"], started_at)
        match = VERSION.search(item.get("title", ""))
        if expected is not None and match and int(match.group(1)) < expected:
            found.append(f"page {item['id']}: saw v{match.group(1)}, v{expected} was committed")
    return found


def one_request(
    base_url: str, kind: str, targets: list[Target], total: int, publisher: Publisher
) -> tuple[str | None, list[str], float, bool]:
    """(error, stale reads, seconds, whether freshness was checked) for one request of a kind."""
    target = random.choice(targets)
    if kind == "detail":
        path = f"/api/v2/pages/{target.page_id}/"
    elif kind == "list":
        offset = random.randrange(0, max(1, total - LIST_SIZE + 1))
        path = "/api/v2/pages/?" + urlencode(
            {"type": "episodes.EpisodePage", "limit": LIST_SIZE, "offset": offset}
        )
    else:
        path = f"/api/v2/pages/find/?html_path={quote(target.html_path)}"
    started_at = time.monotonic()
    try:
        answer = request(base_url, "GET", path)
    except OSError as error:
        return f"{kind} {path}: {type(error).__name__}: {error}", [], 0.0, False
    seconds = time.monotonic() - started_at
    if kind == "find":
        location = answer.headers.get("location", "")
        if answer.status != 302 or not location.endswith(f"/api/v2/pages/{target.page_id}/"):
            return f"find {path}: {answer.status} {location}", [], seconds, False
        return None, [], seconds, False
    if answer.status != 200:
        return f"{kind} {path}: {answer.status} {answer.body[:200]!r}", [], seconds, False
    body = answer.json()
    items = [body] if kind == "detail" else body["items"]
    return None, stale_titles(items, started_at, publisher), seconds, True


def reader(
    base_urls: list[str],
    targets: list[Target],
    total: int,
    publisher: Publisher,
    stop: threading.Event,
    results: Results,
    seed: int,
) -> None:
    rng = random.Random(seed)
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    for base_url in itertools.cycle(base_urls):
        if stop.is_set():
            return
        kind = rng.choice(kinds)
        error, stale, seconds, checked = one_request(base_url, kind, targets, total, publisher)
        results.record(kind, seconds, error, stale)
        if checked:
            with results.lock:
                results.checked += 1


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def warm_up(base_urls: list[str], targets: list[Target], workers: int) -> None:
    """Make every worker load Django and open its connections before the clock starts."""
    paths = [f"/api/v2/pages/{target.page_id}/" for target in targets[: workers * 4]]

    def touch(url: str, path: str) -> None:
        # Only warming: a slow or failed first answer is not part of the measurement.
        with contextlib.suppress(OSError):
            request(url, "GET", path, timeout=120)

    threads = [
        threading.Thread(target=touch, args=(url, path)) for url in base_urls for path in paths
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def prepare(episodes: int, hot: int) -> tuple[list[Target], list]:
    """The demo site plus `episodes` load episodes; returns the read targets and the hot pages."""
    from django.core.management import call_command
    from wagtail.models import Page

    from episodes.factories import EpisodePageFactory
    from episodes.models import EpisodePage, PodcastPage

    call_command("seed_demo", stdout=io.StringIO())
    show = PodcastPage.objects.live().first()
    existing = set(EpisodePage.objects.child_of(show).values_list("slug", flat=True))
    numbers = EpisodePage.objects.child_of(show).values_list("episode_number", flat=True)
    next_number = max(numbers, default=0) + 1
    for index in range(episodes):
        slug = f"load-episode-{index + 1}"
        if slug not in existing:
            title = f"Load episode {index + 1}"
            page = EpisodePageFactory(
                parent=show, title=title, slug=slug, episode_number=next_number
            )
            page.save_revision().publish()
            next_number += 1
    live = list(EpisodePage.objects.child_of(show).live().public().order_by("pk"))
    site_root = Page.objects.get(pk=show.get_site().root_page_id).url_path
    targets = [
        Target(page.pk, "/" + page.url_path.removeprefix(site_root).strip("/") + "/")
        for page in live
    ]
    return targets, live[:hot]


def server_env() -> dict[str, str]:
    """The app servers' environment: this process's database and cache, production settings."""
    from django.conf import settings
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor != "postgresql":
        raise SystemExit("bench/production_load.py needs PostgreSQL (DATABASE_URL=postgres://...)")
    cache = settings.CACHES["default"]
    if "redis" not in cache["BACKEND"].lower():
        raise SystemExit("bench/production_load.py needs Redis shared with the servers (REDIS_URL)")
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return servers.production_env(
        DATABASE_URL=f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=cache["LOCATION"],
        CACHE_KEY_PREFIX=cache.get("KEY_PREFIX", ""),
        SECRET_KEY=os.environ.get("SECRET_KEY") or "load-test-" + "l" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        LOG_LEVEL="WARNING",
    )


def run(
    ports: list[int],
    log_dir: Path,
    duration: float = 20,
    concurrency: int = 8,
    publish_every: float = 3,
    episodes: int = 40,
    hot: int = 5,
    workers: int = 2,
) -> dict:
    """Prepare, start the servers, apply the load, stop everything; the figures as a dict."""
    targets, hot_pages = prepare(episodes, hot)
    publisher = Publisher(hot_pages, publish_every)
    results = Results()
    with servers.running(ports, server_env(), log_dir, workers=workers) as running:
        urls = [server.url for server in running]
        warm_up(urls, targets, workers)
        for page in hot_pages:
            publisher.publish(page)  # every hot page starts at a known version
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=reader, args=(urls, targets, len(targets), publisher, stop, results, seed)
            )
            for seed in range(concurrency)
        ]
        threads.append(threading.Thread(target=publisher.run, args=(stop, results)))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(duration)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        elapsed = time.monotonic() - started
    every = [s for values in results.latencies.values() for s in values]
    return {
        "servers": len(ports),
        "workers_per_server": workers,
        "concurrency": concurrency,
        "duration_s": round(elapsed, 1),
        "requests": len(every),
        "throughput_rps": round(len(every) / elapsed, 1),
        "p50_ms": round(percentile(every, 0.50) * 1000, 1),
        "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        "p99_ms": round(percentile(every, 0.99) * 1000, 1),
        "by_kind": {
            kind: {
                "requests": len(values),
                "share": round(len(values) / max(1, len(every)), 3),
                "p95_ms": round(percentile(values, 0.95) * 1000, 1),
                "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else 0.0,
            }
            for kind, values in results.latencies.items()
        },
        "publishes": results.publishes + len(hot_pages),
        "freshness_checked_responses": results.checked,
        "errors": len(results.errors),
        "error_samples": results.errors[:5],
        "stale_reads": len(results.stale),
        "stale_samples": results.stale[:5],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=30, help="seconds of load")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--publish-every", type=float, default=3, help="seconds between publishes")
    parser.add_argument("--episodes", type=int, default=40, help="extra episodes to seed")
    parser.add_argument("--servers", type=int, default=2, help="gunicorn app servers")
    parser.add_argument("--ports", default="8109,8110", help="their ports, comma-separated")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--log-dir", default=str(REPO / "var" / "load"), help="server logs")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    os.environ.setdefault("SECRET_KEY", "load-test-" + "l" * 50)
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    log_dir = Path(args.log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    ports = [int(port) for port in args.ports.split(",")][: args.servers]
    figures = run(
        ports,
        log_dir,
        duration=args.duration,
        concurrency=args.concurrency,
        publish_every=args.publish_every,
        episodes=args.episodes,
        workers=args.workers,
    )
    print(json.dumps(figures, indent=2))
    return 1 if figures["errors"] or figures["stale_reads"] else 0


if __name__ == "__main__":
    sys.exit(main())
