"""The episode editor answers unreadable form data with a message, keeps the stored page, and
shows every validation error of a save at once."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from episodes import factories as f
from episodes.models import EpisodePage

CANNOT_READ = "could not be read"


def draftail(blocks: list, entities: dict | None = None) -> str:
    """Draftail's posted JSON for the given blocks and entity map."""
    return json.dumps({"blocks": blocks, "entityMap": entities or {}})


def text_block(text: str, entity_ranges: list | None = None) -> dict:
    return {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": entity_ranges or [],
        "data": {},
    }


LINKED = [{"key": 0, "offset": 0, "length": 4}]

# Body posted by the tests: heading, paragraph, FAQ (index 2, with a rich-text answer).
BODY = [
    ("heading", {"text": "Opening", "level": "h2", "anchor": "", "timestamp": ""}),
    ("paragraph", {"text": rich_text("<p>Edited text.</p>")}),
    (
        "faq",
        {
            "title": "Questions",
            "items": {
                "count": "1",
                "0": {
                    "deleted": "",
                    "order": "0",
                    "id": "",
                    "value": {
                        "question": "Why?",
                        "answer": rich_text("<p>Because.</p>"),
                        "quote-text": "",
                        "quote-speaker": "",
                        "quote-speaker_name": "",
                    },
                },
            },
        },
    ),
]

