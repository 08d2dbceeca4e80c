"""Real HTTP receivers on 127.0.0.1 that answer from a script, and the task worker that sends
webhooks and feed pings to them."""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django_tasks_db.management.commands.db_worker import Worker

from frontend_api.revalidation.tasks import TASK_BACKEND


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Receiver:
    """Answers each request with the next scripted status (the last one repeats)."""

    url: str
    statuses: list[int]
    requests: list[Received] = field(default_factory=list)


@contextmanager
def serving(path: str = "/revalidate") -> Iterator[Receiver]:
    """A receiver listening on a free port while the block runs; its URL ends with `path`."""
    state = Receiver(url="", statuses=[204])

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            state.requests.append(
                Received(self.command, self.path, dict(self.headers), body, time.monotonic())
            )
            index = min(len(state.requests), len(state.statuses)) - 1
            self.send_response(state.statuses[index])
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = do_PURGE = _answer

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def run_worker() -> None:
    """What `manage.py db_worker --backend webhooks --batch` does: run every task now due."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=TASK_BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def work_until(done: Callable[[], bool], timeout: float = 30) -> None:
    """Run the worker again and again (deferred retries come due) until `done()` holds."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the worker did not finish in time"
        run_worker()
        time.sleep(0.05)
