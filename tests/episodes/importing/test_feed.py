"""import_feed: a show moved in from its RSS feed, GUIDs kept and served again by our feed."""

import time

import feedparser
from lxml import etree
from wagtail.images import get_image_model
from wagtail.models import Revision

from episodes.models import EpisodePage, PodcastPage

from .rss import OLD_SITE, Item, rss, show_of

EPISODES = 200


def pages(slug: str = "bench-notes"):
    return EpisodePage.objects.child_of(PodcastPage.objects.get(slug=slug))


def test_a_show_of_200_episodes_moves_in_keeps_its_guids_and_reimports_as_unchanged(
    home_page, client, feed_file, run_feed
):
    path = feed_file(show_of(EPISODES))
    started = time.perf_counter()
    first = run_feed(path, "--publish")
    created_in = time.perf_counter() - started
    assert first.error == ""
    assert f"{EPISODES} items into “Bench Notes”: {EPISODES} created, 0 updated" in first.output
    show = PodcastPage.objects.get(slug="bench-notes")
    assert (show.live, show.author, show.owner_email) == (
        True,
        "Mina Okafor",
        "owner@old-radio.example",
    )
    assert (show.language, show.apple_category) == ("en", "Leisure > Hobbies")
    episodes = pages()
    assert episodes.count() == EPISODES
    expected = {f"old-radio-{n:04d}-7c1e" for n in range(1, EPISODES + 1)}
    assert set(episodes.values_list("guid", flat=True)) == expected

    sample = episodes.get(episode_number=120)
    assert sample.live and sample.guid == "old-radio-0120-7c1e" and not sample.guid_is_permalink
    assert sample.season == 3 and sample.episode_type == "full"
    assert sample.broadcast_at.isoformat() == "2023-04-17T06:00:00+00:00"
    assert sample.audio_url == "https://media.old-radio.example/ep120.mp3"
    assert (sample.audio_size, sample.audio_mime_type) == (30_000_120, "audio/mpeg")
    assert sample.audio_duration.total_seconds() == 41 * 60 + 30
    assert sample.source_url == f"{OLD_SITE}/episodes/120/"
    assert [link.person.name for link in sample.host_links.all()] == ["Mina Okafor"]
    assert [link.person.name for link in sample.guest_links.all()] == ["Guest Number 1"]
    assert [block.block_type for block in sample.body] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
        "pull_quote",
    ]
    assert sample.body[4].value["speaker"].name == "Mina Okafor"
    assert "part 120" in sample.summary

    response = client.get(f"/feeds/{show.slug}/")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert {entry.id for entry in parsed.entries} == expected
    guids = etree.fromstring(response.content).findall("channel/item/guid")
    assert {guid.get("isPermaLink") for guid in guids} == {"false"}

    revisions = Revision.objects.count()
    started = time.perf_counter()
    again = run_feed(path, "--publish")
    rerun_in = time.perf_counter() - started
    assert again.error == ""
    assert f"0 created, 0 updated, {EPISODES} unchanged, 0 skipped" in again.output
    assert pages().count() == EPISODES
    assert Revision.objects.count() == revisions
    print(f"\nimport_feed {EPISODES} episodes: {created_in:.1f} s; re-run {rerun_in:.1f} s")


def test_a_dry_run_reports_but_writes_nothing(home_page, feed_file, run_feed, tmp_path):
    path = feed_file(rss([Item(2), Item(1)]))
    revisions, images = Revision.objects.count(), get_image_model().objects.count()
    result = run_feed(path, "--dry-run", "--publish")
    assert result.error == ""
    assert "2 items into “Bench Notes”: 2 created" in result.output
    assert "(dry run: nothing was saved)" in result.output
    assert not PodcastPage.objects.filter(slug="bench-notes").exists()
    assert EpisodePage.objects.count() == 0
    assert (Revision.objects.count(), get_image_model().objects.count()) == (revisions, images)


def test_a_changed_item_updates_its_page_and_a_new_one_is_added(home_page, feed_file, run_feed):
    run_feed(feed_file(rss([Item(2), Item(1)])))
    first = pages().get(guid="old-radio-0001-7c1e")
    changed = rss([Item(3), Item(2), Item(1, title="Episode 1, retold")])
    result = run_feed(feed_file(changed))
    assert "1 created, 1 updated, 1 unchanged, 0 skipped" in result.output
    assert pages().count() == 3
    assert pages().get(guid="old-radio-0001-7c1e").pk == first.pk
    assert pages().get(pk=first.pk).get_latest_revision_as_object().title == "Episode 1, retold"


def test_into_an_existing_show_with_show(show, feed_file, run_feed):
    result = run_feed(feed_file(rss([Item(1)])), "--show", show.slug)
    assert result.error == ""
    assert "updated show “Bench Notes” (test-show)" in result.output
    assert EpisodePage.objects.child_of(show).get().guid == "old-radio-0001-7c1e"


def test_a_permalink_guid_stays_a_permalink_in_our_feed(home_page, client, feed_file, run_feed):
    items = [
        Item(2, guid=f"{OLD_SITE}/?p=2", permalink=None),
        Item(1, guid="tag:old-radio.example,2021:1", permalink=None),
    ]
    assert run_feed(feed_file(rss(items)), "--publish").error == ""
    assert pages().get(episode_number=2).guid_is_permalink
    assert not pages().get(episode_number=1).guid_is_permalink
    response = client.get("/feeds/bench-notes/")
    emitted = {
        guid.text: guid.get("isPermaLink")
        for guid in etree.fromstring(response.content).findall("channel/item/guid")
    }
    assert emitted == {f"{OLD_SITE}/?p=2": "true", "tag:old-radio.example,2021:1": "false"}


def test_items_without_numbers_are_numbered_in_broadcast_order_and_keep_them(
    home_page, feed_file, run_feed
):
    feed = rss([Item(n, episode=0, title=f"Bench session {n}") for n in (3, 2, 1)])
    feed = feed.replace("<itunes:episode>0</itunes:episode>", "")
    first = run_feed(feed_file(feed))
    assert "no itunes:episode: numbered 1" in first.output
    numbers = dict(pages().values_list("guid", "episode_number"))
    assert numbers == {f"old-radio-{n:04d}-7c1e": n for n in (1, 2, 3)}
    again = run_feed(feed_file(feed))
    assert "3 unchanged" in again.output
    assert dict(pages().values_list("guid", "episode_number")) == numbers


def test_a_locked_feed_is_refused_unless_its_owner_confirms(home_page, feed_file, run_feed):
    path = feed_file(rss([Item(1)], locked="yes"))
    refused = run_feed(path)
    assert "the feed is locked (podcast:locked yes)" in refused.error
    assert "--owner-override owner@old-radio.example" in refused.error
    wrong = run_feed(path, "--owner-override", "someone@else.example")
    assert "the feed is locked by owner@old-radio.example" in wrong.error
    assert not PodcastPage.objects.filter(slug="bench-notes").exists()
    confirmed = run_feed(path, "--owner-override", "Owner@Old-Radio.example")
    assert confirmed.error == ""
    assert pages().count() == 1
    assert run_feed(feed_file(rss([Item(1)], locked="no"))).error == ""
