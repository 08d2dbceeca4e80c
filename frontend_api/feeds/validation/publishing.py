"""The gate at publish time: errors that concern the show or this episode keep it a draft."""

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.podcast import PodcastFeed
from frontend_api.feeds.validation.building import check_show
from frontend_api.feeds.validation.rules import Finding, Severity

logger = logging.getLogger(__name__)


def findings_for_episode(episode: EpisodePage) -> list[Finding]:
    """Findings on the show and on this episode in the feed it would be published into."""
    show = episode.get_parent().specific
    if not isinstance(show, PodcastPage):
        return []
    guid = PodcastFeed().item_guid(episode)
    return [
        finding
        for finding in check_show(show, candidate=episode)
        if finding.item_guid is None or finding.item_guid == guid
    ]


def gate_publish(request: HttpRequest, page) -> HttpResponse | None:
    """before_publish_page: back to the editor with the errors, or None to let Wagtail publish."""
    episode = page.specific
    if not isinstance(episode, EpisodePage):
        return None
    try:
        findings = findings_for_episode(episode)
    except Exception:
        # A fault in the checker must not cost the editor a publish; the report shows it later.
        logger.exception("Feed check failed for episode %s; publishing without it.", page.pk)
        return None
    errors = [finding for finding in findings if finding.severity == Severity.ERROR]
    for finding in findings:
        level = messages.error if finding.severity == Severity.ERROR else messages.warning
        level(request, f"Podcast feed [{finding.rule}] {finding.where}: {finding.message}")
    if not errors:
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
