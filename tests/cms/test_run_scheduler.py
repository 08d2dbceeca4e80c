"""The scheduler process: publishes and expires scheduled pages on every run, stops on SIGTERM."""

import datetime
import json
import signal
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from cms.management.commands.run_scheduler import LOCK_KEY
from episodes.factories import EpisodePageFactory
from tests.processes import REPO, base_env, database_url_for_other_processes


def schedule(page, go_live_at: datetime.datetime) -> Revision:
    """Approve a revision of a draft page for publication at go_live_at, as an editor would."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    return revision


def make_due(revision: Revision) -> None:
    """Move a scheduled go-live into the past, as the passing of time would."""
    past = timezone.now() - datetime.timedelta(seconds=5)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])


@pytest.fixture
def draft(show):
    return EpisodePageFactory(parent=show, live=False, title="Scheduled one")


@pytest.mark.django_db(transaction=True)
def test_a_run_publishes_due_pages_and_expires_ended_ones(show, draft, episode):
    revision = schedule(draft, timezone.now() + datetime.timedelta(hours=1))
    draft.refresh_from_db()
    assert not draft.live, "a page scheduled for later must wait"
    make_due(revision)
    episode.expire_at = timezone.now() - datetime.timedelta(seconds=1)
    episode.save(update_fields=["expire_at"])

    call_command("run_scheduler", max_runs=1)

    draft.refresh_from_db()
    episode.refresh_from_db()
    assert draft.live
    assert draft.live_revision_id == revision.pk
    assert not episode.live
    assert episode.expired


@pytest.mark.django_db(transaction=True)
def test_the_loop_publishes_a_page_that_falls_due_while_it_runs(show, draft):
    schedule(draft, timezone.now() + datetime.timedelta(seconds=1.5))
    call_command("run_scheduler", interval=1, max_runs=3)
    draft.refresh_from_db()
    assert draft.live


@pytest.mark.django_db(transaction=True)
def test_a_run_is_skipped_while_another_holds_the_lock(show, draft):
    make_due(schedule(draft, timezone.now() + datetime.timedelta(hours=1)))
    cache.add(LOCK_KEY, "another-host:1", timeout=60)
    call_command("run_scheduler", max_runs=1)
    draft.refresh_from_db()
    assert not draft.live
    assert cache.get(LOCK_KEY) == "another-host:1", "a run never releases a lock it does not own"
    cache.delete(LOCK_KEY)
    call_command("run_scheduler", max_runs=1)
    draft.refresh_from_db()
    assert draft.live
    assert cache.get(LOCK_KEY) is None


@pytest.mark.django_db(transaction=True)
def test_the_process_runs_until_sigterm_and_logs_json(show, draft):
    env = base_env(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="scheduler-test-" + "x" * 50,
        DATABASE_URL=database_url_for_other_processes(),
        ALLOWED_HOSTS="localhost",
    )
    make_due(schedule(draft, timezone.now() + datetime.timedelta(hours=1)))
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--interval", "60"],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            draft.refresh_from_db()
            if draft.live:
                break
            time.sleep(0.2)
        assert draft.live, "the first run publishes what is due"
        assert process.poll() is None, "the scheduler keeps running between runs"
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    messages = [json.loads(line)["message"] for line in stderr.splitlines() if line[:1] == "{"]
    assert messages[0] == "scheduler started"
    assert "scheduler run done" in messages
    assert messages[-1] == "scheduler stopped"
