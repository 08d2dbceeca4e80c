"""Page models: tree rules, per-page validation and what a full article can hold."""

import datetime
from collections import Counter

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from episodes import factories as f
from episodes.demo.content import PEOPLE
from episodes.demo.seed import article_body
from episodes.models import EpisodePage, PodcastPage, RelatedEpisode
from home.models import HomePage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    """Which page may live under which."""

    def test_home_holds_shows_and_shows_hold_episodes(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {PodcastPage})
        self.assertAllowedParentPageTypes(PodcastPage, {HomePage})
        self.assertAllowedSubpageTypes(PodcastPage, {EpisodePage})
        self.assertAllowedParentPageTypes(EpisodePage, {PodcastPage})
        self.assertAllowedSubpageTypes(EpisodePage, set())


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_episode_number_is_unique_within_a_show(show):
    f.EpisodePageFactory(parent=show, episode_number=7, title="First seven")
    with pytest.raises(ValidationError) as caught:
        f.EpisodePageFactory(parent=show, episode_number=7, title="Second seven")
    assert "Episode 7 already exists in this show" in str(caught.value)


def test_the_same_number_is_fine_in_another_show(home_page, show):
    other = f.PodcastPageFactory(parent=home_page, title="Other", slug="other")
    f.EpisodePageFactory(parent=show, episode_number=3)
    assert f.EpisodePageFactory(parent=other, episode_number=3).pk


def test_external_audio_url_must_be_http(show):
    page = f.EpisodePageFactory(parent=show)
    page.audio_url = "ftp://files.example.com/episode.mp3"
    assert "audio_url" in errors_of(page)


def test_audio_is_a_file_or_a_url_not_both(show):
    page = f.EpisodePageFactory(parent=show)
    page.audio_file = wagtail_factories.DocumentFactory()
    assert "not both" in errors_of(page)["audio_url"][0]


def test_quote_timestamp_must_lie_within_the_audio(show):
    page = f.EpisodePageFactory(parent=show, audio_duration=datetime.timedelta(minutes=10))
    page.body = [
        f.heading("Start"),
        f.pull_quote("Early", speaker_name="A", timestamp="9:59"),
        f.pull_quote("Too late", speaker_name="A", timestamp="10:01"),
    ]
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    block_errors = caught.value.error_dict["body"][0].block_errors
    assert list(block_errors) == [2]
    assert "after the end of the audio (10:00)" in str(block_errors[2].block_errors["timestamp"])


def test_timestamps_are_not_checked_without_a_duration(show):
    page = f.EpisodePageFactory(parent=show, audio_duration=None)
    page.body = [f.pull_quote("Whenever", speaker_name="A", timestamp="3:00:00")]
    page.full_clean()


def test_an_episode_is_not_similar_to_itself(show):
    page = f.EpisodePageFactory(parent=show)
    link = RelatedEpisode(page=page, episode=page)
    with pytest.raises(ValidationError):
        link.clean()


def test_the_example_article_fits_in_the_body(show):
    """The demo article has the outline of the real example: every section, quote and FAQ item."""
    person = f.PersonFactory()
    speakers = dict.fromkeys(PEOPLE, person)
    body = article_body(speakers, f.ImageFactory())
    page = f.EpisodePageFactory(parent=show, audio_duration=datetime.timedelta(minutes=52))
    page.body = body
    page.full_clean()
    page.save_revision().publish()

    stored = EpisodePage.objects.get(pk=page.pk).body
    outline = Counter(
        child.value["level"] if child.block_type == "heading" else child.block_type
        for child in stored
    )
    assert outline == {
        "h2": 7,
        "h3": 4,
        "paragraph": 24,
        "pull_quote": 9,
        "faq": 1,
        "image": 1,
        "embed": 1,
    }
    faq = next(child.value for child in stored if child.block_type == "faq")
    assert len(faq["items"]) == 6
    assert all(item["quote"]["text"] and item["quote"]["speaker"] for item in faq["items"])
