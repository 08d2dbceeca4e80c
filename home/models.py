"""The site root page."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessMixin


class HomePage(HeadlessMixin, Page):
    """The site root: an introduction above the latest episodes of every show."""

    intro = models.TextField(blank=True, help_text="A sentence or two under the site name.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # What the API exposes; names without a model attribute are computed by the serving app.
    api_fields = [APIField("intro"), APIField("seo"), APIField("json_ld")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["episodes.PodcastPage"]
    max_count_per_parent = 1
