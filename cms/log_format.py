"""The log line formats, shared by Django's logging and gunicorn's (which loads no settings)."""

JSON_FORMATTER = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "fmt": "%(levelname)s %(name)s %(message)s",
    "rename_fields": {"levelname": "level", "name": "logger"},
    "timestamp": "time",
}
TEXT_FORMATTER = {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}


def in_format(logging_config: dict, log_format: str) -> dict:
    """A LOGGING dict whose handlers all write `log_format` ("json" or "text"), filters kept."""
    return {
        **logging_config,
        "formatters": {"json": JSON_FORMATTER, "text": TEXT_FORMATTER},
        "handlers": {
            name: {**handler, "formatter": log_format}
            for name, handler in logging_config["handlers"].items()
        },
    }
