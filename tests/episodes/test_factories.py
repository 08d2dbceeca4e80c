"""The block factories make bodies that the episode's own validation accepts."""

import pytest

from episodes import factories as f

pytestmark = pytest.mark.django_db

BLOCK_FACTORIES = {
    "heading": f.HeadingBlockFactory,
    "paragraph": f.ParagraphBlockFactory,
    "pull_quote": f.PullQuoteBlockFactory,
    "faq": f.FAQBlockFactory,
    "image": f.ImageBlockFactory,
    "embed": f.EmbedBlockFactory,
}


def test_there_is_a_factory_for_every_body_block():
    body_block = f.EpisodePageFactory._meta.model.body.field.stream_block
    assert set(BLOCK_FACTORIES) == set(body_block.child_blocks)


def test_a_body_of_every_block_factory_is_valid(show):
    f.EmbedFactory(url=f.EmbedBlockFactory.url)
    page = f.EpisodePageFactory(
        parent=show,
        body=[factory() for factory in BLOCK_FACTORIES.values()],
        published=True,
    )
    page.body.stream_block.clean(page.body)
    assert [child.block_type for child in page.body] == list(BLOCK_FACTORIES)
    assert page.body[4].value["image"].pk is not None


def test_block_factories_take_what_a_test_names(show):
    person = f.PersonFactory()
    quote = f.PullQuoteBlockFactory(text="Said on air.", speaker=person, speaker_name="")
    assert quote["type"] == "pull_quote"
    assert quote["value"]["text"] == "Said on air." and quote["value"]["speaker"] == person.pk
    faq = f.FAQBlockFactory(items=[f.FAQItemFactory(question="Why?"), f.FAQItemFactory()])
    first, second = faq["value"]["items"]
    assert first["question"] == "Why?" and second["question"].startswith("Question ")


def test_the_default_episode_body_is_valid(show):
    page = f.EpisodePageFactory(parent=show)
    page.body.stream_block.clean(page.body)
    assert [child.block_type for child in page.body] == ["heading", "paragraph"]
