"""A real HTTP server on a free loopback port serving one audio file, for the probe tests."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def audio_host(
    body: bytes,
    content_type: str = "audio/mpeg",
    ranges: bool = True,
    status: int = 200,
    delay: float = 0.0,
) -> Iterator[str]:
    """Serve `body` at /episode; yields its URL. `ranges=False` ignores Range headers."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, send_body: bool) -> None:
            time.sleep(delay)
            if status != 200:
                self.send_error(status)
                return
            start, end = 0, len(body) - 1
            asked = self.headers.get("Range", "")
            partial = ranges and asked.startswith("bytes=")
            if partial:
                first, _, last = asked[6:].partition("-")
                start, end = int(first), min(int(last or end), end)
            self.send_response(206 if partial else 200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(end - start + 1))
            if ranges:
                self.send_header("Accept-Ranges", "bytes")
            if partial:
                self.send_header("Content-Range", f"bytes {start}-{end}/{len(body)}")
            self.end_headers()
            if send_body:
                self.wfile.write(body[start : end + 1])

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/episode"
    finally:
        server.shutdown()
        server.server_close()
