"""Which page an article was imported into before: same GUID, same source, or same number."""

from pathlib import PurePosixPath

from django.db.models import Q

from episodes.models import EpisodePage, PodcastPage

from .article import Article, ArticleError


def existing_page(show: PodcastPage, article: Article) -> EpisodePage | None:
    """The page this article was imported into before (same GUID, source or number)."""
    if article.guid:
        same = EpisodePage.objects.child_of(show).filter(guid=article.guid).first()
        if same is not None:
            number = article.episode_number
            taken = number is not None and EpisodePage.number_clash(show, number, same.pk)
            if taken:
                raise ArticleError(f"episode number {number}: {taken}")
            return same
    candidates = EpisodePage.objects.child_of(show).filter(
        Q(source_url=article.source_url) | Q(episode_number=article.episode_number)
    )
    by_source = by_number = None
    for page in candidates:
        other_guid = bool(article.guid and page.guid and page.guid != article.guid)
        if page.source_url == article.source_url and not other_guid:
            by_source = page
        if page.episode_number == article.episode_number:
            by_number = page
    clash = bool(
        by_source
        or (
            by_number
            and by_number.source_url
            and not same_source(by_number.source_url, article.source_url)
        )
        or (by_number and article.guid and by_number.guid and by_number.guid != article.guid)
    )
    if by_number and by_number != by_source and clash:
        origin = (
            f", imported from {by_number.source_url}"
            if by_number.source_url
            else f", GUID {by_number.guid}"
            if by_number.guid
            else ""
        )
        raise ArticleError(
            f"episode number {article.episode_number} is already used by another article: "
            f"“{by_number.title}”{origin}"
        )
    return by_source or by_number


def same_source(stored: str, incoming: str) -> bool:
    """True for the same URL, or for file paths of which one ends with the other.

    Files are known by their path below the folder given on the command line, so the same
    file reached through a parent or a child folder must still be recognised.
    """
    if stored == incoming:
        return True
    if not (stored.startswith("file:") and incoming.startswith("file:")):
        return False
    ours, theirs = PurePosixPath(stored[5:]).parts, PurePosixPath(incoming[5:]).parts
    common = min(len(ours), len(theirs))
    return ours[-common:] == theirs[-common:]
