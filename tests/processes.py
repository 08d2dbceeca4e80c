"""Helpers for tests that run the CMS in other processes: environments, ports, databases."""

import os
import socket
import subprocess
import sys
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


def database_url_for_other_processes() -> str:
    """The URL of the test database, for processes started by a test (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs a database another process can open: run the suite with "
            "DATABASE_URL=postgres://... (CI's PostgreSQL pass runs this test)"
        )
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
