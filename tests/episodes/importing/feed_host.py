"""A real HTTP server on a free loopback port serving the files a feed points at."""

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Host:
    """What the server answers at each path, and the paths it was asked for."""

    base: str = ""
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    slow: dict[str, float] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def put(self, path: str, body: bytes | str, content_type: str = "text/plain") -> str:
        """Serve `body` at `path`; returns its URL."""
        self.files[path] = (content_type, body.encode() if isinstance(body, str) else body)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def feed_host() -> Iterator[Host]:
    host = Host()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host.asked.append(self.path)
            time.sleep(host.slow.get(self.path, 0))
            if self.path in host.redirects:
                self.send_response(302)
                self.send_header("Location", host.redirects[self.path])
                self.end_headers()
                return
            if self.path not in host.files:
                self.send_error(404)
                return
            content_type, body = host.files[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The importer may stop reading at its size limit.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    host.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield host
    finally:
        server.shutdown()
        server.server_close()
