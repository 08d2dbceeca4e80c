"""StreamField blocks that editors compose episode articles from."""

import re
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
ANSWER_FEATURES = PARAGRAPH_FEATURES
HEADING_LEVELS = [("h2", "Section (h2)"), ("h3", "Subsection (h3)"), ("h4", "Sub-subsection (h4)")]
TIMESTAMP_RE = re.compile(r"^(?:(?:(\d+):)?([0-5]?\d):)?([0-5]?\d)$")
ANCHOR_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def nullable(schema: dict) -> dict:
    """A JSON Schema that also accepts null."""
    return {"anyOf": [schema, {"type": "null"}]}


def api_object(properties: dict[str, dict]) -> dict:
    """JSON Schema of an API object whose keys are always all present."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


HTML = {"type": "string", "contentMediaType": "text/html"}
SPEAKER_SCHEMA = nullable(
    api_object({"name": {"type": "string"}, "role": nullable({"type": "string"})})
)
# Images are rendered by the API layer; blocks name the shared component.
IMAGE_REF = {"$ref": "#/components/schemas/Image"}


def parse_timestamp(text: str) -> int:
    """Turn "ss", "mm:ss" or "h:mm:ss" into seconds; raise ValueError otherwise."""
    match = TIMESTAMP_RE.match(text.strip())
    if not match:
        raise ValueError(text)
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_timestamp(seconds: int) -> str:
    """Render seconds as "m:ss" or "h:mm:ss", the way editors type them."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def is_blank_html(html: str) -> bool:
    """True when rich text holds no visible text (Draftail saves "<p></p>" for an empty box)."""
    return not strip_tags(html or "").replace("&nbsp;", "").strip()


def text_of(value) -> str:
    """The text of a posted or cleaned value: rich text's source, a string stripped, else ""."""
    text = getattr(value, "source", value)
    return text.strip() if isinstance(text, str) else ""


def clean_struct(clean, value, errors: dict[str, ValidationError]):
    """A StructBlock's clean(value) reporting the block's own rules, checked on the posted
    values, in the same save as its fields' errors; a rule's message for a field replaces the
    generic one ("This field is required.")."""
    try:
        cleaned = clean(value)
    except StructBlockValidationError as own:
        raise StructBlockValidationError(
            {**own.block_errors, **errors}, own.non_block_errors
        ) from None
    if errors:
        raise StructBlockValidationError(errors)
    return cleaned


def heading_level(level: str | None) -> int:
    """2 for "h2" and so on; a level that isn't one of the choices reads as a section."""
    return {"h2": 2, "h3": 3, "h4": 4}.get(level or "", 2)


def timestamp_seconds(text: str | None) -> int | None:
    """Seconds for a stored timestamp, None when empty or unreadable."""
    try:
        return parse_timestamp(text) if text else None
    except ValueError:
        return None


class APIResolver(Protocol):
    """What the serving app passes in the API context (key "api_resolver") to finish values."""

    def rich_text(self, html: str) -> str:
        """Database rich text to frontend-ready HTML."""

    def image(self, image) -> dict | None:
        """An image as frontends show it (renditions, alt)."""

    def embed(self, url: str) -> dict:
        """{"html", "provider"} for an oEmbed URL."""


class BasicResolver:
    """Fallback without a serving app: Wagtail's own rich text HTML and bare image ids."""

    def rich_text(self, html: str) -> str:
        return expand_db_html(html or "")

    def image(self, image) -> dict | None:
        return {"id": image.pk} if image else None

    def embed(self, url: str) -> dict:
        return {"html": None, "provider": None}


def api_resolver(context: dict | None) -> APIResolver:
    return (context or {}).get("api_resolver") or BasicResolver()


def speaker_representation(person, name: str) -> dict | None:
    """A chosen person wins over a typed name; neither gives None."""
    if person is not None:
        return {"name": person.name, "role": person.role or None}
    if name:
        return {"name": name, "role": None}
    return None


