"""Checking every quote of an episode's article against its transcript, and filling gaps.

Runs when a transcript is attached (admin or command) and on the editor's "Check quotes".
What it fills in (a located quote's missing timestamp and speaker) goes into a new draft
revision: publishing stays the editor's decision.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from episodes.blocks.quotes import pull_quote_key, supporting_quote_key
from episodes.blocks.timestamps import format_timestamp, timestamp_seconds
from episodes.snippets import Person
from episodes.transcripts.models import Transcript
from episodes.transcripts.quotes import QuoteCheck, SpokenCue, TranscriptWords, check_quote

logger = logging.getLogger(__name__)


def spoken_cues(transcript: Transcript) -> list[SpokenCue]:
    rows = transcript.cues.select_related("speaker__person").order_by("position")
    cues = []
    for row in rows:
        person = row.speaker.person if row.speaker else None
        label = row.speaker.label if row.speaker else ""
        speaker = person.name if person else label
        cues.append(
            SpokenCue(row.start_ms, row.end_ms, person.pk if person else None, speaker, row.text)
        )
    return cues


def _check_and_fill(index, where: str, quote, timestamps: bool) -> tuple[QuoteCheck, bool]:
    """Check one quote's StructValue; fill its blank timestamp and speaker when located."""
    speaker = quote.get("speaker")
    timestamp = timestamp_seconds(quote.get("timestamp")) if timestamps else None
    check = check_quote(
        index,
        where,
        quote["text"],
        timestamp,
        speaker.pk if speaker else None,
        (quote.get("speaker_name") or "").strip(),
    )
    if not check.verified or check.spoken is None:
        return check, False
    changed = False
    if timestamps and timestamp is None:
        quote["timestamp"] = format_timestamp(check.spoken.start_seconds)
        changed = True
    said_by = check.spoken.first.person_id
    if speaker is None and not (quote.get("speaker_name") or "").strip() and said_by:
        quote["speaker"] = Person.objects.get(pk=said_by)
        changed = True
    return check, changed


@transaction.atomic
def check_quotes(episode, user=None) -> list[QuoteCheck]:
    """Check the pull quotes and FAQ supporting quotes of the episode's latest revision.

    Saves a new revision when something was filled in, and the report on the transcript.
    """
    transcript = Transcript.objects.select_for_update().filter(episode=episode).first()
    if transcript is None:
        return []
    index = TranscriptWords(spoken_cues(transcript))
    page = episode.get_latest_revision_as_object()
    checks: list[QuoteCheck] = []
    verified_keys: list[str] = []
    changed = False
    pull_quotes = 0
    for child in page.body:
        if child.block_type == "pull_quote":
            pull_quotes += 1
            # Keyed as written and as filled in: the live version keeps the first until the
            # editor publishes the draft.
            as_written = pull_quote_key(child.value)
            check, filled = _check_and_fill(index, f"Pull quote {pull_quotes}", child.value, True)
            checks.append(check)
            changed |= filled
            if check.verified:
                verified_keys += [as_written, pull_quote_key(child.value)]
        elif child.block_type == "faq":
            for item in child.value["items"]:
                quote = item["quote"]
                if quote and (quote.get("text") or "").strip():
                    where = f"FAQ “{item['question']}”"
                    as_written = supporting_quote_key(quote)
                    check, filled = _check_and_fill(index, where, quote, False)
                    checks.append(check)
                    changed |= filled
                    if check.verified:
                        verified_keys += [as_written, supporting_quote_key(quote)]
    if changed:
        try:
            page.save_revision(user=user, log_action=True)
        except ValidationError as error:
            # The draft has errors of its own: report them, change nothing.
            logger.info("Quote check could not save episode %s: %s", episode.pk, error)
            for check in checks:
                check.reason = check.reason or "located, but the draft could not be saved"
                check.verified = False
            verified_keys = []
    transcript.quote_report = [check.as_report() for check in checks]
    transcript.quotes_checked_at = timezone.now()
    Transcript.objects.filter(pk=transcript.pk).update(
        quote_report=transcript.quote_report,
        quotes_checked_at=transcript.quotes_checked_at,
        verified_quotes=sorted(set(verified_keys)),
    )
    return checks
