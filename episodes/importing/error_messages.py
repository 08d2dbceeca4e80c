"""Say what is wrong with a page in one line a person can act on."""

from django.core.exceptions import ValidationError


def describe(error: ValidationError, body_types: list[str] | None = None) -> str:
    """Flatten a (possibly nested block) validation error into "where: message" parts."""
    return "; ".join(_lines(error, [], body_types or []))


def _lines(error: ValidationError, path: list[str], body_types: list[str]) -> list[str]:
    block_errors = getattr(error, "block_errors", None)
    non_block = list(getattr(error, "non_block_errors", None) or [])
    if block_errors or non_block:
        lines = []
        for key, sub in (block_errors or {}).items():
            lines += _lines(sub, [*path, _name(key, path, body_types)], body_types)
        for sub in non_block:
            lines += _lines(
                sub if isinstance(sub, ValidationError) else ValidationError(sub), path, body_types
            )
        return lines
    if hasattr(error, "error_dict"):
        lines = []
        for field, errors in error.error_dict.items():
            for sub in errors:
                lines += _lines(sub, [*path, field], body_types)
        return lines
    if len(error.error_list) > 1 or error.error_list[0] is not error:
        return [line for sub in error.error_list for line in _lines(sub, path, body_types)]
    where = " → ".join(path)
    message = " ".join(error.messages)
    return [f"{where}: {message}" if where else message]


def _name(key, path: list[str], body_types: list[str]) -> str:
    """Body blocks are named by position and type ("block 4 (paragraph)"), others by key."""
    if path == ["body"] and isinstance(key, int) and key < len(body_types):
        return f"block {key + 1} ({body_types[key]})"
    return f"item {key + 1}" if isinstance(key, int) else str(key)
