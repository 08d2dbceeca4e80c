"""Reviewer links: expiring, revocable access to a page's draft for people without an account."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from wagtail.models import Page, Revision


class ReviewLinkQuerySet(models.QuerySet):
    def active(self, now: datetime | None = None) -> "ReviewLinkQuerySet":
        """Links neither revoked nor expired at `now`."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ReviewLink(models.Model):
    """One link to one page's draft; the token itself is never stored, only its hash."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="review_links")
    revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The revision shown; empty to follow the latest draft.",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    note = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    view_count = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="review_link_expires_after_creation",
            )
        ]

    def __str__(self) -> str:
        return f"Reviewer link {self.pk} to page {self.page_id}"

    def clean(self) -> None:
        """Refuses another page's revision and an expiry outside (now, now + the maximum]."""
        errors = {}
        if self.revision_id and not self.revision_belongs_to_page():
            errors["revision"] = "This revision belongs to another page."
        if self.expires_at:
            longest = timedelta(days=settings.REVIEW_LINK_MAX_DAYS)
            if self.expires_at <= max(self.created_at, timezone.now()):
                errors["expires_at"] = "Choose an expiry in the future."
            elif self.expires_at > self.created_at + longest:
                errors["expires_at"] = f"A link lasts at most {settings.REVIEW_LINK_MAX_DAYS} days."
        if errors:
            raise ValidationError(errors)

    def revision_belongs_to_page(self) -> bool:
        page_type = ContentType.objects.get_for_model(Page)
        revision = self.revision
        return (
            revision is not None
            and revision.base_content_type_id == page_type.pk
            # object_id is a text column, but a revision fresh from save_revision() still
            # holds the page's int pk until it is read back: compare both as text.
            and str(revision.object_id) == str(self.page_id)
        )

    @property
    def status(self) -> str:
        """ "revoked", "expired" or "active", for the admin listing."""
        if self.revoked_at:
            return "revoked"
        return "expired" if self.expires_at <= timezone.now() else "active"

    def draft(self) -> Page:
        """The page as the reviewer sees it: the pinned revision, else the latest draft."""
        revision = self.revision if self.revision_id else self.page.latest_revision
        return revision.as_object() if revision else self.page.specific


# Defined beside the code that sends them; imported here so Django registers the model.
from frontend_api.caching.generation import ContentGeneration  # noqa: E402, F401
from frontend_api.feeds.announced import FeedAnnouncement  # noqa: E402, F401
from frontend_api.revalidation.deliveries import WebhookDelivery  # noqa: E402, F401
from frontend_api.stored.models import StoredDocument, StoredMarks, StoredPage  # noqa: E402, F401
