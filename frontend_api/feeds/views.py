"""GET endpoints for podcast apps: the show's feed and each episode's JSON chapters."""

import json
import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds import freshness
from frontend_api.feeds.chapters import chapters_document
from frontend_api.feeds.generator import CHAPTERS_TYPE
from frontend_api.feeds.stored_feed import StoredShowFeed
from frontend_api.loading.links import frontend_url
from frontend_api.visibility import aired_episodes, visible_show

SLUG_RE = re.compile(r"[-\w]{1,255}")
# Nine digits stay inside every database's integer range.
NUMBER_RE = re.compile(r"[0-9]{1,9}")


def valid_slug(slug: str) -> str:
    """The slug itself, or "" (matching no show) when it can't be one."""
    # Spares the database characters it rejects, such as NUL, which would raise a 500.
    return slug if SLUG_RE.fullmatch(slug) else ""


@require_safe
def show_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The show's RSS feed, by a fresh feed object since it holds per-request state."""
    return StoredShowFeed()(request, valid_slug(slug))


@require_safe
def episode_chapters(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    """The episode's Podcasting 2.0 JSON chapters; 404 JSON for anything not public and aired."""
    if not NUMBER_RE.fullmatch(number):
        return JsonResponse({"message": "Episode numbers are whole numbers."}, status=404)
    try:
        show = visible_show(request, valid_slug(slug))
        episode = aired_episodes(show).get(episode_number=int(number))
    except PodcastPage.DoesNotExist:
        return JsonResponse({"message": "No such show."}, status=404)
    except EpisodePage.DoesNotExist:
        return JsonResponse({"message": "No such episode in this show."}, status=404)
    document = chapters_document(episode, show, frontend_url(episode, request))
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")),
        content_type=f"{CHAPTERS_TYPE}; charset=utf-8",
    )
    modified = freshness.last_modified(
        freshness.changed_at(),
        show.last_published_at,
        episode.last_published_at,
        episode.broadcast_at,
    )
    return freshness.conditional(request, response, modified)
