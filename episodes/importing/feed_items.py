"""A feed item as an episode article: its GUID, dates, audio, people, text and artwork."""

from dataclasses import dataclass, field

from episodes.choices import EPISODE_TYPES

from . import metadata
from .article import Article, ArticleError
from .feed import Element, FeedItem
from .fetching import is_web_url
from .html_content import fill_body, parse_html
from .limits import check_html, check_size
from .quotes import squash
from .wxr import autop

HOST_ROLES = {"host", "co-host", "cohost", "guest host"}
YES = {"yes", "true", "explicit"}
NO = {"no", "false", "clean"}


@dataclass
class FeedEntry:
    """An item read into an article, with what must be fetched to complete it."""

    article: Article
    explicit: bool | None = None
    image_url: str = ""
    chapters_url: str = ""
    transcripts: list[Element] = field(default_factory=list)


def read_item(item: FeedItem, location: str, shared_links: set[str]) -> FeedEntry:
    """The item as an article; ArticleError when it lacks what an episode needs."""
    values = item.values
    guid, permalink = _guid(item)
    link = values["link"] if is_web_url(values["link"]) else ""
    # A link several items share (often the show's home page) says nothing about one episode.
    source = link if link and link not in shared_links else f"guid:{guid}"
    article = Article(location=location, source_url=source[:500], guid=guid)
    article.guid_is_permalink = permalink
    if guid == (item.enclosure.attrs.get("url", "") if item.enclosure else None):
        article.warnings.append("no <guid>: the enclosure URL is kept as the GUID")
    title = squash(values["title"] or values["itunes_title"])
    if not title:
        raise ArticleError("no title")
    article.title = title
    article.broadcast_at = metadata.field("pubDate", metadata.parse_when, values["pubDate"])
    if article.broadcast_at is None:
        what = f"“{values['pubDate'][:40]}” is not a date" if values["pubDate"] else "missing"
        raise ArticleError(f"pubDate {what}")
    number = values["episode"] or None
    parsed = metadata.field("itunes:episode", metadata.parse_number, number)
    article.episode_number = parsed or metadata.parse_title(title).number
    article.season = metadata.field(
        "itunes:season", metadata.parse_number, values["season"] or None
    )
    _episode_type(article, values["episodeType"])
    _audio(article, item)
    _people(article, item.people)
    _text(article, values)
    return FeedEntry(
        article=article,
        explicit=_flag(values["explicit"]),
        image_url=item.image if is_web_url(item.image) else "",
        chapters_url=next((c.attrs.get("url", "") for c in item.chapters), ""),
        transcripts=item.transcripts,
    )


def _guid(item: FeedItem) -> tuple[str, bool]:
    """The GUID verbatim, and whether it is a permalink (RSS: unless isPermaLink="false")."""
    guid = item.values["guid"]
    if guid:
        declared = item.values["guid_is_permalink"].strip().lower()
        return guid, declared == "true" or (declared == "" and is_web_url(guid))
    enclosure = item.enclosure.attrs.get("url", "").strip() if item.enclosure else ""
    if enclosure:
        return enclosure, False
    raise ArticleError("no <guid> and no enclosure URL to know the episode by")


def _episode_type(article: Article, value: str) -> None:
    kind = value.strip().lower()
    if kind in dict(EPISODE_TYPES):
        article.episode_type = kind
    elif kind:
        article.warnings.append(f"itunes:episodeType “{value[:40]}” unknown; left as it was")


def _audio(article: Article, item: FeedItem) -> None:
    enclosure = item.enclosure
    if enclosure is None or not enclosure.attrs.get("url", "").strip():
        article.warnings.append("no enclosure: the episode has no audio and stays out of the feed")
    else:
        url = enclosure.attrs["url"].strip()
        if is_web_url(url):
            article.audio_url = url
        else:
            article.warnings.append(f"enclosure {url[:80]} is not an http(s) address; left out")
        length = enclosure.attrs.get("length", "").strip()
        if length.isdigit() and int(length) > 0:
            article.audio_size = metadata.field("enclosure length", metadata.parse_number, length)
        elif length not in ("", "0"):
            article.warnings.append(f"enclosure length “{length[:40]}” is not a number of bytes")
        article.audio_mime_type = enclosure.attrs.get("type", "").strip()[:50]
    duration = item.values["duration"]
    article.audio_duration = metadata.field("itunes:duration", metadata.parse_duration, duration)
    if duration and article.audio_duration is None:
        article.warnings.append(f"itunes:duration “{duration[:40]}” unreadable; left out")


def _people(article: Article, people: list[Element]) -> None:
    for person in people:
        name = " ".join(person.text.split())
        role = (person.attrs.get("role") or "host").strip().lower()
        if not name:
            continue
        if role in HOST_ROLES:
            article.hosts.append(name)
        elif role == "guest":
            article.guests.append(name)
        else:
            article.warnings.append(f"{name} ({role}) not credited: episodes credit hosts, guests")
    article.hosts = metadata.split_names(article.hosts)
    article.guests = metadata.split_names(article.guests)


def _text(article: Article, values: dict[str, str]) -> None:
    """content:encoded (else the description) becomes the body through the HTML importer."""
    content = values["content"] or values["description"]
    summary = values["summary"] or values["subtitle"]
    if values["content"] and not summary:
        summary = values["description"]
    size = len(content.encode()) + len(summary.encode())
    check_size(size, "IMPORT_MAX_ARTICLE_BYTES", "the item")
    if summary:
        article.summary_html = autop(summary)
        check_html(article.summary_html)  # the writer's sanitiser walks it recursively
    if not content.strip():
        article.warnings.append("no description or content:encoded: the article is empty")
        return
    html = parse_html(autop(content))
    try:
        fill_body(article, html.body or html, base_dir=None, title_texts={article.title})
    except ArticleError as error:
        if not article.blocks and "no article text" in str(error):
            article.warnings.append("the description holds no text for the article")
            return
        raise


def _flag(value: str) -> bool | None:
    text = value.strip().lower()
    return True if text in YES else False if text in NO else None
