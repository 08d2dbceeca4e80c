"""Each rule of the HTML-to-blocks mapping, on small pages written for the rule."""

# ruff: noqa: RUF001 (French typography in the fixtures' text)

import datetime
import json

import pytest
from PIL import Image

from episodes.importing.article import ArticleError, Heading, Paragraph, Picture, Quote
from episodes.importing.html_page import read_html


def page(body: str, head: str = "", title: str = "#7 Atelier > Un titre") -> str:
    return (
        "<!doctype html><html><head>"
        '<meta name="broadcast-date" content="2024-05-02">'
        f"{head}</head><body><article><h1>{title}</h1>"
        f'<div class="entry-content">{body}</div></article></body></html>'
    )


@pytest.fixture
def read(write):
    def read(body: str, head: str = "", **kwargs):
        path = write("article.html", page(body, head, **kwargs))
        return read_html(path, path.parent)

    return read


def kinds(article) -> list[str]:
    return [type(block).__name__ for block in article.blocks]


# Headings


def test_h2_h3_h4_become_headings_of_the_same_level(read):
    article = read("<h2>A</h2><p>x</p><h3>B</h3><p>y</p><h4>C</h4><p>z</p>")

    headings = [block for block in article.blocks if isinstance(block, Heading)]
    assert [(h.text, h.level) for h in headings] == [("A", 2), ("B", 3), ("C", 4)]


def test_skipped_levels_are_moved_up_and_reported(read):
    article = read("<h3>Starts low</h3><p>x</p><h2>Back</h2><h4>Too deep</h4><p>y</p>")

    assert [b.level for b in article.blocks if isinstance(b, Heading)] == [2, 2, 3]
    assert any("“Too deep” moved from h4 to h3" in warning for warning in article.warnings)


def test_h5_and_a_second_h1_are_kept_as_the_nearest_allowed_level(read):
    article = read("<h2>A</h2><h3>B</h3><h4>C</h4><h5>E</h5><p>x</p><h1>Other</h1><p>y</p>")

    levels = [(b.text, b.level) for b in article.blocks if isinstance(b, Heading)]
    assert levels == [("A", 2), ("B", 3), ("C", 4), ("E", 4), ("Other", 2)]
    assert "<h5> “E” imported as a level 4 heading" in article.warnings


def test_heading_ids_become_anchors_when_valid_and_unique(read):
    article = read(
        '<h2 id="intro">A</h2><p>x</p><h2 id="Mixed_Case">B</h2><p>y</p>'
        '<h2 id="intro">C</h2><p>z</p>'
    )

    assert [b.anchor for b in article.blocks if isinstance(b, Heading)] == [
        "intro",
        "mixed-case",
        "",
    ]


@pytest.mark.parametrize(
    "heading",
    [
        '<h2 data-timestamp="4:05">Section</h2>',
        "<h2>Section <time>4:05</time></h2>",
        "<h2>[4:05] Section</h2>",
        "<h2>Section (4:05)</h2>",
    ],
)
def test_heading_timestamps_are_read_from_attribute_time_or_brackets(read, heading):
    article = read(f"{heading}<p>x</p>")

    assert article.blocks[0] == Heading("Section", 2, "", "4:05")


# Paragraphs and lists


def test_paragraph_keeps_only_the_features_the_block_allows(read):
    article = read(
        '<p class="lead">A <strong>bold</strong> and <em>italic</em> <span style="color:red">word'
        '</span>, <u>underlined</u>, <a href="https://example.org/a" target="_blank">a link</a>'
        ' and <a href="javascript:alert(1)">a trap</a>.</p>'
    )

    assert article.blocks == [
        Paragraph(
            "<p>A <b>bold</b> and <i>italic</i> word, underlined, "
            '<a href="https://example.org/a">a link</a> and a trap.</p>'
        )
    ]
    assert any("<span>" in w and "<u>" in w for w in article.warnings)


