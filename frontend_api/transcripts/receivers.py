"""A changed transcript or speaker mapping changes its episode's API answers and feed."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from episodes.transcripts.models import Transcript, TranscriptSpeaker
from frontend_api.caching.invalidation import pending, schedule


@receiver(post_save, sender=Transcript, dispatch_uid="api-cache-transcript-saved")
@receiver(post_delete, sender=Transcript, dispatch_uid="api-cache-transcript-deleted")
def transcript_changed(sender: Any, instance: Transcript, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    pending().pages.add(instance.episode_id)
    schedule()


@receiver(post_save, sender=TranscriptSpeaker, dispatch_uid="api-cache-speaker-saved")
def speaker_changed(
    sender: Any, instance: TranscriptSpeaker, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    episode_id = (
        Transcript.objects.filter(pk=instance.transcript_id)
        .values_list("episode_id", flat=True)
        .first()
    )
    if episode_id is not None:
        pending().pages.add(episode_id)
        schedule()
