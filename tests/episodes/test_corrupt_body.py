"""A corrupt stored body reads as fewer blocks, never as an error."""

import pytest

from episodes.blocks import EpisodeBodyBlock


@pytest.mark.parametrize("stored", [{"not": "a list"}, 42, 4.2, True, [1, 2, 3], "text"])
def test_a_body_that_is_not_a_list_of_blocks_reads_as_empty(stored):
    assert list(EpisodeBodyBlock().to_python(stored)) == []


def test_corrupt_items_are_dropped_and_the_others_kept():
    value = EpisodeBodyBlock().to_python(
        [
            {"type": "heading", "value": {"text": "Kept", "level": "h2"}, "id": "a"},
            {"value": {"text": "no type"}, "id": "b"},
            7,
            {"type": "paragraph", "value": {"text": "<p>Also kept</p>"}, "id": "c"},
        ]
    )
    assert [child.id for child in value] == ["a", "c"]
