"""The frontend's logging: uvicorn's, with preview and review tokens blanked out of every line.

The frontend imports nothing from the CMS (it is a client like any other), so it carries its
own copy of the CMS's filter (frontend_api.log_redaction): same patterns, same record parts.
"""

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG

REDACTED = "[redacted]"
TOKEN_PATTERNS = (
    re.compile(r"(/review/)[^?#\s\"'<>()]+?(?=/?(?:[?#\s\"'<>()]|$))"),
    re.compile(r"([?&;]token=)[^&#\s\"'<>]*"),
)
STANDARD_ATTRIBUTES = frozenset(
    logging.LogRecord("", logging.INFO, "", 0, "", (), None).__dict__
) | {"message", "asctime"}


def redact(text: str) -> str:
    """The text with every token in a review path or a token= parameter replaced."""
    for pattern in TOKEN_PATTERNS:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    return text


def redacted_value(value: Any) -> Any:
    """The value itself when its text holds no token, else its text redacted."""
    if isinstance(value, int | float | bool | None):
        return value
    text = value if isinstance(value, str) else str(value)
    redacted = redact(text)
    return value if redacted == text else redacted


class RedactTokens(logging.Filter):
    """Rewrites the message, arguments, exception text and extra attributes of a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redacted_value(record.msg)
        if isinstance(record.args, dict):
            # In place: the mapping may be a subclass the format relies on (gunicorn's access
            # atoms answer "-" for a header the request lacks).
            for key, value in list(record.args.items()):
                record.args[key] = redacted_value(value)
        elif record.args:
            # uvicorn's access formatter unpacks the arguments: keep them a tuple.
            record.args = tuple(redacted_value(arg) for arg in record.args)
        if record.exc_info:
            # httpx's errors name the CMS URL they called, review tokens included.
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


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration with the redaction filter on every handler."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"redact_tokens": {"()": RedactTokens}}
    for handler in config["handlers"].values():
        handler["filters"] = ["redact_tokens"]
    # The frontend's own loggers write through the same handler, not logging's bare fallback.
    config["root"] = {"handlers": ["default"], "level": "INFO"}
    # httpx logs every URL it calls at INFO, preview and review tokens included.
    config["loggers"]["httpx"] = {"level": "WARNING"}
    return config
