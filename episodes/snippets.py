"""Snippets that episodes refer to: the people heard on a show and its rubrics."""

from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from .blocks import PersonLinksBlock


# EpisodePage.rubric's reverse manager: EpisodePage extends wagtail's untyped Page, whose manager
# the Django plugin cannot resolve.
class Rubric(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    """A recurring editorial section of a show, such as "Marché"."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(index.Indexed, ClusterableModel):
    """Someone heard on a show: a host or a guest."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True, help_text="E.g. host, CEO of Example.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(blank=True, max_length=600, help_text="Two or three sentences.")
    links = StreamField(PersonLinksBlock(), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("links"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name

    @property
    def first_link_url(self) -> str:
        """The URL of the person's first link, "" if none; read raw so corrupt rows are skipped."""
        for item in self.links.raw_data:
            value = item.get("value") if isinstance(item, dict) else None
            url = value.get("url") if isinstance(value, dict) else None
            if isinstance(url, str) and url.startswith(("https://", "http://")):
                return url
        return ""
