"""The last probe of each external audio URL, kept outside page revisions."""

from django.db import models


class AudioProbe(models.Model):
    """What probing an audio URL found, or why it failed; one row a URL, replaced each time."""

    url = models.URLField(max_length=500, unique=True)
    checked_at = models.DateTimeField(auto_now=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    mime_type = models.CharField(max_length=50, blank=True)
    duration = models.DurationField(null=True, blank=True)
    accepts_ranges = models.BooleanField(default=False)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = "audio probe"

    def __str__(self) -> str:
        return self.url

    @property
    def ok(self) -> bool:
        return not self.error
