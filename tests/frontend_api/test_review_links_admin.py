"""Creating, listing and revoking reviewer links through the admin views."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from frontend_api.drafts.tokens import hash_token
from frontend_api.models import ReviewLink
from frontend_api.wagtail_hooks import ReviewLinksMenuItem

REVIEW_URL = re.compile(re.escape(settings.FRONTEND_URL) + r"/review/([A-Za-z0-9_-]+)")


def links_url(page) -> str:
    return reverse("review_links:index", args=[page.pk])


def in_days(days: float) -> str:
    moment = timezone.localtime(timezone.now() + timedelta(days=days))
    return moment.strftime("%Y-%m-%d %H:%M")


def create_form(page, **overrides) -> dict:
    data = {
        "shows": "pinned",
        "revision": page.latest_revision_id,
        "expires_at": in_days(7),
        "note": "For the guest, before Friday",
    }
    data.update(overrides)
    return data


def created_token(response) -> str:
    match = REVIEW_URL.search(response.content.decode())
    assert match, "the new link is shown in the response"
    return match.group(1)


@pytest.mark.django_db
class TestHeaderMenuItem:
    def test_the_edit_view_offers_reviewer_links(self, editor_client, draft_episode):
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[draft_episode.pk]))
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        link = soup.find("a", href=links_url(draft_episode))
        assert link.get_text(strip=True) == "Reviewer links"

    def test_hidden_from_someone_who_cannot_edit_the_page(self, draft_episode, outsider, editor):
        assert ReviewLinksMenuItem(page=draft_episode).is_shown(editor)
        assert not ReviewLinksMenuItem(page=draft_episode).is_shown(outsider)

    def test_hidden_on_pages_the_frontend_cannot_show(self, home_page, editor):
        assert not ReviewLinksMenuItem(page=home_page.get_parent()).is_shown(editor)


@pytest.mark.django_db
class TestCreate:
    def test_form_defaults_to_seven_days_and_the_current_revision(
        self, editor_client, draft_episode
    ):
        response = editor_client.get(links_url(draft_episode))
        assert response.status_code == 200
        form = response.context["form"]
        expected = timezone.now() + timedelta(days=7)
        assert abs(form["expires_at"].initial - expected) < timedelta(minutes=1)
        assert form["revision"].initial == draft_episode.latest_revision_id
        assert b"No reviewer links yet." in response.content

    def test_pinned_link_is_shown_once_and_stored_as_a_hash(
        self, editor_client, editor, draft_episode
    ):
        response = editor_client.post(links_url(draft_episode), create_form(draft_episode))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        token = created_token(response)
        assert len(token) >= 22  # 128 bits in URL-safe base64; ours carry 256.
        link = ReviewLink.objects.get()
        assert link.token_hash == hash_token(token)
        assert token not in str(ReviewLink.objects.values().get())
        assert link.page_id == draft_episode.pk
        assert link.revision_id == draft_episode.latest_revision_id
        assert link.created_by == editor
        assert link.note == "For the guest, before Friday"
        assert link.expires_at - timezone.now() == pytest.approx(
            timedelta(days=7), abs=timedelta(minutes=2)
        )

        again = editor_client.get(links_url(draft_episode))
        assert token not in again.content.decode()
        assert not REVIEW_URL.search(again.content.decode())

    def test_link_following_the_latest_draft_has_no_revision(self, editor_client, draft_episode):
        editor_client.post(links_url(draft_episode), create_form(draft_episode, shows="latest"))
        assert ReviewLink.objects.get().revision_id is None

    def test_creation_is_in_the_audit_log_without_the_token(
        self, editor_client, editor, draft_episode
    ):
        token = created_token(
            editor_client.post(links_url(draft_episode), create_form(draft_episode))
        )
        entry = PageLogEntry.objects.get(action="frontend_api.review_link.create")
        assert entry.page_id == draft_episode.pk
        assert entry.user == editor
        assert entry.data["review_link"] == ReviewLink.objects.get().pk
        assert token not in str(entry.data)
        assert hash_token(token) not in str(entry.data)

    def test_the_pages_history_shows_the_creation(self, editor_client, draft_episode):
        editor_client.post(links_url(draft_episode), create_form(draft_episode))
        history = editor_client.get(reverse("wagtailadmin_pages:history", args=[draft_episode.pk]))
        assert history.status_code == 200
        assert "Reviewer link created" in history.content.decode()

    def test_the_link_points_at_the_frontend_of_the_pages_site(
        self, editor_client, draft_episode, settings
    ):
        settings.WAGTAIL_HEADLESS_PREVIEW = {
            **settings.WAGTAIL_HEADLESS_PREVIEW,
            "CLIENT_URLS": {"default": "https://front.example", "localhost": "https://b.example"},
        }
        response = editor_client.post(links_url(draft_episode), create_form(draft_episode))
        assert re.search(r"https://b\.example/review/[A-Za-z0-9_-]{43}", response.content.decode())

    def test_thirty_days_is_allowed(self, editor_client, draft_episode):
        response = editor_client.post(
            links_url(draft_episode), create_form(draft_episode, expires_at=in_days(29.99))
        )
        assert response.status_code == 200
        assert ReviewLink.objects.count() == 1


@pytest.mark.django_db
class TestForgedCreation:
    def assert_refused(self, response, message: str) -> None:
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not REVIEW_URL.search(response.content.decode())
        assert ReviewLink.objects.count() == 0

    def test_another_pages_revision(self, editor_client, draft_episode, other_episode):
        forged = create_form(draft_episode, revision=other_episode.latest_revision_id)
        response = editor_client.post(links_url(draft_episode), forged)
        self.assert_refused(response, "This revision belongs to another page.")

    def test_an_expiry_beyond_the_maximum(self, editor_client, draft_episode):
        response = editor_client.post(
            links_url(draft_episode), create_form(draft_episode, expires_at=in_days(31))
        )
        self.assert_refused(response, "A link lasts at most 30 days.")

    def test_an_expiry_in_the_past(self, editor_client, draft_episode):
        response = editor_client.post(
            links_url(draft_episode), create_form(draft_episode, expires_at=in_days(-1))
        )
        self.assert_refused(response, "Choose an expiry in the future.")

    def test_another_user_as_creator(self, editor_client, draft_episode, outsider):
        response = editor_client.post(
            links_url(draft_episode), create_form(draft_episode, created_by=outsider.pk)
        )
        self.assert_refused(response, "A link is always created in your own name.")

    def test_someone_who_cannot_edit_the_page(self, outsider_client, draft_episode):
        # Wagtail turns a refusal in the admin into a redirect to the dashboard.
        response = outsider_client.post(links_url(draft_episode), create_form(draft_episode))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        assert ReviewLink.objects.count() == 0
        response = outsider_client.get(links_url(draft_episode))
        assert (response.status_code, response["Location"]) == (302, "/admin/")

    def test_an_unknown_revision(self, editor_client, draft_episode):
        response = editor_client.post(
            links_url(draft_episode), create_form(draft_episode, revision=999999)
        )
        self.assert_refused(response, "Select a valid choice")


@pytest.mark.django_db
class TestListAndRevoke:
    def create(self, client, page, **overrides) -> ReviewLink:
        client.post(links_url(page), create_form(page, **overrides))
        return ReviewLink.objects.latest("pk")

    def test_listing_shows_creator_expiry_views_and_last_view(self, editor_client, draft_episode):
        link = self.create(editor_client, draft_episode)
        viewed_at = timezone.now() - timedelta(hours=2)
        ReviewLink.objects.filter(pk=link.pk).update(view_count=3, last_viewed_at=viewed_at)
        response = editor_client.get(links_url(draft_episode))
        row = BeautifulSoup(response.content, "html.parser").find(
            "tr", attrs={"data-review-link": str(link.pk)}
        )
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        assert cells[1] == f"Revision {draft_episode.latest_revision_id}"
        assert cells[2] == "editor"
        assert cells[4] == "3"
        assert cells[5] != "Never"
        assert cells[6] == "Active"
        assert cells[7] == "For the guest, before Friday"
        assert row.find("button", string="Revoke")

    def test_listing_shows_only_this_pages_links(self, editor_client, draft_episode, other_episode):
        mine = self.create(editor_client, draft_episode)
        other = ReviewLink.objects.create(
            page=other_episode, token_hash="0" * 64, expires_at=timezone.now() + timedelta(days=1)
        )
        rows = BeautifulSoup(
            editor_client.get(links_url(draft_episode)).content, "html.parser"
        ).find_all("tr", attrs={"data-review-link": True})
        assert [row["data-review-link"] for row in rows] == [str(mine.pk)]
        assert ReviewLink.objects.filter(page=other_episode).get() == other

    def test_revoke(self, editor_client, editor, draft_episode):
        link = self.create(editor_client, draft_episode)
        url = reverse("review_links:revoke", args=[draft_episode.pk, link.pk])
        response = editor_client.post(url)
        assert response.status_code == 302
        link.refresh_from_db()
        assert link.revoked_at is not None
        assert link.revoked_by == editor
        entry = PageLogEntry.objects.get(action="frontend_api.review_link.revoke")
        assert (entry.user, entry.page_id, entry.data["review_link"]) == (
            editor,
            draft_episode.pk,
            link.pk,
        )
        listing = editor_client.get(links_url(draft_episode)).content.decode()
        assert "Revoked by editor" in listing

    def test_revoking_twice_logs_once(self, editor_client, draft_episode):
        link = self.create(editor_client, draft_episode)
        url = reverse("review_links:revoke", args=[draft_episode.pk, link.pk])
        editor_client.post(url)
        editor_client.post(url)
        assert PageLogEntry.objects.filter(action="frontend_api.review_link.revoke").count() == 1

    def test_revoke_needs_post(self, editor_client, draft_episode):
        link = self.create(editor_client, draft_episode)
        response = editor_client.get(
            reverse("review_links:revoke", args=[draft_episode.pk, link.pk])
        )
        assert response.status_code == 405
        link.refresh_from_db()
        assert link.revoked_at is None

    def test_someone_who_cannot_edit_the_page_cannot_revoke(
        self, client, editor, outsider, draft_episode
    ):
        client.force_login(editor)
        link = self.create(client, draft_episode)
        client.force_login(outsider)
        response = client.post(reverse("review_links:revoke", args=[draft_episode.pk, link.pk]))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        link.refresh_from_db()
        assert link.revoked_at is None

    def test_a_link_cannot_be_revoked_through_another_page(
        self, client, editor, outsider, draft_episode, other_episode
    ):
        client.force_login(editor)
        link = self.create(client, draft_episode)
        client.force_login(outsider)
        response = client.post(reverse("review_links:revoke", args=[other_episode.pk, link.pk]))
        assert response.status_code == 404
        link.refresh_from_db()
        assert link.revoked_at is None
