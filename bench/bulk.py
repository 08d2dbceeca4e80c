"""Builds large published data sets in bulk: N episodes across 50 shows, in minutes.

Run inside Django (`python -m bench.bulk EPISODES [--shows 50] [--stored all|none|N]`); prints
what it made as JSON. Episodes are written the way Wagtail's publish leaves them, without
going through it page by page (which costs ~50 ms each): tree rows (`path`, `depth`,
`numchild`, `url_path`) computed here, a revision each holding the page's serialized content
and set as its live and latest revision, a `wagtail.publish` log entry, the reference index
and the search index filled in bulk. tests/bench/test_bulk.py re-publishes bulk pages through
Wagtail and checks that nothing a reader or editor sees changes.
"""

import argparse
import datetime
import json
import random
import time
from collections.abc import Iterator
from typing import Any

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Max, QuerySet  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from bench.client import BENCH_PASSWORD, BENCH_USER  # noqa: E402
from episodes import factories as f  # noqa: E402
from episodes.models import (  # noqa: E402
    EpisodeGuest,
    EpisodeHost,
    EpisodePage,
    EpisodeTag,
    PodcastPage,
    RelatedEpisode,
)
from episodes.snippets import Person, Rubric  # noqa: E402
from home.factories import HomePageFactory  # noqa: E402

SUBJECTS = [
    "pricing",
    "hiring",
    "retention",
    "logistics",
    "margins",
    "marketplaces",
    "subscriptions",
    "fundraising",
    "churn",
    "onboarding",
    "wholesale",
    "partnerships",
]
TAGS = [f"{subject}-{kind}" for subject in SUBJECTS for kind in ("case", "method", "numbers")]
CHUNK = 1000
# Models given explicit ids here, whose id sequences are moved past them afterwards.
EXPLICIT_IDS = [Page, Revision, EpisodeHost, EpisodeGuest, RelatedEpisode, EpisodeTag]


def sentence(n: int) -> str:
    subject = SUBJECTS[n % len(SUBJECTS)]
    return (
        f"The founders changed how they handle {subject} after a hard season, "
        f"and tracked what moved over the next {n % 12 + 2} months."
    )


