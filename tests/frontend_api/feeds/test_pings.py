"""Feed pings: the WebSub hub and Podping hear of each published change of a show's feed once,
after the commit, through the webhook deliveries; of drafts, previews and submissions never."""

import csv
import datetime
import io
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from episodes import factories as f
from episodes.models import EpisodePage
from frontend_api.caching.signals import PageChange, pages_changed
from frontend_api.feeds.checks import ping_receivers as ping_receivers_check
from frontend_api.models import FeedAnnouncement, WebhookDelivery
from tests.support.forms import TRAILER_URL, every_block_form_data
from tests.support.published_site import make_private, publish_episode
from tests.support.receivers import Receiver, run_worker, serving, work_until

transactional = pytest.mark.django_db(transaction=True)
TOKEN = "podping-test-token-" + "z" * 24
FEED_PATH = "/feeds/signal-noise/"
FEED_URL = "http://localhost:8000" + FEED_PATH
OTHER_FEED_URL = "http://localhost:8000/feeds/other-show/"
NS = {"atom": "http://www.w3.org/2005/Atom", "podcast": "https://podcastindex.org/namespace/1.0"}
PING_KINDS = [WebhookDelivery.Kind.WEBSUB, WebhookDelivery.Kind.PODPING]


@dataclass
class Receivers:
    hub: Receiver
    podping: Receiver


@pytest.fixture
def pinged(settings, show) -> Iterator[Receivers]:
    """A hub and a Podping endpoint on local ports, configured after the show exists (so its
    creation pings nobody), with a short backoff so retries come quickly."""
    with serving("/hub") as hub, serving("/") as podping:
        settings.FEED_WEBSUB_HUBS = [hub.url]
        settings.PODPING_URL = podping.url
        settings.PODPING_TOKEN = TOKEN
        settings.FRONTEND_REVALIDATE_BACKOFF = 0.2
        settings.FRONTEND_REVALIDATE_ATTEMPTS = 3
        yield Receivers(hub, podping)


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


def queued() -> list[tuple[str, str]]:
    """(kind, feed URL) of every ping queued, sorted."""
    pings = WebhookDelivery.objects.filter(kind__in=PING_KINDS)
    return sorted((ping.kind, ping.payload["feed_url"]) for ping in pings)


def once_each(*feed_urls: str) -> list[tuple[str, str]]:
    """One Podping and one WebSub ping for each feed."""
    return sorted((kind.value, url) for kind in PING_KINDS for url in feed_urls)


