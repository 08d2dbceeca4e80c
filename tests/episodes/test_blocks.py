"""Validation rules of the body blocks, each checked against the message editors see."""

import pytest
from wagtail.blocks.stream_block import StreamBlockValidationError

from episodes import factories as f
from episodes.blocks import (
    EpisodeBodyBlock,
    format_timestamp,
    heading_anchors,
    parse_timestamp,
)

pytestmark = pytest.mark.django_db

BODY = EpisodeBodyBlock()


def clean(*items):
    """Run the body's validation over raw items and return the cleaned stream."""
    return BODY.clean(BODY.to_python(list(items)))


def block_error(exc: StreamBlockValidationError, index: int, field: str) -> str:
    """The message shown under one field of one block."""
    return " ".join(exc.block_errors[index].block_errors[field].messages)


def test_a_valid_body_passes():
    value = clean(f.heading("Intro"), f.heading("Detail", "h3"), f.paragraph("<p>Text</p>"))
    assert [child.block_type for child in value] == ["heading", "heading", "paragraph"]


def test_h3_without_h2_above_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.paragraph("<p>Opening</p>"), f.heading("Too deep", "h3"))
    assert "An h3 needs an h2 above it" in block_error(caught.value, 1, "level")


def test_h4_straight_after_h2_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.heading("Section"), f.heading("Skipped", "h4"))
    assert "An h4 needs an h3 above it" in block_error(caught.value, 1, "level")


def test_going_back_up_a_level_is_allowed():
    clean(f.heading("A"), f.heading("A.1", "h3"), f.heading("A.1.a", "h4"), f.heading("B"))


def test_duplicate_explicit_anchor_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.heading("One", anchor="same"), f.heading("Two", anchor="same"))
    assert "already used" in block_error(caught.value, 1, "anchor")


def test_malformed_anchor_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.heading("One", anchor="Not A Slug"))
    assert "lowercase" in block_error(caught.value, 0, "anchor")


def test_faq_needs_at_least_one_item():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.faq([]))
    assert "at least one question" in block_error(caught.value, 0, "items")


def test_faq_item_needs_an_answer():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.faq([f.faq_item("Why?", "<p></p>")]))
    assert caught.value.block_errors[0].block_errors["items"]


def test_empty_paragraph_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.paragraph("<p> </p>"))
    assert "Write the paragraph" in block_error(caught.value, 0, "text")


def test_empty_quote_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.pull_quote("   ", speaker_name="Someone"))
    assert block_error(caught.value, 0, "text")


def test_empty_heading_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.heading(""))
    assert block_error(caught.value, 0, "text")


def test_quote_cannot_name_a_person_and_a_free_text_speaker():
    person = f.PersonFactory()
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.pull_quote("Words", speaker=person, speaker_name="Also someone"))
    assert "not both" in block_error(caught.value, 0, "speaker_name")


def test_a_block_reports_its_rules_with_its_fields_errors():
    """One save shows them all: the rules of a block don't wait for its fields to be valid."""
    person = f.PersonFactory()
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(
            f.pull_quote("", speaker=person, speaker_name="Also someone", timestamp="twelve"),
            f.faq([], title="T" * 300),
            f.heading("", "h4", anchor="Not A Slug"),
        )
    assert block_error(caught.value, 0, "text") == "Write the quote."
    assert "not both" in block_error(caught.value, 0, "speaker_name")
    assert "mm:ss" in block_error(caught.value, 0, "timestamp")
    assert "at least one question" in block_error(caught.value, 1, "items")
    assert "at most 255 characters" in block_error(caught.value, 1, "title")
    assert set(caught.value.block_errors[2].block_errors) == {"text", "level", "anchor"}


def test_malformed_timestamp_is_refused():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.pull_quote("Words", speaker_name="A", timestamp="twelve"))
    assert "mm:ss" in block_error(caught.value, 0, "timestamp")


def test_image_needs_alt_text():
    picture = f.ImageFactory()
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(f.image(picture, alt=""))
    assert block_error(caught.value, 0, "alt")


@pytest.mark.parametrize(
    ("text", "seconds"), [("45", 45), ("3:07", 187), ("12:34", 754), ("1:02:03", 3723)]
)
def test_timestamps_parse_and_format(text, seconds):
    assert parse_timestamp(text) == seconds
    assert parse_timestamp(format_timestamp(seconds)) == seconds


def test_heading_anchors_are_unique_and_respect_explicit_ones():
    value = clean(
        f.heading("Market", anchor="market"),
        f.heading("Market"),
        f.heading("Market"),
        f.heading("Élan & vitesse"),
    )
    assert list(heading_anchors(value).values()) == [
        "market",
        "market-2",
        "market-3",
        "elan-vitesse",
    ]
