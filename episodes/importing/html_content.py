"""Fill an article's body and audio from its HTML content, the same way for every format."""

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EncodingDetector

from .article import Article, ArticleError, Faq
from .faq import json_ld_faq
from .html_blocks import HtmlMapper
from .limits import check_file_size, check_html


def read_text(path: Path, *, html: bool = False) -> str:
    """The file's text; ArticleError when it is missing, unreadable, too large or not text."""
    check_file_size(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError("no such file") from None
    except OSError as error:
        raise ArticleError(f"cannot read the file: {error.strerror or error}") from None
    if b"\x00" in raw[:8192]:
        raise ArticleError("not a text file (it holds binary data)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = EncodingDetector.find_declared_encoding(raw, is_html=html) if html else None
        if declared:
            try:
                return raw.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    raise ArticleError("not UTF-8 text and no other encoding declared; save it as UTF-8")


def parse_html(html: str) -> BeautifulSoup:
    """Parse HTML the way browsers repair it; ArticleError when it is too deep or too large."""
    check_html(html)
    return BeautifulSoup(html, "lxml")


def file_source(path: Path, root: Path) -> str:
    """A stable identity for a file without a URL: its path below the folder given."""
    try:
        relative = path.resolve().relative_to(root.resolve())
    except ValueError:
        relative = Path(path.name)
    return f"file:{relative.as_posix()}"


def fill_body(
    article: Article,
    content: Tag,
    *,
    base_dir: Path | None,
    title_texts: set[str],
    page: BeautifulSoup | None = None,
) -> None:
    """Map `content` into the article's blocks; take the episode's audio and broadcast line."""
    mapper = HtmlMapper(base_dir=base_dir, title_texts=title_texts, warnings=article.warnings)
    article.blocks = mapper.map(content)
    if page is not None and not any(isinstance(block, Faq) for block in article.blocks):
        faq = json_ld_faq(page, article.warnings)
        if faq:
            article.blocks.append(faq)
    if mapper.broadcast and article.broadcast_at is None:
        article.broadcast_at = mapper.broadcast[0]
    for source in mapper.audio_urls[:1]:
        if not article.audio_url:
            article.audio_url = absolute_audio_url(source, article)
    if len(mapper.audio_urls) > 1:
        article.warnings.append("several audio players: the first one is taken as the episode")
    if not article.blocks:
        raise ArticleError("no article text found")


def absolute_audio_url(source: str, article: Article) -> str:
    """An http(s) address for the audio, resolved against the article's URL if relative."""
    if urlsplit(article.source_url).scheme in ("http", "https"):
        source = urljoin(article.source_url, source)
    if urlsplit(source).scheme in ("http", "https"):
        return source
    article.warnings.append(f"audio {source} is not an http(s) address; left out")
    return ""
