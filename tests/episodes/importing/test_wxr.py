"""WordPress WXR exports: one article per post, pages and attachments left aside."""

import pytest

from episodes.importing.article import Faq, Heading, Paragraph, Quote
from episodes.importing.sources import Failure, read_file
from episodes.importing.wxr import autop

from .conftest import FIXTURES

EXPORT = FIXTURES / "wordpress-export.xml"


@pytest.fixture(scope="module")
def results():
    return list(read_file(EXPORT, EXPORT.parent))


def test_posts_are_read_and_pages_and_attachments_skipped(results):
    assert len(results) == 3
    assert [getattr(result, "episode_number", None) for result in results] == [40, 41, None]
    assert isinstance(results[2], Failure)
    assert results[2].location.endswith("wordpress-export.xml#5 (post 420)")
    assert results[2].reason.startswith("no episode number")


def test_classic_post_metadata_and_paragraphs(results):
    post = results[0]

    assert (post.title, post.rubric) == ("Écrire pour l'oreille", "Entretien")
    assert post.source_url == "https://onde-courte.example/2023/10/ecrire-pour-loreille/"
    assert post.slug == "ecrire-pour-loreille"
    assert post.broadcast_at.isoformat() == "2023-10-04T05:00:00+00:00"
    assert post.audio_url == "https://media.onde-courte.example/40-ecrire-pour-loreille.mp3"
    assert post.tags == ["écriture", "radio"]
    assert post.guests == ["Inès Morel"]
    assert post.summary_html == "<p>Comment écrire un texte fait pour être <em>entendu</em>.</p>"
    assert post.publishable
    assert post.blocks[:4] == [
        Paragraph(
            "<p>Un texte lu à voix haute ne se construit pas comme un texte lu des yeux. "
            "Les phrases raccourcissent, les chiffres s&#x27;arrondissent.</p>"
        ),
        Heading("Des phrases qui respirent", 2),
        Paragraph(
            "<p>Inès Morel compare l&#x27;écriture radio à une partition : chaque virgule est une "
            "respiration.<br/>Elle relit toujours ses textes à voix haute avant "
            "l&#x27;enregistrement.</p>"
        ),
        Quote("Si je bute sur une phrase, l'auditeur butera aussi.", "Inès Morel"),
    ]
    assert isinstance(post.blocks[4], Faq)
    assert "remote image not fetched: " in post.warnings[0]


def test_gutenberg_draft_with_bold_faq_questions(results):
    draft = results[1]

    assert (draft.episode_number, draft.rubric, draft.title) == (
        41,
        "Coulisses",
        "Le podcast en chiffres",
    )
    assert not draft.publishable
    assert draft.broadcast_at.isoformat() == "2023-10-11T05:00:00+00:00"
    faq = draft.blocks[-1]
    assert faq.items[0].question == "Un téléchargement est-il une écoute ?"
    assert faq.items[0].quote == Quote(
        "Le chiffre flatteur n'est pas toujours le chiffre utile.", "Camille Roux"
    )


def test_autop_wraps_loose_text_like_wordpress():
    assert autop("One\nline\n\n<h2>Head</h2>\nNext\n<!-- wp:x --><blockquote>Q</blockquote>") == (
        "<p>One<br>line</p>\n<h2>Head</h2>\n<p>Next</p>\n<blockquote>Q</blockquote>"
    )


def test_malformed_export_and_other_xml_are_reported(write):
    broken = write("broken.xml", "<rss><channel><item><title>x</title></channel>")
    sitemap = write("sitemap.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')

    [failure] = read_file(broken, broken.parent)
    [other] = read_file(sitemap, sitemap.parent)

    assert failure.reason.startswith("not well-formed XML: ")
    assert other.reason == "not a WordPress export (no <rss> with the wp namespace)"


def test_entities_are_not_expanded(write):
    export = write(
        "evil.xml",
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>'
        "<title>#5 Leak &x;</title><wp:post_type>post</wp:post_type>"
        "<wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt>"
        "<content:encoded>Body</content:encoded></item></channel></rss>",
    )

    [article] = read_file(export, export.parent)

    assert article.title == "Leak"
