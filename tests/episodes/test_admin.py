"""The editor's side: creating episodes through the admin form, listings, search and revisions."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.test.utils import WagtailPageTestCase

from episodes import factories as f
from episodes.models import EpisodePage
from home.factories import HomePageFactory
from tests.support.forms import TRAILER_URL, every_block_form_data


@pytest.mark.django_db
class TestEpisodeAdmin(WagtailPageTestCase):
    """Creating and editing episodes as an editor does."""

    def setUp(self):
        self.home = HomePageFactory(slug="home-admin")
        self.show = f.PodcastPageFactory(
            parent=self.home,
            title="Show",
            slug="show",
            description="About things.",
            author="A",
            owner_name="A",
            owner_email="a@example.com",
            # The feed check refuses to publish episodes of a show without artwork.
            artwork=f.ImageFactory(),
        )
        self.person = f.PersonFactory(name="Host Person")
        self.picture = f.ImageFactory()
        # The admin checks embeds against the oEmbed cache first; this machine has no network.
        f.EmbedFactory(url=TRAILER_URL, html="<iframe></iframe>")
        self.user = self.login()

    def test_an_episode_with_every_block_type_can_be_created(self):
        self.assertCanCreate(
            self.show, EpisodePage, every_block_form_data(self.person, self.picture)
        )
        page = EpisodePage.objects.get(slug="every-block")
        assert [child.block_type for child in page.body] == [
            "heading",
            "paragraph",
            "pull_quote",
            "faq",
            "image",
            "embed",
        ]
        assert page.live and page.host_links.get().person == self.person

    def add_episode(self, data):
        url = reverse("wagtailadmin_pages:add", args=["episodes", "episodepage", self.show.pk])
        return self.client.post(url, data)

    def test_a_clashing_episode_number_gets_a_clear_message(self):
        f.EpisodePageFactory(parent=self.show, episode_number=12, title="Existing twelve")
        response = self.add_episode(every_block_form_data(self.person, self.picture))
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "Episode 12 already exists in this show" in errors["episode_number"][0]

    def test_a_timestamp_after_the_audio_is_shown_on_its_block(self):
        data = every_block_form_data(self.person, self.picture, audio_duration="00:05:00")
        response = self.add_episode(data)
        assert response.status_code == 200
        body_error = response.context["form"].errors.as_data()["body"][0]
        assert "after the end of the audio (5:00)" in str(
            body_error.block_errors[2].block_errors["timestamp"]
        )
        assert not EpisodePage.objects.filter(slug="every-block").exists()

    def test_a_bad_audio_url_is_refused_with_a_message(self):
        data = every_block_form_data(self.person, self.picture, audio_url="javascript:alert(1)")
        response = self.add_episode(data)
        assert "audio_url" in response.context["form"].errors

    def test_saving_a_draft_keeps_a_revision_and_the_live_version(self):
        page = f.EpisodePageFactory(parent=self.show, title="Live title", published=True)
        page.title = "Draft title"
        page.save_revision(user=self.user)
        page.refresh_from_db()
        assert page.has_unpublished_changes
        assert EpisodePage.objects.live().get(pk=page.pk).title == "Live title"
        assert page.revisions.count() == 2

    def test_scheduled_publishing_waits_for_go_live(self):
        page = f.EpisodePageFactory(parent=self.show, live=False)
        page.go_live_at = timezone.now() + timedelta(hours=1)
        page.save_revision().publish()
        page.refresh_from_db()
        call_command("publish_scheduled")
        page.refresh_from_db()
        assert not page.live and page.scheduled_revision is not None
        # Let the hour pass: move the schedule into the past, as the clock would.
        revision = page.scheduled_revision
        past = timezone.now() - timedelta(seconds=1)
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save()
        call_command("publish_scheduled")
        page.refresh_from_db()
        assert page.live

    def test_the_default_workflow_applies_to_episodes(self):
        page = f.EpisodePageFactory(parent=self.show)
        page.save_revision(user=self.user)
        workflow = page.get_workflow()
        assert isinstance(workflow, Workflow) and workflow.active
        workflow.start(page, self.user)
        assert page.workflow_in_progress

    def test_the_editor_shows_the_four_tabs(self):
        page = f.EpisodePageFactory(parent=self.show)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        html = response.content.decode()
        for tab in ("Content", "Audio &amp; metadata", "Promote", "Settings"):
            assert tab in html
        assert "Comments" in html or "comments" in html

    def test_the_episode_listing_shows_number_date_and_status(self):
        f.EpisodePageFactory(parent=self.show, episode_number=77, title="Listed episode")
        response = self.client.get(reverse("episodes:index"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Listed episode" in html and ">77<" in html.replace(" ", "").replace("\n", "")
        assert "Broadcast" in html and "Status" in html

    def test_snippets_are_editable(self):
        response = self.client.get(reverse("wagtailsnippets_episodes_person:list"))
        assert "Host Person" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_admin_search_finds_quotes_and_faq_text(show, admin_client):
    """The search index is filled after commit, hence a transactional test."""
    page = f.EpisodePageFactory(parent=show, title="Searchable")
    page.body = [
        f.pull_quote("A remarkable zephyrine remark", speaker_name="A"),
        f.faq([f.faq_item("Where is the quokkaland?", "<p>Far away.</p>")]),
    ]
    page.save_revision().publish()
    for term in ("zephyrine", "quokkaland"):
        response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": term})
        assert "Searchable" in response.content.decode(), term
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "nothingmatches"})
    assert "Searchable" not in response.content.decode()