class TimestampBlock(blocks.CharBlock):
    """A moment in the episode's audio, typed as "mm:ss" or "h:mm:ss"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", 'Moment in the audio, e.g. "12:34" or "1:02:03".')
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value:
            try:
                parse_timestamp(value)
            except ValueError:
                raise ValidationError(
                    'Write the moment as "mm:ss" or "h:mm:ss", for example "12:34".'
                ) from None
        return value


class SpeakerFields:
    """Shared rule for blocks that name who spoke: a Person or a free-text name, not both."""

    @staticmethod
    def speaker_errors(value) -> dict[str, ValidationError]:
        if value.get("speaker") and text_of(value.get("speaker_name")):
            message = "Choose a person or type a name, not both."
            return {"speaker_name": ValidationError(message)}
        return {}


class HeadingBlock(blocks.StructBlock):
    """A section or subsection title that also feeds the table of contents."""

    api_schema = api_object(
        {
            "text": {"type": "string"},
            "level": {"type": "integer", "enum": [2, 3, 4]},
            "anchor": {"type": "string", "pattern": ANCHOR_RE.pattern},
            "timestamp_seconds": nullable({"type": "integer", "minimum": 0}),
        }
    )

    text = blocks.CharBlock(max_length=255)
    level = blocks.ChoiceBlock(choices=HEADING_LEVELS, default="h2")
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Optional link target (lowercase-with-dashes); made from the text if empty.",
    )
    timestamp = TimestampBlock(help_text="Optional: where this section starts in the audio.")

    class Meta:
        icon = "title"
        label = "Heading"
        description = "A section (h2) or subsection (h3, h4) title."
        preview_value = {"text": "Why the market changed", "level": "h2"}
        template = "episodes/blocks/heading.html"

    def clean(self, value):
        errors = {}
        anchor = text_of(value.get("anchor"))
        if anchor and not ANCHOR_RE.match(anchor):
            errors["anchor"] = ValidationError("Use lowercase letters, digits and single dashes.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        # The body fills in generated anchors, which need the whole page to stay unique.
        return {
            "text": data["text"],
            "level": heading_level(data["level"]),
            "anchor": data["anchor"] or None,
            "timestamp_seconds": timestamp_seconds(data["timestamp"]),
        }


class ParagraphBlock(blocks.StructBlock):
    """A paragraph of the article, limited to bold, italic, links and lists."""

    api_schema = api_object({"text": HTML})

    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        description = "Body text with bold, italic, links and lists."
        preview_value = {"text": RichText("<p>An <b>article</b> paragraph with a link.</p>")}
        template = "episodes/blocks/paragraph.html"

    def clean(self, value):
        errors = {}
        if is_blank_html(text_of(value.get("text"))):
            errors["text"] = ValidationError("Write the paragraph.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        return {**data, "text": api_resolver(context).rich_text(value["text"].source)}


class PullQuoteBlock(blocks.StructBlock):
    """Words a speaker said on air, set apart from the article."""

    api_schema = api_object(
        {
            "text": {"type": "string"},
            "speaker": SPEAKER_SCHEMA,
            "timestamp_seconds": nullable({"type": "integer", "minimum": 0}),
        }
    )

    text = blocks.TextBlock()
    speaker = SnippetChooserBlock("episodes.Person", required=False)
    speaker_name = blocks.CharBlock(
        required=False, max_length=120, help_text="Free-text name when the speaker has no profile."
    )
    timestamp = TimestampBlock()

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
        return {
            "text": data["text"],
            "speaker": speaker_representation(value.get("speaker"), data["speaker_name"]),
            "timestamp_seconds": timestamp_seconds(data["timestamp"]),
        }


class SupportingQuoteBlock(blocks.StructBlock):
    """An optional quote from the episode that backs an FAQ answer."""

    api_schema = nullable(api_object({"text": {"type": "string"}, "speaker": SPEAKER_SCHEMA}))

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
        return {"text": data["text"], "speaker": speaker}


class FAQItemBlock(blocks.StructBlock):
    """One question of an FAQ, its answer and the quote that supports it."""

    api_schema = api_object(
        {"question": {"type": "string"}, "answer": HTML, "quote": SupportingQuoteBlock.api_schema}
    )

    question = blocks.CharBlock(max_length=255)
    answer = blocks.RichTextBlock(features=ANSWER_FEATURES)
    quote = SupportingQuoteBlock(required=False)

    class Meta:
        icon = "help"
        label = "Question"

    def clean(self, value):
        errors = {}
        if is_blank_html(text_of(value.get("answer"))):
            errors["answer"] = ValidationError("Write the answer.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        return {
            "question": data["question"],
            "answer": api_resolver(context).rich_text(value["answer"].source),
            "quote": data["quote"],
        }


class FAQBlock(blocks.StructBlock):
    """Questions listeners ask, answered; also published as a schema.org FAQPage."""

    api_schema = api_object(
        {
            "title": nullable({"type": "string"}),
            "items": {"type": "array", "minItems": 1, "items": FAQItemBlock.api_schema},
        }
    )

    title = blocks.CharBlock(required=False, max_length=255, default="Frequently asked questions")
    items = blocks.ListBlock(FAQItemBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = "FAQ"
        description = "A list of questions with answers and supporting quotes."
        preview_value = {
            "title": "Frequently asked questions",
            "items": [
                {
                    "question": "Who is this episode for?",
                    "answer": RichText("<p>Anyone curious about the topic.</p>"),
                    "quote": {"text": "", "speaker": None, "speaker_name": ""},
                }
            ],
        }
        template = "episodes/blocks/faq.html"

    def clean(self, value):
        errors = {}
        if not value.get("items"):
            errors["items"] = ValidationError("An FAQ needs at least one question.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        return {"title": data["title"] or None, "items": list(data["items"])}


class ImageBlock(blocks.StructBlock):
    """A picture in the article, with the text that describes it to those who can't see it."""

    api_schema = api_object(
        {
            "image": nullable(IMAGE_REF),
            "alt": {"type": "string"},
            "caption": nullable({"type": "string"}),
            "credit": nullable({"type": "string"}),
        }
    )

    image = ImageChooserBlock()
    alt = blocks.CharBlock(
        max_length=255, label="Alt text", help_text="Describe the picture for screen readers."
    )
    caption = blocks.CharBlock(required=False, max_length=255)
    credit = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Image"
        description = "An image with alt text, caption and credit."
        template = "episodes/blocks/image.html"

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        image = value.get("image")
        return {
            "image": api_resolver(context).image(image) if image is not None else None,
            "alt": data["alt"],
            "caption": data["caption"] or None,
            "credit": data["credit"] or None,
        }


