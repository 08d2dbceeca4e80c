"""Blocks of the Person snippet: the links on a person's profile."""

from wagtail import blocks

from .stream import TolerantStreamBlock


class PersonLinksBlock(TolerantStreamBlock):
    """A person's links (site, social profiles), in the editor's order."""

    link = blocks.StructBlock(
        [("label", blocks.CharBlock(max_length=60)), ("url", blocks.URLBlock())], icon="link"
    )
