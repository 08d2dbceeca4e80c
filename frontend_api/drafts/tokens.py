"""Reviewer-link tokens: random, URL-safe, and stored only as a hash."""

import hashlib
import re
import secrets

TOKEN_BYTES = 32  # 256 bits of randomness.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token() -> str:
    """A fresh token for a reviewer link, shown once to its creator."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored and looked up."""
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(value: str) -> bool:
    """Whether a value has a token's shape, so junk is refused before any query."""
    return bool(TOKEN_SHAPE.fullmatch(value))
