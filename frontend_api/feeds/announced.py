"""The state of each show's feed when it was last announced, so one change pings once."""

from django.db import models


class FeedAnnouncement(models.Model):
    """A show's feed as the ping receivers last heard of it (a fingerprint of what it lists)."""

    show = models.OneToOneField("episodes.PodcastPage", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    announced_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Feed of show {self.show_id} announced at {self.announced_at:%Y-%m-%d %H:%M}"
