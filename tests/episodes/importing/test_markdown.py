"""Markdown articles with YAML front matter."""

import datetime

import pytest

from episodes.importing.article import ArticleError, Faq, Heading, Paragraph, Picture, Quote
from episodes.importing.markdown_file import read_markdown

from .conftest import FIXTURES

ARTICLE = FIXTURES / "markdown" / "58-micro-trottoir.md"


def test_front_matter_fills_the_metadata():
    article = read_markdown(ARTICLE, ARTICLE.parent)

    assert (article.episode_number, article.rubric, article.title) == (
        58,
        "Terrain",
        "Le micro-trottoir est-il encore possible ?",
    )
    assert article.broadcast_at.isoformat() == "2024-02-21T07:00:00+01:00"
    assert article.season == 3
    assert article.audio_url == "https://media.onde-courte.example/58-micro-trottoir.mp3"
    assert article.audio_duration == datetime.timedelta(minutes=41, seconds=30)
    assert article.summary_html.startswith("<p>Une journaliste raconte")
    assert article.tags == ["reportage", "radio"]
    assert (article.hosts, article.guests) == (["Camille Roux"], ["Inès Morel"])
    assert article.source_url == "file:58-micro-trottoir.md"


def test_body_maps_headings_quotes_images_lists_and_details_faq():
    article = read_markdown(ARTICLE, ARTICLE.parent)

    assert [type(block).__name__ for block in article.blocks] == [
        "Heading",
        "Paragraph",
        "Quote",
        "Picture",
        "Heading",
        "Paragraph",
        "Paragraph",
        "Quote",
        "Faq",
    ]
    first, _, quote, picture, second, listing, text, closing, faq = article.blocks
    assert first == Heading("Tendre le micro aux inconnus", 2, "tendre-le-micro")
    assert second == Heading("Ce qui a changé", 2, "", "12:05")
    assert quote == Quote(
        "Les gens ne refusent pas de parler, ils refusent d'être coupés au montage.", "Inès Morel"
    )
    assert closing.speaker == "Camille Roux"
    assert picture == Picture(
        ARTICLE.parent / "images" / "studio.png",
        "Le studio mobile garé devant le marché",
        "Le studio mobile un jour de marché",
    )
    assert listing.html.startswith("<ul><li>les téléphones filment la scène ;</li>")
    assert "<b>avant</b>" in text.html and '<a href="https://onde-courte.example/">' in text.html
    assert isinstance(faq, Faq) and faq.title == "Questions fréquentes"
    assert [item.question for item in faq.items] == [
        "Combien de temps faut-il pour un micro-trottoir ?",
        "Faut-il une autorisation ?",
    ]
    assert faq.items[0].quote == Quote(
        "On compte une bonne réponse sur cinq personnes abordées.", "Inès Morel"
    )
    assert article.warnings == []


def test_title_from_the_first_heading_when_front_matter_has_none(write):
    path = write("a.md", "---\nbroadcast_date: 2024-01-01\n---\n# #3 Only heading\n\nText.\n")

    article = read_markdown(path, path.parent)

    assert (article.title, article.episode_number) == ("Only heading", 3)
    assert article.blocks == [Paragraph("<p>Text.</p>")]


def test_unquoted_title_starting_with_hash_is_explained(write):
    path = write("a.md", "---\ntitle: #3 Not a title in YAML\n---\nText.\n")

    with pytest.raises(ArticleError, match=r"quote a title starting with \"#\""):
        read_markdown(path, path.parent)


def test_invalid_yaml_is_reported(write):
    path = write("a.md", "---\ntitle: [unclosed\n---\nText.\n")

    with pytest.raises(ArticleError, match="front matter is not valid YAML"):
        read_markdown(path, path.parent)


def test_an_unreadable_date_is_reported(write):
    path = write("a.md", '---\ntitle: "#3 T"\ndate: someday\n---\nText.\n')

    with pytest.raises(ArticleError, match="broadcast date “someday” is not a date"):
        read_markdown(path, path.parent)
