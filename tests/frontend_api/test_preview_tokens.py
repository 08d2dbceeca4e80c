"""Editor preview tokens are checked when used: signature, page type, page id and age."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.signing import TimestampSigner
from wagtail_headless_preview.models import PagePreview

from episodes.factories import EpisodePageFactory
from frontend_api.drafts.preview import preview_page

EPISODE = "episodes.episodepage"
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def preview(draft_episode) -> PagePreview:
    """The draft as the editor typed it, stored under a token made at START."""
    draft = draft_episode.get_latest_revision_as_object()
    draft.title = "Typed in the editor"
    with time_machine.travel(START, tick=False):
        return draft.create_page_preview()


@pytest.mark.django_db
class TestValidToken:
    def test_gives_the_typed_draft(self, preview, draft_episode):
        with time_machine.travel(START + timedelta(seconds=5), tick=False):
            page = preview_page(EPISODE, preview.token)
        assert (page.pk, page.title) == (draft_episode.pk, "Typed in the editor")

    def test_of_a_page_never_saved(self, show):
        new_page = EpisodePageFactory.build(slug="unsaved", episode_number=50)
        new_page.depth, new_page.path = show.depth + 1, show.path + "0099"
        stored = new_page.create_page_preview()
        page = preview_page(EPISODE, stored.token)
        assert page.pk is None and page.slug == "unsaved"


@pytest.mark.django_db
class TestRefusedToken:
    def test_missing(self, preview):
        assert preview_page(EPISODE, "") is None
        assert preview_page("", preview.token) is None

    @pytest.mark.parametrize(
        "token",
        ["junk", "id=1", "id=1:abc", "id=1:1v:sig:extra", "\x00", "é" * 60, "a" * 5000],
    )
    def test_malformed(self, preview, token):
        assert preview_page(EPISODE, token) is None

    def test_forged_signature(self, preview, draft_episode):
        forged = TimestampSigner(key="not-our-secret", salt="headlesspreview.token")
        with time_machine.travel(START, tick=False):
            token = forged.sign(f"id={draft_episode.pk}")
            assert preview_page(EPISODE, token) is None
            tampered = preview.token.replace(f"id={draft_episode.pk}", "id=1")
            assert preview_page(EPISODE, tampered) is None

    def test_signed_but_never_stored(self, preview, draft_episode):
        with time_machine.travel(START, tick=False):
            unknown = draft_episode.get_preview_signer().sign("id=123456")
            assert preview_page(EPISODE, unknown) is None

    def test_for_another_page_type(self, preview):
        with time_machine.travel(START, tick=False):
            assert preview_page("episodes.podcastpage", preview.token) is None
            assert preview_page("home.homepage", preview.token) is None

    @pytest.mark.parametrize(
        "content_type",
        [
            "episodes",
            "episodes.",
            "nope.nope",
            "wagtailimages.image",
            "wagtailcore.page",
            "episodes.episodepage\x00",
            "EPISODES.EPISODEPAGE",
            "episodes.episodepage.x",
        ],
    )
    def test_with_a_content_type_that_is_not_a_previewable_page(self, preview, content_type):
        with time_machine.travel(START, tick=False):
            assert preview_page(content_type, preview.token) is None


@pytest.mark.django_db
class TestMaxAge:
    def test_one_second_before_and_after_the_default_hour(self, preview):
        with time_machine.travel(START + timedelta(seconds=3599), tick=False):
            assert preview_page(EPISODE, preview.token) is not None
        with time_machine.travel(START + timedelta(seconds=3601), tick=False):
            assert preview_page(EPISODE, preview.token) is None
        # Expired drafts are deleted when seen, not left for the package's next sweep.
        assert not PagePreview.objects.filter(token=preview.token).exists()

    def test_the_setting_sets_the_age(self, preview, settings):
        settings.PREVIEW_TOKEN_MAX_AGE = 60
        with time_machine.travel(START + timedelta(seconds=59), tick=False):
            assert preview_page(EPISODE, preview.token) is not None
        with time_machine.travel(START + timedelta(seconds=61), tick=False):
            assert preview_page(EPISODE, preview.token) is None
