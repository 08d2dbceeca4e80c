"""The same content as our API exposes, declared with Wagtail's APIField and DRF serializers.

The models' own api_fields name values that frontend_api computes (show, audio, toc, seo...),
which stock Wagtail cannot serve. This module replaces them, in the baseline process only,
with what a Wagtail developer would write: model fields, rendition fields for the cover,
nested serializers for snippets, child relations for people and related episodes.
"""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from episodes.models import (
    EpisodeGuest,
    EpisodeHost,
    EpisodePage,
    Person,
    PodcastPage,
    RelatedEpisode,
    Rubric,
)
from home.models import HomePage

RENDITION_WIDTHS = (480, 960, 1600)


class RubricSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rubric
        fields = ["id", "name", "slug"]


class PersonSerializer(serializers.ModelSerializer):
    photo = ImageRenditionField("fill-160x160")

    class Meta:
        model = Person
        fields = ["id", "name", "role", "photo"]


def renditions(source: str) -> list[APIField]:
    return [
        APIField(
            f"{source}_{width}",
            serializer=ImageRenditionField(f"width-{width}", source=source),
        )
        for width in RENDITION_WIDTHS
    ]


def install() -> None:
    HomePage.api_fields = [APIField("intro")]
    PodcastPage.api_fields = [
        APIField("description"),
        APIField("artwork"),
        *renditions("artwork"),
        APIField("author"),
        APIField("language"),
        APIField("apple_category"),
        APIField("explicit"),
        APIField("podcast_type"),
        APIField("copyright"),
        APIField("website"),
    ]
    EpisodeHost.api_fields = [APIField("person", serializer=PersonSerializer())]
    EpisodeGuest.api_fields = [APIField("person", serializer=PersonSerializer())]
    RelatedEpisode.api_fields = [APIField("episode")]
    EpisodePage.api_fields = [
        APIField("episode_number"),
        APIField("season"),
        APIField("episode_type"),
        APIField("rubric", serializer=RubricSerializer()),
        APIField("headline"),
        APIField("broadcast_at"),
        APIField("audio_file"),
        APIField("audio_url"),
        APIField("audio_duration"),
        APIField("audio_size"),
        APIField("audio_mime_type"),
        APIField("cover_image"),
        *renditions("cover_image"),
        APIField("summary"),
        APIField("host_links"),
        APIField("guest_links"),
        APIField("tags"),
        APIField("related_links"),
        APIField("body"),
    ]
