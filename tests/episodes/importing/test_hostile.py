"""Hostile input: each bad article fails alone, in one line, fast, and leaves nothing behind."""

import time

import pytest
from wagtail.models import Revision

from episodes.importing.sources import Failure, read_file
from episodes.models import EpisodePage, Person, Rubric

from .test_command import article, episodes

DEEP = 50_000
TWENTY_MB = 20_000_000


def markdown(number: int, body: str = "## Part\n\nSome text.", **front: str) -> str:
    """A Markdown article; `front` adds or replaces front matter lines (raw YAML values)."""
    fields = {"title": f'"#{number} Atelier > Episode {number}"', "broadcast_date": "2024-03-01"}
    lines = [f"{key}: {value}" for key, value in (fields | front).items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\n{body}\n"


def nested(depth: int) -> str:
    # Line breaks between the tags: BeautifulSoup once took minutes on such deep text nodes.
    return "<div>\n" * depth + "<p>Deep down.</p>" + "</div>\n" * depth


def wxr(*posts: tuple[int, str, dict[str, str], list[str]]) -> str:
    """A WordPress export of (number, content, post meta, tags) posts."""
    items = []
    for number, content, meta, tags in posts:
        postmeta = "".join(
            f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
            f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
            for key, value in meta.items()
        )
        categories = "".join(f'<category domain="post_tag">{tag}</category>' for tag in tags)
        items.append(
            f"<item><title>#{number} Atelier &gt; Post {number}</title>"
            f"<link>https://old.example/{number}/</link>"
            "<pubDate>Wed, 04 Oct 2023 05:00:00 +0000</pubDate>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>"
            f"<wp:post_id>{number}</wp:post_id><wp:post_type>post</wp:post_type>"
            f"<wp:status>publish</wp:status>{postmeta}{categories}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        + "".join(items)
        + "</channel></rss>"
    )


LONG_TAG = "t" * 101
TAG_TOO_LONG = (
    f"tags: “{LONG_TAG[:39]}…”: Ensure this value has at most 100 characters (it has 101)."
)
NUMBER_TOO_LARGE = "episode_number: Ensure this value is less than or equal to"
NEGATIVE_SEASON = "season: Ensure this value is greater than or equal to 0."
TOO_DEEP = "the HTML is nested more than 100 elements deep"
BAD_DATE = "broadcast date “2023-02-30” is not a date"
NUMBER_META = '<head><meta name="episode-number" content="99999999999999999999">'
PARAGRAPH = "<h2>Part</h2><p>Text.</p>"
# (file, content, what its FAILED line must say): every kind of value or shape a real
# run once turned into a traceback, a database error or minutes of work.
HOSTILE = [
    ("md/invalid-date.md", markdown(20, broadcast_date="2023-02-30"), BAD_DATE),
    (
        "md/huge-duration.md",
        markdown(21, duration="12345678901234567890123"),
        "duration “12345678901234567890123” is too large",
    ),
    ("md/huge-number.md", markdown(22, episode_number="12345678901234567890"), NUMBER_TOO_LARGE),
    ("md/long-tag.md", markdown(23, tags=f"[{LONG_TAG}]"), TAG_TOO_LONG),
    (
        "md/negative-season.md",
        markdown(24, season="-5"),
        NEGATIVE_SEASON,
    ),
    (
        "md/year-9999.md",
        markdown(25, broadcast_date='"9999-12-31T23:00:00-05:00"'),
        "broadcast date “9999-12-31T23:00:00-05:00” is out of range",
    ),
    (
        "md/year-0001.md",
        markdown(26, broadcast_date="0001-01-01T00:30:00+05:00"),
        "broadcast date “0001-01-01T00:30:00+05:00” is out of range",
    ),
    ("md/deep.md", markdown(27, body=nested(DEEP)), TOO_DEEP),
    (
        "md/deep-lists.md",
        markdown(28, body="".join("    " * level + "- item\n" for level in range(600))),
        "line 102 of the Markdown is nested more than 100 levels deep",
    ),
    ("md/deep-quotes.md", markdown(29, body=">" * DEEP + " Deep."), "line 1 of the Markdown is"),
    (
        "md/deep-yaml.md",
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n\nText.\n",
        "front matter is nested too deep to read",
    ),
    (
        "html/invalid-date.html",
        article(30).replace("2024-03-04", "2023-02-30"),
        "broadcast-date “2023-02-30” is not a date",
    ),
    (
        "html/huge-duration.html",
        article(31, duration="1" * 23),
        "duration “11111111111111111111111” is too large",
    ),
    ("html/huge-number.html", article(32).replace("<head>", NUMBER_META), NUMBER_TOO_LARGE),
    ("html/long-tag.html", article(33, keywords=LONG_TAG), TAG_TOO_LONG),
    ("html/negative-season.html", article(39, season="-5"), NEGATIVE_SEASON),
    (
        "html/huge-title-number.html",
        article(40).replace("<h1>#40 ", "<h1>#" + "7" * 5000 + " "),
        "title “#77777777777777777777777777777777777777…” is too large (more than 20 digits)",
    ),
    ("html/deep-3000.html", article(34, body=nested(3000)), TOO_DEEP),
    ("html/deep-50000.html", article(35, body=nested(DEEP)), TOO_DEEP),
    (
        "html/too-many-elements.html",
        article(38, body="<p>x</p>" * 600_000),
        "the HTML has more than 50000 elements (limit IMPORT_MAX_ELEMENTS)",
    ),
    (
        "html/too-many-blocks.html",
        article(36, body="<p>One more.</p>" * 2001),
        "the article has more than 2000 blocks (limit IMPORT_MAX_BLOCKS)",
    ),
]
WXR_POSTS = [
    (40, PARAGRAPH, {"broadcast_date": "9999-12-31T23:00:00-05:00"}, []),
    (41, PARAGRAPH, {"season": "-5", "duration": "9" * 23}, []),
    (42, PARAGRAPH, {}, [LONG_TAG]),
    (43, nested(3000), {}, []),
    (44, nested(DEEP), {}, []),
    (45, PARAGRAPH, {"episode_number": "1" * 20}, []),
]
WXR_REASONS = {
    "#1 (post 40)": "broadcast_date “9999-12-31T23:00:00-05:00” is out of range",
    "#2 (post 41)": "duration “99999999999999999999999” is too large",
    "#3 (post 42)": TAG_TOO_LONG,
    "#4 (post 43)": TOO_DEEP,
    "#5 (post 44)": TOO_DEEP,
    "#6 (post 45)": NUMBER_TOO_LARGE,
}


def test_a_hostile_corpus_fails_file_by_file_without_a_traceback(show, run_import, tmp_path, write):
    for name, content, _ in HOSTILE:
        write(name, content)
    (tmp_path / "html" / "oversized.html").write_bytes(
        article(37).encode()[:-7] + b"<p>x</p>" * (TWENTY_MB // 8) + b"</html>"
    )
    write("export.xml", wxr(*WXR_POSTS, (46, PARAGRAPH, {}, ["fine"])))
    write("md/good.md", markdown(50))
    write("html/good.html", article(51))

    run = run_import(tmp_path, "--show", "test-show")

    failed = len(HOSTILE) + 1 + len(WXR_POSTS)
    total = failed + 3
    assert (
        f"{total} articles into “Test Show”: 3 created, 0 updated, 0 unchanged, {failed} failed"
        in run.output
    )
    assert run.error.startswith(f"{failed} of {total} articles failed:")
    assert "Traceback" not in run.output + run.error
    failures = [line for line in run.output.splitlines() if line.startswith("FAILED ")]
    assert len(failures) == failed
    for name, _, reason in HOSTILE:
        assert reason in _failure(failures, f"{tmp_path}/{name}: "), name
    assert "IMPORT_MAX_ARTICLE_BYTES" in _failure(failures, f"{tmp_path}/html/oversized.html: ")
    assert "the file is 20.0 MB, more than the limit of 5.0 MB" in run.output
    for place, reason in WXR_REASONS.items():
        assert reason in _failure(failures, f"{tmp_path}/export.xml{place}: "), place
    # Nothing of a failed article was written: no page, no revision, no tag, rubric or person.
    assert sorted(page.episode_number for page in episodes(show)) == [46, 50, 51]
    assert EpisodePage.objects.count() == 3
    assert Revision.page_revisions.count() == 3
    assert list(Rubric.objects.values_list("name", flat=True)) == ["Atelier"]
    assert not Person.objects.exists()
    assert not EpisodePage.tags.through.tag_model().objects.filter(name=LONG_TAG).exists()


def test_a_bad_file_between_good_ones_does_not_stop_the_batch(show, run_import, write):
    write("a.md", markdown(1))
    write("b.md", markdown(2, broadcast_date="2023-02-30"))
    path = write("c.md", markdown(3))

    run = run_import(path.parent, "--show", "test-show")

    assert "created #1 Episode 1" in run.output
    assert "created #3 Episode 3" in run.output
    assert f"FAILED {path.parent}/b.md: {BAD_DATE}" in run.output
    assert "3 articles into “Test Show”: 2 created, 0 updated, 0 unchanged, 1 failed" in run.output
    assert run.error == f"1 of 3 articles failed:\n  {path.parent}/b.md: {BAD_DATE}"
    assert sorted(page.episode_number for page in episodes(show)) == [1, 3]


def test_an_unexpected_error_fails_its_article_and_the_batch_goes_on(
    show, run_import, write, monkeypatch
):
    from episodes.importing.writer import EpisodeWriter

    check_show = EpisodeWriter._check_show

    def broken(self, article):
        if article.episode_number == 2:
            raise RuntimeError("something nobody\nforesaw")
        check_show(self, article)

    monkeypatch.setattr(EpisodeWriter, "_check_show", broken)
    for number in (1, 2, 3):
        path = write(f"{number}.md", markdown(number))

    run = run_import(path.parent, "--show", "test-show")

    assert (
        f"FAILED {path.parent}/2.md: unexpected RuntimeError: something nobody foresaw\n"
        in run.output
    )
    assert "2 created, 0 updated, 0 unchanged, 1 failed" in run.output
    assert sorted(page.episode_number for page in episodes(show)) == [1, 3]


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        (
            "IMPORT_MAX_ARTICLE_BYTES",
            100,
            "more than the limit of 100 bytes (IMPORT_MAX_ARTICLE_BYTES)",
        ),
        ("IMPORT_MAX_BLOCKS", 3, "the article has more than 3 blocks (limit IMPORT_MAX_BLOCKS)"),
        ("IMPORT_MAX_DEPTH", 5, "the HTML is nested more than 5 elements deep"),
        (
            "IMPORT_MAX_ELEMENTS",
            12,
            "the HTML has more than 12 elements (limit IMPORT_MAX_ELEMENTS)",
        ),
    ],
)
def test_each_limit_is_a_setting(show, run_import, write, settings, setting, value, reason):
    setattr(settings, setting, value)
    body = "<div><div><div><div>" + PARAGRAPH * 2 + "</div></div></div></div>"

    run = run_import(write("a.html", article(60, body=body)), "--show", "test-show")

    assert reason in run.error
    assert not episodes(show).exists()


