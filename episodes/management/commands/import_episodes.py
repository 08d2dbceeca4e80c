"""python manage.py import_episodes PATH... --show SLUG [--dry-run] [--publish]"""

import contextlib
import logging
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from episodes.importing.article import Article, ArticleError, unexpected
from episodes.importing.outline import outline
from episodes.importing.sources import Failure, find_files, read_file
from episodes.importing.writer import EpisodeWriter
from episodes.models import PodcastPage

STATUSES = ["created", "updated", "unchanged", "failed"]


class Command(BaseCommand):
    help = (
        "Import episode articles (HTML pages, Markdown files with YAML front matter, WordPress "
        "WXR exports, or folders of them) into a show as episode pages. Re-running updates the "
        "same pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders to import.")
        parser.add_argument(
            "--show",
            "--podcast",  # the flag's first name, kept so existing scripts still run
            dest="show_slug",
            required=True,
            metavar="SLUG",
            help="Slug of the show to import into.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print each article's block outline and check it, but save nothing.",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the pages (otherwise they stay drafts)."
        )

    def handle(self, *args, paths, show_slug, dry_run, publish, verbosity, **options):
        show = self._show(show_slug)
        quiet = verbosity == 0
        files = list(find_files(paths))
        reading = tqdm(files, desc="reading", unit="file", disable=quiet or None, leave=False)
        articles = [result for path, root in reading for result in read_file(path, root)]
        writer = EpisodeWriter(show, publish=publish)
        # Links between the articles of this batch become page links, even to later ones.
        writer.links.expect([item.source_url for item in articles if isinstance(item, Article)])
        counts: Counter[str] = Counter()
        failures: list[Failure] = []
        # Each article commits on its own; a dry run wraps them all in one transaction to undo.
        batch = transaction.atomic() if dry_run else contextlib.nullcontext()
        with (
            batch,
            quiet_wagtail_log(verbosity),
            tqdm(articles, desc="importing", unit="article", disable=quiet or None) as bar,
        ):
            for result in bar:
                status, lines, failure = self._import(result, writer, dry_run)
                counts[status] += 1
                if failure:
                    failures.append(failure)
                if not quiet:
                    with tqdm.external_write_mode():
                        self.stdout.write("\n".join(lines))
            for line, notes, failure in relinked(writer):
                if failure:
                    failures.append(failure)
                if not quiet:
                    self.stdout.write("\n".join([line, *(f"  note: {note}" for note in notes)]))
            if dry_run:
                transaction.set_rollback(True)
        if dry_run:
            writer.images.forget_written()
        summary = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        note = " (dry run: nothing was saved)" if dry_run else ""
        total = f"{len(articles)} article{'s' * (len(articles) != 1)}"
        self.stdout.write(f"{total} into “{show.title}”: {summary}{note}")
        if failures:
            listing = "\n".join(f"  {failure.location}: {failure.reason}" for failure in failures)
            raise CommandError(f"{len(failures)} of {len(articles)} articles failed:\n{listing}")

    def _show(self, slug: str) -> PodcastPage:
        shows = list(PodcastPage.objects.filter(slug=slug)[:2])
        if len(shows) == 1:
            return shows[0]
        if shows:
            raise CommandError(f"Several shows have the slug “{slug}”; rename one of them first.")
        known = ", ".join(PodcastPage.objects.order_by("slug").values_list("slug", flat=True))
        raise CommandError(f"No show with the slug “{slug}”. Known shows: {known or 'none yet'}.")

    def _import(self, result: Article | Failure, writer: EpisodeWriter, dry_run: bool):
        """Save one article; return its status, the lines reporting it and any failure."""
        if isinstance(result, Article):
            try:
                outcome = writer.save(result)
            except ArticleError as error:
                result = Failure(result.location, str(error))
            except Exception as error:  # the batch goes on; the writer rolled back
                result = Failure(result.location, str(unexpected(error)))
        if isinstance(result, Failure):
            return "failed", [f"FAILED {result.location}: {result.reason}"], result
        lines = [f"{outcome.status} #{result.episode_number} {result.title} ({result.location})"]
        lines += [f"  note: {note}" for note in [*result.warnings, *outcome.notes]]
        if dry_run:
            lines += [f"    {line}" for line in outline(result)[1:]]
        return outcome.status, lines, None


def relinked(writer: EpisodeWriter):
    """(line, notes, failure) for each article saved again because it linked to one imported
    after it: the link is a page link now."""
    for article, outcome in writer.relink():
        if isinstance(outcome, ArticleError):
            failure = Failure(article.location, f"relinking: {outcome}")
            yield f"FAILED {failure.location}: {failure.reason}", [], failure
        else:
            line = f"relinked #{article.episode_number} {article.title} ({article.location})"
            yield line, outcome.notes, None


@contextlib.contextmanager
def quiet_wagtail_log(verbosity: int):
    """Wagtail logs every page saved; the command reports each article itself unless -v 2."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if verbosity < 2:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
