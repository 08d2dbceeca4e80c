"""HTTP load generator (stdlib only), run in its own process: `python -m bench.load ARGS`.

Keeps CONCURRENCY requests in flight on loopback with non-blocking sockets, one connection
per request (gunicorn's sync workers close after each response), until MAX_REQUESTS are done
or SECONDS have passed. Prints JSON: requests/s, p50/p99 latency, errors, bytes per response.
"""

import argparse
import json
import selectors
import socket
import time


class Request:
    """One request on its own connection, from connect to the server's close."""

    __slots__ = ("buffer", "sock", "started")

    def __init__(self, address: tuple[str, int], payload: bytes) -> None:
        self.started = time.perf_counter()
        self.buffer = bytearray()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.sock.connect_ex(address)


def run(host: str, port: int, path: str, concurrency: int, max_requests: int, seconds: float):
    payload = (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    selector = selectors.DefaultSelector()
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    sizes: set[int] = set()
    started = time.perf_counter()
    deadline = started + seconds
    issued = 0

    def start() -> None:
        nonlocal issued
        request = Request((host, port), payload)
        issued += 1
        selector.register(request.sock, selectors.EVENT_WRITE, request)

    for _ in range(min(concurrency, max_requests)):
        start()
    while selector.get_map():
        for key, events in selector.select(timeout=1.0):
            request: Request = key.data
            sock = request.sock
            if events & selectors.EVENT_WRITE:
                sock.sendall(payload)
                selector.modify(sock, selectors.EVENT_READ, request)
                continue
            try:
                chunk = sock.recv(262144)
            except ConnectionError:
                chunk = b""
                request.buffer = bytearray(b"HTTP/1.1 599 reset\r\n\r\n")
            if chunk:
                request.buffer += chunk
                continue
            selector.unregister(sock)
            sock.close()
            latencies.append(time.perf_counter() - request.started)
            head, _, body = bytes(request.buffer).partition(b"\r\n\r\n")
            status = head[9:12].decode() or "000"
            statuses[status] = statuses.get(status, 0) + 1
            sizes.add(len(body))
            if issued < max_requests and time.perf_counter() < deadline:
                start()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(q: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 2)

    return {
        "path": path,
        "requests": len(latencies),
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "statuses": statuses,
        "body_bytes": sorted(sizes),
        "concurrency": concurrency,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    print(
        json.dumps(
            run(args.host, args.port, args.path, args.concurrency, args.max_requests, args.seconds)
        )
    )


if __name__ == "__main__":
    main()
