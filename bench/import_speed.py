"""How fast import_episodes turns articles into pages, against plain Wagtail page creation.

Generates N articles shaped like a real episode article (7 sections, 4 subsections,
24 paragraphs, 9 quotes, an FAQ of 6 questions with their quotes), as HTML pages,
Markdown files and one WordPress export, then times in the same run:

- reading only (parse and map, no database),
- import_episodes creating the pages (HTML, Markdown, WXR),
- import_episodes again on the same HTML (every article unchanged),
- plain Wagtail: add_child + save_revision of the same bodies built directly.

Usage: .venv/bin/python bench/import_speed.py [--articles 200]
Uses a throwaway test database: SQLite by default, or the server DATABASE_URL names.
"vs plain" is the speed relative to plain Wagtail (above 1 is faster), by wall and CPU time.
"""

import argparse
import datetime
import io
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from episodes import factories  # noqa: E402
from episodes.importing.sources import find_files, read_file  # noqa: E402
from episodes.models import EpisodePage  # noqa: E402
from home.factories import HomePageFactory  # noqa: E402

WORDS = [
    "antenne",
    "auditeur",
    "studio",
    "micro",
    "montage",
    "voix",
    "rythme",
    "question",
    "reportage",
    "chronique",
    "invité",
    "écoute",
    "abonnement",
    "épisode",
    "saison",
    "récit",
    "silence",
    "public",
    "mesure",
    "format",
    "plateforme",
    "lettre",
    "rédaction",
    "promesse",
    "habitude",
    "confiance",
    "terrain",
    "conversation",
    "enregistrement",
    "minute",
]
# A section is a list of paragraphs ("p"), quotes ("q") and (heading, its items) subsections.
SHAPE: list[list[str | tuple[str, list[str]]]] = [
    ["p", "p"],
    ["p", "q", "p"],
    ["p", "q", "p", "q", "p"],
    ["p", ("h3", ["p", "q", "p"]), ("h3", ["p", "q", "p"])],
    ["p", ("h3", ["p", "q", "p"]), ("h3", ["p", "q", "p"])],
    ["p", "p", "q", "p", "q", "p"],
    ["p", "p", "p"],
]
SPEAKERS = ["Camille Roux", "Malik Benali", "Inès Morel"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph_text(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 5)))


class Article:
    """One generated article: the same content rendered in every source format."""

    def __init__(self, number: int, rng: random.Random):
        self.number = number
        self.title = sentence(rng, 6).rstrip(".")
        self.date = datetime.date(2023, 1, 1) + datetime.timedelta(days=number)
        self.items: list[tuple] = []
        for section in SHAPE:
            self.items.append(("h2", sentence(rng, 5).rstrip(".")))
            for entry in section:
                if isinstance(entry, tuple):
                    self.items.append(("h3", sentence(rng, 4).rstrip(".")))
                    self.items += [self._item(kind, rng) for kind in entry[1]]
                else:
                    self.items.append(self._item(entry, rng))
        self.faq = [
            (sentence(rng, 7).rstrip(".") + " ?", paragraph_text(rng), sentence(rng, 9))
            for _ in range(6)
        ]

    def _item(self, kind: str, rng: random.Random) -> tuple:
        if kind == "p":
            return ("p", paragraph_text(rng))
        return ("q", sentence(rng, 12), rng.choice(SPEAKERS))

    def html(self) -> str:
        parts = []
        for item in self.items:
            if item[0] in ("h2", "h3"):
                parts.append(f"<{item[0]}>{item[1]}</{item[0]}>")
            elif item[0] == "p":
                parts.append(f"<p>{item[1]}</p>")
            else:
                parts.append(f"<blockquote><p>{item[1]}</p><cite>{item[2]}</cite></blockquote>")
        parts.append("<h2>Foire aux questions</h2>")
        for question, answer, quote in self.faq:
            parts.append(f"<h3>{question}</h3><p>{answer}</p><blockquote><p>{quote}</p>")
            parts.append(f"<cite>{SPEAKERS[0]}</cite></blockquote>")
        parts.append("<h2>Épisodes similaires</h2>")
        return "".join(parts)

    def page(self) -> str:
        return (
            f'<!doctype html><html><head><meta charset="utf-8"><title>{self.title}</title>'
            "</head><body><article><header>"
            f"<h1>#{self.number} Bench &gt; {self.title}</h1>"
            f"<p>Episode broadcast on {self.date:%d %B %Y} by Bench</p>"
            '</header><div class="entry-content"><p>Listen to the episode:</p>'
            f'<audio src="https://audio.example/{self.number}.mp3"></audio>{self.html()}'
            "</div></article></body></html>"
        )

    def markdown(self) -> str:
        lines = [
            "---",
            f'title: "#{self.number} Bench > {self.title}"',
            f"broadcast_date: {self.date.isoformat()}",
            "---",
            "",
        ]
        for item in self.items:
            if item[0] in ("h2", "h3"):
                lines.append(f"{'#' * int(item[0][1])} {item[1]}")
            elif item[0] == "p":
                lines.append(item[1])
            else:
                lines.append(f"> {item[1]}\n>\n> — {item[2]}")
            lines.append("")
        lines += ["## Foire aux questions", ""]
        for question, answer, quote in self.faq:
            lines += [f"### {question}", "", answer, "", f"> {quote}\n>\n> — {SPEAKERS[0]}", ""]
        return "\n".join(lines)

    def wxr_item(self) -> str:
        return (
            f"<item><title><![CDATA[#{self.number} Bench > {self.title}]]></title>"
            f"<link>https://bench.example/{self.number}/</link>"
            f"<content:encoded><![CDATA[{self.html()}]]></content:encoded>"
            f"<wp:post_id>{self.number}</wp:post_id>"
            f"<wp:post_date_gmt>{self.date.isoformat()} 07:00:00</wp:post_date_gmt>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
        )

    def raw_body(self) -> list[dict]:
        """The body the importer produces, built directly for plain Wagtail."""
        body = []
        for item in self.items:
            if item[0] in ("h2", "h3"):
                body.append(factories.heading(item[1], item[0]))
            elif item[0] == "p":
                body.append(factories.paragraph(f"<p>{item[1]}</p>"))
            else:
                body.append(factories.pull_quote(item[1], speaker_name=item[2]))
        items = [
            factories.faq_item(q, f"<p>{a}</p>", quote, speaker_name=SPEAKERS[0])
            for q, a, quote in self.faq
        ]
        body.append(factories.faq(items, title="Foire aux questions"))
        return body


