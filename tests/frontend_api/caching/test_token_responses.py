"""Token-based answers (editor previews, reviewer links) stay private and out of every cache."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from frontend_api.caching import store
from frontend_api.drafts.review_links import create_link, revoke_link

pytestmark = pytest.mark.usefixtures("cache_backend")


def assert_private(response) -> None:
    control = {part.strip() for part in response.headers["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= control
    assert "public" not in control
    assert "X-API-Cache" not in response.headers


def assert_served_privately(client, rf, url: str) -> None:
    """Twice the draft, private both times, and nothing stored for the URL."""
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response.json()["title"] == "Draft title"
        assert_private(response)
    assert cache.get(store.entry_key(rf.get(url))) is None


def test_editor_preview_is_private_and_never_stored(client, rf, draft_episode):
    draft = draft_episode.get_latest_revision_as_object()
    token = draft.create_page_preview().token
    url = f"/api/v2/page_preview/?content_type=episodes.episodepage&token={token}"
    assert_served_privately(client, rf, url)


def test_reviewer_link_is_private_and_dies_on_the_next_request(
    client, rf, draft_episode, editor, committed
):
    link, token = create_link(draft_episode, editor, timezone.now() + timedelta(days=1))
    url = f"/api/v2/review/{token}/"
    assert_served_privately(client, rf, url)
    with committed():
        revoke_link(link, editor)
    gone = client.get(url)
    assert gone.status_code == 404
    assert_private(gone)


def test_the_published_page_stays_public_beside_its_draft(client, draft_episode):
    response = client.get(f"/api/v2/pages/{draft_episode.pk}/")
    assert response.json()["title"] == "Published title"
    assert "public" in response.headers["Cache-Control"]
