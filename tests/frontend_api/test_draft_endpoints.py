"""The preview and reviewer-link endpoints: the published detail's shape, or one 404 for all."""

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from episodes.factories import EpisodePageFactory
from episodes.models import EpisodePage
from frontend_api.drafts.review_links import create_link
from frontend_api.drafts.tokens import new_token
from frontend_api.models import ReviewLink

EPISODE = "episodes.episodepage"
WHOLE_SECOND = datetime(2026, 2, 2, 8, 30, tzinfo=UTC)
NOT_FOUND = {"message": "not found"}


def assert_draft_headers(response) -> None:
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"


def assert_not_found(response) -> None:
    assert response.status_code == 404
    assert response.json() == NOT_FOUND
    assert_draft_headers(response)


def preview_api(client, content_type: str, token: str, page_id=None, **extra):
    base = "/api/v2/page_preview/" + (f"{page_id}/" if page_id is not None else "")
    return client.get(base, {"content_type": content_type, "token": token}, **extra)


def admin_preview_token(client, preview_url: str, data: dict) -> dict:
    """Preview from the admin as an editor does; returns the frontend URL's parameters."""
    assert client.post(preview_url, data).json()["is_valid"]
    iframe = BeautifulSoup(client.get(preview_url).content, "html.parser").find("iframe")
    assert iframe["src"].startswith(settings.FRONTEND_URL + "/?")
    return {key: values[0] for key, values in parse_qs(urlsplit(iframe["src"]).query).items()}


@pytest.mark.django_db
class TestPreviewEndpoint:
    def test_admin_preview_to_the_api(self, editor_client, draft_episode, episode_form_data):
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_episode.pk])
        data = episode_form_data(draft_episode, "Typed title", "Typed a second ago.")
        params = admin_preview_token(editor_client, preview_url, data)

        response = preview_api(editor_client, params["content_type"], params["token"])
        assert response.status_code == 200
        assert_draft_headers(response)
        body = response.json()
        assert (body["id"], body["title"]) == (draft_episode.pk, "Typed title")
        assert "Typed a second ago." in str(body["body"])
        with_id = preview_api(editor_client, EPISODE, params["token"], draft_episode.pk)
        assert with_id.json() == body

    def test_the_token_names_the_page_whatever_the_id(self, client, draft_episode, other_episode):
        # The package's README client always asks for page_preview/1/.
        token = draft_episode.get_latest_revision_as_object().create_page_preview().token
        for page_id in (1, other_episode.pk, draft_episode.pk, 999999):
            response = preview_api(client, EPISODE, token, page_id)
            assert response.status_code == 200, page_id
            assert (response.json()["id"], response.json()["title"]) == (
                draft_episode.pk,
                "Draft title",
            )

    def test_same_json_as_the_published_detail(self, client, show):
        # Whole seconds: drafts pass through JSON, which keeps milliseconds only.
        with time_machine.travel(WHOLE_SECOND, tick=False):
            page = EpisodePageFactory(parent=show, broadcast_at=WHOLE_SECOND)
            page.save_revision().publish()
        page = EpisodePage.objects.get(pk=page.pk)
        published = client.get(f"/api/v2/pages/{page.pk}/")
        previewed = preview_api(client, EPISODE, page.create_page_preview().token)
        assert previewed.status_code == published.status_code == 200
        assert previewed.json() == published.json()

    def test_new_unsaved_page(self, editor_client, show, episode_form_data, free_number):
        new_page = EpisodePageFactory.build(slug="unsaved", episode_number=free_number())
        preview_url = reverse(
            "wagtailadmin_pages:preview_on_add", args=["episodes", "episodepage", show.pk]
        )
        data = episode_form_data(new_page, "Never saved", "Draft words.")
        params = admin_preview_token(editor_client, preview_url, data)
        body = preview_api(editor_client, EPISODE, params["token"]).json()
        assert (body["id"], body["title"]) == (None, "Never saved")
        assert body["meta"]["type"] == "episodes.EpisodePage"

    def test_every_bad_token_gets_the_same_404(self, client, draft_episode, other_episode):
        token = draft_episode.get_latest_revision_as_object().create_page_preview().token
        assert preview_api(client, EPISODE, token).status_code == 200
        forged = token[:-3] + ("abc" if not token.endswith("abc") else "abd")
        cases = [
            client.get("/api/v2/page_preview/"),
            client.get("/api/v2/page_preview/", {"content_type": EPISODE}),
            client.get("/api/v2/page_preview/", {"token": token}),
            preview_api(client, EPISODE, "not-a-token"),
            preview_api(client, EPISODE, forged),
            preview_api(client, EPISODE, token + "\x00"),
            preview_api(client, "episodes.podcastpage", token),
            preview_api(client, "nope.nope", token),
            preview_api(client, EPISODE, forged, 1),
            preview_api(client, "episodes.podcastpage", token, 1),
            preview_api(client, EPISODE, token, "abc"),
            client.get(f"/api/v2/page_preview/{draft_episode.pk}/extra/", {"token": token}),
        ]
        for response in cases:
            assert_not_found(response)

    def test_expiry_one_second_before_and_after_the_max_age(self, client, draft_episode):
        start = timezone.now().replace(microsecond=0)
        with time_machine.travel(start, tick=False):
            token = draft_episode.get_latest_revision_as_object().create_page_preview().token
        with time_machine.travel(start + timedelta(seconds=3599), tick=False):
            assert preview_api(client, EPISODE, token).status_code == 200
        with time_machine.travel(start + timedelta(seconds=3601), tick=False):
            assert_not_found(preview_api(client, EPISODE, token))

    def test_cookies_and_authorization_change_nothing(self, client, django_user_model):
        client.force_login(django_user_model.objects.create_superuser("boss", password="pw"))
        response = preview_api(client, EPISODE, "bad", HTTP_AUTHORIZATION="Basic Ym9zczpwdw==")
        assert_not_found(response)