def write_sources(articles: list[Article], folder: Path) -> dict[str, Path]:
    html, markdown = folder / "html", folder / "markdown"
    html.mkdir()
    markdown.mkdir()
    for article in articles:
        (html / f"{article.number}.html").write_text(article.page(), encoding="utf-8")
        (markdown / f"{article.number}.md").write_text(article.markdown(), encoding="utf-8")
    export = folder / "export.xml"
    export.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        + "".join(article.wxr_item() for article in articles)
        + "</channel></rss>",
        encoding="utf-8",
    )
    return {"html": html, "markdown": markdown, "wxr": export}


def timed(action) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run (CPU time is steadier on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def import_into(slug: str, path: Path) -> None:
    out = io.StringIO()
    call_command("import_episodes", str(path), "--podcast", slug, verbosity=0, stdout=out)
    if "0 failed" not in out.getvalue():
        raise SystemExit(f"import into {slug} failed:\n{out.getvalue()}")


def plain_wagtail(show, articles: list[Article]) -> None:
    for article in articles:
        page = EpisodePage(
            title=article.title,
            slug=f"{article.number}-plain",
            episode_number=article.number,
            broadcast_at=timezone.make_aware(
                datetime.datetime.combine(article.date, datetime.time())
            ),
            audio_url=f"https://audio.example/{article.number}.mp3",
            body=article.raw_body(),
            live=False,
        )
        show.add_child(instance=page)
        page.save_revision()


def main() -> None:
    # Wagtail logs each page saved; the plain-Wagtail run would print two lines per page.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    count = parser.parse_args().articles
    rng = random.Random(7)
    articles = [Article(number, rng) for number in range(1, count + 1)]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench")
        shows = {
            name: factories.PodcastPageFactory(parent=home, title=name, slug=name)
            for name in ("html", "markdown", "wxr", "plain")
        }
        with tempfile.TemporaryDirectory() as folder:
            sources = write_sources(articles, Path(folder))
            results = {
                "read only (HTML, no database)": timed(
                    lambda: [
                        result
                        for path, root in find_files([str(sources["html"])])
                        for result in read_file(path, root)
                    ]
                ),
                "plain Wagtail (add_child + save_revision)": timed(
                    lambda: plain_wagtail(shows["plain"], articles)
                ),
            }
            for name in ("html", "markdown", "wxr"):
                results[f"import_episodes, {name}, create"] = timed(
                    lambda name=name: import_into(name, sources[name])
                )
            results["import_episodes, html, all unchanged"] = timed(
                lambda: import_into("html", sources["html"])
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    plain_wall, plain_cpu = results["plain Wagtail (add_child + save_revision)"]
    print(f"{count} articles, database {connection.vendor}, Python {sys.version.split()[0]}")
    print(f"{'run':46} {'wall s':>7} {'art/s':>6} {'vs plain':>8} {'cpu s':>7} {'vs plain':>8}")
    for name, (wall, cpu) in results.items():
        print(
            f"{name:46} {wall:7.2f} {count / wall:6.1f} {plain_wall / wall:7.2f}x "
            f"{cpu:7.2f} {plain_cpu / cpu:7.2f}x"
        )


if __name__ == "__main__":
    main()
