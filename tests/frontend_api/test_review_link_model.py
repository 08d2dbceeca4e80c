"""ReviewLink rules: which links are active at a given second, and what a link may hold."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from frontend_api.drafts.review_links import create_link
from frontend_api.drafts.tokens import hash_token, new_token
from frontend_api.models import ReviewLink


def make_link(page, **fields) -> ReviewLink:
    fields.setdefault("expires_at", timezone.now() + timedelta(days=7))
    return ReviewLink.objects.create(page=page, token_hash=hash_token(new_token()), **fields)


@pytest.mark.django_db
def test_active_until_the_second_of_expiry(draft_episode):
    link = make_link(draft_episode)
    with time_machine.travel(link.expires_at - timedelta(seconds=1), tick=False):
        assert list(ReviewLink.objects.active()) == [link]
        assert link.status == "active"
    with time_machine.travel(link.expires_at + timedelta(seconds=1), tick=False):
        assert list(ReviewLink.objects.active()) == []
        assert link.status == "expired"


@pytest.mark.django_db
def test_revoked_links_are_not_active(draft_episode):
    link = make_link(draft_episode, revoked_at=timezone.now())
    assert list(ReviewLink.objects.active()) == []
    assert link.status == "revoked"


@pytest.mark.django_db
def test_clean_refuses_another_pages_revision(draft_episode, other_episode, editor):
    link = ReviewLink(
        page=draft_episode,
        created_by=editor,
        revision=other_episode.latest_revision,
        expires_at=timezone.now() + timedelta(days=1),
        token_hash="0" * 64,
    )
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert error.value.message_dict == {"revision": ["This revision belongs to another page."]}


@pytest.mark.django_db
def test_create_link_accepts_a_revision_fresh_from_save_revision(draft_episode, editor):
    draft_episode.title = "Pinned for the reviewer"
    revision = draft_episode.save_revision(user=editor)
    assert isinstance(revision.object_id, int)  # as save_revision() returns it, unsaved text
    link, token = create_link(
        draft_episode, editor, timezone.now() + timedelta(days=1), revision=revision
    )
    assert ReviewLink.objects.get(token_hash=hash_token(token)) == link
    assert (link.revision_id, link.draft().title) == (revision.pk, "Pinned for the reviewer")
    other = ReviewLink(page=draft_episode, created_by=editor, revision=revision)
    other.page_id = draft_episode.pk + 1000
    assert not other.revision_belongs_to_page()


@pytest.mark.django_db
def test_clean_bounds_the_expiry(draft_episode, editor, settings):
    settings.REVIEW_LINK_MAX_DAYS = 2
    link = ReviewLink(page=draft_episode, created_by=editor, token_hash="0" * 64)
    link.expires_at = link.created_at + timedelta(days=2)
    link.full_clean()
    link.expires_at = link.created_at + timedelta(days=2, seconds=1)
    with pytest.raises(ValidationError, match="at most 2 days"):
        link.full_clean()


@pytest.mark.django_db
def test_the_database_refuses_a_link_expiring_before_its_creation(draft_episode):
    now = timezone.now()
    with pytest.raises(IntegrityError):
        make_link(draft_episode, created_at=now, expires_at=now - timedelta(seconds=1))


@pytest.mark.django_db
def test_following_the_latest_draft_or_pinned(draft_episode):
    pinned_revision = draft_episode.latest_revision
    pinned = make_link(draft_episode, revision=pinned_revision)
    following = make_link(draft_episode)
    draft_episode.title = "A later draft"
    draft_episode.save_revision()
    assert pinned.draft().title == "Draft title"
    assert following.draft().title == "A later draft"
