"""Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>", and the receiver's check."""

import hashlib
import hmac

from frontend_api.revalidation.signing import signature, signed_headers, verify

SECRET = "s3cret-for-tests"
BODY = b'{"paths":["/show/episode/"]}'


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body():
    expected = hmac.new(SECRET.encode(), b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert signature(BODY, SECRET, 1700000000) == f"sha256={expected}"


def test_a_fresh_signed_request_verifies():
    headers = signed_headers(BODY, SECRET, timestamp=1700000000)
    assert headers["X-Revalidate-Timestamp"] == "1700000000"
    assert verify(BODY, headers, SECRET, now=1700000010)
    lowered = {name.lower(): value for name, value in headers.items()}
    assert verify(BODY, lowered, SECRET, now=1700000010)


def test_tampering_and_wrong_secrets_fail():
    headers = signed_headers(BODY, SECRET, timestamp=1700000000)
    assert not verify(BODY + b" ", headers, SECRET, now=1700000000)
    assert not verify(BODY, headers, "another-secret", now=1700000000)
    assert not verify(BODY, headers, "", now=1700000000)
    # The timestamp is signed: moving it forward to dodge the window breaks the signature.
    replayed = {**headers, "X-Revalidate-Timestamp": "1700000900"}
    assert not verify(BODY, replayed, SECRET, now=1700000900)


def test_the_replay_window():
    headers = signed_headers(BODY, SECRET, timestamp=1700000000)
    assert verify(BODY, headers, SECRET, now=1700000300)
    assert not verify(BODY, headers, SECRET, now=1700000301)
    assert not verify(BODY, headers, SECRET, now=1699999699)
    assert verify(BODY, headers, SECRET, tolerance=60, now=1700000060)
    assert not verify(BODY, headers, SECRET, tolerance=60, now=1700000061)


def test_missing_or_malformed_headers_fail():
    assert not verify(BODY, {}, SECRET, now=1700000000)
    headers = signed_headers(BODY, SECRET, timestamp=1700000000)
    assert not verify(BODY, {**headers, "X-Revalidate-Timestamp": "soon"}, SECRET)
    assert not verify(BODY, {"X-Revalidate-Timestamp": "1700000000"}, SECRET, now=1700000000)
