"""Serializer fields for the API's computed page fields; each reads the prepared PageBatch."""

from typing import Any

from django.utils.html import strip_tags
from rest_framework.fields import Field
from wagtail.models import Page

from episodes.blocks import HTML, IMAGE_REF, api_object, nullable
from episodes.models import EpisodePage, PodcastPage
from episodes.rules import article_title
from frontend_api.loading.batch import PageBatch
from frontend_api.pages.episode_media import episode_audio, episode_transcript
from frontend_api.pages.nested import Selection
from frontend_api.seo.jsonld import json_ld

STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
PAGE_LINK = api_object(
    {
        "id": {"type": "integer"},
        "title": STRING,
        "episode_number": {"type": "integer"},
        "url": URL,
        "cover_image": nullable(IMAGE_REF),
    }
)
PERSON = api_object(
    {
        "id": {"type": "integer"},
        "name": STRING,
        "role": nullable(STRING),
        "photo": nullable(IMAGE_REF),
    }
)


class BatchField(Field):
    """A read-only field computed from the whole page with the batch's loaded references."""

    #: JSON Schema of the value, published in the OpenAPI document.
    schema: dict = {}

    def __init__(self, selection: Selection | None = None, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.selection = selection

    @classmethod
    def nested_schema(cls) -> dict:
        """The shape nested `fields=` selects from."""
        return cls.schema

    def get_attribute(self, instance: Page) -> Page:
        return instance

    @property
    def batch(self) -> PageBatch:
        return self.context["batch"]

    def to_representation(self, page: Page) -> Any:
        value = self.represent(self.batch, page)
        return self.selection.apply(value) if self.selection else value

    def represent(self, batch: PageBatch, page: Page) -> Any:
        raise NotImplementedError


class HtmlUrlField(BatchField):
    """meta.html_url: where the page lives on the frontend."""

    schema = nullable(URL)

    def represent(self, batch, page):
        return batch.url(page)


class ParentField(BatchField):
    """meta.parent, from the batch's ancestors instead of two queries per page."""

    @classmethod
    def nested_schema(cls) -> dict:
        from frontend_api.schema.components import PAGE_SUMMARY  # which imports this module

        return PAGE_SUMMARY

    def represent(self, batch, page):
        parent = batch.parent(page)
        if parent is None or not batch.public_url(parent):
            return None
        return self.parent.page_summary(parent)


class ShowField(BatchField):
    schema = nullable(
        api_object({"id": {"type": "integer"}, "title": STRING, "slug": STRING, "url": URL})
    )

    def represent(self, batch, page):
        show = batch.show_page(page)
        if show is None:
            return None
        return {"id": show.pk, "title": show.title, "slug": show.slug, "url": batch.url(show)}


class RubricField(BatchField):
    schema = nullable(api_object({"id": {"type": "integer"}, "name": STRING, "slug": STRING}))

    def represent(self, batch, page):
        rubric = page.rubric
        return {"id": rubric.pk, "name": rubric.name, "slug": rubric.slug} if rubric else None


class HeadlineField(BatchField):
    """The article's title, which falls back to the episode title."""

    schema = STRING

    def represent(self, batch, page):
        return article_title(page)


class AudioField(BatchField):
    """The audio as the feed's enclosure and itunes:duration describe it."""

    schema = nullable(
        api_object(
            {
                "url": URL,
                "mime_type": STRING,
                "size": nullable({"type": "integer", "minimum": 0}),
                "duration_seconds": nullable({"type": "integer", "minimum": 0}),
            }
        )
    )

    def represent(self, batch, page: EpisodePage):
        return episode_audio(page)


class TranscriptField(BatchField):
    """The transcript: its language, speakers, cue count and the URL of each format.

    A parsed transcript is served as WebVTT, SRT, JSON and HTML; a transcript file the CMS
    can't read is given as is (one format, no cue count), unless its collection is private.
    """

    schema = nullable(
        api_object(
            {
                "url": URL,
                "type": STRING,
                "rel": nullable({"const": "captions"}),
                "language": nullable(STRING),
                "speakers": {"type": "array", "items": PERSON},
                "cue_count": nullable({"type": "integer", "minimum": 0}),
                "formats": {
                    "type": "array",
                    "items": api_object(
                        {"url": URL, "type": STRING, "rel": nullable({"const": "captions"})}
                    ),
                },
            }
        )
    )

    def represent(self, batch, page: EpisodePage):
        document = batch.references.document(page.transcript_file_id)
        if document is not None and document.private:
            document = None
        show = batch.show_page(page)
        transcript = batch.transcript(page)
        details = episode_transcript(transcript, document, show.language if show else None, page.pk)
        if details is None:
            return None
        speakers = [batch.person(person) for person in batch.transcript_speakers(page)]
        return {"language": details["language"], "speakers": speakers, **details}


class SoundbitesField(BatchField):
    """The pull quotes offered to podcast apps as soundbites, measured in the transcript."""

    schema = {
        "type": "array",
        "items": api_object(
            {
                "text": STRING,
                "start_seconds": {"type": "integer", "minimum": 0},
                "duration_seconds": {"type": "number", "minimum": 15, "maximum": 120},
            }
        ),
    }

    def represent(self, batch, page: EpisodePage):
        return [soundbite.as_api() for soundbite in batch.soundbites(page)]


class ImageField(BatchField):
    """An image foreign key of the page, as renditions."""

    schema = nullable(IMAGE_REF)

    def represent(self, batch, page):
        return batch.image_by_id(getattr(page, f"{self.field_name}_id", None))


class RichTextField(BatchField):
    """A rich text field of the page, as frontend HTML."""

    schema = HTML

    def represent(self, batch, page):
        return batch.rich_text(getattr(page, self.field_name) or "")


class HostsField(BatchField):
    schema = {"type": "array", "items": PERSON}

    def represent(self, batch, page):
        return [batch.person(person) for person in batch.hosts(page)]


class GuestsField(BatchField):
    schema = {"type": "array", "items": PERSON}

    def represent(self, batch, page):
        return [batch.person(person) for person in batch.guests(page)]


class TagsField(BatchField):
    schema = {"type": "array", "items": STRING}

    def represent(self, batch, page):
        return batch.tags(page)


class RelatedEpisodesField(BatchField):
    schema = {"type": "array", "items": PAGE_LINK}

    def represent(self, batch, page):
        return [
            {
                "id": episode.pk,
                "title": episode.title,
                "episode_number": episode.episode_number,
                "url": batch.url(episode),
                "cover_image": batch.image_by_id(episode.cover_image_id),
            }
            for episode in batch.related_pages(page)
        ]


class BodyField(BatchField):
    schema = {"$ref": "#/components/schemas/Body"}

    def represent(self, batch, page):
        return batch.body(page)


class TocField(BatchField):
    schema = {
        "type": "array",
        "items": api_object({"text": STRING, "level": {"type": "integer"}, "anchor": STRING}),
    }

    def represent(self, batch, page):
        return batch.toc(page)


class ReadingTimeField(BatchField):
    schema = {"type": "integer", "minimum": 0}

    def represent(self, batch, page):
        return batch.reading_time(page)


class SeoField(BatchField):
    """Title, description, canonical frontend URL and Open Graph image."""

    schema = api_object(
        {
            "title": STRING,
            "description": STRING,
            "canonical_url": nullable(URL),
            "og_image": nullable(
                api_object(
                    {
                        "url": URL,
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                        "alt": STRING,
                    }
                )
            ),
        }
    )

    def represent(self, batch, page):
        image = None
        description = ""
        if isinstance(page, EpisodePage):
            image = batch.image_by_id(page.cover_image_id)
            show = batch.show_page(page)
            if image is None and show is not None:
                image = batch.image_by_id(show.artwork_id)
            description = strip_tags(batch.rich_text(page.summary))
        elif isinstance(page, PodcastPage):
            image = batch.image_by_id(page.artwork_id)
            description = page.description
        else:
            description = getattr(page, "intro", "")
        og_image = None
        if image and image["renditions"]:
            largest = image["renditions"][-1]
            og_image = {**largest, "alt": image["alt"]}
        title = page.seo_title or article_title(page)
        return {
            "title": title,
            "description": (page.search_description or description or "").strip(),
            "canonical_url": batch.url(page),
            "og_image": og_image,
        }


class JsonLdField(BatchField):
    schema = {
        "type": "object",
        "required": ["@context", "@graph"],
        "properties": {
            "@context": STRING,
            "@graph": {"type": "array", "items": {"type": "object"}},
        },
    }

    def represent(self, batch, page):
        return json_ld(batch, page)


class FundingField(BatchField):
    """Where listeners can support the show: the feed's podcast:funding links."""

    schema = {"type": "array", "items": api_object({"url": URL, "label": STRING})}

    def represent(self, batch, page):
        return [
            {"url": child.value["url"], "label": child.value["label"]}
            for child in page.funding_links
        ]


class PodrollField(BatchField):
    """Shows the editors recommend (the feed's podcast:podroll), by podcast GUID."""

    schema = {
        "type": "array",
        "items": api_object({"feed_guid": STRING, "feed_url": STRING, "title": STRING}),
    }

    def represent(self, batch, page):
        return [
            {key: child.value[key] or "" for key in ("feed_guid", "feed_url", "title")}
            for child in page.recommended_shows
        ]


# Field name -> serializer field class, for the names the content apps list in api_fields.
COMPUTED_FIELDS: dict[str, type[BatchField]] = {
    "show": ShowField,
    "rubric": RubricField,
    "headline": HeadlineField,
    "audio": AudioField,
    "transcript": TranscriptField,
    "soundbites": SoundbitesField,
    "cover_image": ImageField,
    "artwork": ImageField,
    "summary": RichTextField,
    "hosts": HostsField,
    "guests": GuestsField,
    "tags": TagsField,
    "related_episodes": RelatedEpisodesField,
    "body": BodyField,
    "toc": TocField,
    "reading_time": ReadingTimeField,
    "seo": SeoField,
    "json_ld": JsonLdField,
    "funding": FundingField,
    "podroll": PodrollField,
}
