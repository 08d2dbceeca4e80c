"""The episode editor's form: checks that need the parent show or several fields at once."""

from functools import reduce

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from .blocks import combine_errors, timestamp_errors
from .blocks.quotes import quote_keys
from .transcripts.models import Transcript
from .transcripts.soundbites import body_problems as soundbite_problems


class EpisodePageForm(WagtailAdminPageForm):
    """Checks what needs the parent show or several fields, and reports every body error at once."""

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("episode_number")
        # Saved pages check this in EpisodePage.clean(); new ones have no tree position yet.
        if self.instance.pk is None and number is not None and self.parent_page is not None:
            clash = type(self.instance).number_clash(self.parent_page, number)
            if clash:
                self.add_error("episode_number", clash)
        self.check_timestamps(cleaned_data)
        self.check_soundbites(cleaned_data)
        if "action-publish" in self.data and settings.QUOTES_MUST_BE_VERIFIED:
            self.check_quotes_verified(cleaned_data)
        return cleaned_data

    def check_quotes_verified(self, cleaned_data) -> None:
        """With QUOTES_MUST_BE_VERIFIED, publishing waits until every quote was found as written."""
        body = cleaned_data.get("body")
        if not isinstance(body, StreamValue):
            return
        transcript = Transcript.objects.filter(episode_id=self.instance.pk).first()
        verified = set(transcript.verified_quotes) if transcript else set()
        unverified = [key for key in quote_keys(body) if key not in verified]
        if unverified:
            where = "the transcript" if transcript else "a transcript (none is attached)"
            self.add_error(
                None,
                f"{len(unverified)} quote(s) are not verified against {where}. Run "
                "“Check quotes” in Transcripts, correct them, or save a draft instead.",
            )

    def check_timestamps(self, cleaned_data) -> None:
        """Timestamps after the end of the posted audio, in the posted body even when it has
        errors of its own, so that they show in the same save."""
        duration = cleaned_data.get("audio_duration")
        if duration is None or "body" not in self.fields:
            return
        body = cleaned_data["body"] if "body" in cleaned_data else self["body"].data
        # A body that could not be read at all has nothing to check.
        if not isinstance(body, StreamValue):
            return
        beyond = timestamp_errors(body, int(duration.total_seconds()))
        if beyond:
            self.add_error("body", StreamBlockValidationError(block_errors=beyond))

    def check_soundbites(self, cleaned_data) -> None:
        """Pull quotes marked as soundbites must be found in the transcript at their moment
        and last 15 to 120 seconds (episodes/transcripts/soundbites.py); checked in the posted
        body even when it has errors of its own, like the timestamps."""
        if "body" not in self.fields:
            return
        body = cleaned_data["body"] if "body" in cleaned_data else self["body"].data
        if not isinstance(body, StreamValue):
            return
        transcript = Transcript.objects.filter(episode_id=self.instance.pk).first()
        problems = soundbite_problems(body, transcript)
        if problems:
            errors = {
                index: StructBlockValidationError({"soundbite": ValidationError(problem)})
                for index, problem in problems.items()
            }
            self.add_error("body", StreamBlockValidationError(block_errors=errors))

    def _post_clean(self):
        super()._post_clean()
        # The block editor shows a field's first error only: fold the body's into one.
        body_errors = self._errors.get("body")
        if body_errors and len(body_errors) > 1:
            self._errors["body"] = self.error_class(
                [reduce(combine_errors, body_errors.as_data())], renderer=self.renderer
            )
