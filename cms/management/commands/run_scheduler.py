"""Long-running process: publish and expire scheduled content every minute until stopped."""

import io
import logging
import os
import signal
import socket
import threading
import time

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from frontend_api.caching.invalidation import one_change
from frontend_api.feeds.announce import announce_aired

logger = logging.getLogger("cms.scheduler")

LOCK_KEY = "cms:scheduler:lock"
# A run that outlives this is presumed dead, so another scheduler may take over.
LOCK_TIMEOUT = 300


class Command(BaseCommand):
    help = (
        "Run Wagtail's publish_scheduled every --interval seconds (default 60) until SIGTERM "
        "or SIGINT. Run one per deployment; a cache lock stops two runs overlapping."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs.")
        parser.add_argument(
            "--max-runs", type=int, default=0, help="Stop after this many runs (0: never)."
        )

    def handle(self, *args, interval: float, max_runs: int, **options) -> None:
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
        logger.info("scheduler started", extra={"interval": interval})
        runs = 0
        while not stop.is_set():
            started = time.monotonic()
            self.run_once()
            runs += 1
            if max_runs and runs >= max_runs:
                break
            # Runs start on a fixed cadence whatever each one took.
            stop.wait(max(0.0, interval - (time.monotonic() - started)))
        logger.info("scheduler stopped", extra={"runs": runs})

    def run_once(self) -> None:
        """One pass of publish_scheduled under the lock; a failure is logged, never fatal."""
        # A database restart between runs leaves a dead connection: drop it before reuse.
        close_old_connections()
        owner = f"{socket.gethostname()}:{os.getpid()}:{time.time()}"
        try:
            if not cache.add(LOCK_KEY, owner, timeout=LOCK_TIMEOUT):
                logger.warning("scheduler run skipped: another run holds the lock")
                return
        except Exception:
            logger.exception("scheduler run skipped: the cache is unreachable")
            return
        output = io.StringIO()
        started = time.monotonic()
        try:
            # Everything a run publishes or unpublishes reaches the cache and the frontend once.
            with one_change():
                call_command("publish_scheduled", stdout=output)
            # Episodes whose broadcast date just passed joined their feeds without a publish.
            announce_aired()
            logger.info(
                "scheduler run done",
                extra={
                    "duration_ms": round((time.monotonic() - started) * 1000, 2),
                    "output": output.getvalue().strip(),
                },
            )
        except Exception:
            logger.exception("scheduler run failed")
        finally:
            try:
                if cache.get(LOCK_KEY) == owner:
                    cache.delete(LOCK_KEY)
            except Exception:
                logger.exception("scheduler lock not released; it expires on its own")
