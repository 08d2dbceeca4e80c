"""A logging filter that blanks preview and reviewer tokens out of every part of a record.

It imports nothing from Django, so gunicorn's logging (which loads no settings) uses it too.
"""

import logging
import re
from typing import Any

REDACTED = "[redacted]"
TOKEN_PATTERNS = (
    # Everything after /review/ up to the query string, bar one trailing slash: a token
    # mistyped with an extra segment is still most of a live token.
    re.compile(r"(/review/)[^?#\s\"'<>()]+?(?=/?(?:[?#\s\"'<>()]|$))"),
    re.compile(r"([?&;]token=)[^&#\s\"'<>]*"),
)

# What every LogRecord has; anything else on a record came in through `extra=`.
STANDARD_ATTRIBUTES = frozenset(
    logging.LogRecord("", logging.INFO, "", 0, "", (), None).__dict__
) | {"message", "asctime"}
# Values a formatter writes as they are; any other object is written as its str().
PLAIN_TYPES = (int, float, bool, type(None))


def redact(text: str) -> str:
    """The text with every token in a review path or a token= parameter replaced."""
    for pattern in TOKEN_PATTERNS:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    return text


def redacted_value(value: Any) -> Any:
    """The value itself when its text holds no token, else its text redacted.

    Objects such as the `request` Django attaches to its records are written by formatters as
    their str() ("<WSGIRequest: GET '/api/v2/review/...'>"), so that text is what is checked.
    """
    if isinstance(value, PLAIN_TYPES):
        return value
    if isinstance(value, str):
        return redact(value)
    try:
        text = str(value)
    except Exception:  # A value that can't be shown can't leak a token either.
        return value
    redacted = redact(text)
    return value if redacted == text else redacted


class RedactTokens(logging.Filter):
    """Rewrites the message, arguments, exception text, stack and extra attributes of a record.

    Attach it to every handler: a filter on a logger misses records that propagate to it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        self.redact_message(record)
        if record.exc_info:
            # Formatters would print the traceback afresh from exc_info; print it once here
            # and keep only the redacted text, which every formatter falls back on.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for name, value in list(record.__dict__.items()):
            if name not in STANDARD_ATTRIBUTES:
                setattr(record, name, redacted_value(value))
        return True

    @staticmethod
    def redact_message(record: logging.LogRecord) -> None:
        # Arguments are redacted one by one so formatters that read them (uvicorn's access
        # formatter unpacks them) still can; the whole message only if a token survives that.
        record.msg = redacted_value(record.msg)
        if isinstance(record.args, dict):
            # In place: the mapping may be a subclass the format relies on (gunicorn's access
            # atoms answer "-" for a header the request lacks).
            for key, value in list(record.args.items()):
                record.args[key] = redacted_value(value)
        elif record.args:
            record.args = tuple(redacted_value(arg) for arg in record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):
            return  # A malformed record: the handler reports it.
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
