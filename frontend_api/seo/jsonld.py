"""schema.org JSON-LD graphs, ready to embed: every URL in them is a frontend URL."""

from typing import Any

from django.utils.html import strip_tags
from django.utils.timezone import localtime
from wagtail.models import Page

from episodes.models import EpisodePage, PodcastPage
from episodes.rules import article_title
from frontend_api.loading.batch import PageBatch

CONTEXT = "https://schema.org"


def _largest_url(image: dict | None) -> str | None:
    return image["renditions"][-1]["url"] if image and image["renditions"] else None


def _duration(seconds: int | None) -> str | None:
    """ISO 8601 duration, e.g. PT52M10S."""
    if seconds is None:
        return None
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"
    return f"PT{parts}"


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    """Drop empty properties: schema.org consumers prefer absent to null."""
    return {key: value for key, value in node.items() if value not in (None, "", [])}


def breadcrumb_list(batch: PageBatch, page: Page) -> dict[str, Any]:
    trail = [*batch.ancestors(page), page]
    items: list[dict[str, Any]] = []
    for ancestor in trail:
        url = batch.url(ancestor)
        items.append(
            {
                "@type": "ListItem",
                "position": len(items) + 1,
                "name": ancestor.title,
                "item": url,
            }
        )
    return {"@type": "BreadcrumbList", "itemListElement": items}


def podcast_series(batch: PageBatch, show: PodcastPage) -> dict[str, Any]:
    url = batch.url(show)
    return _compact(
        {
            "@type": "PodcastSeries",
            "@id": f"{url}#series",
            "name": show.title,
            "url": url,
            "description": show.description,
            "inLanguage": show.language,
            "author": {"@type": "Person", "name": show.author} if show.author else None,
            "image": _largest_url(batch.image_by_id(show.artwork_id)),
        }
    )


def audio_object(page: EpisodePage) -> dict[str, Any] | None:
    url = page.audio_source_url
    if not url:
        return None
    return _compact(
        {
            "@type": "AudioObject",
            "contentUrl": url,
            "encodingFormat": page.audio_mime_type,
            "duration": _duration(page.audio_duration_seconds),
            "contentSize": str(page.audio_size) if page.audio_size else None,
        }
    )


def podcast_episode(batch: PageBatch, page: EpisodePage) -> dict[str, Any]:
    url = batch.url(page)
    show = batch.show_page(page)
    people = [
        {"@type": "Person", "name": person.name}
        for person in batch.hosts(page) + batch.guests(page)
    ]
    return _compact(
        {
            "@type": "PodcastEpisode",
            "@id": f"{url}#episode",
            "url": url,
            "name": page.title,
            "headline": article_title(page),
            "episodeNumber": page.episode_number,
            "datePublished": localtime(page.broadcast_at).isoformat()
            if page.broadcast_at
            else None,
            "description": strip_tags(batch.rich_text(page.summary)).strip(),
            "image": _largest_url(batch.image_by_id(page.cover_image_id)),
            "timeRequired": _duration(page.audio_duration_seconds),
            "partOfSeason": (
                {"@type": "PodcastSeason", "seasonNumber": page.season} if page.season else None
            ),
            "partOfSeries": podcast_series(batch, show) if show else None,
            "associatedMedia": audio_object(page),
            "actor": people,
            "keywords": ", ".join(batch.tags(page)),
        }
    )


def faq_page(batch: PageBatch, page: EpisodePage) -> dict[str, Any] | None:
    """One FAQPage gathering the questions of every FAQ block of the article."""
    questions = [
        {
            "@type": "Question",
            "name": item["question"],
            "acceptedAnswer": {"@type": "Answer", "text": item["answer"]},
        }
        for block in batch.body(page)
        if block["type"] == "faq"
        for item in block["value"]["items"]
    ]
    if not questions:
        return None
    return {"@type": "FAQPage", "@id": f"{batch.url(page)}#faq", "mainEntity": questions}


def json_ld(batch: PageBatch, page: Page) -> dict[str, Any]:
    """The page's graph: its main entity, an FAQPage when it has questions, its breadcrumbs."""
    graph: list[dict[str, Any]] = []
    if isinstance(page, EpisodePage):
        graph.append(podcast_episode(batch, page))
        faq = faq_page(batch, page)
        if faq:
            graph.append(faq)
    elif isinstance(page, PodcastPage):
        graph.append(podcast_series(batch, page))
    else:
        graph.append({"@type": "WebSite", "name": page.title, "url": batch.url(page)})
    graph.append(breadcrumb_list(batch, page))
    return {"@context": CONTEXT, "@graph": graph}
