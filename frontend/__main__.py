"""`python -m frontend`: serve the frontend with uvicorn on FRONTEND_HOST:FRONTEND_PORT."""

import os

import uvicorn

from .app import create_app
from .logs import log_config


def main() -> None:
    uvicorn.run(
        create_app(),
        host=os.environ.get("FRONTEND_HOST", "127.0.0.1"),
        port=int(os.environ.get("FRONTEND_PORT", "3000")),
        proxy_headers=False,
        log_config=log_config(),
    )


if __name__ == "__main__":
    main()