def test_lists_become_paragraph_blocks(read):
    article = read(
        "<p>Three things:</p><ul><li><p>one</p></li><li>two</li></ul><ol><li>first</li></ol>"
    )

    assert article.blocks == [
        Paragraph("<p>Three things:</p>"),
        Paragraph("<ul><li>one</li><li>two</li></ul>"),
        Paragraph("<ol><li>first</li></ol>"),
    ]


def test_text_outside_paragraphs_is_wrapped_and_empty_paragraphs_dropped(read):
    article = read("<div>Loose <b>text</b><p>&nbsp;</p><p></p></div><p>Next</p>")

    assert article.blocks == [Paragraph("<p>Loose <b>text</b></p>"), Paragraph("<p>Next</p>")]


def test_unsupported_elements_are_reported(read):
    article = read(
        '<p>x</p><table><tr><td>cell</td></tr></table><iframe src="https://v.example/1"></iframe>'
    )

    assert kinds(article) == ["Paragraph"]
    assert "skipped <table>: no block for it (cell)" in article.warnings
    assert "skipped <iframe>: no block for it (https://v.example/1)" in article.warnings


# Quotes


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        ("<blockquote><p>Words.</p><cite>Ada Lovelace</cite></blockquote>", "Ada Lovelace"),
        ("<blockquote><p>Words.</p><footer>— Ada Lovelace</footer></blockquote>", "Ada Lovelace"),
        ("<blockquote><p>Words.</p><p>— Ada Lovelace</p></blockquote>", "Ada Lovelace"),
        ("<blockquote><p>“Words.” – Ada Lovelace</p></blockquote>", "Ada Lovelace"),
        ("<blockquote><p>Words.</p></blockquote>", ""),
    ],
)
def test_blockquote_becomes_a_pull_quote_with_its_speaker(read, quote, speaker):
    article = read(quote)

    assert article.blocks == [Quote("Words.", speaker)]


def test_a_dash_inside_a_quote_is_not_taken_for_a_speaker(read):
    article = read("<blockquote><p>We tried — and it worked for years</p></blockquote>")

    assert article.blocks == [Quote("We tried — and it worked for years", "")]


def test_quote_marks_are_removed_and_timestamps_read(read):
    article = read(
        '<blockquote><p>« Mots. »</p><cite>Ada, <time datetime="1:02:03">à 1 h 02</time></cite>'
        '</blockquote><blockquote data-timestamp="12:34"><p>"More."</p></blockquote>'
        "<blockquote><p>Last.</p><cite>Grace (5:06)</cite></blockquote>"
    )

    assert article.blocks == [
        Quote("Mots.", "Ada", "1:02:03"),
        Quote("More.", "", "12:34"),
        Quote("Last.", "Grace", "5:06"),
    ]


# FAQ


@pytest.mark.parametrize("title", ["FAQ", "Foire Aux Questions", "Frequently asked questions"])
def test_a_heading_named_faq_opens_one_faq_block(read, title):
    article = read(
        f"<h2>Before</h2><p>x</p><h2>{title}</h2>"
        "<h3>First?</h3><p>Answer one.</p><blockquote><p>Said.</p><cite>Ada</cite></blockquote>"
        "<h3>Second?</h3><p>Answer two.</p><ul><li>and a list</li></ul>"
        "<h2>After</h2><p>y</p>"
    )

    assert kinds(article) == ["Heading", "Paragraph", "Faq", "Heading", "Paragraph"]
    faq = article.blocks[2]
    assert faq.title == title
    assert [(i.question, i.answer_html) for i in faq.items] == [
        ("First?", "<p>Answer one.</p>"),
        ("Second?", "<p>Answer two.</p><ul><li>and a list</li></ul>"),
    ]
    assert faq.items[0].quote == Quote("Said.", "Ada")
    assert faq.items[1].quote is None


def test_bold_paragraphs_are_questions_inside_an_faq_section(read):
    article = read("<h2>FAQ</h2><p><strong>Why?</strong></p><p>Because.</p>")

    assert article.blocks[0].items[0].question == "Why?"


