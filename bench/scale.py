"""The benchmark at network scale: `scripts/bench.sh --scale --sizes 2000,20000 --db both`.

For each database and size: builds the data set in bulk (bench/bulk.py) on a copy of a
migrated template database, measures in process (queries and ms per request, ours and plain
Wagtail) and over HTTP (gunicorn, 2 workers: plain Wagtail, ours with the response cache off,
ours with it on, and a minimal Django stack serving the same bytes), then times an admin
publish and the re-render after a person's edit. Prints the tables of docs/benchmarks.md.
"""

import argparse
import contextlib
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import scale_report
from .client import BENCH_PASSWORD, BENCH_USER, AdminSession
from .run import measure_load, summarize
from .servers import fetch, free_port, gunicorn

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OURS = "bench.settings"
PLAIN = "bench.plain_wagtail.settings"
MINIMAL = "bench.minimal.settings"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
# Endpoints plain Wagtail serves too; the others are ours alone (compared to the minimal stack).
SHARED = ("detail", "list", "find", "search")
GROWTH = ("detail", "list", "find", "feed")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000,100000", help="episode counts")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--shows", type=int, default=50)
    parser.add_argument(
        "--stored",
        default="300",
        help="stored answers rendered after the build: all, none or a count (the measured "
        "show's episodes come first)",
    )
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", ""))
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", POSTGRES))
    parser.add_argument("--db-prefix", default="h2bench", help="names of the bench databases")
    parser.add_argument("--seconds", type=float, default=3.0, help="time bound of each load run")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved load runs per figure")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=10, help="samples for ms per request")
    parser.add_argument("--rerender-seconds", type=float, default=15.0)
    parser.add_argument(
        "--reuse-data", action="store_true", help="measure data sets built before (same names)"
    )
    parser.add_argument("--build-only", action="store_true", help="build, measure nothing")
    parser.add_argument(
        "--endpoints",
        default="detail,list,find,search,feed,sitemap,chapters",
        help="endpoints to measure (detail is always measured)",
    )
    parser.add_argument("--docs", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--no-docs", action="store_true", help="print only")
    parser.add_argument("--json", default="", help="also write the raw results here")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


class Database:
    """One benchmark database: a copy of a migrated template, dropped and made again."""

    def __init__(self, args: argparse.Namespace, kind: str, workdir: Path) -> None:
        self.kind, self.args, self.workdir = kind, args, workdir

    def url(self, name: str) -> str:
        if self.kind == "postgres":
            return f"{self.args.postgres}/{name}"
        return f"sqlite:///{Path(tempfile.gettempdir()) / 'podcast-bench-sqlite' / name}.sqlite3"

    def template(self) -> str:
        return f"{self.args.db_prefix}_template"

    def create(self, name: str, template: str | None = None) -> str:
        if self.kind == "postgres":
            import psycopg

            with psycopg.connect(f"{self.args.postgres}/postgres", autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                suffix = f' TEMPLATE "{template}"' if template else ""
                db.execute(f'CREATE DATABASE "{name}"{suffix}')
        else:
            target = Path(urlsplit(self.url(name)).path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            if template:
                shutil.copyfile(urlsplit(self.url(template)).path, target)
        return self.url(name)


class ScaleBench:
    """Runs every size on every database and collects the results."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="podcast-scale-bench-"))
        self.results: dict[str, Any] = {"runs": {}}

    def env(self, database_url: str, name: str) -> dict[str, str]:
        return {
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(Path(tempfile.gettempdir()) / "podcast-bench-media" / name),
            "CACHE_KEY_PREFIX": f"podcast-bench-{name}",
            "REDIS_URL": self.args.redis_url,
            "BENCH_FIXED_BYTES_DIR": str(self.workdir / name),
            "BENCH_FIXED_BYTES_FILE": str(self.workdir / name / "detail"),
            "PYTHONPATH": str(ROOT),
            # The stored answers are refreshed by this script (bench/rerender.py), not a worker.
            "API_STORED_RERENDER": "false",
        }

    def python(self, env: dict[str, str], settings: str, *arguments: str, cache: bool = False):
        full = {
            **os.environ,
            **env,
            "DJANGO_SETTINGS_MODULE": settings,
            "API_CACHE_ENABLED": "true" if cache else "false",
        }
        done = subprocess.run(
            [PYTHON, *arguments], cwd=ROOT, env=full, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"{' '.join(arguments[:3])} failed:\n{done.stderr[-4000:]}")
        return done.stdout

    def migrate_template(self, database: Database) -> None:
        log(f"migrating the {database.kind} template database")
        url = database.create(database.template())
        self.python(self.env(url, "template"), OURS, "manage.py", "migrate", "--noinput", "-v0")

    def urls(self, facts: dict[str, Any]) -> dict[str, str]:
        wanted = {"detail", *self.args.endpoints.split(",")}
        article = facts["article"]
        every = {
            "detail": f"/api/v2/pages/{article['id']}/",
            "list": "/api/v2/pages/?type=episodes.EpisodePage&fields=*&limit=20",
            "find": f"/api/v2/pages/find/?html_path={article['path']}",
            "search": "/api/v2/pages/?type=episodes.EpisodePage&search=wholesale&limit=20",
            "feed": f"/feeds/{facts['feed_show']['slug']}/",
            "sitemap": "/sitemap.xml",
            "chapters": facts["chapters"],
        }
        return {name: url for name, url in every.items() if name in wanted}

    def probe(self, env: dict[str, str], settings: str, urls: dict[str, str]) -> dict[str, Any]:
        arguments = ["-m", "bench.probe", json.dumps(urls), str(self.args.repeat)]
        return json.loads(self.python(env, settings, *arguments))

    def load(self, port: int, path: str) -> dict[str, Any]:
        return measure_load(
            port, path, concurrency=self.args.concurrency, seconds=self.args.seconds
        )

    def http(
        self, env: dict[str, str], urls: dict[str, str], probe: dict[str, Any]
    ) -> dict[str, Any]:
        """Every server up at once; runs interleaved so other work weighs on all alike.

        An endpoint the probe timed once as too slow (probe.SLOW_MS), or stopped
        (probe.BUDGET_SECONDS), gets no load run there.
        """
        plain_paths = {
            name: urls[name]
            for name in SHARED
            # Timed once or stopped, the probe says how many samples it took.
            if name in urls and "samples" not in probe["plain"]["timing"][name]
        }
        servers: list[tuple[str, str, bool, dict[str, str]]] = [
            ("plain", PLAIN, False, plain_paths),
            ("ours", OURS, False, urls),
            ("ours_cached", OURS, True, {n: urls[n] for n in ("detail", "list") if n in urls}),
            ("minimal", MINIMAL, False, {name: f"/fixed/{name}" for name in urls}),
        ]
        fixed = Path(env["BENCH_FIXED_BYTES_DIR"])
        fixed.mkdir(parents=True, exist_ok=True)
        plan: list[tuple[str, str, int, str]] = []
        rounds: dict[tuple[str, str], list[dict[str, Any]]] = {}
        with contextlib.ExitStack() as stack:
            for name, settings, cache, paths in servers:
                port = free_port()
                server_env = {
                    **env,
                    "DJANGO_SETTINGS_MODULE": settings,
                    "API_CACHE_ENABLED": "true" if cache else "false",
                }
                ready = "/fixed/detail" if name == "minimal" else urls["detail"]
                log(f"  starting gunicorn for {name} on 127.0.0.1:{port}")
                stack.enter_context(
                    gunicorn(server_env, port, ready, self.workdir / f"gunicorn-{name}.log")
                )
                if name == "ours":
                    for endpoint, path in urls.items():
                        status, body = fetch(port, path, timeout=600)
                        if status >= 400:
                            raise SystemExit(f"{path} answered {status}")
                        (fixed / endpoint).write_bytes(body)
                plan += [(name, endpoint, port, path) for endpoint, path in paths.items()]
            plan.sort(key=lambda item: list(urls).index(item[1]))
            for _, _, port, path in plan:
                for _ in range(2):  # both workers: renditions, per-process and response caches
                    fetch(port, path, timeout=600)
            for number in range(self.args.rounds):
                for name, endpoint, port, path in plan:
                    run = self.load(port, path)
                    rounds.setdefault((name, endpoint), []).append(run)
                    log(
                        f"  {name} {endpoint}: {run['rps']} req/s, p50 {run['p50_ms']} ms, "
                        f"p99 {run['p99_ms']} ms (round {number + 1}, load {run['loadavg']})"
                    )
            publish = self.publish(stack, env, urls)
        http: dict[str, Any] = {}
        for (name, endpoint), runs in rounds.items():
            http.setdefault(name, {})[endpoint] = summarize(runs)
        return {"http": http, "publish": publish}

    def publish(self, stack: contextlib.ExitStack, env: dict[str, str], urls: dict[str, str]):
        """The admin's publish request of an episode (Wagtail's bulk publish form), timed."""
        page_id = int(urls["detail"].strip("/").split("/")[-1])
        port = free_port()
        stack.enter_context(
            gunicorn(
                {**env, "DJANGO_SETTINGS_MODULE": OURS, "API_CACHE_ENABLED": "true"},
                port,
                urls["detail"],
                self.workdir / "gunicorn-admin.log",
            )
        )
        session = AdminSession(f"http://127.0.0.1:{port}", timeout=600)
        session.login(BENCH_USER, BENCH_PASSWORD)
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
        samples = []
        for _ in range(3):
            token = session.csrf_form(path)
            started = time.perf_counter()
            answer = session.send("POST", path, {"csrfmiddlewaretoken": token})
            samples.append((time.perf_counter() - started) * 1000)
            if answer.status != 302:
                raise SystemExit(f"publish of page {page_id} answered {answer.status}")
        return {"median_ms": round(statistics.median(samples), 1), "samples": samples}

    def build(self, database: Database, name: str, size: int) -> dict[str, Any]:
        env = self.env(database.url(name), name)
        facts_file = Path(env["MEDIA_ROOT"]) / "facts.json"
        if self.args.reuse_data and facts_file.exists():
            log(f"{database.kind}, {size} episodes: reusing {name}")
            return json.loads(facts_file.read_text())
        log(f"{database.kind}, {size} episodes: building {name}")
        database.create(name, database.template())
        shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
        started = time.perf_counter()
        build = ["-m", "bench.bulk", str(size), "--shows", str(self.args.shows)]
        facts = json.loads(self.python(env, OURS, *build, "--stored", self.args.stored))
        facts["build_seconds"] = round(time.perf_counter() - started, 1)
        facts_file.write_text(json.dumps(facts))
        log(f"  built in {facts['build_seconds']} s: {json.dumps(facts)}")
        return facts

    def one(self, database: Database, size: int) -> dict[str, Any]:
        name = f"{self.args.db_prefix}_{database.kind[:2]}_{size}"
        facts = self.build(database, name, size)
        env = self.env(database.url(name), name)
        urls = self.urls(facts)
        result: dict[str, Any] = {"facts": facts, "urls": urls, "loadavg_start": loadavg()}
        log("  in process: plain, ours")
        result["probe"] = {
            "plain": self.probe(env, PLAIN, {key: urls[key] for key in SHARED if key in urls}),
            "ours": self.probe(env, OURS, urls),
        }
        result.update(self.http(env, urls, result["probe"]))
        log(f"  publish request: {result['publish']['median_ms']} ms; re-render after an edit")
        result["rerender"] = json.loads(
            self.python(
                env,
                OURS,
                "-m",
                "bench.rerender",
                str(facts["person_id"]),
                str(self.args.rerender_seconds),
            )
        )
        log(f"  re-render: {result['rerender']}")
        result["loadavg_end"] = loadavg()
        return result

    def run(self) -> dict[str, Any]:
        kinds = ["sqlite", "postgres"] if self.args.db == "both" else [self.args.db]
        sizes = [int(size) for size in self.args.sizes.split(",")]
        self.results["settings"] = {
            "sizes": sizes,
            "shows": self.args.shows,
            "stored": self.args.stored,
            "seconds": self.args.seconds,
            "rounds": self.args.rounds,
            "concurrency": self.args.concurrency,
            "repeat": self.args.repeat,
            "cache": "Redis" if self.args.redis_url else "local memory",
        }
        self.results["started"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="minutes")
        self.results["loadavg_start"] = loadavg()
        for kind in kinds:
            database = Database(self.args, kind, self.workdir)
            if not self.args.reuse_data:
                self.migrate_template(database)
            for size in sizes:
                if self.args.build_only:
                    name = f"{self.args.db_prefix}_{kind[:2]}_{size}"
                    self.build(database, name, size)
                    continue
                run = self.one(database, size)
                self.results["runs"].setdefault(kind, {})[str(size)] = run
                if self.args.json:  # kept after each size: a later one may not finish in time
                    Path(self.args.json).write_text(json.dumps(self.results, indent=2))
        self.results["loadavg_end"] = loadavg()
        return self.results


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    results = ScaleBench(args).run()
    if args.build_only:
        return
    results["command"] = "scripts/bench.sh --scale " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    text = scale_report.render(results)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    if not args.no_docs:
        scale_report.write_docs(Path(args.docs), text)
        log(f"results written to {args.docs}")


if __name__ == "__main__":
    main()