def make_link(page, user, **kwargs) -> tuple[ReviewLink, str]:
    kwargs.setdefault("expires_at", timezone.now() + timedelta(days=7))
    return create_link(page, user, **kwargs)


@pytest.mark.django_db
class TestReviewEndpoint:
    def test_admin_link_to_the_api(self, editor_client, draft_episode):
        response = editor_client.post(
            reverse("review_links:index", args=[draft_episode.pk]),
            {
                "shows": "latest",
                "revision": draft_episode.latest_revision_id,
                "expires_at": timezone.localtime(timezone.now() + timedelta(days=3)).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "note": "Check the quotes",
            },
        )
        url = re.search(
            re.escape(settings.FRONTEND_URL) + r"/review/[A-Za-z0-9_-]+", response.content.decode()
        ).group(0)
        token = url.rsplit("/", 1)[1]
        editor_client.logout()

        review = editor_client.get(f"/api/v2/review/{token}/")
        assert review.status_code == 200
        assert_draft_headers(review)
        body = review.json()
        link = ReviewLink.objects.get()
        assert body["title"] == "Draft title"
        assert body["review"] == {
            "expires_at": timezone.localtime(link.expires_at).isoformat(),
            "revision": None,
            "note": "Check the quotes",
        }
        link.refresh_from_db()
        assert link.view_count == 1 and link.last_viewed_at is not None
        entry = PageLogEntry.objects.get(action="frontend_api.review_link.view")
        assert (entry.page_id, entry.user, entry.data["review_link"]) == (
            draft_episode.pk,
            None,
            link.pk,
        )

    def test_published_shape_plus_review(self, client, editor, show):
        with time_machine.travel(WHOLE_SECOND, tick=False):
            page = EpisodePageFactory(parent=show, broadcast_at=WHOLE_SECOND)
            page.save_revision().publish()
            page.refresh_from_db()
            page.title = "Only in the draft"
            page.save_revision()
        link, token = make_link(page, editor)
        body = client.get(f"/api/v2/review/{token}/").json()
        review = body.pop("review")
        preview = page.get_latest_revision_as_object().create_page_preview()
        assert body == preview_api(client, EPISODE, preview.token).json()
        assert body["title"] == "Only in the draft"
        assert review == {
            "expires_at": timezone.localtime(link.expires_at).isoformat(),
            "revision": None,
            "note": "",
        }

    def test_pinned_or_following_the_latest_draft(self, client, editor, draft_episode):
        pinned, pinned_token = make_link(
            draft_episode, editor, revision=draft_episode.latest_revision
        )
        _, following_token = make_link(draft_episode, editor)
        draft = draft_episode.get_latest_revision_as_object()
        draft.title = "Written after the links"
        draft.save_revision()

        pinned_body = client.get(f"/api/v2/review/{pinned_token}/").json()
        assert pinned_body["title"] == "Draft title"
        assert pinned_body["review"]["revision"] == pinned.revision_id
        assert client.get(f"/api/v2/review/{following_token}").json()["title"] == (
            "Written after the links"
        )

    def test_expiry_one_second_before_and_after(self, client, editor, draft_episode):
        link, token = make_link(draft_episode, editor)
        with time_machine.travel(link.expires_at - timedelta(seconds=1), tick=False):
            assert client.get(f"/api/v2/review/{token}/").status_code == 200
        with time_machine.travel(link.expires_at + timedelta(seconds=1), tick=False):
            assert_not_found(client.get(f"/api/v2/review/{token}/"))

    def test_revoked_in_the_admin_fails_on_the_very_next_request(
        self, client, editor, draft_episode
    ):
        link, token = make_link(draft_episode, editor)
        assert client.get(f"/api/v2/review/{token}/").status_code == 200
        client.force_login(editor)
        client.post(reverse("review_links:revoke", args=[draft_episode.pk, link.pk]))
        assert_not_found(client.get(f"/api/v2/review/{token}/"))

    def test_every_bad_token_gets_the_same_404(self, client, editor, draft_episode):
        _, token = make_link(draft_episode, editor)
        cases = [
            "/api/v2/review/",
            "/api/v2/review//",
            "/api/v2/review/short/",
            f"/api/v2/review/{new_token()}/",
            f"/api/v2/review/{token[:-1]}/",
            f"/api/v2/review/{token}x/",
            f"/api/v2/review/{token}/extra/",
            f"/api/v2/review/{token.upper()}/",
            "/api/v2/review/%00/",
            "/api/v2/review/" + "é" * 43 + "/",
            "/api/v2/review/../pages/",
        ]
        for path in cases:
            assert_not_found(client.get(path))
        assert ReviewLink.objects.get().view_count == 0

    def test_a_deleted_page_takes_its_links_along(self, client, editor, draft_episode):
        _, token = make_link(draft_episode, editor)
        draft_episode.delete()
        assert_not_found(client.get(f"/api/v2/review/{token}/"))


