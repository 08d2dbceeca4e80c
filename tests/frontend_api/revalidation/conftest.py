"""A real HTTP receiver for the webhook, and the task worker (tests/support/receivers.py)."""

from collections.abc import Iterator

import pytest

from tests.support.receivers import Receiver, run_worker, serving, work_until

__all__ = ["SECRET", "run_worker", "work_until"]

SECRET = "test-revalidation-secret-" + "x" * 20


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with serving() as state:
        yield state


@pytest.fixture
def webhook(settings, receiver, show) -> Receiver:
    """The webhook pointed at the receiver, with a short backoff so retries come quickly.

    Set up after the show exists: creating the test's content queues nothing.
    """
    settings.FRONTEND_REVALIDATE_URL = receiver.url
    settings.FRONTEND_REVALIDATE_SECRET = SECRET
    settings.FRONTEND_REVALIDATE_BACKOFF = 0.2
    settings.FRONTEND_REVALIDATE_ATTEMPTS = 4
    return receiver