def csv_rows(editor, filters: dict) -> list[dict]:
    """The report's CSV export, with the given filters."""
    answer = editor.get(reverse("revalidation_report:index"), {**filters, "export": "csv"})
    text = b"".join(answer.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def settled() -> bool:
    unsettled = [WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING]
    return not WebhookDelivery.objects.filter(status__in=unsettled).exists()


def forget(receivers: Receivers) -> None:
    """Start the next step of a test with no deliveries and nothing received."""
    WebhookDelivery.objects.all().delete()
    receivers.hub.requests.clear()
    receivers.podping.requests.clear()


@contextmanager
def changes_sent() -> Iterator[list[PageChange]]:
    """Every `pages_changed` sent while the block runs."""
    changes: list[PageChange] = []

    def record(sender, change, **kwargs):
        changes.append(change)

    pages_changed.connect(record)
    try:
        yield changes
    finally:
        pages_changed.disconnect(record)


def publish_new(show, slug: str, **kwargs) -> EpisodePage:
    """Create and publish an episode in one transaction, as one editor action commits."""
    with transaction.atomic():
        return publish_episode(show, slug=slug, **kwargs)


@pytest.mark.django_db
def test_the_feed_advertises_its_hub_and_podping(client, pinged):
    channel = ET.fromstring(client.get(FEED_PATH).content).find("channel")
    links = {(link.get("rel"), link.get("href")) for link in channel.findall("atom:link", NS)}
    assert links == {("self", FEED_URL), ("hub", pinged.hub.url)}
    assert [tag.attrib for tag in channel.findall("podcast:podping", NS)] == [
        {"usesPodping": "true"}
    ]


@pytest.mark.django_db
def test_without_hubs_or_a_token_the_feed_claims_neither(client, settings, show):
    settings.FEED_WEBSUB_HUBS = []
    settings.PODPING_TOKEN = ""
    channel = ET.fromstring(client.get(FEED_PATH).content).find("channel")
    links = {(link.get("rel"), link.get("href")) for link in channel.findall("atom:link", NS)}
    assert links == {("self", FEED_URL)}
    assert channel.findall("podcast:podping", NS) == []


@transactional
def test_each_ping_is_the_request_its_receiver_expects(pinged, show):
    show.medium = "audiobook"  # Podping names the show's medium
    show.save_revision().publish()
    work_until(settled)
    pinged.hub.requests.clear()
    pinged.podping.requests.clear()
    WebhookDelivery.objects.all().delete()
    publish_new(show, "first")
    assert queued() == once_each(FEED_URL)
    assert pinged.hub.requests == [] and pinged.podping.requests == [], "sent by the worker"
    work_until(settled)

    [hub] = pinged.hub.requests
    assert (hub.method, hub.path) == ("POST", "/hub")
    assert hub.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(hub.body.decode()) == {"hub.mode": ["publish"], "hub.url": [FEED_URL]}

    [podping] = pinged.podping.requests
    assert podping.method == "GET"
    query = parse_qs(urlsplit(podping.path).query)
    assert query == {"url": [FEED_URL], "reason": ["update"], "medium": ["audiobook"]}
    assert podping.headers["Authorization"] == TOKEN
    assert podping.headers["User-Agent"]
    assert {ping.status for ping in WebhookDelivery.objects.all()} == {"delivered"}


@pytest.fixture
def live_episode(editor, show, pinged):
    """An episode published through the admin's add view; its own pings checked and cleared."""
    person, picture = f.PersonFactory(name="Host Person"), f.ImageFactory()
    f.EmbedFactory(url=TRAILER_URL, html="<iframe></iframe>")
    data = every_block_form_data(person, picture, **{"action-publish": "publish"})
    add = reverse("wagtailadmin_pages:add", args=["episodes", "episodepage", show.pk])
    assert editor.post(add, data).status_code == 302
    page = EpisodePage.objects.get(slug="every-block")
    assert page.live
    assert queued() == once_each(FEED_URL), "publishing a new episode pings once"
    work_until(settled)
    assert (len(pinged.hub.requests), len(pinged.podping.requests)) == (1, 1)
    forget(pinged)
    return page, data


def publish_edit(editor, page, data, other) -> int:
    data = {**data, "title": "Retitled", "action-publish": "publish"}
    return editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code


def unpublish(editor, page, data, other) -> int:
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    return editor.post(url, {"include_descendants": ""}).status_code


def move(editor, page, data, other) -> int:
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk])
    return editor.post(url).status_code


