"""manage.py validate_feed <show-slug>: the show's feed against the distribution rules."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from episodes.models import PodcastPage
from frontend_api.feeds.validation.building import check_show
from frontend_api.feeds.validation.rules import Severity

# 0: no error (warnings allowed); 1: errors found; 2: no such show.
ERRORS_FOUND, NO_SUCH_SHOW = 1, 2


class Command(BaseCommand):
    help = (
        "Check a show's podcast feed against the rules of Apple Podcasts, Spotify and the "
        "Podcast Index. Exits 1 when an error would make apps reject the feed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("show", help="the show's slug, as in /feeds/<slug>/")

    def handle(self, *args: Any, show: str, **options: Any) -> None:
        shows = list(PodcastPage.objects.filter(slug=show))
        if not shows:
            raise CommandError(f"No show has the slug “{show}”.", returncode=NO_SUCH_SHOW)
        errors = 0
        for podcast in shows:
            findings = check_show(podcast)
            self.stdout.write(f"Feed of “{podcast.title}” (/feeds/{podcast.slug}/):")
            for finding in findings:
                style = (
                    self.style.ERROR if finding.severity == Severity.ERROR else self.style.WARNING
                )
                label = style(f"{finding.severity.value:7}")
                self.stdout.write(f"  {label} {finding.rule}  {finding.where}: {finding.message}")
            show_errors = sum(finding.severity == Severity.ERROR for finding in findings)
            errors += show_errors
            self.stdout.write(f"{show_errors} error(s), {len(findings) - show_errors} warning(s).")
        if errors:
            raise CommandError(
                f"{errors} error(s): podcast apps may reject this feed.", returncode=ERRORS_FOUND
            )
