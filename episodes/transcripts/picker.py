"""Insert a quote from the transcript: the admin's JSON endpoints behind the quote blocks' picker.

`cues` lists the cues of the episode being edited (searchable by words and speaker); `quote`
turns a range of consecutive cues into what a quote block needs: its words, its speaker (the
mapped person) and its timestamp. Only users who may edit the episode get answers.
"""

import re

from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from episodes.blocks.timestamps import format_timestamp
from episodes.models import EpisodePage
from episodes.transcripts.models import Transcript, TranscriptCue

# A pull quote is a few sentences; a range longer than this is a slip of the mouse.
MAX_QUOTE_CUES = 40
MAX_LISTED_CUES = 500
MAX_SEARCH_CHARS = 200
NUMBER_RE = re.compile(r"[0-9]{1,9}")


class PickerError(Exception):
    """A request the picker answers with a 4xx JSON message."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def _number(request: HttpRequest, name: str) -> int:
    value = request.GET.get(name, "")
    if not NUMBER_RE.fullmatch(value):
        raise PickerError(f"“{name}” must be a whole number.")
    return int(value)


def editable_transcript(request: HttpRequest) -> Transcript:
    """The transcript of the episode named by ?page=, if the user may edit that episode."""
    page_id = _number(request, "page")
    episode = EpisodePage.objects.filter(pk=page_id).first()
    # One answer for "no such episode" and "not yours", so ids can't be probed.
    if episode is None or not episode.permissions_for_user(request.user).can_edit():
        raise PickerError("You can't edit this episode, or it doesn't exist.", 403)
    transcript = Transcript.objects.filter(episode=episode).first()
    if transcript is None:
        raise PickerError("This episode has no transcript yet: attach one under Transcripts.", 404)
    return transcript


def _person(cue: TranscriptCue) -> dict | None:
    """The cue's speaker as the snippet chooser's state, when the label is mapped to a person."""
    person = cue.speaker.person if cue.speaker else None
    if person is None:
        return None
    edit_url = reverse("wagtailsnippets_episodes_person:edit", args=[person.pk])
    return {"id": person.pk, "string": person.name, "edit_url": edit_url}


def cue_row(cue: TranscriptCue) -> dict:
    return {
        "position": cue.position,
        "start_ms": cue.start_ms,
        "end_ms": cue.end_ms,
        "timestamp": format_timestamp(cue.start_ms // 1000),
        "speaker_label": cue.speaker.label if cue.speaker else "",
        "person": _person(cue),
        "text": cue.text,
    }


def list_cues(transcript: Transcript, search: str) -> dict:
    """The cues in order, those whose words or speaker contain `search` when it is given."""
    cues = transcript.cues.select_related("speaker__person").order_by("position")
    search = " ".join(search.split())[:MAX_SEARCH_CHARS]
    if search:
        cues = cues.filter(
            Q(text__icontains=search)
            | Q(speaker__label__icontains=search)
            | Q(speaker__person__name__icontains=search)
        )
    rows = list(cues[: MAX_LISTED_CUES + 1])
    return {
        "cues": [cue_row(cue) for cue in rows[:MAX_LISTED_CUES]],
        "truncated": len(rows) > MAX_LISTED_CUES,
    }


def quote_from_cues(transcript: Transcript, first: int, last: int) -> dict:
    """The quote block's words, speaker and timestamp for the cues first..last."""
    if last < first:
        raise PickerError("The last cue comes before the first.")
    if last - first + 1 > MAX_QUOTE_CUES:
        raise PickerError(f"A quote spans at most {MAX_QUOTE_CUES} cues; choose fewer.")
    cues = list(
        transcript.cues.select_related("speaker__person")
        .filter(position__gte=first, position__lte=last)
        .order_by("position")
    )
    if len(cues) != last - first + 1:
        raise PickerError("These cues are not in the transcript; reload the list.", 404)
    speakers = {cue.speaker_id for cue in cues if cue.speaker_id is not None}
    if len(speakers) > 1:
        raise PickerError("These cues have several speakers; a quote is one person's words.")
    said_by = next((cue for cue in cues if cue.speaker_id is not None), cues[0])
    start_seconds = cues[0].start_ms // 1000
    return {
        "text": " ".join(" ".join(cue.text.split()) for cue in cues),
        "timestamp": format_timestamp(start_seconds),
        "person": _person(said_by),
        "speaker_label": said_by.speaker.label if said_by.speaker else "",
        "start_ms": cues[0].start_ms,
        "end_ms": cues[-1].end_ms,
        # As a soundbite, the quote would run from its timestamp to the end of its last cue.
        "duration_seconds": round(cues[-1].end_ms / 1000 - start_seconds, 3),
    }


@require_safe
def cues_view(request: HttpRequest) -> JsonResponse:
    """GET ?page=<episode id>&q=<words or speaker>: the cues to pick from."""
    try:
        transcript = editable_transcript(request)
    except PickerError as error:
        return JsonResponse({"message": error.message}, status=error.status)
    return JsonResponse(list_cues(transcript, request.GET.get("q", "")))


@require_safe
def quote_view(request: HttpRequest) -> JsonResponse:
    """GET ?page=<episode id>&first=<position>&last=<position>: the quote those cues make."""
    try:
        transcript = editable_transcript(request)
        quote = quote_from_cues(transcript, _number(request, "first"), _number(request, "last"))
    except PickerError as error:
        return JsonResponse({"message": error.message}, status=error.status)
    return JsonResponse(quote)


def picker_urls() -> list:
    """The picker's admin URLs (registered by episodes.wagtail_hooks)."""
    return [
        path("transcript-cues/", cues_view, name="transcript_cues"),
        path("transcript-cues/quote/", quote_view, name="transcript_cue_quote"),
    ]