# What a broken or hostile client may post instead of the editor's own data, keyed by the
# form field names it replaces; None removes the field.
MALFORMED = {
    "rich text cut short": {"body-1-value-text": '{"blocks": [{"text": "Edi'},
    "rich text that is not JSON": {"body-1-value-text": "<p>Plain HTML</p>"},
    "rich text that is an empty string": {"body-1-value-text": ""},
    "rich text that is a JSON list": {"body-1-value-text": "[]"},
    "rich text that is a JSON number": {"body-1-value-text": "12345"},
    "rich text with blocks that are not objects": {"body-1-value-text": '{"blocks": [1]}'},
    "rich text nested too deep for the parser": {"body-1-value-text": "[" * 100_000},
    "rich text range pointing at a missing entity": {
        "body-1-value-text": draftail([text_block("Edited", LINKED)])
    },
    "link entity without data": {
        "body-1-value-text": draftail(
            [text_block("Edited", LINKED)], {"0": {"type": "LINK", "mutability": "MUTABLE"}}
        )
    },
    "rich text range with a text offset": {
        "body-1-value-text": draftail(
            [text_block("Edited", [{"key": 0, "offset": "x", "length": 4}])],
            {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://a.test"}}},
        )
    },
    "rich text range with a negative length": {
        "body-1-value-text": draftail(
            [{**text_block("Edited"), "inlineStyleRanges": [{"offset": 0, "length": -2}]}]
        )
    },
    "rich text list item at a negative depth": {
        "body-1-value-text": draftail(
            [{**text_block("Edited"), "type": "unordered-list-item", "depth": -5}]
        )
    },
    "rich text missing from the form": {"body-1-value-text": None},
    "FAQ answer that is not Draftail JSON": {"body-2-value-items-0-value-answer": "[]"},
    "non-numeric block count": {"body-count": "abc"},
    "negative block count": {"body-count": "-1"},
    "huge block count": {"body-count": str(10**9)},
    "block count larger than the blocks posted": {"body-count": "4"},
    "block count missing": {"body-count": None},
    "non-numeric block order": {"body-0-order": "zz"},
    "two blocks in the same place": {"body-1-order": "0", "body-1-type": "heading"},
    "unknown block type": {"body-1-type": "podcast_player"},
    "block without its deleted flag": {"body-1-deleted": None},
    "non-numeric FAQ question count": {"body-2-value-items-count": "many"},
    "negative FAQ question count": {"body-2-value-items-count": "-3"},
    "non-numeric FAQ question order": {"body-2-value-items-0-order": "first"},
    "speaker id that is not a number": {"body-2-value-items-0-value-quote-speaker": "abc"},
}


def edit_form_data(page: EpisodePage, body=BODY, **fields) -> dict:
    """The edit form of page as the admin's JavaScript posts it, with the given body."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "headline": "",
        "episode_number": str(page.episode_number),
        "broadcast_at": "2026-01-02 10:00",
        "audio_url": page.audio_url,
        "audio_duration": "00:45:00",
        "audio_mime_type": "audio/mpeg",
        "episode_type": "full",
        "summary": rich_text("<p>What the episode covers.</p>"),
        "body": streamfield(body),
        "host_links": inline_formset([]),
        "guest_links": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def stored_state(page: EpisodePage) -> tuple:
    """What a refused save must leave alone: the page row's body and its latest revision."""
    page = EpisodePage.objects.get(pk=page.pk)
    revision = page.get_latest_revision()
    return list(page.body.raw_data), revision.pk, revision.content["body"]


@pytest.fixture
def edited_episode(show):
    """A published episode whose stored body and revision the malformed posts must not touch."""
    page = f.EpisodePageFactory(
        parent=show,
        body=[
            f.heading("Stored heading"),
            f.paragraph("<p>Stored paragraph.</p>"),
            f.faq([f.faq_item("Stored question?", "<p>Stored answer.</p>")]),
        ],
    )
    page.save_revision().publish()
    return page


def post_edit(client, page, data, publish=False):
    if publish:
        data = {**data, "action-publish": "action-publish"}
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def malform(data: dict, changes: dict) -> dict:
    data = dict(data)
    for name, value in changes.items():
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    return data


def test_the_well_formed_post_of_these_tests_saves(admin_client, edited_episode):
    """The baseline every malformed variant departs from is accepted as it is."""
    response = post_edit(admin_client, edited_episode, edit_form_data(edited_episode))
    assert response.status_code == 302
    page = EpisodePage.objects.get(pk=edited_episode.pk).get_latest_revision_as_object()
    assert [child.block_type for child in page.body] == ["heading", "paragraph", "faq"]
    assert page.body[1].value["text"].source.startswith("<p")


@pytest.mark.parametrize("publish", [False, True], ids=["save draft", "publish"])
@pytest.mark.parametrize("changes", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_body_data_is_refused_and_nothing_is_saved(
    admin_client, edited_episode, changes, publish
):
    before = stored_state(edited_episode)
    data = malform(edit_form_data(edited_episode), changes)
    response = post_edit(admin_client, edited_episode, data, publish=publish)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert CANNOT_READ in errors["body"][0]
    assert CANNOT_READ in response.content.decode()
    assert stored_state(edited_episode) == before


@pytest.mark.parametrize(
    "summary",
    ["[]", "12345", '{"blocks": [', draftail([text_block("Text", LINKED)]), None],
    ids=["JSON list", "JSON number", "cut short", "missing entity", "missing"],
)
def test_a_malformed_summary_is_refused_and_the_stored_one_shown_again(
    admin_client, edited_episode, summary
):
    before = stored_state(edited_episode)
    data = malform(edit_form_data(edited_episode), {"summary": summary})
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 200
    assert CANNOT_READ in response.context["form"].errors["summary"][0]
    assert stored_state(edited_episode) == before
    # The editor is given back what is stored, not the unreadable post.
    html = response.content.decode()
    assert "What this episode is about" in html


def test_data_the_checks_miss_is_refused_too_and_logged(admin_client, edited_episode, caplog):
    """Overlapping links pass the shape checks but not Wagtail's converter: still no 500."""
    link = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://a.test"}}
    overlapping = [{"key": 0, "offset": 0, "length": 4}, {"key": 1, "offset": 2, "length": 4}]
    text = draftail([text_block("Edited", overlapping)], {"0": link, "1": link})
    before = stored_state(edited_episode)
    data = malform(edit_form_data(edited_episode), {"body-1-value-text": text})
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 200
    assert CANNOT_READ in response.context["form"].errors["body"][0]
    assert stored_state(edited_episode) == before
    assert any(
        record.name == "episodes.form_data" and record.levelname == "WARNING"
        for record in caplog.records
    )


def test_a_refused_body_is_shown_again_as_stored(admin_client, edited_episode):
    data = malform(edit_form_data(edited_episode), {"body-1-type": "podcast_player"})
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stored paragraph." in html and "Edited text." not in html


def test_a_new_episode_with_malformed_body_data_is_not_created(admin_client, show):
    page = f.EpisodePageFactory.build(slug="never-created", episode_number=900)
    data = malform(edit_form_data(page), {"body-count": "-1"})
    url = reverse("wagtailadmin_pages:add", args=["episodes", "episodepage", show.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert CANNOT_READ in response.context["form"].errors["body"][0]
    assert not EpisodePage.objects.filter(slug="never-created").exists()


def test_deleted_blocks_may_carry_any_type(admin_client, edited_episode):
    """The editor posts removed blocks with their flag set; Wagtail skips them unread."""
    data = malform(
        edit_form_data(edited_episode),
        {"body-1-deleted": "1", "body-1-type": "podcast_player", "body-1-value-text": "[]"},
    )
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 302
    page = EpisodePage.objects.get(pk=edited_episode.pk).get_latest_revision_as_object()
    assert [child.block_type for child in page.body] == ["heading", "faq"]


def test_one_save_shows_every_error_of_the_page(admin_client, edited_episode):
    """Block errors, the heading order across blocks and the quote after the audio's end."""
    body = [
        ("paragraph", {"text": rich_text("")}),
        ("faq", {"title": "Questions", "items": {"count": "0"}}),
        ("heading", {"text": "Detail", "level": "h3", "anchor": "", "timestamp": ""}),
        (
            "pull_quote",
            {"text": "Said late.", "speaker": "", "speaker_name": "", "timestamp": "1:10:00"},
        ),
    ]
    before = stored_state(edited_episode)
    response = post_edit(admin_client, edited_episode, edit_form_data(edited_episode, body=body))
    assert response.status_code == 200
    body_errors = response.context["form"].errors.as_data()["body"]
    # The block editor shows a field's first error only: all of them must be in that one.
    assert len(body_errors) == 1
    shown = body_errors[0].as_json_data()["blockErrors"]
    assert shown[0]["blockErrors"]["text"]["messages"] == ["Write the paragraph."]
    assert shown[1]["blockErrors"]["items"]["messages"] == ["An FAQ needs at least one question."]
    assert "needs an h2 above it" in shown[2]["blockErrors"]["level"]["messages"][0]
    assert shown[3]["blockErrors"]["timestamp"]["messages"] == [
        "1:10:00 is after the end of the audio (45:00)."
    ]
    html = response.content.decode()
    for message in ("Write the paragraph.", "at least one question", "h2 above it", "(45:00)"):
        assert message in html
    assert stored_state(edited_episode) == before


def test_a_block_with_its_own_error_also_gets_the_cross_block_ones(admin_client, edited_episode):
    """An h3 with an empty text and a timestamp after the audio: three messages on one block."""
    body = [("heading", {"text": "", "level": "h3", "anchor": "", "timestamp": "2:00:00"})]
    response = post_edit(
        admin_client, edited_episode, edit_form_data(edited_episode, body=body), publish=True
    )
    (error,) = response.context["form"].errors.as_data()["body"]
    fields = error.as_json_data()["blockErrors"][0]["blockErrors"]
    assert set(fields) == {"text", "level", "timestamp"}


def test_timestamps_are_checked_against_the_posted_duration(admin_client, edited_episode):
    body = [
        ("pull_quote", {"text": "Late.", "speaker": "", "speaker_name": "", "timestamp": "50:00"})
    ]
    data = edit_form_data(edited_episode, body=body, audio_duration="01:00:00")
    assert post_edit(admin_client, edited_episode, data).status_code == 302
    data = edit_form_data(edited_episode, body=body, audio_duration="00:40:00")
    response = post_edit(admin_client, edited_episode, data)
    (error,) = response.context["form"].errors.as_data()["body"]
    assert "(40:00)" in str(error.block_errors[0].block_errors["timestamp"])


def test_a_timestamp_beyond_the_audio_is_refused_outside_the_admin_too(edited_episode):
    page = EpisodePage.objects.get(pk=edited_episode.pk)
    assert page.audio_duration_seconds == 45 * 60  # cached before the duration changes
    page.audio_duration = timedelta(minutes=10)
    page.body = [f.pull_quote("Late.", speaker_name="A", timestamp="20:00")]
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    (error,) = refused.value.error_dict["body"]
    assert "after the end of the audio (10:00)" in str(
        error.block_errors[0].block_errors["timestamp"]
    )


def test_the_live_preview_refuses_malformed_data_without_an_error(admin_client, edited_episode):
    """The preview panel posts the form as it is typed; unreadable data is just not previewed."""
    data = malform(edit_form_data(edited_episode), {"body-count": "abc"})
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[edited_episode.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is False


@pytest.mark.parametrize("count", ["abc", "-1", str(10**9)])
def test_a_persons_links_refuse_malformed_data_too(admin_client, count):
    """Every StreamField of the admin is guarded, not only the episode body."""
    person = f.PersonFactory(links=[("link", {"label": "Site", "url": "https://a.test/"})])
    data = {"name": person.name, "role": "", "bio": "", "photo": "", "links-count": count}
    url = reverse("wagtailsnippets_episodes_person:edit", args=[person.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert CANNOT_READ in response.context["form"].errors["links"][0]
    person.refresh_from_db()
    assert person.first_link_url == "https://a.test/"
