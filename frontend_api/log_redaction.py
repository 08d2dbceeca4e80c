"""A logging filter that blanks preview and reviewer tokens out of log messages."""

import logging
import re

REDACTED = "[redacted]"
TOKEN_PATTERNS = (
    re.compile(r"(/review/)[^/?#\s\"']+"),
    re.compile(r"([?&;]token=)[^&#\s\"']*"),
)


def redact(text: str) -> str:
    """The text with every token in a review path or a token= parameter replaced."""
    for pattern in TOKEN_PATTERNS:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    return text


class RedactTokens(logging.Filter):
    """Rewrites records whose message contains a token, such as Django's "Not Found: <path>"."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A malformed record: leave it to the handler's own error reporting.
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