@pytest.mark.django_db
class TestRateLimit:
    def test_counts_per_client_whatever_x_forwarded_for_says(self, client, settings):
        settings.TOKEN_RATE_LIMIT = "3/min"
        settings.TRUSTED_PROXIES = 0
        for spoof in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
            response = client.get("/api/v2/review/x/", HTTP_X_FORWARDED_FOR=spoof)
            assert response.status_code == 404
        for spoof in ("4.4.4.4", "5.5.5.5, 6.6.6.6", ""):
            throttled = client.get("/api/v2/review/x/", HTTP_X_FORWARDED_FOR=spoof)
            assert throttled.status_code == 429
            assert set(throttled.json()) == {"message"}
            # The count restarts within the minute: come back in at most 60 seconds.
            assert 1 <= int(throttled["Retry-After"]) <= 60
            assert_draft_headers(throttled)
        assert preview_api(client, EPISODE, "x").status_code == 429
        assert client.get("/api/v2/review/x/", REMOTE_ADDR="192.0.2.9").status_code == 404

    def test_behind_a_trusted_proxy_the_proxys_entry_counts(self, client, settings):
        settings.TOKEN_RATE_LIMIT = "2/min"
        settings.TRUSTED_PROXIES = 1
        proxy = {"REMOTE_ADDR": "10.0.0.2"}
        for spoof in ("9.9.9.9, 203.0.113.5", "8.8.8.8, 203.0.113.5"):
            client.get("/api/v2/review/x/", HTTP_X_FORWARDED_FOR=spoof, **proxy)
        spoofed = client.get(
            "/api/v2/review/x/", HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.5", **proxy
        )
        assert spoofed.status_code == 429
        other_client = client.get("/api/v2/review/x/", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
        assert other_client.status_code == 404
