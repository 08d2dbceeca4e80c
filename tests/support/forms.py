"""Episode forms as Wagtail's editor posts them, for the admin, preview and webhook tests."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

# The trailer the every-block form embeds; tests store its oEmbed answer (no network here).
TRAILER_URL = "https://video.example.com/watch/episode-trailer"


def list_block(items: list[dict]) -> dict:
    """Form data for a ListBlock, the shape the admin's JavaScript posts."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def every_block_form_data(person, picture, **overrides) -> dict:
    """POST data for an episode whose body uses every block type."""
    data = {
        "title": "Every block",
        "slug": "every-block",
        "headline": "An article with each kind of block",
        "episode_number": "12",
        "broadcast_at": "2026-11-01 07:00",
        "audio_url": "https://audio.example.com/12.mp3",
        "audio_duration": "00:50:00",
        "audio_mime_type": "audio/mpeg",
        "episode_type": "full",
        "summary": rich_text("<p>Short summary.</p>"),
        "body": streamfield(
            [
                ("heading", {"text": "Opening", "level": "h2", "anchor": "", "timestamp": "0:30"}),
                ("paragraph", {"text": rich_text("<p>A <b>bold</b> start.</p>")}),
                (
                    "pull_quote",
                    {
                        "text": "Said on air.",
                        "speaker": str(person.pk),
                        "speaker_name": "",
                        "timestamp": "12:00",
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Questions",
                        "items": list_block(
                            [
                                {
                                    "question": "Why?",
                                    "answer": rich_text("<p>Because.</p>"),
                                    "quote-text": "A supporting line.",
                                    "quote-speaker": "",
                                    "quote-speaker_name": "A listener",
                                }
                            ]
                        ),
                    },
                ),
                (
                    "image",
                    {"image": str(picture.pk), "alt": "A chart", "caption": "", "credit": ""},
                ),
                ("embed", {"url": TRAILER_URL}),
            ]
        ),
        "host_links": inline_formset([{"person": str(person.pk)}]),
        "guest_links": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def episode_form_data(page, title: str, paragraph: str) -> dict:
    """The episode edit form as Wagtail's editor posts it, with a one-paragraph body."""
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "headline": "",
            "episode_number": page.episode_number,
            "broadcast_at": "2026-01-02 10:00",
            "summary": rich_text("<p>What the episode covers.</p>"),
            "body": streamfield(
                [
                    ("heading", {"text": "Opening", "level": "h2", "anchor": "", "timestamp": ""}),
                    ("paragraph", {"text": rich_text(f"<p>{paragraph}</p>")}),
                ]
            ),
            "audio_url": "https://audio.example.com/episode.mp3",
            "audio_mime_type": "audio/mpeg",
            "episode_type": "full",
            "host_links": inline_formset([]),
            "guest_links": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
