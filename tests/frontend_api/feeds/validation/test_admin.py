"""The gate in the admin: errors keep an episode a draft with a message; the report per show."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from episodes.models import EpisodePage
from frontend_api.feeds.show_feed import ShowFeed
from frontend_api.feeds.validation.building import check_show
from frontend_api.feeds.validation.publishing import findings_for_episode, gate_publish
from tests.support.site import publish


def episode_form(**overrides) -> dict:
    """POST data for a new episode, published from the editor."""
    data = {
        "title": "Launch week",
        "slug": "launch-week",
        "headline": "",
        "episode_number": "7",
        "broadcast_at": "2026-01-05 07:00",
        "audio_url": "https://audio.example.com/7.mp3",
        "audio_duration": "00:40:00",
        "audio_size": "38400000",
        "audio_mime_type": "audio/mpeg",
        "episode_type": "full",
        "summary": rich_text("<p>What a launch week looks like.</p>"),
        "body": streamfield([("paragraph", {"text": rich_text("<p>It starts on a Monday.</p>")})]),
        "host_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "guest_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "related_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add(admin_client, show, data):
    url = reverse("wagtailadmin_pages:add", args=["episodes", "episodepage", show.pk])
    return admin_client.post(url, data)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_error_keeps_the_episode_a_draft_with_a_message(admin_client, valid_show):
    response = add(admin_client, valid_show, episode_form(audio_duration=""))
    episode = EpisodePage.objects.get(slug="launch-week")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[episode.pk])
    texts = messages_of(response)
    assert any(
        "[duration-missing] Episode “Launch week”: The episode has no duration" in text
        for text in texts
    ), texts
    assert any("“Launch week” was not published" in text for text in texts), texts
    # Nothing lost: the draft and its revision are there, unpublished.
    assert not episode.live
    assert "What a launch week" in episode.get_latest_revision().as_object().summary
    # The editor shows the message after the redirect.
    page = admin_client.get(response["Location"])
    assert "was not published: podcast apps would reject its feed" in page.content.decode()


def test_fixing_the_error_publishes(admin_client, valid_show):
    refused = add(admin_client, valid_show, episode_form(audio_duration=""))
    admin_client.get(refused["Location"])  # the editor shows, and so uses up, the messages
    episode = EpisodePage.objects.get(slug="launch-week")
    response = admin_client.post(refused["Location"], episode_form())
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.live
    assert not [text for text in messages_of(response) if "Podcast feed [" in text]


def test_a_show_error_blocks_every_episode(admin_client, valid_show):
    valid_show.artwork = None
    publish(valid_show)
    response = add(admin_client, valid_show, episode_form())
    assert any("[artwork-missing] Show:" in text for text in messages_of(response))
    assert not EpisodePage.objects.get(slug="launch-week").live


def test_an_error_in_another_episode_does_not_block(admin_client, valid_show):
    other = valid_show.get_children().specific().get(slug="episode-1")
    other.audio_duration = None
    publish(other)
    response = add(admin_client, valid_show, episode_form())
    assert EpisodePage.objects.get(slug="launch-week").live
    assert not [text for text in messages_of(response) if "[duration-missing]" in text]


def test_warnings_do_not_block_and_are_shown(admin_client, valid_show):
    response = add(admin_client, valid_show, episode_form(audio_size=""))
    assert EpisodePage.objects.get(slug="launch-week").live
    texts = messages_of(response)
    assert any("[enclosure-length-unknown] Episode “Launch week”" in text for text in texts)


def test_the_report_lists_shows_and_each_shows_findings(admin_client, valid_show):
    episode = valid_show.get_children().specific().get(slug="episode-2")
    episode.audio_size = None
    episode.audio_mime_type = "audio/ogg"
    publish(episode)
    index = admin_client.get(reverse("feed_checks:index"))
    assert index.status_code == 200
    report_url = reverse("feed_checks:show", args=[valid_show.pk])
    assert report_url in index.content.decode()
    html = admin_client.get(report_url).content.decode()
    assert "Podcast feed checks: Signal &amp; Noise" in html
    for text in ("enclosure-length-unknown", "enclosure-type-unsupported", "Episode “Episode 2”"):
        assert text in html
    assert "duration-missing" not in html


def test_a_clean_show_says_so(admin_client, valid_show):
    html = admin_client.get(reverse("feed_checks:show", args=[valid_show.pk])).content.decode()
    assert "The feed passes every rule." in html


def test_the_report_menu_links_the_feed_checks(admin_client, valid_show):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("feed_checks:index") in html


@pytest.mark.django_db
def test_an_unknown_show_report_is_a_404(admin_client):
    assert admin_client.get(reverse("feed_checks:show", args=[999999])).status_code == 404


def test_a_checker_fault_does_not_cost_the_publish(admin_client, valid_show, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("checker broke")

    monkeypatch.setattr("frontend_api.feeds.validation.publishing.check_show", broken)
    add(admin_client, valid_show, episode_form(audio_duration=""))
    assert EpisodePage.objects.get(slug="launch-week").live
    assert "Feed check failed" in caplog.text


def test_pages_other_than_episodes_are_not_checked(rf, valid_show):
    valid_show.artwork = None
    assert gate_publish(rf.get("/"), valid_show) is None


def test_an_edit_with_an_error_leaves_the_live_version_alone(admin_client, valid_show):
    add(admin_client, valid_show, episode_form())
    episode = EpisodePage.objects.get(slug="launch-week")
    assert episode.live
    url = reverse("wagtailadmin_pages:edit", args=[episode.pk])
    response = admin_client.post(url, episode_form(title="Launch week, revised", audio_size="x"))
    assert response.status_code == 200  # the form itself refuses a size that is not a number
    response = admin_client.post(
        url, episode_form(title="Launch week, revised", audio_mime_type="text/plain")
    )
    assert any("[enclosure-type-invalid]" in text for text in messages_of(response))
    episode.refresh_from_db()
    assert episode.live and episode.title == "Launch week"
    assert episode.has_unpublished_changes
    assert episode.get_latest_revision().as_object().title == "Launch week, revised"


def bulk_publish(admin_client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return admin_client.post(f"{url}?id={page.pk}&next=/admin/", {})


def test_a_bulk_publish_with_an_error_publishes_nothing(admin_client, valid_show):
    episode = valid_show.get_children().specific().get(slug="episode-1")
    episode.audio_duration = None
    episode.title = "Episode 1, revised"
    episode.save_revision()
    response = bulk_publish(admin_client, episode)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    texts = messages_of(response)
    assert any("[duration-missing] Episode “Episode 1, revised”" in text for text in texts)
    assert any("Nothing was published" in text for text in texts), texts
    episode.refresh_from_db()
    assert episode.title == "Episode 1" and episode.has_unpublished_changes


def test_a_clean_bulk_publish_goes_through(admin_client, valid_show):
    episode = valid_show.get_children().specific().get(slug="episode-1")
    episode.title = "Episode 1, revised"
    episode.save_revision()
    bulk_publish(admin_client, episode)
    episode.refresh_from_db()
    assert episode.title == "Episode 1, revised"


def test_the_gate_finds_what_the_whole_feed_check_finds_on_the_show_and_the_episode(valid_show):
    # The gate renders only the channel and the episode being published.
    episode = valid_show.get_children().specific().get(slug="episode-2")
    episode.audio_duration = None
    episode.audio_size = None
    publish(episode)  # without the gate, so the whole feed shows the same episode
    guid = ShowFeed().item_guid(episode)
    whole = [
        (finding.rule, finding.message)
        for finding in check_show(valid_show)
        if finding.item_guid in (None, guid)
    ]
    gate = [(finding.rule, finding.message) for finding in findings_for_episode(episode)]
    assert {"duration-missing", "enclosure-length-unknown"} <= {rule for rule, _ in gate}
    assert sorted(gate) == sorted(whole)


def test_the_gate_refuses_a_guid_another_episode_of_the_show_has(valid_show):
    first, second = (
        valid_show.get_children().specific().get(slug=slug) for slug in ("episode-1", "episode-2")
    )
    second.guid = ShowFeed().item_guid(first)
    rules = {finding.rule for finding in findings_for_episode(second)}
    assert "duplicate-guid" in rules
