"""Helpers for tests that run the CMS in other processes: environments, ports, databases."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parent.parent
PRODUCTION_ENV_FILE = REPO / "deploy" / "production.env.example"


def read_env_file(path: Path = PRODUCTION_ENV_FILE) -> dict[str, str]:
    """The KEY=VALUE lines of an env file, comments and blank lines skipped."""
    pairs = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def base_env(**overrides: str | None) -> dict[str, str]:
    """This process's environment without the project's variables, then the overrides."""
    project_vars = set(read_env_file()) | {"DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX"}
    env = {key: value for key, value in os.environ.items() if key not in project_vars}
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `manage.py ARGS` in a fresh interpreter and capture what it prints."""
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SHARED_DATABASE_NEEDED = (
    "needs a database another process can open: run the suite with "
    "DATABASE_URL=postgres://... (CI's PostgreSQL pass runs this test)"
)


@contextlib.contextmanager
def serving(
    command: list[str],
    cwd: Path,
    env: dict[str, str],
    log_path: Path,
    probe_url: str,
    any_status: bool = False,
) -> Iterator[subprocess.Popen]:
    """Run a server until the block ends, from when probe_url answers (any status if any_status)."""
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(probe_url, timeout=2)
                break
            except urllib.error.HTTPError:
                if any_status:
                    break
            except OSError:
                pass  # not listening yet
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(log_path.read_text())
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextlib.contextmanager
def runserver(env: dict[str, str], log_dir: Path) -> Iterator[str]:
    """`manage.py runserver` on a free port until the block ends; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    with serving(command, REPO, env, log_dir / f"runserver-{port}.log", base + "/healthz"):
        yield base


def needs_shared_database() -> pytest.MarkDecorator:
    """Skip at collection on SQLite, before slow fixtures (collectstatic) run for nothing."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return pytest.mark.skipif(
        engine != "django.db.backends.postgresql", reason=SHARED_DATABASE_NEEDED
    )


def database_url_for_other_processes() -> str:
    """The URL of the test database, for processes started by a test (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        pytest.skip(SHARED_DATABASE_NEEDED)
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@dataclass
class RedisServer:
    """A private redis-server on loopback that a test may kill, freeze, restart and restore."""

    port: int
    directory: Path
    process: subprocess.Popen | None = None

    DUMP = "dump.rdb"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, snapshot: Path | None = None, timeout: float = 10) -> float:
        """Start it empty, or with the data of a snapshot; returns when it answered PING."""
        dump = self.directory / self.DUMP
        dump.unlink(missing_ok=True)
        if snapshot is not None:
            shutil.copyfile(snapshot, dump)
        # No automatic snapshots: the data on disk is only what the test saved on purpose.
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
                *("--dbfilename", self.DUMP, "--logfile", str(self.directory / "redis.log")),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.directory / "redis.log").read_text(errors="replace")
                raise RuntimeError(f"redis-server on {self.port} did not start:\n{log[-2000:]}")
            time.sleep(0.02)
        return time.monotonic()

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=0.5, socket_connect_timeout=0.5)

    def ping(self) -> bool:
        import redis

        try:
            with self.client() as client:
                return bool(client.ping())
        except redis.RedisError:
            return False

    def snapshot(self, name: str) -> Path:
        """SAVE the data set now and keep a copy of the file under `name`."""
        with self.client() as client:
            client.save()
        copy = self.directory / name
        shutil.copyfile(self.directory / self.DUMP, copy)
        return copy

    def freeze(self) -> None:
        """SIGSTOP: it accepts connections (the kernel does) but answers nothing."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def kill(self) -> None:
        """SIGKILL: gone at once, nothing saved."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a frozen server cannot exit
            self.kill()


def redis_server(directory: Path) -> RedisServer:
    """A RedisServer on a free port, not started; skips when redis-server is not installed."""
    from tests.conftest import require_service

    require_service(
        "redis-server", shutil.which("redis-server") is not None, "install Redis (redis-server)"
    )
    return RedisServer(free_port(), directory)
