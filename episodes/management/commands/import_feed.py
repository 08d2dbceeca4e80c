"""python manage.py import_feed URL-OR-FILE [--show SLUG] [--dry-run] [--publish]
[--owner-override [EMAIL]]"""

import contextlib
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from episodes.importing.article import ArticleError, unexpected
from episodes.importing.feed import Channel
from episodes.importing.feed_batch import load_channel, lock_refusal, number_episodes, read_entries
from episodes.importing.feed_extras import FetchedTranscript, Fetcher
from episodes.importing.feed_items import FeedEntry
from episodes.importing.feed_show import ShowOutcome, import_show, slug_for
from episodes.importing.lookups import ImageUploader
from episodes.importing.sources import Failure
from episodes.importing.writer import EpisodeWriter, Outcome
from episodes.transcripts.models import Transcript
from episodes.transcripts.storage import store_transcript

from .import_episodes import quiet_wagtail_log, relinked

STATUSES = ["created", "updated", "unchanged", "skipped"]


class Command(BaseCommand):
    help = (
        "Move a show in from its podcast feed (an http(s) URL or a file): the channel becomes "
        "the show, each item an episode keyed on its GUID. Re-running updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="URL-OR-FILE", help="The feed's URL or file.")
        parser.add_argument(
            "--show",
            dest="show_slug",
            metavar="SLUG",
            help="The show to import into (created when missing); default: from the title.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read, check and report, but save nothing."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the show and episodes (otherwise they stay drafts).",
        )
        parser.add_argument(
            "--owner-override",
            nargs="?",
            const="",
            metavar="EMAIL",
            help="Import a feed marked podcast:locked yes; give the owner email the feed names.",
        )

    def handle(self, *args, source, show_slug, dry_run, publish, owner_override, **options):
        self.quiet = options["verbosity"] == 0
        try:
            channel = load_channel(source)
            refusal = lock_refusal(channel, owner_override)
            if refusal:
                raise ArticleError(refusal)
            slug = slug_for(channel, show_slug)
        except ArticleError as error:
            raise CommandError(f"{source}: {error}") from None
        fetcher = Fetcher()
        images = ImageUploader()
        # Each item commits on its own (as does the show, first); a dry run wraps all of it
        # in one transaction that is rolled back.
        batch = transaction.atomic() if dry_run else contextlib.nullcontext()
        with batch, quiet_wagtail_log(options["verbosity"]):
            try:
                counts, failures, warnings, show = self._run(
                    channel, slug, source, fetcher, images, publish
                )
            finally:
                if dry_run:
                    transaction.set_rollback(True)
        if dry_run:
            images.forget_written()
        self._summary(counts, failures, warnings, show.title, dry_run)

    def _run(self, channel: Channel, slug: str, source, fetcher, images, publish):
        warnings: list[str] = []
        artwork = (
            fetcher.image(channel.image, channel.values["title"], warnings)
            if channel.image
            else None
        )
        try:
            shown = import_show(channel, slug, artwork, images, publish=publish)
        except ArticleError as error:
            raise CommandError(f"{source}: {error}") from None
        self._write(f"{shown.status} show “{shown.show.title}” ({shown.show.slug})")
        self._notes(shown.warnings + warnings)
        show = shown.show
        results = read_entries(channel, source)
        entries = [entry for entry in results if isinstance(entry, FeedEntry)]
        number_episodes(show, entries)
        writer = EpisodeWriter(show, publish=publish, images=images)
        writer.links.expect([entry.article.source_url for entry in entries])
        counts: Counter[str] = Counter()
        failures: list[Failure] = []
        all_warnings = shown.warnings + warnings
        bar = tqdm(results, desc="importing", unit="item", disable=self.quiet or None)
        with bar:
            for result in bar:
                status, notes = self._item(result, writer, fetcher, shown)
                counts[status] += 1
                if status == "skipped":
                    failures.append(notes[0])
                else:
                    all_warnings += notes
        for line, notes, failure in relinked(writer):
            self._write(line)
            self._notes(notes)
            all_warnings += notes
            if failure:
                failures.append(failure)
        return counts, failures, all_warnings, show

    def _item(self, result, writer: EpisodeWriter, fetcher: Fetcher, shown: ShowOutcome):
        """Fetch what the item points at, then save it and its transcript in one transaction."""
        if isinstance(result, Failure):
            self._write(f"SKIPPED {result.location}: {result.reason}")
            return "skipped", [result]
        article = result.article
        try:
            transcript = self._fetch_extras(result, fetcher, shown)
            mark = writer.images.mark()
            try:
                with transaction.atomic():
                    outcome = writer.save(article)
                    if transcript:
                        self._attach(outcome, transcript)
            except Exception:
                writer.images.forget_written(mark)
                raise
        except ArticleError as error:
            failure = Failure(article.location, str(error))
        except Exception as error:  # the feed goes on; this item was rolled back
            failure = Failure(article.location, str(unexpected(error)))
        else:
            notes = [*article.warnings, *outcome.notes]
            self._write(f"{outcome.status} #{article.episode_number} {article.title}")
            self._notes(notes)
            return outcome.status, notes
        self._write(f"SKIPPED {failure.location}: {failure.reason}")
        return "skipped", [failure]

    def _fetch_extras(self, entry: FeedEntry, fetcher: Fetcher, shown: ShowOutcome):
        article = entry.article
        if entry.explicit is not None and entry.explicit != shown.show.explicit:
            flag = "explicit" if entry.explicit else "clean"
            article.warnings.append(f"itunes:explicit {flag} not kept: episodes take the show's")
        if entry.image_url:
            article.cover = fetcher.image(entry.image_url, article.title, article.warnings)
        if entry.chapters_url:
            fetcher.chapters(entry.chapters_url, article)
        return fetcher.transcript(entry.transcripts, article.warnings)

    def _attach(self, outcome: Outcome, transcript: FetchedTranscript) -> None:
        """Store the transcript unless the same file is already attached, cue for cue."""
        stored = Transcript.objects.filter(episode_id=outcome.page.pk).first()
        same_file = stored and stored.source_name == transcript.url[:255]
        if same_file and stored.cue_count == len(transcript.cues):
            return
        store_transcript(
            outcome.page,
            transcript.cues,
            transcript.transcript_format,
            transcript.language,
            transcript.url,
        )

    def _write(self, line: str) -> None:
        if not self.quiet:
            with tqdm.external_write_mode():
                self.stdout.write(line)

    def _notes(self, notes: list[str]) -> None:
        for note in notes:
            self._write(f"  warning: {note}")

    def _summary(self, counts, failures, warnings, title: str, dry_run: bool) -> None:
        total = sum(counts.values())
        summary = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        note = " (dry run: nothing was saved)" if dry_run else ""
        self.stdout.write(
            f"{total} item{'s' * (total != 1)} into “{title}”: {summary}, "
            f"{len(warnings)} warning{'s' * (len(warnings) != 1)}{note}"
        )
        if failures:
            listing = "\n".join(f"  {failure.location}: {failure.reason}" for failure in failures)
            raise CommandError(f"{len(failures)} of {total} items were skipped:\n{listing}")
