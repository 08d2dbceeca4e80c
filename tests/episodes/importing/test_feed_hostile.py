"""Hostile and broken feeds: a clear error or a skipped item, fast, and nothing half-written."""

import time

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Revision

from episodes.factories import EpisodePageFactory, PodcastPageFactory
from episodes.models import EpisodePage, Person, PodcastPage

from .feed_host import feed_host
from .rss import Item, rss

XXE = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>'
    "<title>Leaky &secret;</title><description>Reads a file &secret;</description>"
    "<itunes:owner><itunes:email>owner@old-radio.example</itunes:email></itunes:owner>"
    "<item><title>Episode &secret;</title><guid>leak-1</guid>"
    "<pubDate>Mon, 04 Jan 2021 06:00:00 +0000</pubDate><itunes:episode>1</itunes:episode>"
    "<description>Text &secret; here.</description></item></channel></rss>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss ['
    '<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">'
    '<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>'
    '<rss version="2.0"><channel><title>Laughs &i;</title><description>&i;</description>'
    "<item><title>&i;</title><guid>laugh-1</guid></item></channel></rss>"
)


def nothing_written(revisions: int) -> bool:
    return (
        not PodcastPage.objects.exists()
        and not EpisodePage.objects.exists()
        and Revision.objects.count() == revisions
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<rss><channel><title>Cut short", "not well-formed XML"),
        ("", "not well-formed XML"),
        ("<feed><title>An Atom feed</title></feed>", "not an RSS feed"),
        (b"\x00\x01\x02 binary", "not well-formed XML"),
    ],
)
def test_a_broken_file_is_refused_with_nothing_written(
    home_page, feed_file, run_feed, text, message
):
    revisions = Revision.objects.count()
    result = run_feed(feed_file(text))
    assert message in result.error
    assert "Traceback" not in result.error + result.output
    assert nothing_written(revisions)


def test_external_entities_are_never_read(home_page, feed_file, run_feed):
    result = run_feed(feed_file(XXE))
    assert "root:" not in result.output + result.error
    for page in [*PodcastPage.objects.all(), *EpisodePage.objects.all()]:
        assert "root:" not in page.title
        assert "root:" not in str(getattr(page, "description", "")) + str(getattr(page, "body", ""))


def test_billion_laughs_is_not_expanded_and_ends_fast(home_page, feed_file, run_feed):
    started = time.perf_counter()
    result = run_feed(feed_file(LAUGHS))
    assert time.perf_counter() - started < 10
    assert "lollol" not in result.output + result.error
    assert all("lollol" not in page.title for page in PodcastPage.objects.all())


def test_a_feed_over_the_size_limit_is_refused_before_reading(
    home_page, feed_file, run_feed, settings
):
    settings.IMPORT_MAX_EXPORT_BYTES = 1000
    revisions = Revision.objects.count()
    result = run_feed(feed_file(rss([Item(n) for n in range(1, 6)])))
    assert "IMPORT_MAX_EXPORT_BYTES" in result.error
    assert nothing_written(revisions)


def test_a_url_over_the_size_limit_is_cut_off(home_page, run_feed, settings):
    settings.IMPORT_MAX_EXPORT_BYTES = 1000
    with feed_host() as host:
        url = host.put("/feed.xml", rss([Item(n) for n in range(1, 6)]), "application/rss+xml")
        result = run_feed(url)
    assert "the feed is" in result.error and "over 1,000" in result.error
    assert not PodcastPage.objects.exists()


@pytest.mark.parametrize(
    "source", ["file:///etc/passwd", "ftp://old-radio.example/feed.xml", "gopher://x/feed"]
)
def test_only_http_urls_or_files_are_read(home_page, run_feed, source):
    result = run_feed(source)
    assert "give an http(s) URL or the path of a file" in result.error


def test_a_missing_file_and_an_unreachable_url_are_clear_errors(home_page, run_feed, tmp_path):
    assert "no such file" in run_feed(tmp_path / "nowhere.xml").error
    with feed_host() as host:
        missing = run_feed(host.url("/gone.xml"))
    assert "the host answered HTTP 404" in missing.error


