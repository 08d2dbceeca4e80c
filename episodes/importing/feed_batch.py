"""Reading a whole feed into entries: the source, the lock, the items and their numbers."""

from collections import Counter
from pathlib import Path

from django.conf import settings

from episodes.models import EpisodePage, PodcastPage

from .article import ArticleError, unexpected
from .feed import Channel, read_feed
from .feed_items import FeedEntry, read_item
from .fetching import FetchError, fetch, is_web_url
from .limits import check_file_size
from .sources import Failure


def read_source(source: str) -> bytes:
    """The feed's bytes from an http(s) URL or a file; ArticleError when they can't be had."""
    if is_web_url(source):
        try:
            return fetch(source, settings.IMPORT_MAX_EXPORT_BYTES, "the feed")
        except FetchError as error:
            # The command names the source already.
            raise ArticleError(str(error).removeprefix(f"{source}: ")) from None
    if "://" in source:
        raise ArticleError(f"{source}: give an http(s) URL or the path of a file")
    path = Path(source)
    check_file_size(path, export=True)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{source}: no such file") from None
    except OSError as error:
        raise ArticleError(f"{source}: cannot read the file: {error.strerror or error}") from None


def load_channel(source: str) -> Channel:
    return read_feed(read_source(source))


def lock_refusal(channel: Channel, override: str | None) -> str:
    """Why a locked feed may not be imported with this override, "" when it may."""
    locked = channel.locked
    if locked is None or locked.text.strip().lower() not in ("yes", "true"):
        return ""
    owner = (locked.attrs.get("owner") or channel.values["owner_email"]).strip()
    confirm = f"--owner-override {owner}" if owner else "--owner-override"
    if override is None:
        return (
            "the feed is locked (podcast:locked yes): its owner asks other platforms not to "
            f"import it. If you are the owner, run again with {confirm}."
        )
    if owner and override.strip().casefold() != owner.casefold():
        return f"the feed is locked by {owner}; confirm that you own it with {confirm}."
    return ""


def read_entries(channel: Channel, name: str) -> list[FeedEntry | Failure]:
    """Every item read into an entry or a failure, oldest first (failures where they were)."""
    links = Counter(item.values["link"] for item in channel.items if item.values["link"])
    shared = {link for link, count in links.items() if count > 1} | {channel.values["link"]}
    results: list[FeedEntry | Failure] = []
    for item in channel.items:
        location = f"{name}#{item.position}"
        if item.values["guid"]:
            location += f" (guid {item.values['guid'][:80]})"
        try:
            results.append(read_item(item, location, shared))
        except ArticleError as error:
            results.append(Failure(location, str(error)))
        except Exception as error:  # one broken item must not stop the feed
            results.append(Failure(location, str(unexpected(error))))
    return sorted(results, key=_when)


def _when(result: FeedEntry | Failure):
    moment = result.article.broadcast_at if isinstance(result, FeedEntry) else None
    return (moment is None, moment.timestamp() if moment else 0)


def number_episodes(show: PodcastPage | None, entries: list[FeedEntry]) -> None:
    """Numbers for items without itunes:episode: the one their page has, else the next free."""
    pages = EpisodePage.objects.child_of(show) if show else EpisodePage.objects.none()
    guids = [entry.article.guid for entry in entries]
    known = dict(pages.filter(guid__in=guids).values_list("guid", "episode_number"))
    used = set(pages.values_list("episode_number", flat=True))
    used |= {entry.article.episode_number for entry in entries if entry.article.episode_number}
    following = max(used, default=0) + 1
    for entry in entries:
        article = entry.article
        if article.episode_number is not None:
            continue
        if article.guid in known:
            article.episode_number = known[article.guid]
            continue
        article.episode_number = following
        following += 1
        article.warnings.append(f"no itunes:episode: numbered {article.episode_number}")
