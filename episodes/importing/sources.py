"""Find the articles behind the paths given on the command line and read each one."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .article import Article, ArticleError, unexpected
from .html_page import read_html
from .markdown_file import read_markdown
from .wxr import read_wxr

HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
WXR_SUFFIXES = {".xml"}
SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | WXR_SUFFIXES


@dataclass
class Failure:
    """A file or export item that could not be read into an article."""

    location: str
    reason: str

    def __post_init__(self):
        # One line per failure, whatever the message held (parsers quote the source).
        self.reason = " ".join(self.reason.split())


def find_files(paths: list[str]) -> Iterator[tuple[Path, Path]]:
    """(file, folder it was found under) for each path; folders are searched recursively."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in SUFFIXES:
                    yield found, path
        else:
            yield path, path.parent


def read_file(path: Path, root: Path) -> Iterator[Article | Failure]:
    """Every article a file holds (one, or one per post of a WordPress export).

    Never raises: whatever goes wrong becomes a Failure, so the batch goes on.
    """
    try:
        yield from _read_file(path, root)
    except Exception as error:  # one broken file must not stop the batch
        yield Failure(str(path), str(unexpected(error)))


def _read_file(path: Path, root: Path) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    if suffix in WXR_SUFFIXES:
        for location, result in read_wxr(path):
            yield _checked(location, result)
        return
    if not path.exists():
        yield Failure(str(path), "no such file or folder")
        return
    reader = (
        read_html
        if suffix in HTML_SUFFIXES
        else read_markdown
        if suffix in MARKDOWN_SUFFIXES
        else None
    )
    if reader is None:
        yield Failure(
            str(path),
            f"unsupported file type “{suffix or path.name}” "
            "(use .html, .md or a WordPress .xml export)",
        )
        return
    try:
        yield _checked(str(path), reader(path, root))
    except ArticleError as error:
        yield Failure(str(path), str(error))


def _checked(location: str, result: Article | ArticleError) -> Article | Failure:
    if isinstance(result, ArticleError):
        return Failure(location, str(result))
    try:
        result.check_complete()
    except ArticleError as error:
        return Failure(location, str(error))
    return result
