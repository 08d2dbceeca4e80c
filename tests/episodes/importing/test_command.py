"""The import_episodes command end to end: saving, re-running, dry runs, failures."""

import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Revision

from episodes.factories import EpisodePageFactory, PersonFactory
from episodes.models import EpisodePage, Person, Rubric

from .conftest import FIXTURES

ARTICLE = FIXTURES / "newsletter-episode.html"


def article(number: int, title: str = "A title", body: str = "<h2>Part</h2><p>Text.</p>", **meta):
    tags = "".join(f'<meta name="{name}" content="{value}">' for name, value in meta.items())
    return (
        f'<html><head><meta name="broadcast-date" content="2024-03-0{number % 9 + 1}">{tags}'
        f'</head><body><h1>#{number} Atelier > {title}</h1><div class="entry-content">{body}'
        "</div></body></html>"
    )


def episodes(show):
    return EpisodePage.objects.child_of(show)


def imported_images(show):
    """The images in the library other than the show's own artwork."""
    return get_image_model().objects.exclude(pk=show.artwork_id)


def test_import_creates_a_draft_and_reports_it(show, run_import):
    run = run_import(ARTICLE, "--show", "test-show")

    assert run.error == ""
    assert "created #57 Les newsletters sont-elles devenues" in run.output
    assert "note: empty section “Épisodes similaires” at the end dropped" in run.output
    assert run.output.strip().endswith(
        "1 article into “Test Show”: 1 created, 0 updated, 0 unchanged, 0 failed"
    )
    page = episodes(show).get()
    assert not page.live
    assert page.has_unpublished_changes
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 1


def test_reimport_is_unchanged_then_updates_the_same_page(show, run_import, tmp_path):
    source = tmp_path / "episode.html"
    shutil.copy(ARTICLE, source)
    run_import(source, "--show", "test-show")

    again = run_import(source, "--show", "test-show")
    source.write_text(source.read_text().replace("Pendant dix ans", "Pendant quinze ans"))
    edited = run_import(source, "--show", "test-show")

    assert "0 created, 0 updated, 1 unchanged, 0 failed" in again.output
    assert "0 created, 1 updated, 0 unchanged, 0 failed" in edited.output
    page = episodes(show).get()
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
    assert revisions.count() == 2
    first, second = (revision.as_object().body for revision in revisions)
    assert "quinze" in second[1].value["text"].source
    # Blocks that did not change keep their ids, so comments stay attached to them.
    assert [block.id for block in first][2:] == [block.id for block in second][2:]
    assert first[1].id != second[1].id


def test_same_source_url_with_a_new_number_updates_the_page(show, run_import, write):
    canonical = '<link rel="canonical" href="https://old.example/ep/">'
    path = write("a.html", article(3).replace("<head>", f"<head>{canonical}"))
    run_import(path, "--show", "test-show")
    path.write_text(article(4).replace("<head>", f"<head>{canonical}"))

    run = run_import(path, "--show", "test-show")

    assert "1 updated" in run.output
    assert episodes(show).get().get_latest_revision_as_object().episode_number == 4


def test_a_file_reached_through_another_folder_is_the_same_article(show, run_import):
    run_import(FIXTURES / "markdown", "--show", "test-show")

    run = run_import(FIXTURES / "markdown" / "58-micro-trottoir.md", "--show", "test-show")
    parent = run_import(FIXTURES, "--show", "test-show")

    assert "1 unchanged" in run.output
    assert "58-micro-trottoir.md" not in parent.error
    assert episodes(show).filter(episode_number=58).count() == 1


def test_dry_run_prints_the_outline_and_saves_nothing(show, run_import, tmp_path):
    shutil.copy(FIXTURES / "markdown" / "58-micro-trottoir.md", tmp_path)
    shutil.copytree(FIXTURES / "markdown" / "images", tmp_path / "images")
    files_before = (
        set(default_storage.listdir("original_images")[1])
        if default_storage.exists("original_images")
        else set()
    )

    run = run_import(tmp_path, "--show", "test-show", "--dry-run")

    assert run.error == ""
    assert "created #58 Le micro-trottoir est-il encore possible ?" in run.output
    assert "    h2: Tendre le micro aux inconnus" in run.output
    assert "      image: studio.png “Le studio mobile garé devant le marché”" in run.output
    assert "    faq: Questions fréquentes (2 questions)" in run.output
    assert "(dry run: nothing was saved)" in run.output
    assert not episodes(show).exists()
    assert not Rubric.objects.exists()
    assert not Person.objects.exists()
    assert not imported_images(show).exists()
    files_after = (
        set(default_storage.listdir("original_images")[1])
        if default_storage.exists("original_images")
        else set()
    )
    assert files_after == files_before


