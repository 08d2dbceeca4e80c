"""The benchmark in one command: `scripts/bench.sh` (or `python -m bench.run`).

Builds the data set, then measures plain Wagtail API v2 and ours on it in the same run:
queries per request, ms per request as the block count grows, and requests/s with p50/p99
over HTTP (gunicorn, 2 workers, load from a separate process). See docs/benchmarks.md.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import report
from .servers import fetch, free_port, gunicorn

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_api"
OURS = "bench.settings"
PLAIN = "bench.plain_wagtail.settings"
FIXED_BYTES_PATH = "/bench/fixed-bytes/"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="database to (re)create and fill; PostgreSQL or SQLite (default: %(default)s)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", ""),
        help="cache for both servers (default: $REDIS_URL, else local memory per worker)",
    )
    parser.add_argument("--episodes", type=int, default=2000)
    parser.add_argument("--sizes", default="10,100,1000", help="block counts of the sized pages")
    parser.add_argument("--seconds", type=float, default=5.0, help="time bound of each load run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved load runs per figure")
    parser.add_argument("--max-requests", type=int, default=50_000, help="count bound of each")
    parser.add_argument("--concurrency", type=int, default=4, help="requests kept in flight")
    parser.add_argument("--repeat", type=int, default=20, help="samples for ms per request")
    parser.add_argument("--port", type=int, default=8120, help="first of 3 ports; 0 picks free")
    parser.add_argument("--reuse-data", action="store_true", help="skip the build (same db)")
    parser.add_argument("--profile", action="store_true", help="cProfile our detail view")
    parser.add_argument("--docs", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--no-docs", action="store_true", help="print only")
    parser.add_argument("--json", default="", help="also write the raw results here")
    return parser.parse_args(argv)


def measure_load(
    port: int, path: str, *, concurrency: int, seconds: float, max_requests: int | None = None
) -> dict[str, Any]:
    """One load run of `bench.load` against a server (its JSON), with the load average after."""
    arguments = ["--port", str(port), "--path", path, "--concurrency", str(concurrency)]
    if max_requests is not None:
        arguments += ["--max-requests", str(max_requests)]
    arguments += ["--seconds", str(seconds)]
    output = subprocess.run(
        [PYTHON, "-m", "bench.load", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {**json.loads(output), "loadavg": round(os.getloadavg()[0], 2)}


class Bench:
    """Holds the environment every child process shares and collects the results."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="podcast-bench-"))
        self.env = {
            "DATABASE_URL": args.database_url,
            "MEDIA_ROOT": str(self.media_root()),
            "CACHE_KEY_PREFIX": "podcast-bench",
            "REDIS_URL": args.redis_url,
            "API_CACHE_ENABLED": "false",
            "BENCH_FIXED_BYTES_FILE": str(self.workdir / "fixed-bytes.json"),
            "PYTHONPATH": str(ROOT),
        }
        self.results: dict[str, Any] = {"http": {}, "probe": {}}

    def media_root(self) -> Path:
        name = urlsplit(self.args.database_url).path.strip("/").replace("/", "_") or "bench"
        return Path(tempfile.gettempdir()) / "podcast-bench-media" / Path(name).name

    def python(self, settings: str, *arguments: str, cache: bool = False) -> str:
        env = {
            **os.environ,
            **self.env,
            "DJANGO_SETTINGS_MODULE": settings,
            "API_CACHE_ENABLED": "true" if cache else "false",
        }
        done = subprocess.run(
            [PYTHON, *arguments], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"{' '.join(arguments)} failed:\n{done.stderr[-4000:]}")
        return done.stdout

    def log(self, message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    # Data -------------------------------------------------------------------------------------

    def recreate_database(self) -> None:
        parts = urlsplit(self.args.database_url)
        if parts.scheme.startswith("postgres"):
            import psycopg

            name = parts.path.lstrip("/")
            admin = parts._replace(path="/postgres").geturl()
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
        elif parts.scheme == "sqlite":
            Path(parts.path).unlink(missing_ok=True)
        else:
            raise SystemExit(f"unsupported database URL: {self.args.database_url}")

    def build(self) -> None:
        facts_file = self.media_root() / "dataset.json"
        if self.args.reuse_data and facts_file.exists():
            self.log("reusing the data set")
            self.results["dataset"] = json.loads(facts_file.read_text())
            return
        self.log(f"creating the database {self.args.database_url}")
        self.recreate_database()
        self.python(OURS, "manage.py", "migrate", "--noinput", "-v0")
        self.log(f"building {self.args.episodes} episodes and pages of {self.args.sizes} blocks")
        facts = json.loads(
            self.python(OURS, "-m", "bench.dataset", str(self.args.episodes), self.args.sizes)
        )
        facts_file.parent.mkdir(parents=True, exist_ok=True)
        facts_file.write_text(json.dumps(facts))
        self.results["dataset"] = facts
        self.log(f"data set built in {facts['build_seconds']} s")

    def urls(self) -> dict[str, str]:
        data = self.results["dataset"]
        urls = {
            "detail": f"/api/v2/pages/{data['article']['id']}/",
            "list": "/api/v2/pages/?type=episodes.EpisodePage&fields=*&limit=20",
            "find": f"/api/v2/pages/find/?html_path={data['article']['path']}",
        }
        for size, pk in data["sized"].items():
            urls[f"detail_{size}"] = f"/api/v2/pages/{pk}/"
        return urls

    # In-process measurements ------------------------------------------------------------------

    def probe(self, name: str, settings: str, cache: bool = False) -> None:
        self.log(f"queries and ms per request: {name}")
        arguments = ["-m", "bench.probe", json.dumps(self.urls()), str(self.args.repeat)]
        if self.args.profile and name == "ours":
            arguments.append(str(self.workdir / "profile-ours-detail.txt"))
        self.results["probe"][name] = json.loads(self.python(settings, *arguments, cache=cache))

    def response_cache_available(self) -> bool:
        found = self.python(
            OURS,
            "-c",
            "import django; django.setup(); from django.conf import "
            "settings; print(hasattr(settings, 'API_CACHE_ENABLED'))",
        )
        return found.strip() == "True"

    # HTTP -------------------------------------------------------------------------------------

    def ports(self) -> list[int]:
        if self.args.port == 0:
            return [free_port() for _ in range(3)]
        return [self.args.port + offset for offset in range(1, 4)]

    def warm(self, port: int, path: str) -> None:
        for _ in range(10):  # both workers: renditions, per-process and response caches
            status, _ = fetch(port, path)
            if status >= 400:
                raise SystemExit(f"{path} answered {status} on port {port}")

    def load(self, port: int, path: str) -> dict[str, Any]:
        return measure_load(
            port,
            path,
            concurrency=self.args.concurrency,
            seconds=self.args.seconds,
            max_requests=self.args.max_requests,
        )

    def http(self, servers: list[tuple[str, str, bool]], paths: dict[str, str]) -> None:
        """Every server up at once; load runs interleaved round by round, so that other work
        on the machine weighs on each configuration alike."""
        plan: list[tuple[str, str, int, str]] = []
        with contextlib.ExitStack() as stack:
            for (name, settings, cache), port in zip(servers, self.ports(), strict=False):
                env = {
                    **self.env,
                    "DJANGO_SETTINGS_MODULE": settings,
                    "API_CACHE_ENABLED": "true" if cache else "false",
                }
                log = self.workdir / f"gunicorn-{name}.log"
                self.log(f"starting gunicorn for {name} on 127.0.0.1:{port}")
                stack.enter_context(gunicorn(env, port, paths["detail"], log))
                plan += [(name, endpoint, port, path) for endpoint, path in paths.items()]
                if cache:
                    _, body = fetch(port, paths["detail"])
                    Path(self.env["BENCH_FIXED_BYTES_FILE"]).write_bytes(body)
                    plan.append((name, "fixed_bytes", port, FIXED_BYTES_PATH))
            plan.sort(key=lambda item: list(paths).index(item[1]) if item[1] in paths else 0)
            for _, _, port, path in plan:
                self.warm(port, path)
            rounds: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for number in range(self.args.rounds):
                self.log(f"HTTP load, round {number + 1} of {self.args.rounds}")
                for name, endpoint, port, path in plan:
                    run = self.load(port, path)
                    rounds.setdefault((name, endpoint), []).append(run)
                    self.log(
                        f"  {name} {endpoint}: {run['rps']} req/s, p50 {run['p50_ms']} ms, "
                        f"p99 {run['p99_ms']} ms (load average {run['loadavg']})"
                    )
        for (name, endpoint), runs in rounds.items():
            self.results["http"].setdefault(name, {})[endpoint] = summarize(runs)

    # The run ----------------------------------------------------------------------------------

    def machine(self) -> dict[str, Any]:
        cpu = ""
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        versions = self.python(
            OURS,
            "-c",
            "import django, wagtail, rest_framework; "
            "print(django.get_version(), wagtail.__version__, "
            "rest_framework.__version__)",
        ).split()
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        return {
            "cores": os.cpu_count(),
            "cpu": cpu,
            "python": platform.python_version(),
            "django": versions[0],
            "wagtail": versions[1],
            "drf": versions[2],
            "database": urlsplit(self.args.database_url).scheme,
            "cache": "Redis" if self.args.redis_url else "local memory",
            "commit": commit,
            "date": datetime.datetime.now().isoformat(timespec="minutes"),
            "loadavg_start": round(os.getloadavg()[0], 2),
        }

    def run(self) -> dict[str, Any]:
        self.results["machine"] = self.machine()
        names = ("episodes", "sizes", "seconds", "rounds", "max_requests", "concurrency", "repeat")
        self.results["settings"] = {name: getattr(self.args, name) for name in names}
        self.build()
        cached = self.response_cache_available()
        self.results["response_cache"] = cached
        self.probe("plain", PLAIN)
        self.probe("ours", OURS)
        if cached:
            self.probe("ours_cached", OURS, cache=True)
        urls = self.urls()
        http_paths = {key: urls[key] for key in ("detail", "list", "find")}
        servers = [("plain", PLAIN, False), ("ours", OURS, False)]
        if cached:
            servers.append(("ours_cached", OURS, True))
        self.http(servers, http_paths)
        self.results["machine"]["loadavg_end"] = round(os.getloadavg()[0], 2)
        if self.args.profile:
            self.results["profile"] = (self.workdir / "profile-ours-detail.txt").read_text()
        return self.results


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of the rounds for each figure, the totals for counts."""
    statuses: dict[str, int] = {}
    for run in runs:
        for code, count in run["statuses"].items():
            statuses[code] = statuses.get(code, 0) + count
    return {
        "path": runs[0]["path"],
        "rps": statistics.median(run["rps"] for run in runs),
        "p50_ms": statistics.median(run["p50_ms"] for run in runs),
        "p99_ms": statistics.median(run["p99_ms"] for run in runs),
        "requests": sum(run["requests"] for run in runs),
        "statuses": statuses,
        "rounds": [run["rps"] for run in runs],
        "loadavg": [run["loadavg"] for run in runs],
    }


def command_line(args: argparse.Namespace, argv: list[str] | None) -> str:
    redis = [f"REDIS_URL={args.redis_url}"] if args.redis_url else []
    return " ".join([*redis, "scripts/bench.sh", *(argv if argv is not None else sys.argv[1:])])


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    bench = Bench(args)
    results = bench.run()
    results["command"] = command_line(args, argv)
    text = report.render(results)
    print(text)
    if args.profile:
        print(results["profile"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    if not args.no_docs:
        report.write_docs(Path(args.docs), text)
        bench.log(f"results written to {args.docs}")


if __name__ == "__main__":
    main()
