"""The reviewer-link operations outside the admin: same rules, same audit trail."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import PageLogEntry

from episodes.models import EpisodePage
from frontend_api.drafts.review_links import active_link, create_link, record_view, revoke_link
from frontend_api.drafts.tokens import hash_token
from frontend_api.models import ReviewLink


def in_days(days: float):
    return timezone.now() + timedelta(days=days)


@pytest.mark.django_db
class TestCreateLink:
    def test_returns_the_token_and_stores_its_hash(self, draft_episode, editor):
        link, token = create_link(draft_episode, editor, expires_at=in_days(1), note="Hi")
        assert ReviewLink.objects.get().token_hash == hash_token(token)
        assert active_link(token) == link

    def test_refuses_someone_who_cannot_edit_the_page(self, draft_episode, outsider):
        with pytest.raises(PermissionDenied):
            create_link(draft_episode, outsider, expires_at=in_days(1))
        assert ReviewLink.objects.count() == 0

    @pytest.mark.parametrize("days", [31, -1])
    def test_refuses_an_expiry_out_of_bounds(self, draft_episode, editor, days):
        with pytest.raises(ValidationError) as error:
            create_link(draft_episode, editor, expires_at=in_days(days))
        assert list(error.value.message_dict) == ["expires_at"]
        assert ReviewLink.objects.count() == 0

    def test_refuses_another_pages_revision(self, draft_episode, other_episode, editor):
        with pytest.raises(ValidationError) as error:
            create_link(
                draft_episode, editor, expires_at=in_days(1), revision=other_episode.latest_revision
            )
        assert list(error.value.message_dict) == ["revision"]


@pytest.mark.django_db
def test_each_operation_is_logged_against_the_episode(draft_episode, editor):
    link, token = create_link(draft_episode, editor, expires_at=in_days(1))
    record_view(active_link(token))
    revoke_link(ReviewLink.objects.get(), editor)
    entries = PageLogEntry.objects.filter(action__startswith="frontend_api.review_link.")
    episode_type = ContentType.objects.get_for_model(EpisodePage)
    assert [(e.action, e.user, e.content_type) for e in entries.order_by("pk")] == [
        ("frontend_api.review_link.create", editor, episode_type),
        ("frontend_api.review_link.view", None, episode_type),
        ("frontend_api.review_link.revoke", editor, episode_type),
    ]
    assert all(e.data["review_link"] == link.pk for e in entries)
    assert active_link(token) is None


@pytest.mark.django_db
def test_revoking_needs_edit_permission(draft_episode, editor, outsider):
    _, token = create_link(draft_episode, editor, expires_at=in_days(1))
    with pytest.raises(PermissionDenied):
        revoke_link(ReviewLink.objects.get(), outsider)
    assert active_link(token) is not None
