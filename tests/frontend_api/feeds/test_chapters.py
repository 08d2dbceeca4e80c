"""JSON chapters: built from headings and the moments editors set, served as Podcasting 2.0 asks."""

import pytest
from wagtail.blocks import StreamValue

from episodes import factories as f
from episodes.blocks import EpisodeBodyBlock
from frontend_api.feeds.chapters import build_chapters
from tests.support.published_site import publish_episode

PAGE = "https://front.example/show/ep/"
OPENING = {"startTime": 0, "title": "Opening", "url": PAGE}
NOT_A_NUMBER = "Episode numbers are whole numbers."


def body_of(*blocks) -> StreamValue:
    """A body as the database returns it, without saving a page."""
    return StreamValue(EpisodeBodyBlock(), list(blocks), is_lazy=True)


def chapters_of(*blocks) -> list[dict]:
    return build_chapters(body_of(*blocks), PAGE)


def test_explicit_heading_timestamps():
    assert chapters_of(
        f.heading("Welcome", timestamp="0:00"),
        f.paragraph("<p>Hello.</p>"),
        f.heading("The market", timestamp="12:34"),
        f.heading("Wrap-up", timestamp="1:02:03"),
    ) == [
        {"startTime": 0, "title": "Welcome", "url": PAGE + "#welcome"},
        {"startTime": 754, "title": "The market", "url": PAGE + "#the-market"},
        {"startTime": 3723, "title": "Wrap-up", "url": PAGE + "#wrap-up"},
    ]


def test_quote_timestamps_place_a_section_without_its_own():
    assert chapters_of(
        f.heading("Money", anchor="cash"),
        f.pull_quote("Later words.", speaker_name="A", timestamp="9:00"),
        f.pull_quote("Earlier words.", speaker_name="B", timestamp="7:30"),
        f.heading("Next"),
        f.pull_quote("Next words.", speaker_name="C", timestamp="15:00"),
    ) == [
        OPENING,
        {"startTime": 450, "title": "Money", "url": PAGE + "#cash"},
        {"startTime": 900, "title": "Next", "url": PAGE + "#next"},
    ]


def test_section_starts_with_its_earliest_subsection():
    chapters = chapters_of(
        f.heading("Part one"),
        f.paragraph("<p>Intro without a moment.</p>"),
        f.heading("Detail A", level="h3", timestamp="5:00"),
        f.heading("Detail B", level="h3"),
        f.pull_quote("Said in B.", speaker_name="D", timestamp="8:00"),
        f.heading("Part two", timestamp="20:00"),
    )
    assert [(c["startTime"], c["title"]) for c in chapters] == [
        (0, "Opening"),
        # "Part one" and "Detail A" start together: the outer heading is kept.
        (300, "Part one"),
        (480, "Detail B"),
        (1200, "Part two"),
    ]


def test_headings_without_any_moment_are_not_chapters_and_order_follows_the_audio():
    assert chapters_of(
        f.heading("Untimed"),
        f.paragraph("<p>Nothing timed here.</p>"),
        f.heading("Late", timestamp="30:00"),
        f.heading("Early", timestamp="2:00"),
    ) == [
        OPENING,
        {"startTime": 120, "title": "Early", "url": PAGE + "#early"},
        {"startTime": 1800, "title": "Late", "url": PAGE + "#late"},
    ]


def test_malformed_stored_values_are_skipped():
    body = body_of(
        f.heading("Fine", timestamp="1:00"),
        {"type": "heading", "value": {"text": "Bad time", "timestamp": "soon"}, "id": "x1"},
        {"type": "heading", "value": "not a dict", "id": "x2"},
        {"type": "pull_quote", "value": {"timestamp": 42}, "id": "x3"},
        "garbage",
    )
    assert build_chapters(body, PAGE) == [
        OPENING,
        {"startTime": 60, "title": "Fine", "url": PAGE + "#fine"},
    ]


