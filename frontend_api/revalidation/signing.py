"""HMAC-SHA256 signatures of webhook deliveries, and the check a receiver makes.

The signed message is "<timestamp>.<body>": the timestamp is covered by the signature, so a
captured request cannot be replayed later with a fresh timestamp, and a receiver refuses
timestamps outside its window (five minutes by default).
"""

import hashlib
import hmac
import time
from collections.abc import Mapping

SIGNATURE_HEADER = "X-Revalidate-Signature"
TIMESTAMP_HEADER = "X-Revalidate-Timestamp"
DELIVERY_HEADER = "X-Revalidate-Delivery"
SCHEME = "sha256="
DEFAULT_TOLERANCE = 300


def signature(body: bytes, secret: str, timestamp: int) -> str:
    """ "sha256=<hex>" over "<timestamp>.<body>" with the shared secret."""
    message = str(timestamp).encode() + b"." + body
    return SCHEME + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(body, secret, timestamp),
    }


def verify(
    body: bytes,
    headers: Mapping[str, str],
    secret: str,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """A receiver's check: a fresh timestamp and a matching signature (constant-time compare)."""
    lowered = {name.lower(): value for name, value in headers.items()}
    raw_timestamp = lowered.get(TIMESTAMP_HEADER.lower(), "")
    given = lowered.get(SIGNATURE_HEADER.lower(), "")
    if not raw_timestamp.isdigit() or not secret:
        return False
    timestamp = int(raw_timestamp)
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(body, secret, timestamp), given)
