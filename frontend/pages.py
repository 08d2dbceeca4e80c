"""Turn an API page into a template and its context, whatever way the page was reached."""

import asyncio
from dataclasses import dataclass
from typing import Any

from .cms import JSON, CMSClient, NotFound
from .config import Config

EPISODE_TYPE = "episodes.EpisodePage"
SHOW_TYPE = "episodes.PodcastPage"
HOME_TYPE = "home.HomePage"
# What an episode card shows; asking for just these keeps listings small.
CARD_FIELDS = "episode_number,rubric,headline,broadcast_at,cover_image,summary"


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
        return "episode.html", {}
    raise NotFound(f"no template for {page_type}")