def test_section_faq_and_details_items(read):
    article = read(
        '<section class="faq"><h2>Your questions</h2>'
        "<details><summary>Where?</summary><p>Here.</p>"
        "<blockquote><p>Right here.</p><cite>Ada</cite></blockquote></details>"
        "<details><summary>When?</summary><p>Now.</p></details></section>"
    )

    assert kinds(article) == ["Faq"]
    faq = article.blocks[0]
    assert faq.title == "Your questions"
    assert [(i.question, i.answer_html) for i in faq.items] == [
        ("Where?", "<p>Here.</p>"),
        ("When?", "<p>Now.</p>"),
    ]
    assert faq.items[0].quote == Quote("Right here.", "Ada")


def test_yoast_faq_block(read):
    article = read(
        '<div class="schema-faq wp-block-yoast-faq-block"><div class="schema-faq-section">'
        '<strong class="schema-faq-question">Is it long?</strong> '
        '<p class="schema-faq-answer">Forty minutes.</p></div></div>'
    )

    assert [(i.question, i.answer_html) for i in article.blocks[0].items] == [
        ("Is it long?", "<p>Forty minutes.</p>")
    ]


def test_consecutive_details_outside_a_section_make_one_faq(read):
    article = read(
        "<h2>Topic</h2><p>x</p>"
        "<details><summary>A?</summary><p>a.</p></details>"
        "<details><summary>B?</summary><p>b.</p></details>"
    )

    assert kinds(article) == ["Heading", "Paragraph", "Faq"]
    assert [item.question for item in article.blocks[2].items] == ["A?", "B?"]


def test_faq_page_json_ld_becomes_an_faq_when_the_body_has_none(read):
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "x"},
            {
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": "Is it structured?",
                        "acceptedAnswer": {"@type": "Answer", "text": "Yes, <b>fully</b>."},
                    }
                ],
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'

    article = read("<h2>Topic</h2><p>x</p>", head=head)

    assert kinds(article) == ["Heading", "Paragraph", "Faq"]
    assert article.blocks[2].items[0].question == "Is it structured?"
    assert article.blocks[2].items[0].answer_html == "<p>Yes, <b>fully</b>.</p>"


def test_a_question_without_answer_is_left_out_and_reported(read):
    article = read("<h2>FAQ</h2><h3>Orphan?</h3><h3>Real?</h3><p>Yes.</p>")

    assert [item.question for item in article.blocks[0].items] == ["Real?"]
    assert "FAQ question “Orphan?” has no answer; left out" in article.warnings


# Images


def test_local_images_become_image_blocks_with_caption_and_credit(read, tmp_path):
    Image.new("RGB", (3, 3)).save(tmp_path / "shot.png")

    article = read(
        '<figure><img src="shot.png" alt="The studio"><figcaption>Recording day '
        '<span class="credit">Photo: Ada</span></figcaption></figure>'
        '<p>Text <img src="shot.png" alt="Inline"> here.</p>'
    )

    assert article.blocks == [
        Picture(tmp_path / "shot.png", "The studio", "Recording day", "Photo: Ada"),
        Paragraph("<p>Text  here.</p>"),
        Picture(tmp_path / "shot.png", "Inline"),
    ]


def test_remote_missing_and_undescribed_images_are_reported_not_fetched(read, tmp_path):
    Image.new("RGB", (3, 3)).save(tmp_path / "bare.png")

    article = read(
        '<p>x</p><img src="https://cdn.example/a.jpg" alt="a"><img src="gone.png" alt="b">'
        '<img src="bare.png">'
    )

    assert kinds(article) == ["Paragraph"]
    assert article.warnings == [
        "remote image not fetched: https://cdn.example/a.jpg",
        "image not found: gone.png",
        "image bare.png has no alt text or caption; left out",
    ]


# Sections


def test_empty_trailing_sections_are_dropped(read):
    article = read("<h2>Real</h2><p>x</p><h2>Similar episodes</h2><h3>More</h3>")

    assert kinds(article) == ["Heading", "Paragraph"]
    assert article.warnings == [
        "empty section “More” at the end dropped",
        "empty section “Similar episodes” at the end dropped",
    ]