def test_nesting_up_to_the_limit_imports(show, run_import, write):
    # html > body > div.entry-content > 90 divs > p: within IMPORT_MAX_DEPTH (100), and deep
    # enough that a recursive walk without the limit would be the next thing to break.
    run = run_import(write("a.html", article(61, body=nested(90))), "--show", "test-show")

    assert "1 created" in run.output
    assert episodes(show).get().get_latest_revision_as_object().body[0].value["text"].source == (
        "<p>Deep down.</p>"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.html", article(70, body=nested(DEEP))),
        ("deep.xml", wxr((71, nested(DEEP), {}, []))),
        ("big.html", "<p>x</p>" * (TWENTY_MB // 8)),
    ],
)
def test_huge_and_deep_inputs_are_refused_fast(write, name, content):
    path = write(name, content)

    started = time.perf_counter()
    results = list(read_file(path, path.parent))
    elapsed = time.perf_counter() - started

    assert len(results) == 1
    assert isinstance(results[0], Failure)
    assert "limit" in results[0].reason
    # Well under a second on an idle machine; the margin is for a loaded one.
    assert elapsed < 3, f"{name} took {elapsed:.2f} s to refuse"


def _failure(lines: list[str], prefix: str) -> str:
    """The FAILED line that starts with `prefix`, without the prefix."""
    found = [line for line in lines if line.startswith(f"FAILED {prefix}")]
    assert len(found) == 1, (prefix, lines)
    return found[0][len(f"FAILED {prefix}") :]
