"""Builds the benchmark's data set with the project's factories; prints what it made as JSON.

Run inside Django (python -m bench.dataset): a site with two shows and N episodes, one
44-block article with about 50 internal links, and pages of 10, 100 and 1,000 blocks.
"""

import datetime
import itertools
import json
import random
import sys
import time
from typing import Any

import django

django.setup()

import wagtail_factories  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from episodes import factories as f  # noqa: E402
from episodes.models import (  # noqa: E402
    EpisodeGuest,
    EpisodeHost,
    EpisodePage,
    Person,
    RelatedEpisode,
)
from home.factories import HomePageFactory  # noqa: E402

SUBJECTS = [
    "pricing",
    "hiring",
    "retention",
    "logistics",
    "margins",
    "fundraising",
    "partnerships",
    "customer support",
    "subscriptions",
    "marketplaces",
]
TAGS = ["strategy", "growth", "retail", "software", "media", "finance", "b2b", "europe"]
BLOCK_CYCLE = ["h2", "link", "paragraph", "quote", "h3", "link", "image", "paragraph", "faq"]


def sentence(n: int) -> str:
    subject = SUBJECTS[n % len(SUBJECTS)]
    return (
        f"The team reworked its approach to {subject} after a slow quarter, "
        f"and measured what changed week by week for {n % 12 + 2} months."
    )


def linked_paragraph(n: int, targets: list[EpisodePage], links: int) -> dict:
    anchors = " ".join(
        f'Listen to <a linktype="page" id="{page.pk}">episode {page.episode_number}</a> '
        f"for the <b>details</b> on {SUBJECTS[(n + i) % len(SUBJECTS)]}."
        for i, page in enumerate(targets[:links])
    )
    return f.paragraph(f"<p>{sentence(n)} {anchors}</p>")


