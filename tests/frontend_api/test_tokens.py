"""Reviewer-link tokens: random enough, hashed, and shaped so junk is refused early."""

import base64

from frontend_api.drafts.tokens import hash_token, looks_like_token, new_token


def test_tokens_carry_256_random_bits():
    token = new_token()
    assert len(base64.urlsafe_b64decode(token + "=")) * 8 == 256
    assert len({new_token() for _ in range(1000)}) == 1000


def test_hash_is_sha256_hex_and_not_the_token():
    token = new_token()
    digest = hash_token(token)
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert token not in digest
    assert hash_token(token) == digest
    assert hash_token(new_token()) != digest


def test_shape_check():
    assert looks_like_token(new_token())
    for junk in [
        "",
        "short",
        new_token() + "x",
        new_token()[:-1] + "/",
        "a" * 42 + "\x00",
        "é" * 43,
    ]:
        assert not looks_like_token(junk)
