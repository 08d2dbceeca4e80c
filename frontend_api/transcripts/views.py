"""GET /transcripts/<episode-id>.<vtt|srt|json|html>: the transcript of a public episode."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from episodes.models import EpisodePage
from episodes.transcripts.models import Transcript
from episodes.transcripts.public import public_cues
from frontend_api.feeds import freshness
from frontend_api.loading.sites import request_site
from frontend_api.transcripts.formats import FORMATS
from frontend_api.visibility import public_pages


def _public_episode(request: HttpRequest, episode_id: int) -> EpisodePage | None:
    """The episode if the API would include it for this request's site."""
    try:
        site = request_site(request)
    except LookupError:
        site = None
    root = site.root_tree_path if site is not None else None
    return public_pages(root, EpisodePage.objects.filter(pk=episode_id)).first()


def _cross_origin(response: HttpResponse) -> HttpResponse:
    # Players and apps on any origin read transcripts, as they read the audio and the feed.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def transcript_file(request: HttpRequest, episode_id: str, extension: str) -> HttpResponse:
    episode = _public_episode(request, int(episode_id))
    transcript = Transcript.objects.filter(episode=episode).first() if episode else None
    if episode is None or transcript is None:
        return _cross_origin(
            JsonResponse(
                {"message": "No public episode with a transcript has this id."}, status=404
            )
        )
    fmt = FORMATS[extension]
    language = transcript.language or getattr(episode.get_parent().specific, "language", "")
    body = fmt.write(public_cues(transcript), language)
    response = HttpResponse(body.encode(), content_type=fmt.media_type)
    if language:
        response["Content-Language"] = language
    modified = freshness.last_modified(
        freshness.changed_at(), transcript.updated_at, episode.last_published_at
    )
    return _cross_origin(freshness.conditional(request, response, modified))
