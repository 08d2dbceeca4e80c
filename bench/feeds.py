"""Benchmark: the podcast feed, chapters and sitemap against a plain Wagtail RSS feed."""

# Run: .venv/bin/python bench/feeds.py [--episodes 10,100,500] [--repeat 20]
# Builds a throwaway database (SQLite unless DATABASE_URL says otherwise), one show with N
# episodes of a 30-block article each, and times in-process requests after a warm-up request
# (which makes the renditions): our feed, the feed django.contrib.syndication gives a plain
# Wagtail site on the same episodes (the baseline of the ratio), our feed revalidated with
# its ETag (304), one episode's chapters, and the sitemap. docs/feeds.md quotes the results.

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.contrib.syndication.views import Feed  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.rich_text import expand_db_html  # noqa: E402

from episodes import factories as f  # noqa: E402
from episodes.models import EpisodePage, PodcastPage  # noqa: E402
from frontend_api.visibility import aired_episodes  # noqa: E402
from home.factories import HomePageFactory  # noqa: E402


class PlainFeed(Feed):
    """What django.contrib.syndication gives a plain Wagtail site for the same episodes."""

    def get_object(self, request, slug):
        return PodcastPage.objects.live().public().get(slug=slug)

    def title(self, show):
        return show.title

    def link(self, show):
        return show.full_url

    def description(self, show):
        return show.description

    def items(self, show):
        return aired_episodes(show)

    def item_title(self, episode):
        return episode.title

    def item_link(self, episode):
        return episode.full_url

    def item_description(self, episode):
        return expand_db_html(episode.summary)

    def item_pubdate(self, episode):
        return episode.broadcast_at


urlpatterns = [path("plain/<str:slug>/", PlainFeed())]


def article(index: int, people, links, picture) -> list[dict]:
    host, guest = people
    blocks = []
    for section in range(6):
        stamp = f"{section * 7}:{index % 60:02d}" if section % 2 == 0 else ""
        blocks.append(f.heading(f"Section {section} of episode {index}", timestamp=stamp))
        for paragraph in range(3):
            target = links[(index + paragraph) % len(links)]
            blocks.append(
                f.paragraph(
                    f'<p>Paragraph {paragraph} refers to <a linktype="page" id="{target}">'
                    "an earlier episode</a> and keeps going for a while.</p>"
                )
            )
        blocks.append(
            f.pull_quote(
                "Something worth repeating.", speaker=guest, timestamp=f"{section * 7 + 3}:00"
            )
        )
    items = [
        f.faq_item(f"Question {n}?", "<p>An answer.</p>", quote="Yes.", speaker=host)
        for n in range(3)
    ]
    blocks.append(f.faq(items))
    blocks.append(f.image(picture, alt="A picture"))
    return blocks


def build(episodes: int) -> PodcastPage:
    root = Page.get_first_root_node()
    for stock in root.get_children():
        stock.delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    show = f.PodcastPageFactory(parent=home, slug="bench-show", artwork=f.ImageFactory())
    people = (f.PersonFactory(photo=f.ImageFactory()), f.PersonFactory(photo=f.ImageFactory()))
    picture = f.ImageFactory()
    covers = [f.ImageFactory() for _ in range(5)]
    links: list[int] = []
    for index in range(episodes):
        page = f.EpisodePageFactory(
            parent=show,
            episode_number=index + 1,
            cover_image=covers[index % len(covers)],
            body=article(index, people, links or [show.pk], picture),
        )
        page.host_links.create(person=people[0])
        page.guest_links.create(person=people[1])
        page.save_revision().publish()
        links.append(page.pk)
    return show


def timed(client: Client, url: str, repeat: int, **headers) -> tuple[float, int, int]:
    """Median milliseconds, query count and status of GET url."""
    client.get(url, headers=headers)
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        durations.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, headers=headers)
    return statistics.median(durations), len(queries), response.status_code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", default="10,100,500")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import cms.urls

    cms.urls.urlpatterns.insert(0, urlpatterns[0])
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    client = Client()
    print(f"database: {connection.vendor}; median of {args.repeat} requests, in-process client")
    header = f"{'episodes':>8} | {'ours ms':>8} {'q':>3} | {'plain ms':>8} {'q':>4} | "
    header += f"{'ratio':>5} | {'304 ms':>6} | {'chapters ms':>11} | {'sitemap ms':>10} {'q':>2}"
    print(header)
    try:
        for count in (int(n) for n in args.episodes.split(",")):
            EpisodePage.objects.all().delete()
            show = build(count)
            ours, ours_q, status = timed(client, f"/feeds/{show.slug}/", args.repeat)
            assert status == 200
            plain, plain_q, _ = timed(client, f"/plain/{show.slug}/", args.repeat)
            etag = client.get(f"/feeds/{show.slug}/")["ETag"]
            revalidated, _, status = timed(
                client, f"/feeds/{show.slug}/", args.repeat, **{"If-None-Match": etag}
            )
            assert status == 304
            chapters, _, _ = timed(client, f"/feeds/{show.slug}/chapters/1.json", args.repeat)
            sitemap, sitemap_q, _ = timed(client, "/sitemap.xml", args.repeat)
            print(
                f"{count:>8} | {ours:>8.1f} {ours_q:>3} | {plain:>8.1f} {plain_q:>4} | "
                f"{ours / plain:>5.2f} | {revalidated:>6.1f} | {chapters:>11.1f} | "
                f"{sitemap:>10.1f} {sitemap_q:>2}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
