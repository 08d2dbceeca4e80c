"""Probing external audio in the task worker, never in the editor's request."""

from django.conf import settings
from django.db import transaction
from django.tasks import task

from episodes.audio.models import AudioProbe
from episodes.audio.remote import probe_url

# The database queue the worker (`manage.py db_worker --backend webhooks`) already runs.
TASK_BACKEND = "webhooks"


@task(backend=TASK_BACKEND)
def probe_audio_url(url: str) -> str:
    """Probe the URL and store what was found; returns the error, or "" on success."""
    result = probe_url(url, timeout=settings.AUDIO_PROBE_TIMEOUT)
    AudioProbe.objects.update_or_create(
        url=url,
        defaults={
            "status_code": result.status_code,
            "size": result.size,
            "mime_type": result.mime_type,
            "duration": result.duration,
            "accepts_ranges": result.accepts_ranges,
            "error": result.error,
        },
    )
    return result.error


def probe_after_commit(url: str) -> None:
    """Queue a probe of the URL once the editor's change is committed."""
    if url:
        transaction.on_commit(lambda: probe_audio_url.enqueue(url))