class EmbedMediaBlock(blocks.StructBlock):
    """Audio or video from another platform, embedded by its oEmbed URL."""

    api_schema = api_object(
        {
            "url": {"type": "string"},
            "html": nullable(HTML),
            "provider": nullable({"type": "string"}),
        }
    )

    url = EmbedBlock(help_text="Link to a YouTube, Vimeo, SoundCloud or Spotify page.")

    class Meta:
        icon = "media"
        label = "Embed"
        description = "Audio or video from another platform."
        template = "episodes/blocks/embed.html"

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        url = data["url"] or ""
        return {"url": url, **api_resolver(context).embed(url)}


class TolerantStreamBlock(blocks.StreamBlock):
    """A stream whose corrupt stored rows are dropped rather than breaking every view of it."""

    def to_python(self, value):
        if isinstance(value, list):
            # Not an object, or without a type: no block can be made from the item.
            value = [
                item
                for item in value
                if isinstance(item, tuple | list) or (isinstance(item, dict) and "type" in item)
            ]
        elif isinstance(value, dict | int | float):
            # A stored JSON object or number is no list of blocks at all: an empty stream.
            value = []
        return super().to_python(value)


class PersonLinksBlock(TolerantStreamBlock):
    """A person's links (site, social profiles), in the editor's order."""

    link = blocks.StructBlock(
        [("label", blocks.CharBlock(max_length=60)), ("url", blocks.URLBlock())], icon="link"
    )


