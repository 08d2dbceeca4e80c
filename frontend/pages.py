"""Turn an API page into a template and its context, whatever way the page was reached."""

import asyncio
from dataclasses import dataclass
from typing import Any

from .cms import JSON, CMSClient, NotFound
from .config import Config
from .listening import chapters, transcript_cues

EPISODE_TYPE = "episodes.EpisodePage"
SHOW_TYPE = "episodes.PodcastPage"
HOME_TYPE = "home.HomePage"
# What an episode card shows; asking for just these keeps listings small. Listings name an
# episode by its title, as related episodes, the feed and podcast apps do; the headline is
# the article's own heading, on its page.
CARD_FIELDS = "episode_number,rubric,broadcast_at,cover_image,summary"


@dataclass(frozen=True)
class Banner:
    """A notice above the page: the page is a preview, or a draft shared for review."""

    kind: str
    text: str
    note: str = ""


async def home_context(cms: CMSClient, config: Config, page: JSON) -> dict[str, Any]:
    latest, shows = await asyncio.gather(
        cms.pages(
            type=EPISODE_TYPE, order="-broadcast_at", limit=config.latest_count, fields=CARD_FIELDS
        ),
        cms.pages(type=SHOW_TYPE, fields="description"),
    )
    return {"latest": latest["items"], "shows": shows["items"]}


async def show_context(cms: CMSClient, config: Config, page: JSON, number: int) -> dict[str, Any]:
    if page.get("id") is None:
        # A show being created, seen in preview before its first save, has no episodes yet.
        return {"episodes": [], "pager": {"number": 1, "last": 1, "total": 0}}
    listing = await cms.pages(
        type=EPISODE_TYPE,
        child_of=page["id"],
        order="-broadcast_at",
        limit=config.page_size,
        offset=(number - 1) * config.page_size,
        fields=CARD_FIELDS,
    )
    total = listing["meta"]["total_count"]
    last = max(1, -(-total // config.page_size))
    if number > last:
        raise NotFound(f"page {number} of {last}")
    return {"episodes": listing["items"], "pager": {"number": number, "last": last, "total": total}}


async def episode_context(cms: CMSClient, page: JSON) -> dict[str, Any]:
    """What the player follows: the chapters, and the transcript's cues when there is audio."""
    has_audio = bool((page.get("audio") or {}).get("url"))
    cues = await transcript_cues(cms, page) if has_audio else []
    return {"chapters": chapters(page), "cues": cues}


async def page_template(
    cms: CMSClient, config: Config, page: JSON, page_number: int = 1
) -> tuple[str, dict[str, Any]]:
    """The template for the page's type and what it needs beyond the page itself."""
    page_type = page["meta"]["type"]
    if page_type == HOME_TYPE:
        return "home.html", await home_context(cms, config, page)
    if page_type == SHOW_TYPE:
        return "show.html", await show_context(cms, config, page, page_number)
    if page_type == EPISODE_TYPE:
        return "episode.html", await episode_context(cms, page)
    raise NotFound(f"no template for {page_type}")