# Metadata


def test_metadata_from_meta_tags_overrides_the_title(read):
    head = (
        '<meta name="episode-number" content="12"><meta name="category" content="Marché">'
        '<meta name="show" content="Test Show"><meta name="season" content="2">'
        '<meta name="guests" content="Ada Lovelace, Grace Hopper"><meta name="host" content="Alan">'
        '<meta name="keywords" content="radio, audio">'
    )
    article = read("<p>x</p>", head=head, title="#3 Other > Plain title")

    assert (article.episode_number, article.rubric, article.show, article.season) == (
        12,
        "Marché",
        "Test Show",
        2,
    )
    assert article.title == "Plain title"
    assert article.guests == ["Ada Lovelace", "Grace Hopper"]
    assert article.hosts == ["Alan"]
    assert article.tags == ["radio", "audio"]
    assert article.broadcast_at == datetime.datetime(2024, 5, 2, tzinfo=article.broadcast_at.tzinfo)


def test_the_first_audio_source_is_the_episode_audio(read):
    article = read(
        '<p>x</p><audio controls><source src="https://cdn.example/ep7.mp3" type="audio/mpeg">'
        '</audio><audio src="https://cdn.example/trailer.mp3"></audio>'
    )

    assert article.audio_url == "https://cdn.example/ep7.mp3"
    assert "several audio players: the first one is taken as the episode" in article.warnings


def test_broadcast_line_gives_the_date_and_is_not_a_paragraph(write):
    html = (
        "<html><body><article><h1>#9 Title</h1>"
        '<div class="entry-content"><p>Episode broadcast on November 8, 2023 by Some Show</p>'
        "<h2>A</h2><p>x</p></div></article></body></html>"
    )
    path = write("a.html", html)

    article = read_html(path, path.parent)

    assert article.broadcast_at.date() == datetime.date(2023, 11, 8)
    assert kinds(article) == ["Heading", "Paragraph"]


def test_title_falls_back_to_og_title_then_to_the_page_title(write):
    og = write("og.html", '<meta property="og:title" content="#4 Og title"><p>x</p>')
    titled = write(
        "t.html",
        '<title>#5 Page title | Site</title><meta property="og:site_name" content="Site"><p>x</p>',
    )

    assert read_html(og, og.parent).title == "Og title"
    assert read_html(titled, titled.parent).title == "Page title"
    assert read_html(titled, titled.parent).episode_number == 5


def test_no_title_is_an_error(write):
    path = write("none.html", "<html><body><p>Only text.</p></body></html>")

    with pytest.raises(ArticleError, match="no title"):
        read_html(path, path.parent)


def test_malformed_html_is_repaired_like_a_browser_would(write):
    path = write(
        "broken.html",
        "<html><body><article><h1>#8 Broken</h1><div class=entry-content>"
        "<h2>Open heading<p>first <b>bold <i>both</b> italic</i><p>second"
        "<blockquote>quoted<cite>Ada</blockquote></div></div></article>",
    )

    article = read_html(path, path.parent)

    assert article.blocks == [
        Heading("Open heading", 2),
        Paragraph("<p>first <b>bold <i>both</i></b> italic</p>"),
        Paragraph("<p>second</p>"),
        Quote("quoted", "Ada"),
    ]


def test_binary_and_non_utf8_files_are_unreadable(tmp_path):
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.html"
    latin.write_bytes("<h1>#1 Café</h1>".encode("latin-1"))

    declared = tmp_path / "declared.html"
    declared.write_bytes('<meta charset="latin-1"><h1>#1 Café</h1><p>x</p>'.encode("latin-1"))

    assert read_html(declared, tmp_path).title == "Café"
    with pytest.raises(ArticleError, match="not a text file"):
        read_html(binary, tmp_path)
    with pytest.raises(ArticleError, match="not UTF-8"):
        read_html(latin, tmp_path)