def test_publish_makes_pages_live_and_wxr_drafts_stay_drafts(show, run_import):
    run = run_import(FIXTURES / "wordpress-export.xml", "--show", "test-show", "--publish")

    assert "2 created, 0 updated, 0 unchanged, 1 failed" in run.output
    pages = {page.episode_number: page for page in episodes(show)}
    assert pages[40].live
    assert not pages[41].live
    assert pages[40].rubric.name == "Entretien"
    assert [link.person.name for link in pages[40].guest_links.all()] == ["Inès Morel"]


def test_publishing_an_unchanged_draft_counts_as_an_update(show, run_import):
    run_import(ARTICLE, "--show", "test-show")

    run = run_import(ARTICLE, "--show", "test-show", "--publish")

    assert "1 updated" in run.output
    assert "note: published the latest revision" in run.output
    assert episodes(show).get().live


def test_markdown_import_uploads_images_and_links_people(show, run_import, tmp_path):
    Person.objects.create(name="Inès Morel", role="Journaliste")
    shutil.copy(FIXTURES / "markdown" / "58-micro-trottoir.md", tmp_path)
    shutil.copytree(FIXTURES / "markdown" / "images", tmp_path / "images")

    run_import(tmp_path, "--show", "test-show")
    run = run_import(tmp_path, "--show", "test-show")

    assert "1 unchanged" in run.output
    page = episodes(show).get().get_latest_revision_as_object()
    assert imported_images(show).count() == 1
    image_block = next(block for block in page.body if block.block_type == "image")
    assert image_block.value["image"].title == "Le studio mobile garé devant le marché"
    quotes = [block.value for block in page.body if block.block_type == "pull_quote"]
    assert quotes[0]["speaker"].name == "Inès Morel"
    assert quotes[0]["speaker_name"] == ""
    # Camille Roux is a host in the front matter: created as a person, then matched as speaker.
    assert (quotes[1]["speaker"].name, quotes[1]["speaker_name"]) == ("Camille Roux", "")
    assert [link.person.name for link in page.host_links.all()] == ["Camille Roux"]
    assert [link.person.name for link in page.guest_links.all()] == ["Inès Morel"]
    assert Person.objects.filter(name="Inès Morel").count() == 1
    assert page.audio_duration.total_seconds() == 41 * 60 + 30


def test_the_flags_former_name_still_names_the_show(show, run_import):
    run = run_import(ARTICLE, "--podcast", "test-show")

    assert run.error == ""
    assert EpisodePage.objects.child_of(show).count() == 1


# Failures: reported with a reason, nothing half-written, the batch goes on.


def test_unknown_show_stops_before_reading(show, run_import):
    run = run_import(ARTICLE, "--show", "no-such-show")

    assert run.error == "No show with the slug “no-such-show”. Known shows: test-show."
    assert not EpisodePage.objects.exists()


def test_each_error_case_is_reported_and_the_batch_goes_on(show, run_import, tmp_path, write):
    (tmp_path / "1-binary.html").write_bytes(b"\x00\x01\x02 not text")
    write("2-untitled.html", "<html><body><p>No heading at all.</p></body></html>")
    write("3-first.html", article(5, "First"))
    write("4-same-number.html", article(5, "Second article"))
    write(
        "5-malformed.html",
        '<meta name="broadcast-date" content="2024-03-01">'
        "<h1>#6 Atelier > Messy<h2>Part<p>unclosed <b>bold<p>more",
    )
    write("6-no-body.html", article(7, body=""))

    run = run_import(tmp_path, tmp_path / "missing.html", "--show", "test-show")

    assert "2 created, 0 updated, 0 unchanged, 5 failed" in run.output
    assert run.error.startswith("5 of 7 articles failed:")
    reasons = run.error.split("\n")[1:]
    assert reasons == [
        f"  {tmp_path}/1-binary.html: not a text file (it holds binary data)",
        f"  {tmp_path}/2-untitled.html: no title: the page has no <h1>, og:title or <title>",
        f"  {tmp_path}/4-same-number.html: episode number 5 is already used by another article: "
        f"“First”, imported from file:3-first.html",
        f"  {tmp_path}/6-no-body.html: no article text found",
        f"  {tmp_path}/missing.html: no such file or folder",
    ]
    titles = sorted(page.title for page in episodes(show))
    assert titles == ["First", "Messy"]
    messy = episodes(show).get(episode_number=6).get_latest_revision_as_object()
    assert [block.block_type for block in messy.body] == ["heading", "paragraph", "paragraph"]


