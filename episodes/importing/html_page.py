"""Read an article page as a WordPress-like site serves it."""

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from django.utils.html import escape
from django.utils.text import slugify

from . import metadata
from .article import Article, ArticleError
from .html_blocks import split_inline, text_of
from .html_content import absolute_audio_url, file_source, fill_body, parse_html, read_text
from .quotes import attribute, squash

CONTENT_SELECTORS = ["article .entry-content", ".entry-content", ".post-content", "article", "main"]


def read_html(path: Path, root: Path) -> Article:
    """One Article from an HTML page; ArticleError when it can't be one."""
    soup = parse_html(read_text(path, html=True))
    meta = _meta(soup)
    url = _canonical(soup) or _first(meta, "og:url")
    article = Article(location=str(path), source_url=url or file_source(path, root))
    title_tag = soup.select_one("h1.entry-title") or soup.find("h1")
    raw_title = squash(" ".join(map(text_of, split_inline(title_tag)[0]))) if title_tag else ""
    raw_title = raw_title or _first(meta, "og:title") or _page_title(soup, meta)
    if not raw_title:
        raise ArticleError("no title: the page has no <h1>, og:title or <title>")
    parsed = metadata.field("title", metadata.parse_title, raw_title)
    article.title = parsed.title
    number = _first(meta, "episode-number")
    article.episode_number = (
        metadata.field("episode-number", metadata.parse_number, number) if number else parsed.number
    )
    article.rubric = _first(meta, "category") or parsed.rubric
    article.show = _first(meta, "show")
    article.season = metadata.field("season", metadata.parse_number, _first(meta, "season") or None)
    duration = _first(meta, "duration")
    article.audio_duration = metadata.field("duration", metadata.parse_duration, duration)
    article.broadcast_at = _date(_first(meta, "broadcast-date"), "broadcast-date")
    article.slug = slugify(PurePosixPath(urlsplit(url).path).name) if url else ""
    description = _first(meta, "description") or _first(meta, "og:description")
    article.summary_html = f"<p>{escape(description)}</p>" if description else ""
    article.tags = metadata.split_names(
        [word for value in meta.get("keywords", []) for word in value.split(",")]
        + meta.get("article:tag", [])
        + [squash(link.get_text(" ")) for link in soup.select('a[rel~="tag"]')]
    )
    article.hosts = metadata.split_names(",".join(meta.get("host", []) + meta.get("hosts", [])))
    article.guests = metadata.split_names(",".join(meta.get("guest", []) + meta.get("guests", [])))
    content = _content_root(soup)
    if article.broadcast_at is None:
        article.broadcast_at = _broadcast_outside(soup, content)
    fill_body(article, content, base_dir=path.parent, title_texts={raw_title}, page=soup)
    audio = soup.find("audio")
    if not article.audio_url and audio is not None:
        source = attribute(audio, "src") or next(
            (attribute(s, "src") for s in audio.find_all("source")), ""
        )
        article.audio_url = absolute_audio_url(source or "", article) if source else ""
    if article.broadcast_at is None:
        article.broadcast_at = _date(_first(meta, "article:published_time"), "published time")
    return article


def _meta(soup: BeautifulSoup) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = (attribute(tag, "name") or attribute(tag, "property")).strip().lower()
        if key and tag.get("content") is not None:
            values.setdefault(key, []).append(squash(attribute(tag, "content")))
    return values


def _first(meta: dict[str, list[str]], key: str) -> str:
    return next((value for value in meta.get(key, []) if value), "")


def _date(value: str, name: str):
    if not value:
        return None
    moment = metadata.field(name, metadata.parse_when, value)
    if moment is None:
        raise ArticleError(f"{name} “{value}” is not a date")
    return moment


def _canonical(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    return attribute(link, "href").strip() if link else ""


def _page_title(soup: BeautifulSoup, meta: dict[str, list[str]]) -> str:
    title = squash(soup.title.get_text()) if soup.title else ""
    site = _first(meta, "og:site_name")
    for separator in (" | ", " \N{EN DASH} ", " \N{EM DASH} ", " - "):
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)]
    return title


def _content_root(soup: BeautifulSoup) -> Tag:
    for selector in CONTENT_SELECTORS:
        found = soup.select_one(selector)
        if found is not None:
            return found
    return soup.body or soup


def _broadcast_outside(soup: BeautifulSoup, content: Tag):
    """The date of a "broadcast on ..." line in the page header, outside the article text."""
    for element in soup.find_all(["p", "span", "div"]):
        if element is content or any(parent is content for parent in element.parents):
            continue
        if element.find(["p", "div"]) is not None:
            continue
        found = metadata.parse_broadcast_line(element.get_text(" "))
        if found:
            return found[0]
    return None
