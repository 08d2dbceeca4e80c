"""Links between imported articles that pointed at the old site become page links."""

from episodes.models import EpisodePage, PodcastPage

from .rss import OLD_SITE, Item, rss


def paragraphs(page: EpisodePage) -> str:
    latest = page.get_latest_revision_as_object()
    return " ".join(b.value["text"].source for b in latest.body if b.block_type == "paragraph")


def test_feed_items_linking_each_other_get_page_links_even_forward(home_page, tmp_path, run_feed):
    items = [
        Item(3),
        Item(
            2, content='<p>As in <a href="http://old-radio.example/episodes/1">the first</a>.</p>'
        ),
        Item(
            1,
            content=(
                f'<p>Next: <a href="{OLD_SITE}/episodes/3/">the third</a>, and '
                f'<a href="https://www.old-radio.example/about">who we are</a>, and '
                '<a href="https://elsewhere.example/episodes/3/">a friend</a>.</p>'
            ),
        ),
    ]
    path = tmp_path / "feed.xml"
    path.write_text(rss(items), encoding="utf-8")
    first = run_feed(path)
    assert first.error == ""
    show = PodcastPage.objects.get(slug="bench-notes")
    by_number = {page.episode_number: page for page in EpisodePage.objects.child_of(show)}
    one, two, three = by_number[1], by_number[2], by_number[3]
    assert f'<a linktype="page" id="{three.pk}">the third</a>' in paragraphs(one)
    assert f'<a href="{OLD_SITE}/about">' not in paragraphs(one)  # no such page: kept as it was
    assert '<a href="https://www.old-radio.example/about">who we are</a>' in paragraphs(one)
    assert '<a href="https://elsewhere.example/episodes/3/">a friend</a>' in paragraphs(one)
    assert f'<a linktype="page" id="{one.pk}">the first</a>' in paragraphs(two)
    assert "relinked #1 Episode 1" in first.output
    assert "match no imported page (yet): https://www.old-radio.example/about" in first.output
    again = run_feed(path)
    assert "0 created, 0 updated, 3 unchanged" in again.output
    assert "relinked" not in again.output


def html_article(number: int, body: str) -> str:
    return (
        f'<html><head><link rel="canonical" href="{OLD_SITE}/articles/{number}/">'
        f'<meta name="broadcast-date" content="2024-03-0{number}"></head><body>'
        f'<h1>#{number} Atelier > Bench day {number}</h1><div class="entry-content">'
        f"<h2>Part</h2>{body}</div></body></html>"
    )


def test_html_articles_linking_each_other_get_page_links(show, tmp_path, run_import):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "1.html").write_text(
        html_article(1, f'<p>Then <a href="{OLD_SITE}/articles/2">day two</a>.</p>')
    )
    (folder / "2.html").write_text(
        html_article(2, f'<p>After <a href="{OLD_SITE}/articles/1/">day one</a>.</p>')
    )
    first = run_import(folder, "--show", show.slug)
    assert first.error == ""
    pages = {page.episode_number: page for page in EpisodePage.objects.child_of(show)}
    assert f'<a linktype="page" id="{pages[2].pk}">day two</a>' in paragraphs(pages[1])
    assert f'<a linktype="page" id="{pages[1].pk}">day one</a>' in paragraphs(pages[2])
    assert "relinked #1 Bench day 1" in first.output
    again = run_import(folder, "--show", show.slug)
    assert "0 created, 0 updated, 2 unchanged" in again.output
