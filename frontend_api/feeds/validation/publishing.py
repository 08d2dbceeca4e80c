"""The gate at publish time: errors that concern the show or this episode keep it a draft."""

import logging
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail.models import Page

from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.show_feed import ShowFeed
from frontend_api.feeds.validation.building import check_show
from frontend_api.feeds.validation.rules import Finding, Severity

logger = logging.getLogger(__name__)


def findings_for_episode(episode: EpisodePage) -> list[Finding]:
    """Findings on the show and on this episode in the feed it would be published into."""
    show = episode.get_parent().specific
    if not isinstance(show, PodcastPage):
        return []
    guid = ShowFeed().item_guid(episode)
    return [
        finding
        for finding in check_show(show, candidate=episode)
        if finding.item_guid is None or finding.item_guid == guid
    ]


def _checked(episode: EpisodePage) -> list[Finding] | None:
    """The episode's findings, or None when the checker itself failed (logged)."""
    try:
        return findings_for_episode(episode)
    except Exception:
        # A fault in the checker must not cost the editor a publish; the report shows it later.
        logger.exception("Feed check failed for episode %s; publishing without it.", episode.pk)
        return None


def _report(request: HttpRequest, findings: list[Finding]) -> list[Finding]:
    """One admin message per finding; the errors among them."""
    for finding in findings:
        level = messages.error if finding.severity == Severity.ERROR else messages.warning
        level(request, f"Podcast feed [{finding.rule}] {finding.where}: {finding.message}")
    return [finding for finding in findings if finding.severity == Severity.ERROR]


def gate_publish(request: HttpRequest, page: Page) -> HttpResponse | None:
    """before_publish_page: back to the editor with the errors, or None to let Wagtail publish."""
    episode = page.specific
    if not isinstance(episode, EpisodePage):
        return None
    findings = _checked(episode)
    if not findings or not _report(request, findings):
        return None
    if page.live and page.live_revision_id is None:
        # The create view adds a new page as live before this hook runs: make it the draft it is.
        page.live, page.has_unpublished_changes = False, True
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    messages.error(
        request,
        f"“{page.get_admin_display_title()}” was not published: podcast apps would reject "
        "its feed. Your changes are saved as a draft; fix the points above and publish again.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def gate_bulk_publish(
    request: HttpRequest, action_type: str, pages: list[Page], action: Any
) -> HttpResponse | None:
    """before_bulk_action: a bulk publish of episodes whose latest versions break an error rule
    publishes nothing."""
    if action_type != "publish":
        return None
    refused = []
    for page in pages:
        episode = page.specific
        if isinstance(episode, EpisodePage):
            findings = _checked(episode.get_latest_revision_as_object())
            if findings and _report(request, findings):
                refused.append(page.get_admin_display_title())
    if not refused:
        return None
    messages.error(
        request,
        "Nothing was published: podcast apps would reject the feed of "
        + ", ".join(f"“{title}”" for title in refused)
        + ". Fix the points above, then publish again.",
    )
    return redirect(action.next_url)
