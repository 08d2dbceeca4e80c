"""What a reader makes of one source article: metadata and body blocks, before any saving."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path


class ArticleError(Exception):
    """An article that cannot be imported; the message says why, for the person running it."""


def unexpected(error: Exception) -> ArticleError:
    """An error no check foresaw (a bug, or input nobody thought of), told in one line."""
    detail = " ".join(str(error).split())
    detail = detail if len(detail) <= 200 else detail[:199] + "…"
    return ArticleError(f"unexpected {type(error).__name__}" + (f": {detail}" if detail else ""))


@dataclass
class Heading:
    """A section title; level is 2, 3 or 4."""

    text: str
    level: int
    anchor: str = ""
    timestamp: str = ""


@dataclass
class Paragraph:
    """Rich text already limited to the paragraph block's features."""

    html: str


@dataclass
class Quote:
    """Words said on air and who said them, as the source names them."""

    text: str
    speaker: str = ""
    timestamp: str = ""


@dataclass
class FaqItem:
    """A question, its answer (rich text) and the quote that backs it."""

    question: str
    answer_html: str
    quote: Quote | None = None


@dataclass
class Faq:
    """Questions and answers that become one FAQ block."""

    title: str
    items: list[FaqItem] = field(default_factory=list)
    level: int | None = None  # of the heading that opened it, for outlines


@dataclass
class Picture:
    """An image stored next to the article, to be uploaded to the image library."""

    path: Path
    alt: str
    caption: str = ""
    credit: str = ""


@dataclass
class RemoteImage:
    """An image read from an address (a feed's episode artwork), to be uploaded once."""

    url: str
    data: bytes
    alt: str


Block = Heading | Paragraph | Quote | Faq | Picture


@dataclass
class Article:
    """One episode article read from a source; `source_url` identifies it across imports."""

    location: str
    source_url: str
    title: str = ""
    episode_number: int | None = None
    rubric: str = ""
    show: str = ""
    broadcast_at: datetime.datetime | None = None
    audio_url: str = ""
    audio_duration: datetime.timedelta | None = None
    season: int | None = None
    headline: str = ""
    slug: str = ""
    summary_html: str = ""
    tags: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    publishable: bool = True
    # What a podcast feed adds: the item's GUID (the key of re-imports when given) and the
    # enclosure's declared size and type, the episode type and its artwork.
    guid: str = ""
    guid_is_permalink: bool = False
    episode_type: str = ""
    audio_size: int | None = None
    audio_mime_type: str = ""
    cover: RemoteImage | None = None

    def check_complete(self) -> None:
        """Raise ArticleError naming every required piece of metadata the source lacks."""
        missing = []
        if not self.title:
            missing.append("no title")
        if self.episode_number is None:
            missing.append('no episode number (a title like "#12 ..." or an episode-number field)')
        if self.broadcast_at is None:
            missing.append("no broadcast date")
        if missing:
            raise ArticleError("; ".join(missing))
