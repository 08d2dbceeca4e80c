"""Read a Markdown article with YAML front matter."""

from pathlib import Path

import frontmatter
import markdown
import yaml
from django.utils.html import escape
from django.utils.text import slugify

from . import metadata
from .article import Article, ArticleError
from .html_content import file_source, fill_body, parse_html, read_text
from .limits import check_html, check_indentation
from .quotes import squash

EXTENSIONS = ["extra", "sane_lists"]


class TextDatesLoader(yaml.SafeLoader):
    """YAML that leaves dates as written, so that a bad one is reported by its field's name."""


def _date_as_text(loader: TextDatesLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


class FrontMatter(frontmatter.YAMLHandler):
    """Front matter read with TextDatesLoader."""

    def load(self, fm: str, **kwargs):
        return super().load(fm, Loader=TextDatesLoader, **kwargs)


def read_markdown(path: Path, root: Path) -> Article:
    """One Article from a Markdown file; ArticleError when it can't be one."""
    try:
        post = frontmatter.loads(read_text(path), handler=FrontMatter())
    except (yaml.YAMLError, ValueError) as error:
        problem = str(error).splitlines()[0] if str(error) else "syntax error"
        raise ArticleError(f"front matter is not valid YAML: {problem}") from None
    except RecursionError:
        raise ArticleError("front matter is nested too deep to read") from None
    meta = {str(key).lower().replace("-", "_"): value for key, value in post.metadata.items()}
    if "title" in meta and not meta["title"]:
        raise ArticleError(
            'no title: the front matter title is empty (in YAML, quote a title starting with "#")'
        )
    # Raw HTML nesting and list indentation, checked before Python-Markdown recurses into them.
    check_html(post.content)
    check_indentation(post.content)
    soup = parse_html(markdown.markdown(post.content, extensions=EXTENSIONS))
    first_heading = soup.find("h1")
    raw_title = squash(str(meta.get("title") or "")) or (
        squash(first_heading.get_text(" ")) if first_heading else ""
    )
    if not raw_title:
        raise ArticleError("no title: no title in the front matter and no # heading")
    url = str(_pick(meta, "url", "permalink", "canonical", "source_url") or "")
    article = Article(location=str(path), source_url=url or file_source(path, root))
    parsed = metadata.field("title", metadata.parse_title, raw_title)
    article.title = parsed.title
    number = _pick(meta, "episode_number", "episode", "number")
    article.episode_number = (
        metadata.field("episode number", metadata.parse_number, number)
        if number is not None
        else parsed.number
    )
    article.rubric = str(_pick(meta, "rubric", "category") or parsed.rubric)
    article.show = str(_pick(meta, "show", "podcast") or "")
    article.season = metadata.field("season", metadata.parse_number, meta.get("season"))
    article.headline = str(meta.get("headline") or "")
    article.slug = slugify(str(meta.get("slug") or ""))
    when = _pick(meta, "broadcast_date", "broadcast_at", "date")
    article.broadcast_at = metadata.field("broadcast date", metadata.parse_when, when)
    if when and article.broadcast_at is None:
        raise ArticleError(f"broadcast date “{when}” is not a date")
    article.audio_url = str(_pick(meta, "audio", "audio_url", "enclosure") or "")
    duration = _pick(meta, "duration", "audio_duration")
    article.audio_duration = metadata.field("duration", metadata.parse_duration, duration)
    summary = str(_pick(meta, "summary", "excerpt", "description") or "")
    article.summary_html = f"<p>{escape(squash(summary))}</p>" if summary.strip() else ""
    article.tags = metadata.split_names(meta.get("tags"))
    article.hosts = metadata.split_names(meta.get("hosts"))
    article.guests = metadata.split_names(meta.get("guests"))
    content = soup.body or soup
    fill_body(article, content, base_dir=path.parent, title_texts={raw_title}, page=soup)
    return article


def _pick(meta: dict, *keys: str):
    """The first of several spellings that the front matter uses."""
    return next((meta[key] for key in keys if meta.get(key) not in (None, "")), None)
