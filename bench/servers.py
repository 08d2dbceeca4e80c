"""Starts and stops the gunicorn servers the load generator talks to."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

WORKERS = 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_ready(port: int, path: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early; see {log}:\n{log.read_text()[-2000:]}")
        try:
            status, _ = fetch(port, path, timeout=5)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn on port {port} did not answer in time; see {log}")


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, ready_path: str, log: Path) -> Iterator[int]:
    """A gunicorn with 2 sync workers on 127.0.0.1:port, stopped (by its own pid) on exit.

    gunicorn also reads the project's gunicorn.conf.py from the working directory; its worker
    recycling (every ~2,000 requests) is switched off, as a worker's restart stalls every
    request in flight for a second or two and fast endpoints would pay it most often.
    """
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "bench.wsgi:application",
        "--workers",
        str(WORKERS),
        "--max-requests",
        "0",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--timeout",
        "120",
    ]
    with log.open("ab") as output:
        process = subprocess.Popen(
            command, env={**os.environ, **env}, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_until_ready(port, ready_path, process, log)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