class EpisodeBodyBlock(TolerantStreamBlock):
    """The article: its child names are the frontends' type discriminator, never renamed."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    pull_quote = PullQuoteBlock()
    faq = FAQBlock()
    image = ImageBlock()
    embed = EmbedMediaBlock()

    def clean(self, value):
        # The rules across blocks run on the posted values too, so that one save shows them
        # together with each block's own errors instead of after those are fixed.
        across = StreamBlockValidationError(block_errors=heading_errors(value))
        try:
            value = super().clean(value)
        except StreamBlockValidationError as own:
            raise combine_errors(own, across) from None
        if across.block_errors:
            raise across
        return value

    def get_api_representation(self, value, context=None) -> list[dict[str, Any]]:
        items = super().get_api_representation(value, context)
        anchors = heading_anchors(value) if value else {}
        for item in items:
            if item["type"] == "heading":
                item["value"]["anchor"] = anchors.get(item["id"], item["value"]["anchor"])
        return items


def heading_errors(body) -> dict[int, StructBlockValidationError]:
    """Errors for headings that skip a level or reuse an anchor, by block index."""
    errors = {}
    parent_level = 1
    seen_anchors: set[str] = set()
    for index, child in enumerate(body):
        if child.block_type != "heading":
            continue
        found = {}
        level = heading_level(child.value.get("level"))
        if level > parent_level + 1:
            found["level"] = ValidationError(
                f"An h{level} needs an h{level - 1} above it; headings must not skip a level."
            )
        parent_level = level
        anchor = text_of(child.value.get("anchor"))
        if anchor in seen_anchors:
            found["anchor"] = ValidationError(f'The anchor "{anchor}" is already used.')
        if anchor:
            seen_anchors.add(anchor)
        if found:
            errors[index] = StructBlockValidationError(found)
    return errors


def timestamp_errors(body, duration: int | None) -> dict[int, StructBlockValidationError]:
    """Errors for quotes and headings whose timestamp falls after the end of the audio."""
    if duration is None:
        return {}
    errors = {}
    for index, child in enumerate(body):
        if child.block_type not in ("pull_quote", "heading"):
            continue
        stamp = child.value.get("timestamp")
        # An unreadable timestamp has its own error from TimestampBlock.
        seconds = timestamp_seconds(stamp)
        if seconds is not None and seconds > duration:
            message = f"{stamp} is after the end of the audio ({format_timestamp(duration)})."
            errors[index] = StructBlockValidationError({"timestamp": ValidationError(message)})
    return errors


STRUCTURED_ERRORS = (
    StreamBlockValidationError,
    StructBlockValidationError,
    ListBlockValidationError,
)


def combine_errors(first: ValidationError, second: ValidationError) -> ValidationError:
    """One error holding both, child by child: the block editor shows a field's first only."""
    if isinstance(second, STRUCTURED_ERRORS) and not isinstance(first, STRUCTURED_ERRORS):
        first, second = second, first
    if not isinstance(first, STRUCTURED_ERRORS):
        return ValidationError([*first.error_list, *second.error_list])
    block_errors = dict(first.block_errors)
    non_block_errors = first.non_block_errors.as_data()
    if type(second) is type(first):
        for key, error in second.block_errors.items():
            block_errors[key] = (
                combine_errors(block_errors[key], error) if key in block_errors else error
            )
        non_block_errors += second.non_block_errors.as_data()
    else:
        non_block_errors += second.error_list
    return type(first)(block_errors=block_errors, non_block_errors=non_block_errors)


def heading_anchors(body) -> dict[str, str]:
    """Map each heading block's id to a slug anchor that is unique within the page."""
    explicit = {child.value.get("anchor") for child in body if child.block_type == "heading"}
    used = {anchor for anchor in explicit if anchor}
    anchors = {}
    for child in body:
        if child.block_type != "heading":
            continue
        anchor = child.value.get("anchor")
        if not anchor:
            base = slugify(child.value["text"]) or "section"
            anchor, suffix = base, 2
            while anchor in used:
                anchor, suffix = f"{base}-{suffix}", suffix + 1
            used.add(anchor)
        anchors[child.id] = anchor
    return anchors
