"""Words said on air: the pull quote, the quote backing an FAQ answer, and who said them."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import StructBlockAdapter
from wagtail.snippets.blocks import SnippetChooserBlock

from .api import api_object, nullable, quote_key, quote_verified
from .cleaning import clean_struct, text_of
from .timestamps import TimestampBlock, timestamp_seconds

SPEAKER_SCHEMA = nullable(
    api_object({"name": {"type": "string"}, "role": nullable({"type": "string"})})
)


def speaker_representation(person, name: str) -> dict | None:
    """A chosen person wins over a typed name; neither gives None."""
    if person is not None:
        return {"name": person.name, "role": person.role or None}
    if name:
        return {"name": name, "role": None}
    return None


def _speaker_id(value) -> int | None:
    speaker = value.get("speaker")
    # A Person, or its id where the serving app loaded the stream without the snippets.
    return getattr(speaker, "pk", speaker) if speaker is not None else None


def pull_quote_key(value) -> str:
    """The key of a pull quote's StructValue as it is written now."""
    return quote_key(
        value.get("text") or "",
        _speaker_id(value),
        value.get("speaker_name") or "",
        timestamp_seconds(value.get("timestamp")),
    )


def supporting_quote_key(value) -> str:
    return quote_key(
        value.get("text") or "", _speaker_id(value), value.get("speaker_name") or "", None
    )


def quote_keys(body) -> list[str]:
    """The keys of every pull quote and FAQ supporting quote of a body StreamValue."""
    keys = []
    for child in body:
        if child.block_type == "pull_quote":
            keys.append(pull_quote_key(child.value))
        elif child.block_type == "faq":
            for item in child.value["items"]:
                quote = item["quote"]
                if quote and (quote.get("text") or "").strip():
                    keys.append(supporting_quote_key(quote))
    return keys


class SpeakerFields:
    """Shared rule for blocks that name who spoke: a Person or a free-text name, not both."""

    @staticmethod
    def speaker_errors(value) -> dict[str, ValidationError]:
        if value.get("speaker") and text_of(value.get("speaker_name")):
            message = "Choose a person or type a name, not both."
            return {"speaker_name": ValidationError(message)}
        return {}


class PullQuoteBlock(blocks.StructBlock):
    """Words a speaker said on air, set apart from the article."""

    api_schema = api_object(
        {
            "text": {"type": "string"},
            "speaker": SPEAKER_SCHEMA,
            "timestamp_seconds": nullable({"type": "integer", "minimum": 0}),
            "verified": {"type": "boolean"},
        }
    )

    text = blocks.TextBlock()
    speaker = SnippetChooserBlock("episodes.Person", required=False)
    speaker_name = blocks.CharBlock(
        required=False, max_length=120, help_text="Free-text name when the speaker has no profile."
    )
    timestamp = TimestampBlock()
    soundbite = blocks.BooleanBlock(
        required=False,
        help_text="Offer this moment to podcast apps as a soundbite: from its timestamp to the "
        "end of its words in the transcript, 15 to 120 seconds.",
    )

    class Meta:
        icon = "openquote"
        label = "Pull quote"
        description = "A quote from the episode, with its speaker and the moment it was said."
        preview_value = {"text": "Listening is the first job of anyone who makes a show."}
        template = "episodes/blocks/pull_quote.html"

    def clean(self, value):
        errors = SpeakerFields.speaker_errors(value)
        if not text_of(value.get("text")):
            errors["text"] = ValidationError("Write the quote.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        seconds = timestamp_seconds(data["timestamp"])
        return {
            "text": data["text"],
            "speaker": speaker_representation(value.get("speaker"), data["speaker_name"]),
            "timestamp_seconds": seconds,
            "verified": quote_verified(context, pull_quote_key(value)),
        }


class SupportingQuoteBlock(blocks.StructBlock):
    """An optional quote from the episode that backs an FAQ answer."""

    api_schema = nullable(
        api_object(
            {"text": {"type": "string"}, "speaker": SPEAKER_SCHEMA, "verified": {"type": "boolean"}}
        )
    )

    text = blocks.TextBlock(required=False)
    speaker = SnippetChooserBlock("episodes.Person", required=False)
    speaker_name = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Supporting quote"
        form_classname = "struct-block supporting-quote"

    def clean(self, value):
        errors = SpeakerFields.speaker_errors(value)
        if (value.get("speaker") or text_of(value.get("speaker_name"))) and not text_of(
            value.get("text")
        ):
            errors["text"] = ValidationError("A speaker needs the words they said.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any] | None:
        data = super().get_api_representation(value, context)
        if not (data["text"] or "").strip():
            return None
        speaker = speaker_representation(value.get("speaker"), data["speaker_name"])
        verified = quote_verified(context, supporting_quote_key(value))
        return {"text": data["text"], "speaker": speaker, "verified": verified}


class QuotePickerAdapter(StructBlockAdapter):
    """The quote blocks' editor, with "Insert from the transcript" (static/episodes/js)."""

    js_constructor = "episodes.blocks.QuoteFromTranscript"

    def js_args(self, block):
        name, children, meta = super().js_args(block)
        meta["transcriptPicker"] = {
            "cuesUrl": reverse("transcript_cues"),
            "quoteUrl": reverse("transcript_cue_quote"),
            "hasTimestamp": "timestamp" in block.child_blocks,
        }
        return [name, children, meta]

    @cached_property
    def media(self):
        struct_media = super().media
        return forms.Media(
            js=[*struct_media._js, "episodes/js/quote-picker.js"],
            css={"all": ["episodes/css/quote-picker.css"]},
        )


register(QuotePickerAdapter(), PullQuoteBlock)
register(QuotePickerAdapter(), SupportingQuoteBlock)