def test_a_slow_host_times_out(home_page, run_feed, settings):
    settings.IMPORT_FETCH_TIMEOUT = 0.5
    with feed_host() as host:
        url = host.put("/feed.xml", rss([Item(1)]))
        host.slow["/feed.xml"] = 3
        started = time.perf_counter()
        result = run_feed(url)
    assert time.perf_counter() - started < 3
    assert "could not be reached" in result.error and "timed out" in result.error


def test_items_missing_what_an_episode_needs_are_skipped_alone(home_page, feed_file, run_feed):
    items = [
        Item(5),
        Item(4, pub_date="", title="No date"),
        Item(3, title=""),
        Item(2, guid="", enclosure=("", "", "")),
        Item(1, pub_date="the day after tomorrow"),
    ]
    feed = rss(items).replace("<title></title>", "").replace("<pubDate></pubDate>", "")
    feed = feed.replace('<enclosure url="" length="" type=""/>', "").replace("<guid ", "<guid ")
    result = run_feed(feed_file(feed))
    assert "1 created, 0 updated, 0 unchanged, 4 skipped" in result.output
    assert "4 of 5 items were skipped" in result.error
    assert "#2 (guid old-radio-0004-7c1e): pubDate missing" in result.error
    assert "(guid old-radio-0003-7c1e): no title" in result.error
    assert "no <guid> and no enclosure URL" in result.error
    assert "pubDate “the day after tomorrow” is not a date" in result.error
    assert list(EpisodePage.objects.values_list("guid", flat=True)) == ["old-radio-0005-7c1e"]


def test_an_item_the_page_refuses_leaves_nothing_behind(home_page, feed_file, run_feed):
    """Episode 2 reuses episode 1's number: its people and page are rolled back together."""
    items = [Item(2, episode=1, people=[("Only In Two", "guest")]), Item(1)]
    result = run_feed(feed_file(rss(items)))
    assert "1 created" in result.output and "1 skipped" in result.output
    assert "episode number 1 is already used by another article" in result.error
    assert not Person.objects.filter(name="Only In Two").exists()
    assert EpisodePage.objects.count() == 1


def test_values_out_of_range_are_named(home_page, feed_file, run_feed):
    items = [Item(2, episode=10**25), Item(1, title="t" * 300)]
    result = run_feed(feed_file(rss(items)))
    assert "itunes:episode “10000000000000000000000000” is too large" in result.error
    assert "title: Ensure this value has at most 255 characters" in result.error
    assert not EpisodePage.objects.exists()


def test_a_show_without_an_owner_email_is_not_created(home_page, feed_file, run_feed):
    feed = rss([Item(1)]).replace("<itunes:email>owner@old-radio.example</itunes:email>", "")
    result = run_feed(feed_file(feed))
    assert "the feed names no owner email" in result.error
    assert not PodcastPage.objects.exists()


def test_a_redirect_away_from_http_is_refused(home_page, run_feed):
    with feed_host() as host:
        host.redirects["/feed.xml"] = "ftp://old-radio.example/feed.xml"
        host.redirects["/other.xml"] = "file:///etc/passwd"
        to_ftp = run_feed(host.url("/feed.xml"))
        to_file = run_feed(host.url("/other.xml"))
    assert "redirected away from http(s) to ftp://old-radio.example/feed.xml" in to_ftp.error
    assert "HTTP 302" in to_file.error and "file:///etc/passwd" in to_file.error
    assert not PodcastPage.objects.exists()


def test_two_episodes_of_a_show_cannot_share_a_guid(show):
    first = EpisodePageFactory(parent=show, guid="shared-guid-1")
    second = EpisodePageFactory(parent=show)
    second.guid = "shared-guid-1"
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert refused.value.message_dict["guid"] == [
        f"Another episode of this show has this GUID: “{first.title}”."
    ]
    elsewhere = EpisodePageFactory(parent=PodcastPageFactory(parent=show.get_parent()))
    elsewhere.guid = "shared-guid-1"
    elsewhere.full_clean()
