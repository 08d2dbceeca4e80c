"""One row per webhook or feed ping: what was sent where, and how its last attempt went."""

from django.db import models


class WebhookDelivery(models.Model):
    """A request about one committed change, retried until delivered or given up."""

    class Kind(models.TextChoices):
        REVALIDATION = "revalidation", "Revalidation webhook"
        WEBSUB = "websub", "WebSub ping"
        PODPING = "podping", "Podping"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RETRYING = "retrying", "Retrying"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(
        max_length=16, choices=Kind.choices, default=Kind.REVALIDATION, db_index=True
    )
    url = models.URLField(max_length=500)
    payload = models.JSONField()
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"Delivery {self.pk} to {self.url} ({self.status})"

    @property
    def path_count(self) -> int:
        return len(self.payload.get("paths", []))