def test_an_article_failing_validation_leaves_nothing_behind(show, run_import, write):
    Image.new("RGB", (5, 5)).save(write("pic.png", "").parent / "pic.png")
    body = (
        '<h2>Part</h2><p>x</p><img src="pic.png" alt="A picture">'
        '<blockquote data-timestamp="59:00"><p>Too late.</p><cite>Ada</cite></blockquote>'
    )
    write("a-bad.html", article(8, body=body, duration="10:00", guests="Grace Hopper"))
    write("b-good.html", article(9))
    files_before = _stored_images()

    run = run_import(write("c.txt", "").parent, "--show", "test-show")

    assert "1 created, 0 updated, 0 unchanged, 1 failed" in run.output
    assert (
        "a-bad.html: body → block 4 (pull_quote) → timestamp: "
        "59:00 is after the end of the audio (10:00)."
    ) in run.error
    assert [page.episode_number for page in episodes(show)] == [9]
    assert not Rubric.objects.exclude(episodes__episode_number=9).exists()
    assert not Person.objects.exists()
    assert not imported_images(show).exists()
    assert _stored_images() == files_before


def test_block_validation_errors_name_the_block(show, run_import, write):
    long_heading = "Word " * 60
    write("a.html", article(10, body=f"<h2>{long_heading}</h2><p>x</p>"))

    run = run_import(
        write("a.html", article(10, body=f"<h2>{long_heading}</h2><p>x</p>")),
        "--show",
        "test-show",
    )

    assert (
        "body → block 1 (heading) → text: Ensure this value has at most 255 characters" in run.error
    )


def test_a_page_made_by_hand_with_the_same_number_is_updated(show, run_import, write):
    audio = Document.objects.create(title="ep", file=ContentFile(b"ID3", name="ep11.mp3"))
    EpisodePageFactory(
        parent=show, episode_number=11, title="Placeholder", audio_file=audio, audio_url=""
    )
    body = '<p>x</p><audio src="https://cdn.example/11.mp3"></audio>'

    run = run_import(write("a.html", article(11, "Real article", body)), "--show", "test-show")

    assert "1 updated" in run.output
    assert "note: the page has an uploaded audio file; the article's audio URL is ignored" in (
        run.output
    )
    page = episodes(show).get().get_latest_revision_as_object()
    assert (page.title, page.source_url) == ("Real article", "file:a.html")
    # What the article doesn't say keeps the editor's value.
    assert page.summary == "<p>What this episode is about, in two sentences.</p>"
    assert (page.audio_file, page.audio_url) == (audio, "")


def test_an_article_of_another_show_is_refused(show, run_import, write):
    run = run_import(write("a.html", article(12, show="Another Show")), "--show", "test-show")

    assert "the article belongs to the show “Another Show”, not “Test Show”" in run.error
    assert not episodes(show).exists()


@pytest.mark.parametrize("name", ["Ada Lovelace", "ada lovelace", "Ada Lovelace, guest"])
def test_quote_speakers_are_matched_to_people_by_name(show, run_import, write, name):
    ada = PersonFactory(name="Ada Lovelace")
    body = f"<h2>Part</h2><blockquote><p>Hello.</p><cite>{name}</cite></blockquote>"

    run_import(write("a.html", article(13, body=body)), "--show", "test-show")

    quote = episodes(show).get().get_latest_revision_as_object().body[1].value
    assert (quote["speaker"], quote["speaker_name"]) == (ada, "")


def _stored_images() -> set[str]:
    if not default_storage.exists("original_images"):
        return set()
    return set(default_storage.listdir("original_images")[1])