def delete(editor, page, data, other) -> int:
    return editor.post(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code


ACTIONS = {
    "publish": (publish_edit, [FEED_URL]),
    "unpublish": (unpublish, [FEED_URL]),
    "move": (move, [FEED_URL, OTHER_FEED_URL]),
    "delete": (delete, [FEED_URL]),
}


@transactional
@pytest.mark.parametrize("action", ACTIONS)
def test_one_admin_action_pings_each_receiver_once_per_feed(
    action, editor, live_episode, home, pinged
):
    page, data = live_episode
    other = f.PodcastPageFactory(
        parent=home, title="Other show", slug="other-show", artwork=f.ImageFactory()
    )
    forget(pinged)  # the other show's first appearance was announced on its own
    act, feeds = ACTIONS[action]
    assert act(editor, page, data, other) == 302, f"the admin refused the {action}"
    assert queued() == once_each(*feeds)
    work_until(settled)
    assert len(pinged.hub.requests) == len(pinged.podping.requests) == len(feeds)
    topics = sorted(parse_qs(sent.body.decode())["hub.url"][0] for sent in pinged.hub.requests)
    assert topics == sorted(feeds)


def review_workflow(show) -> Workflow:
    """A one-step moderation workflow on the show, so its episodes can be submitted."""
    workflow = Workflow.objects.create(name="Review")
    task = GroupApprovalTask.objects.create(name="Editors approve")
    task.groups.set([Group.objects.create(name="Reviewers")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=show)
    return workflow


@transactional
def test_drafts_previews_and_submissions_ping_nobody(editor, live_episode, show, pinged):
    page, data = live_episode
    review_workflow(show)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = {key: value for key, value in data.items() if key != "action-publish"}
    assert editor.post(edit, {**draft, "title": "Only a draft"}).status_code == 302
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert editor.post(preview, {**draft, "title": "Only previewed"}).status_code == 200
    assert editor.get(preview).status_code in (200, 302)
    submit = {**draft, "title": "Submitted for review", "action-submit": "submit"}
    assert editor.post(edit, submit).status_code == 302
    add = reverse("wagtailadmin_pages:add", args=["episodes", "episodepage", show.pk])
    new_draft = {**draft, "slug": "new-draft", "episode_number": "13"}
    assert editor.post(add, new_draft).status_code == 302

    page.refresh_from_db()
    assert page.has_unpublished_changes and page.title == "Every block"
    assert page.current_workflow_state is not None, "the submission started a workflow"
    assert not EpisodePage.objects.get(slug="new-draft").live
    assert queued() == []
    run_worker()
    assert pinged.hub.requests == [] and pinged.podping.requests == []


@transactional
def test_a_publish_touching_several_pages_of_a_show_pings_once(pinged, show):
    with transaction.atomic():
        for number in range(3):
            publish_episode(show, slug=f"batch-{number}")
        show.title = "Signal & Noise, renamed"
        show.save_revision().publish()
    assert queued() == once_each(FEED_URL)


@transactional
def test_a_publish_flushed_twice_pings_once(pinged, show):
    page = publish_new(show, "twice")
    forget(pinged)
    with changes_sent() as changes:
        # Outside a request and a transaction, Wagtail's publish commits the page, then sends
        # page_published: two flushes of the same change.
        page.title = "Published again"
        page.save_revision().publish()
    assert len(changes) == 2 and all(page.pk in change.page_ids for change in changes)
    assert queued() == once_each(FEED_URL)


@transactional
def test_changes_before_the_worker_runs_share_the_waiting_ping(pinged, show):
    publish_new(show, "first")
    publish_new(show, "second")
    assert queued() == once_each(FEED_URL), "the queued pings announce both"
    work_until(settled)
    publish_new(show, "third")
    assert len(queued()) == 4, "once sent, the next change pings again"


@transactional
def test_a_rolled_back_publish_pings_nobody(pinged, show, home):
    episode = publish_new(show, "kept")
    with transaction.atomic():
        other = f.PodcastPageFactory(parent=home, slug="other-show", published=True)
    forget(pinged)
    with changes_sent() as changes:
        with pytest.raises(RuntimeError), transaction.atomic():
            episode.title = "Never committed"
            episode.save_revision().publish()
            raise RuntimeError("the database refused the rest of the change")
        assert queued() == []
        # The next commit flushes what the rolled-back transaction recorded, too.
        publish_new(other, "committed")
    assert any(episode.pk in change.page_ids for change in changes)
    assert queued() == once_each(OTHER_FEED_URL)
    assert EpisodePage.objects.get(pk=episode.pk).title != "Never committed"


@transactional
def test_changes_the_feed_does_not_show_ping_nobody(pinged, show, home):
    publish_new(show, "aired")
    with transaction.atomic():
        other = f.PodcastPageFactory(parent=home, slug="other-show", published=True)
        make_private(other)
    forget(pinged)
    later = timezone.now() + datetime.timedelta(days=3)
    publish_new(show, "scheduled", broadcast_at=later)
    publish_new(other, "behind-a-password")
    assert queued() == []
    assert not FeedAnnouncement.objects.filter(show=other).exists()


@transactional
def test_an_episode_airing_on_its_date_is_announced_by_the_scheduler(pinged, show):
    publish_new(show, "aired")
    airs_at = timezone.now() + datetime.timedelta(hours=1)
    publish_new(show, "on-its-date", broadcast_at=airs_at)
    forget(pinged)
    call_command("run_scheduler", max_runs=1)
    assert queued() == [], "not aired yet"
    with time_machine.travel(airs_at + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", max_runs=1)
        assert queued() == once_each(FEED_URL)
        call_command("run_scheduler", max_runs=1)
    assert queued() == once_each(FEED_URL), "announced once"


@transactional
def test_a_failing_hub_is_retried_until_it_answers(pinged, show):
    pinged.hub.statuses = [503, 500, 204]
    publish_new(show, "flaky")
    work_until(settled)
    hub = WebhookDelivery.objects.get(kind=WebhookDelivery.Kind.WEBSUB)
    assert (hub.status, hub.attempts, hub.last_status_code, hub.last_error) == (
        "delivered",
        3,
        204,
        "",
    )
    assert len(pinged.hub.requests) == 3
    assert len({sent.body for sent in pinged.hub.requests}) == 1
    assert len(pinged.podping.requests) == 1


@transactional
def test_a_receiver_down_ends_as_a_failed_delivery_in_the_report(pinged, settings, show, editor):
    settings.PODPING_URL = "http://127.0.0.1:9/"  # nothing listens there
    settings.FRONTEND_REVALIDATE_ATTEMPTS = 2
    publish_new(show, "unheard")
    work_until(settled)
    podping = WebhookDelivery.objects.get(kind=WebhookDelivery.Kind.PODPING)
    assert (podping.status, podping.attempts, podping.last_status_code) == ("failed", 2, None)
    assert podping.last_error
    assert WebhookDelivery.objects.get(kind=WebhookDelivery.Kind.WEBSUB).status == "delivered"

    report = editor.get(reverse("revalidation_report:index"), {"kind": "podping"})
    html = report.content.decode()
    assert report.status_code == 200
    assert "Webhooks and feed pings" in html
    assert "Podping" in html and "Failed" in html and FEED_URL in html
    rows = csv_rows(editor, {"kind": "podping"})
    assert [(row["Kind"], row["Status"]) for row in rows] == [("podping", "failed")]


@transactional
def test_the_podping_token_is_sent_and_never_logged_nor_stored(pinged, show, editor, caplog):
    caplog.set_level(logging.DEBUG)
    pinged.podping.statuses = [401, 200]
    publish_new(show, "tokened")
    work_until(settled)
    assert [sent.headers["Authorization"] for sent in pinged.podping.requests] == [TOKEN, TOKEN]
    podping = WebhookDelivery.objects.get(kind=WebhookDelivery.Kind.PODPING)
    assert (podping.status, podping.attempts) == ("delivered", 2)

    assert caplog.records, "the worker logged its tasks"
    assert TOKEN not in caplog.text
    for row in WebhookDelivery.objects.values():
        assert TOKEN not in str(row)
    for row in DBTaskResult.objects.values():
        assert TOKEN not in str(row)
    report = editor.get(reverse("revalidation_report:index"))
    assert FEED_URL in report.content.decode() and TOKEN not in report.content.decode()
    export = editor.get(reverse("revalidation_report:index"), {"export": "csv"})
    assert (
        TOKEN
        not in b"".join(export.streaming_content if export.streaming else [export.content]).decode()
    )


@transactional
def test_without_a_token_podping_is_off(pinged, settings, show):
    settings.PODPING_TOKEN = ""
    publish_new(show, "quiet")
    assert queued() == [(WebhookDelivery.Kind.WEBSUB.value, FEED_URL)]


def test_ping_settings_that_are_not_urls_are_reported(settings):
    settings.FEED_WEBSUB_HUBS = ["https://hub.example.com/", "hub.example.com"]
    settings.PODPING_TOKEN = TOKEN
    settings.PODPING_URL = "podping.cloud"
    assert sorted(error.id for error in ping_receivers_check()) == [
        "frontend_api.E002",
        "frontend_api.E003",
    ]
    settings.FEED_WEBSUB_HUBS = ["https://hub.example.com/"]
    settings.PODPING_URL = "https://podping.cloud/"
    assert ping_receivers_check() == []