class Builder:
    """Makes the objects; `rng` keeps every run's data the same."""

    def __init__(self, episodes: int, sizes: list[int]) -> None:
        self.episodes_wanted = episodes
        self.sizes = sizes
        self.rng = random.Random(42)
        self.link_targets = itertools.count()

    def base(self) -> None:
        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        self.home = HomePageFactory(parent=root, intro="Episodes about how businesses work.")
        Site.objects.all().delete()
        Site.objects.create(
            hostname="localhost", port=80, root_page=self.home, is_default_site=True
        )
        self.images = [
            f.ImageFactory(file__width=1600, file__height=900, file__filename=f"bench-{i}.png")
            for i in range(8)
        ]
        self.document = wagtail_factories.DocumentFactory(
            title="Show notes", file__filename="bench-notes.txt"
        )
        self.people = [
            f.PersonFactory(
                name=f"Person {i}",
                role=("Host" if i < 2 else "Founder"),
                photo=self.images[i % len(self.images)],
            )
            for i in range(12)
        ]
        self.rubrics = [f.RubricFactory(name=f"Rubric {i}", slug=f"rubric-{i}") for i in range(6)]
        self.shows = [
            f.PodcastPageFactory(
                parent=self.home, title=f"Show {i}", slug=f"show-{i}", artwork=self.images[i]
            )
            for i in range(2)
        ]

    def filler(self) -> None:
        """Episodes with short articles, spread over both shows; live without revisions."""
        self.filler_pages: list[EpisodePage] = []
        for n in range(self.episodes_wanted):
            show = self.shows[n % len(self.shows)]
            number = n // len(self.shows) + 1
            page = f.EpisodePageFactory(
                parent=show,
                title=f"Episode {number} of {show.title}",
                slug=f"episode-{number}",
                episode_number=number,
                season=number // 100 + 1,
                rubric=self.rubrics[n % len(self.rubrics)],
                cover_image=self.images[n % len(self.images)],
                broadcast_at=timezone.now() - datetime.timedelta(days=n),
                body=[
                    f.heading("What happened"),
                    f.paragraph(f"<p>{sentence(n)}</p>"),
                    f.pull_quote(sentence(n + 1), speaker=self.people[n % len(self.people)]),
                    f.paragraph(f"<p>{sentence(n + 2)}</p>"),
                ],
            )
            EpisodeHost.objects.create(page=page, person=self.people[n % 2], sort_order=0)
            EpisodeGuest.objects.create(page=page, person=self.people[2 + n % 10], sort_order=0)
            page.tags.add(*self.rng.sample(TAGS, 2))
            self.filler_pages.append(page)

    def targets(self, count: int) -> list[EpisodePage]:
        """The next `count` distinct filler episodes, to link to."""
        return [
            self.filler_pages[next(self.link_targets) % len(self.filler_pages)]
            for _ in range(count)
        ]

    def faq(self, n: int, items: int, links: int) -> dict:
        targets = self.targets(links)
        return f.faq(
            [
                f.faq_item(
                    f"Question {i + 1} about {SUBJECTS[(n + i) % len(SUBJECTS)]}?",
                    f'<p>{sentence(n + i)} See <a linktype="page" id="{targets[i].pk}">'
                    "this episode</a>.</p>"
                    if i < len(targets)
                    else f"<p>{sentence(n + i)}</p>",
                    quote=sentence(n + i + 3),
                    speaker=self.people[(n + i) % len(self.people)],
                )
                for i in range(items)
            ]
        )

    def article_body(self) -> list[dict]:
        """44 blocks shaped like a real episode article: 7 sections, 4 subsections, 23
        paragraphs, 8 quotes, an image and an FAQ of 6 items; 50 internal links."""
        body: list[dict] = []
        paragraphs = quotes = 0
        for section in range(7):
            body.append(f.heading(f"Section {section + 1}: {SUBJECTS[section]}"))
            for sub in range(2 if section in (1, 3, 4, 5) else 1):
                if sub:
                    body.append(f.heading(f"A closer look at {SUBJECTS[section + 1]}", "h3"))
                for _ in range(2 if paragraphs < 18 else 1):
                    if paragraphs < 23:
                        # 22 paragraphs carry two links, one carries a document link too.
                        body.append(linked_paragraph(paragraphs, self.targets(2), 2))
                        paragraphs += 1
                if quotes < 8:
                    body.append(
                        f.pull_quote(
                            sentence(quotes + 7),
                            speaker=self.people[quotes % len(self.people)],
                            timestamp=f"{quotes * 4 + 1}:30",
                        )
                    )
                    quotes += 1
        while paragraphs < 23:
            body.append(linked_paragraph(paragraphs, self.targets(2), 2))
            paragraphs += 1
        body[1]["value"]["text"] = body[1]["value"]["text"].replace(
            "</p>", f' Notes: <a linktype="document" id="{self.document.pk}">download</a>.</p>'
        )
        body.insert(
            5,
            f.image(self.images[3], alt="A chart of the quarter", caption="Sales", credit="Studio"),
        )
        body.append(self.faq(100, 6, 4))
        return body

    def scaled_body(self, size: int) -> list[dict]:
        """`size` blocks cycling through every kind, links in about one block in four."""
        body = []
        for n in range(size):
            kind = BLOCK_CYCLE[n % len(BLOCK_CYCLE)]
            if kind == "h2":
                body.append(f.heading(f"Part {n}: {SUBJECTS[n % len(SUBJECTS)]}"))
            elif kind == "h3":
                body.append(f.heading(f"Detail {n}", "h3"))
            elif kind == "link":
                body.append(linked_paragraph(n, self.targets(1), 1))
            elif kind == "paragraph":
                body.append(f.paragraph(f"<p>{sentence(n)} <i>{sentence(n + 1)}</i></p>"))
            elif kind == "quote":
                body.append(f.pull_quote(sentence(n), speaker=self.people[n % len(self.people)]))
            elif kind == "image":
                body.append(f.image(self.images[n % len(self.images)], alt=f"Picture {n}"))
            else:
                body.append(self.faq(n, 2, 1))
        return body

    def featured(self, slug: str, number: int, body: list[dict]) -> EpisodePage:
        """A fully dressed, published episode (people, tags, related episodes, a revision)."""
        show = self.shows[0]
        page = f.EpisodePageFactory(
            parent=show,
            title=f"Featured episode {slug}",
            slug=slug,
            episode_number=number,
            season=1,
            headline=f"What we learned: {slug}",
            rubric=self.rubrics[0],
            cover_image=self.images[1],
            broadcast_at=timezone.now() - datetime.timedelta(hours=number),
            audio_duration=datetime.timedelta(minutes=58),
            summary=f'<p>{sentence(number)} <a linktype="page" id="{self.filler_pages[0].pk}">'
            "Previously</a>.</p>",
            body=body,
        )
        for order, person in enumerate(self.people[:2]):
            EpisodeHost.objects.create(page=page, person=person, sort_order=order)
        for order, person in enumerate(self.people[2:4]):
            EpisodeGuest.objects.create(page=page, person=person, sort_order=order)
        for order, related in enumerate(self.filler_pages[1:4]):
            RelatedEpisode.objects.create(page=page, episode=related, sort_order=order)
        page.tags.add("strategy", "growth", "retail")
        page.save()
        page.save_revision().publish()
        return page

    def build(self) -> dict[str, Any]:
        with transaction.atomic():
            self.base()
            self.filler()
            article = self.featured("the-article", 90_001, self.article_body())
            sized = {
                size: self.featured(f"blocks-{size}", 90_000 + size * 10, self.scaled_body(size))
                for size in self.sizes
            }
        links = sum(block_links(block) for block in article.body.raw_data)
        return {
            "article": {
                "id": article.pk,
                "path": "/show-0/the-article/",
                "blocks": len(article.body),
                "internal_links": links,
            },
            "sized": {str(size): page.pk for size, page in sized.items()},
            "episodes": EpisodePage.objects.count(),
            "people": Person.objects.count(),
        }


def block_links(raw: dict) -> int:
    return json.dumps(raw).count('linktype=\\"')


def refresh_statistics() -> None:
    """Planner statistics, as autovacuum would gather them on a live site after a bulk load."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def clear_cache() -> None:
    """Drop this benchmark's cache entries only (its own key prefix), never the whole server."""
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


def main() -> None:
    episodes = int(sys.argv[1])
    sizes = [int(size) for size in sys.argv[2].split(",")]
    started = time.perf_counter()
    clear_cache()
    facts = Builder(episodes, sizes).build()
    refresh_statistics()
    facts["build_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(facts))


if __name__ == "__main__":
    main()
