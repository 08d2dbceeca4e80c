"""The stored detail answers of published pages, and the counter of changes that staled them."""

from django.db import models
from wagtail.models import Page, Site


class StoredPage(models.Model):
    """One page's public detail answer for one site, as the render path produced it; listing
    items are assembled from it (stored/listing.py).

    Served only while fresh: not marked stale, rendered from the page's live revision at its
    current URL path, and before the earliest expiry of anything it shows.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    body = models.BinaryField()
    # Values a listing item may select that the detail leaves out (meta.locale without i18n),
    # as the listing serializes them; the rest of an item is read from `body`. Null: not kept.
    listing_extra = models.JSONField(null=True)
    # Response headers besides the validators, which the response cache works out itself.
    headers = models.JSONField(default=list)
    # The response cache's dependency tags of the render: the same Last-Modified and stamps.
    tags = models.JSONField(default=list)
    # When the first page it shows expires (Unix time): the answer changes then by itself.
    expires = models.FloatField(null=True, blank=True)
    # What the page was when rendered; a different live revision or URL path is a miss.
    revision_id = models.BigIntegerField(null=True)
    url_path = models.TextField()
    # The code and settings that rendered it (caching.fingerprint): a deploy renders anew.
    fingerprint = models.CharField(max_length=32, default="")
    stale = models.BooleanField(default=False)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "frontend_api"
        constraints = [
            models.UniqueConstraint(fields=["page", "site"], name="stored_page_per_site"),
        ]

    def __str__(self) -> str:
        return f"Stored answer of page {self.page_id} for site {self.site_id}"


class StoredDocument(models.Model):
    """A whole document for one site (a show's feed, a sitemap), served while no change has
    happened since it was rendered (stored/documents.py).

    Fresh while the content generation (caching.generation) is the one it was rendered at,
    the code and settings are the same, and the moment it changes by itself has not come.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    # What was asked for, in canonical form ("feed 12", "sitemap pages 2"): never the raw
    # request, whose query strings are endless.
    key = models.CharField(max_length=300)
    generation = models.BigIntegerField()
    fingerprint = models.CharField(max_length=32)
    body = models.BinaryField()
    # Response headers besides the validators, which are worked out on each answer.
    headers = models.JSONField(default=list)
    # The latest moment the document shows (Unix time), its Last-Modified.
    latest = models.FloatField(null=True)
    # When the document changes with no change made (an episode goes on air, a page expires).
    expires = models.FloatField(null=True)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "frontend_api"
        constraints = [
            models.UniqueConstraint(fields=["site", "key"], name="stored_document_per_site"),
        ]

    def __str__(self) -> str:
        return f"Stored {self.key} for site {self.site_id}"


class StoredMarks(models.Model):
    """One row counting the changes that marked stored answers stale.

    Moved on in the transaction of the change: a render that began before it is not stored.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        app_label = "frontend_api"

    def __str__(self) -> str:
        return f"Stored answers marked {self.value} times"
