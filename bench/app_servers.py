"""Start and stop real gunicorn app servers of this project (production settings) on loopback."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class AppServer:
    """One gunicorn master serving the CMS on 127.0.0.1:port."""

    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def production_env(**values: str) -> dict[str, str]:
    """This process's environment with production settings and the given values on top."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **values}


def wait_healthy(url: str, timeout: float = 60) -> dict:
    """Poll /healthz until it answers 200; its JSON body."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            # A worker loads Django on its first request, which takes seconds on a busy machine.
            with urllib.request.urlopen(f"{url}/healthz", timeout=timeout) as response:
                return json.loads(response.read())
        except OSError as error:  # refused, reset, timed out, or a 503 (HTTPError)
            last_error = error
            time.sleep(0.2)
    raise TimeoutError(f"{url}/healthz did not answer 200 within {timeout}s: {last_error}")


def start(port: int, env: dict[str, str], log_dir: Path, workers: int = 2) -> AppServer:
    """A gunicorn master with gunicorn.conf.py on the port; returns once /healthz is green."""
    log_path = log_dir / f"gunicorn-{port}.log"
    static_root = log_dir / "static"
    static_root.mkdir(exist_ok=True)
    env = {
        "STATIC_ROOT": str(static_root),  # whitenoise wants the folder; API runs need no CSS
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = AppServer(port=port, process=process, log_path=log_path)
    try:
        wait_healthy(server.url)
    except TimeoutError as error:
        stop(server)
        raise RuntimeError(f"gunicorn on {port} did not start:\n{server.log()[-3000:]}") from error
    return server


def stop(server: AppServer) -> None:
    """Graceful stop (SIGTERM), then kill if it lingers."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


@contextlib.contextmanager
def running(
    ports: list[int], env: dict[str, str], log_dir: Path, workers: int = 2
) -> Iterator[list[AppServer]]:
    """App servers on each port for the duration of the block."""
    servers: list[AppServer] = []
    try:
        for port in ports:
            servers.append(start(port, env, log_dir, workers))
        yield servers
    finally:
        for server in servers:
            stop(server)
