"""`python -m frontend`: serve the frontend with uvicorn on FRONTEND_HOST:FRONTEND_PORT."""

import logging
import os
import re

import uvicorn

from .app import create_app

TOKEN_RE = re.compile(r"(token=|/review/)[^\s&\"/]+")


class RedactTokens(logging.Filter):
    """Keeps preview and review tokens out of the access log: they are credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.args = tuple(
            TOKEN_RE.sub(r"\1[redacted]", arg) if isinstance(arg, str) else arg
            for arg in record.args or ()
        )
        return True


def main() -> None:
    logging.getLogger("uvicorn.access").addFilter(RedactTokens())
    # httpx logs every URL it calls at INFO, preview and review tokens included.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    uvicorn.run(
        create_app(),
        host=os.environ.get("FRONTEND_HOST", "127.0.0.1"),
        port=int(os.environ.get("FRONTEND_PORT", "3000")),
        proxy_headers=False,
    )


if __name__ == "__main__":
    main()
