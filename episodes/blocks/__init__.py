"""StreamField blocks that editors compose episode articles from, one module per family."""

from .api import HTML, IMAGE_REF, APIResolver, BasicResolver, api_object, api_resolver, nullable
from .cleaning import STRUCTURED_ERRORS, clean_struct, combine_errors, is_blank_html, text_of
from .faq import ANSWER_FEATURES, FAQBlock, FAQItemBlock
from .media import EmbedMediaBlock, ImageBlock
from .people import PersonLinksBlock
from .quotes import (
    SPEAKER_SCHEMA,
    PullQuoteBlock,
    SpeakerFields,
    SupportingQuoteBlock,
    speaker_representation,
)
from .stream import EpisodeBodyBlock, TolerantStreamBlock, timestamp_errors
from .text import (
    ANCHOR_RE,
    HEADING_LEVELS,
    PARAGRAPH_FEATURES,
    HeadingBlock,
    ParagraphBlock,
    heading_anchors,
    heading_errors,
    heading_level,
)
from .timestamps import (
    TIMESTAMP_RE,
    TimestampBlock,
    format_timestamp,
    parse_timestamp,
    timestamp_seconds,
)

__all__ = [
    "ANCHOR_RE",
    "ANSWER_FEATURES",
    "HEADING_LEVELS",
    "HTML",
    "IMAGE_REF",
    "PARAGRAPH_FEATURES",
    "SPEAKER_SCHEMA",
    "STRUCTURED_ERRORS",
    "TIMESTAMP_RE",
    "APIResolver",
    "BasicResolver",
    "EmbedMediaBlock",
    "EpisodeBodyBlock",
    "FAQBlock",
    "FAQItemBlock",
    "HeadingBlock",
    "ImageBlock",
    "ParagraphBlock",
    "PersonLinksBlock",
    "PullQuoteBlock",
    "SpeakerFields",
    "SupportingQuoteBlock",
    "TimestampBlock",
    "TolerantStreamBlock",
    "api_object",
    "api_resolver",
    "clean_struct",
    "combine_errors",
    "format_timestamp",
    "heading_anchors",
    "heading_errors",
    "heading_level",
    "is_blank_html",
    "nullable",
    "parse_timestamp",
    "speaker_representation",
    "text_of",
    "timestamp_errors",
    "timestamp_seconds",
]