def test_endpoint_serves_the_chapters_document(client, show):
    publish_episode(
        show,
        title="Hiring the first employee",
        slug="hiring",
        episode_number=4,
        body=[
            f.heading("Before hiring", timestamp="0:45"),
            f.heading("The interview"),
            f.pull_quote("Ask for a story.", speaker_name="Lou", timestamp="10:05"),
        ],
    )
    response = client.get("/feeds/signal-noise/chapters/4.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json+chapters; charset=utf-8"
    assert response["ETag"]
    assert response.json() == {
        "version": "1.2.0",
        "title": "Hiring the first employee",
        "podcastName": "Signal & Noise",
        "author": "Signal Studio",
        "chapters": [
            {
                "startTime": 0,
                "title": "Hiring the first employee",
                "url": "http://localhost:3000/signal-noise/hiring/",
            },
            {
                "startTime": 45,
                "title": "Before hiring",
                "url": "http://localhost:3000/signal-noise/hiring/#before-hiring",
            },
            {
                "startTime": 605,
                "title": "The interview",
                "url": "http://localhost:3000/signal-noise/hiring/#the-interview",
            },
        ],
    }
    again = client.get(
        "/feeds/signal-noise/chapters/4.json", headers={"If-None-Match": response["ETag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/feeds/no-such-show/chapters/4.json", "No such show."),
        ("/feeds/signal-noise/chapters/99.json", "No such episode in this show."),
        ("/feeds/signal-noise/chapters/four.json", "Episode numbers are whole numbers."),
        ("/feeds/signal-noise/chapters/-4.json", "Episode numbers are whole numbers."),
        (
            "/feeds/signal-noise/chapters/99999999999999999999.json",
            "Episode numbers are whole numbers.",
        ),
        ("/feeds/sig%00nal/chapters/4.json", "No such show."),
    ],
)
def test_unknown_show_or_episode_is_a_json_404(client, show, path, message):
    publish_episode(show, episode_number=4)
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"message": message}


def test_a_first_heading_at_zero_needs_no_opening_chapter():
    chapters = build_chapters(
        body_of(f.heading("Hello", timestamp="0:00"), f.heading("Later", timestamp="3:00")),
        PAGE,
        "The episode",
    )
    assert [(c["startTime"], c["title"]) for c in chapters] == [(0, "Hello"), (180, "Later")]


def test_the_opening_chapter_takes_the_given_title_and_no_url_without_a_page():
    body = body_of(f.heading("Later", timestamp="3:00"))
    assert build_chapters(body, "", "The episode") == [
        {"startTime": 0, "title": "The episode"},
        {"startTime": 180, "title": "Later"},
    ]


def test_no_timed_heading_means_no_chapters_at_all():
    assert build_chapters(body_of(f.heading("Untimed")), PAGE, "The episode") == []


def test_a_chapter_link_chosen_by_the_editor_replaces_the_anchor():
    body = body_of(
        f.heading("Sources", timestamp="2:00", chapter_url="https://example.org/report"),
        {"type": "heading", "value": {"text": "Odd", "timestamp": "4:00", "chapter_url": 7}},
    )
    chapters = build_chapters(body, PAGE, "Ep")
    assert chapters[1] == {
        "startTime": 120,
        "title": "Sources",
        "url": "https://example.org/report",
    }
    # A stored link that isn't one falls back to the heading's anchor.
    assert chapters[2]["url"] == PAGE + "#odd"


def test_endpoint_gives_each_chapter_its_image_and_link(client, show):
    picture = f.ImageFactory(title="Chapter art")
    publish_episode(
        show,
        title="Chapters with pictures",
        slug="pictures",
        episode_number=5,
        body=[
            f.heading("Studio tour", timestamp="1:00", chapter_image=picture),
            f.heading(
                "Further reading",
                timestamp="5:00",
                chapter_url="https://example.org/reading-list",
            ),
        ],
    )
    chapters = client.get("/feeds/signal-noise/chapters/5.json").json()["chapters"]
    assert [chapter["startTime"] for chapter in chapters] == [0, 60, 300]
    assert chapters[0] == {
        "startTime": 0,
        "title": "Chapters with pictures",
        "url": "http://localhost:3000/signal-noise/pictures/",
    }
    rendition = picture.get_rendition("fill-1400x1400|format-jpeg")
    assert chapters[1]["img"] == f"http://localhost:8000{rendition.url}"
    assert chapters[1]["url"] == "http://localhost:3000/signal-noise/pictures/#studio-tour"
    assert "img" not in chapters[2]
    assert chapters[2]["url"] == "https://example.org/reading-list"
    assert (rendition.width, rendition.height) == (min(picture.width, picture.height, 1400),) * 2