def next_ids(model: Any, count: int) -> Iterator[int]:
    start = (model._base_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
    return iter(range(start, start + count))


def reset_sequences() -> None:
    """Move the id sequences (PostgreSQL) past the ids given explicitly."""
    statements = connection.ops.sequence_reset_sql(no_style(), EXPLICIT_IDS)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class BulkBuilder:
    """Makes one data set; `rng` keeps every run's data the same."""

    def __init__(self, episodes: int, shows: int = 50, feed_episodes: int = 1000) -> None:
        self.episodes_wanted = episodes
        self.show_count = shows
        # The first show holds this many (or half of all) episodes: its feed is measured.
        self.feed_episodes = min(feed_episodes, max(1, episodes // 2)) if shows > 1 else episodes
        self.rng = random.Random(17)
        self.now = timezone.now().replace(microsecond=0)

    # The parts built page by page (few) ------------------------------------------------------

    def base(self) -> None:
        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        self.home = HomePageFactory(parent=root, intro="Conversations about how companies work.")
        Site.objects.all().delete()
        self.site = Site.objects.create(
            hostname="localhost", port=80, root_page=self.home, is_default_site=True
        )
        self.images = [
            f.ImageFactory(file__width=1200, file__height=675, file__filename=f"bulk-{i}.png")
            for i in range(10)
        ]
        # The factories return the model; their stubs say otherwise.
        self.people: list[Person] = [
            f.PersonFactory(  # type: ignore[misc]
                name=f"Speaker {i}",
                role="Host" if i < self.show_count else "Founder",
                photo=self.images[i % len(self.images)],
            )
            for i in range(self.show_count + 30)
        ]
        self.rubrics = [f.RubricFactory(name=f"Topic {i}", slug=f"topic-{i}") for i in range(10)]
        self.tags = [Tag.objects.get_or_create(name=name, slug=name)[0] for name in TAGS]
        self.shows = [
            f.PodcastPageFactory(
                parent=self.home,
                title=f"Show {i}",
                slug=f"show-{i}",
                artwork=self.images[i % len(self.images)],
                published=True,
            )
            for i in range(self.show_count)
        ]
        user_model = get_user_model()
        if not user_model.objects.filter(username=BENCH_USER).exists():
            user_model.objects.create_superuser(BENCH_USER, "bench@example.com", BENCH_PASSWORD)

    # Episodes in bulk ------------------------------------------------------------------------

    def plan(self) -> list[tuple[int, int]]:
        """(show index, episode number) of every episode, in creation order."""
        counts = [self.feed_episodes] + [0] * (self.show_count - 1)
        for n in range(self.episodes_wanted - self.feed_episodes):
            counts[1 + n % (self.show_count - 1)] += 1
        plan: list[tuple[int, int]] = []
        for number in range(1, max(counts) + 1):
            plan += [(show, number) for show, count in enumerate(counts) if count >= number]
        return plan

    def link(self, target: int, n: int) -> str:
        return f'<a linktype="page" id="{target}">the episode on {SUBJECTS[n % len(SUBJECTS)]}</a>'

    def body(self, n: int, targets: list[int]) -> list[dict]:
        """About 20 blocks: three sections with linked paragraphs and quotes, an image, an FAQ."""
        people = self.people
        body: list[dict] = []
        for section in range(3):
            minute = section * 12 + 2
            body.append(
                f.heading(f"Part {section + 1}: {SUBJECTS[(n + section) % len(SUBJECTS)]}", "h2")
            )
            body[-1]["value"]["timestamp"] = f"{minute}:00"
            body.append(
                f.paragraph(
                    f"<p>{sentence(n + section)} As we heard in "
                    f"{self.link(targets[section], n + section)}, the <b>numbers</b> told a "
                    f"different story from the plan. {sentence(n + section + 5)}</p>"
                )
            )
            body.append(f.paragraph(f"<p>{sentence(n + section + 1)} <i>{sentence(n)}</i></p>"))
            body.append(
                f.pull_quote(
                    sentence(n + section + 2),
                    speaker=people[self.show_count + (n + section) % 30],
                    timestamp=f"{minute + 4}:30",
                )
            )
            if section == 1:
                body.append(f.heading("What they would do again", "h3"))
                body.append(
                    f.paragraph(f"<p>{sentence(n + 7)} Compare {self.link(targets[3], n + 1)}.</p>")
                )
            if section == 0:
                body.append(
                    f.image(
                        self.images[n % len(self.images)],
                        alt=f"The team behind story {n}",
                        caption="In the studio",
                        credit="Studio",
                    )
                )
        questions = [
            f.faq_item(
                f"How did they approach {SUBJECTS[(n + i) % len(SUBJECTS)]}?",
                f"<p>{sentence(n + i)} More in {self.link(targets[4 + i], n + i)}.</p>",
                quote=sentence(n + i + 3),
                speaker=people[self.show_count + (n + i + 1) % 30],
            )
            for i in range(3)
        ]
        # Items with ids, as the admin saves a list (without, each read invents new ones).
        body.append(f.faq([f.block("item", question) for question in questions]))
        return body

    def episodes(self) -> int:
        plan = self.plan()
        total = len(plan)
        page_ids = list(next_ids(Page, total))
        revision_ids = list(next_ids(Revision, total))
        self.child_ids = {
            model: next_ids(model, total * 3)
            for model in (EpisodeHost, EpisodeGuest, RelatedEpisode, EpisodeTag)
        }
        self.types = {
            "episode": ContentType.objects.get_for_model(EpisodePage),
            "page": ContentType.objects.get_for_model(Page),
        }
        self.locale = Locale.get_default()
        self.numbers_of: dict[int, int] = {}
        self.show_episode_ids: list[list[int]] = [[] for _ in self.shows]
        for index, (show, _) in enumerate(plan):
            self.show_episode_ids[show].append(page_ids[index])
        # One transaction: links and related episodes point at episodes of later chunks too.
        with transaction.atomic():
            for start in range(0, total, CHUNK):
                rows = range(start, min(start + CHUNK, total))
                self.write_chunk([(plan[i], page_ids[i], revision_ids[i], i) for i in rows])
            for show, ids in zip(self.shows, self.show_episode_ids, strict=True):
                Page.objects.filter(pk=show.pk).update(numchild=len(ids))
            reset_sequences()
        return total

    def episode(self, show_index: int, number: int, page_id: int, revision_id: int, n: int):
        show = self.shows[show_index]
        siblings = self.show_episode_ids[show_index]
        # Links and related episodes point at neighbours in the same show, older and newer.
        targets = [
            siblings[(number - 1 + step) % len(siblings)] for step in (1, -1, 2, -2, 3, -3, 4)
        ]
        published = self.now - datetime.timedelta(minutes=n)
        slug = f"episode-{number}"
        page = EpisodePage(
            id=page_id,
            page_ptr_id=page_id,
            title=f"{show.title}, episode {number}: {SUBJECTS[n % len(SUBJECTS)]}",
            draft_title="",
            slug=slug,
            path=EpisodePage._get_path(show.path, show.depth + 1, number),
            depth=show.depth + 1,
            numchild=0,
            url_path=f"{show.url_path}{slug}/",
            content_type=self.types["episode"],
            locale=self.locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            live_revision_id=revision_id,
            latest_revision_id=revision_id,
            episode_number=number,
            season=number // 50 + 1,
            rubric=self.rubrics[n % len(self.rubrics)],
            headline=f"What {show.title} learned about {SUBJECTS[(n + 3) % len(SUBJECTS)]}",
            broadcast_at=published - datetime.timedelta(days=1),
            audio_url=f"https://audio.example.com/{show.slug}/{slug}.mp3",
            audio_duration=datetime.timedelta(minutes=45 + n % 30),  # past every quote's timestamp
            audio_size=30_000_000 + n,
            audio_mime_type="audio/mpeg",
            cover_image=self.images[n % len(self.images)],
            summary=f"<p>{sentence(n)} See also {self.link(targets[0], n)}.</p>",
            body=self.body(n, targets),
        )
        page.draft_title = page.title
        page.host_links = [
            EpisodeHost(
                id=next(self.child_ids[EpisodeHost]), person=self.people[show_index], sort_order=0
            )
        ]
        guests = self.rng.sample(self.people[self.show_count :], 2)
        page.guest_links = [
            EpisodeGuest(id=next(self.child_ids[EpisodeGuest]), person=person, sort_order=order)
            for order, person in enumerate(guests)
        ]
        page.related_links = [
            RelatedEpisode(id=next(self.child_ids[RelatedEpisode]), episode_id=target, sort_order=i)
            for i, target in enumerate(targets[:3])
            if target != page_id
        ]
        page.tagged_items = [
            EpisodeTag(id=next(self.child_ids[EpisodeTag]), tag=tag)
            for tag in self.rng.sample(self.tags, 3)
        ]
        revision = Revision(
            id=revision_id,
            content_type=self.types["episode"],
            base_content_type=self.types["page"],
            object_id=str(page_id),
            object_str=page.title,
            created_at=published,
            content=page.serializable_data(),
        )
        return page, revision

    def write_chunk(self, rows: list[tuple[tuple[int, int], int, int, int]]) -> None:
        built = [self.episode(show, number, pid, rid, n) for (show, number), pid, rid, n in rows]
        pages = [page for page, _ in built]
        Revision.objects.bulk_create([revision for _, revision in built])
        page_fields = [field.attname for field in Page._meta.concrete_fields]
        Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages]
        )
        # Django refuses bulk_create on a multi-table child; its own rows go in as save_base(raw)
        # would write them, one INSERT per batch.
        episodes: QuerySet[EpisodePage] = EpisodePage.objects.all()
        episodes._for_write = True  # type: ignore[attr-defined]
        episodes._batched_insert(pages, EpisodePage._meta.local_concrete_fields, batch_size=200)  # type: ignore[attr-defined]
        for model, relation in (
            (EpisodeHost, "host_links"),
            (EpisodeGuest, "guest_links"),
            (RelatedEpisode, "related_links"),
            (EpisodeTag, "tagged_items"),
        ):
            model.objects.bulk_create(
                [child for page in pages for child in getattr(page, relation).all()]
            )
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type=self.types["episode"],
                    page_id=page.pk,
                    revision_id=revision.pk,
                    label=page.title,
                    action="wagtail.publish",
                    timestamp=page.last_published_at,
                    content_changed=True,
                    data={},
                )
                for page, revision in built
            ]
        )
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=self.types["episode"],
                    base_content_type=self.types["page"],
                    object_id=str(page.pk),
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in pages
                for to_type, to_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ]
        )
        get_search_backend().add_bulk(EpisodePage, pages)

    # Stored representations ------------------------------------------------------------------

    def store(self, limit: int | None) -> dict[str, Any]:
        """Render and store the detail answers of the episodes (the first `limit`, or all)."""
        from frontend_api.loading.sites import all_sites
        from frontend_api.stored.tasks import render_stored

        site = next(site for site in all_sites() if site.id == self.site.pk)
        ids = list(
            EpisodePage.objects.order_by("path").values_list("pk", flat=True)[:limit]
            if limit is not None
            else EpisodePage.objects.order_by("path").values_list("pk", flat=True)
        )
        started = time.perf_counter()
        stored = sum(render_stored(pk, site) for pk in ids)
        seconds = time.perf_counter() - started
        return {"stored": stored, "store_seconds": round(seconds, 1)}

    def build(self) -> dict[str, Any]:
        started = time.perf_counter()
        with transaction.atomic():
            self.base()
        made = self.episodes()
        seconds = time.perf_counter() - started
        return {"episodes": made, "shows": len(self.shows), "insert_seconds": round(seconds, 1)}

    def facts(self) -> dict[str, Any]:
        """The pages and paths the benchmark requests."""
        feed_show = self.shows[0]
        # Early in path order, so that it is among the episodes whose answers are stored.
        article = EpisodePage.objects.child_of(feed_show).get(
            episode_number=min(10, self.feed_episodes)
        )
        return {
            "article": {"id": article.pk, "path": f"/{feed_show.slug}/{article.slug}/"},
            "feed_show": {"slug": feed_show.slug, "episodes": self.feed_episodes},
            "chapters": f"/feeds/{feed_show.slug}/chapters/{article.episode_number}.json",
            "person_id": self.people[0].pk,
            "site_id": self.site.pk,
            "episode_count": EpisodePage.objects.count(),
            "show_count": PodcastPage.objects.count(),
            "people": Person.objects.count(),
            "rubrics": Rubric.objects.count(),
        }


def refresh_statistics() -> None:
    """Planner statistics, as autovacuum would gather them on a live site after a bulk load."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("episodes", type=int)
    parser.add_argument("--shows", type=int, default=50)
    parser.add_argument("--feed-episodes", type=int, default=1000)
    parser.add_argument(
        "--stored", default="all", help="stored answers to render: all, none or a count"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    builder = BulkBuilder(args.episodes, args.shows, args.feed_episodes)
    facts = builder.build()
    refresh_statistics()
    facts.update(builder.facts())
    if args.stored != "none":
        facts.update(builder.store(None if args.stored == "all" else int(args.stored)))
    return facts


if __name__ == "__main__":
    print(json.dumps(main()))
