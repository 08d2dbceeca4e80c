"""Blocks of a show's distribution settings: funding links, ownership codes, recommended
shows, locations and season names, each a Podcasting 2.0 tag of the show's feed."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from episodes.distribution import (
    COUNTRY_RE,
    GEO_RE,
    LOCATION_RELS,
    OSM_RE,
    TEXT_LIMIT,
    TXT_LIMIT,
    TXT_PURPOSES,
    is_uuid,
)

from .stream import TolerantStreamBlock


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise StructBlockValidationError(
            block_errors={name: ValidationError(message) for name, message in errors.items()}
        )


class FundingBlock(blocks.StructBlock):
    """Where listeners can support the show (podcast:funding)."""

    url = blocks.URLBlock(help_text="The page where listeners give or subscribe.")
    label = blocks.CharBlock(
        max_length=TEXT_LIMIT, help_text="Shown next to the link, e.g. “Support the show”."
    )

    class Meta:
        icon = "link"
        label = "Funding link"


class VerificationCodeBlock(blocks.StructBlock):
    """A code a directory gave the owner to prove the feed is theirs (podcast:txt)."""

    purpose = blocks.ChoiceBlock(choices=TXT_PURPOSES, default="verify")
    code = blocks.CharBlock(max_length=TXT_LIMIT)

    class Meta:
        icon = "key"
        label = "Ownership code"


class RecommendedShowBlock(blocks.StructBlock):
    """Another show the editors recommend (podcast:podroll / podcast:remoteItem)."""

    feed_guid = blocks.CharBlock(
        label="podcast GUID",
        max_length=36,
        help_text="The show's podcast:guid, e.g. from its feed or podcastindex.org.",
    )
    feed_url = blocks.URLBlock(
        required=False, help_text="Its feed, for apps that can't look up GUIDs."
    )
    title = blocks.CharBlock(required=False, max_length=TEXT_LIMIT)

    class Meta:
        icon = "radio-full"
        label = "Recommended show"

    def clean(self, value):
        value = super().clean(value)
        if not is_uuid(value["feed_guid"]):
            _raise({"feed_guid": "A podcast GUID looks like 917393e3-1b1e-5cef-ace4-edaa54e1f810."})
        return value


class LocationBlock(blocks.StructBlock):
    """A place the show is about or made in (podcast:location)."""

    name = blocks.CharBlock(max_length=TEXT_LIMIT, help_text="As listeners read it, e.g. “Lyon”.")
    rel = blocks.ChoiceBlock(choices=LOCATION_RELS, default="subject", label="Relation")
    geo = blocks.CharBlock(
        required=False, help_text="Latitude and longitude as a geo URI, e.g. geo:45.7578,4.832."
    )
    osm = blocks.CharBlock(
        required=False,
        label="OpenStreetMap ID",
        help_text="N, W or R and the number, e.g. R120965.",
    )
    country = blocks.CharBlock(
        required=False, max_length=2, help_text="Two-letter ISO 3166 code, e.g. FR."
    )

    class Meta:
        icon = "site"
        label = "Location"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["geo"] and not GEO_RE.fullmatch(value["geo"]):
            errors["geo"] = "Write it as geo:latitude,longitude, e.g. geo:45.7578,4.832."
        if value["osm"] and not OSM_RE.fullmatch(value["osm"]):
            errors["osm"] = "An OpenStreetMap ID is N, W or R and a number, e.g. R120965."
        if value["country"] and not COUNTRY_RE.fullmatch(value["country"]):
            errors["country"] = "Two capital letters, e.g. FR."
        _raise(errors)
        return value


class SeasonNameBlock(blocks.StructBlock):
    """The name a season goes by in apps (podcast:season name)."""

    season = blocks.IntegerBlock(min_value=0)
    name = blocks.CharBlock(max_length=TEXT_LIMIT)

    class Meta:
        icon = "list-ol"
        label = "Season name"


class FundingLinksBlock(TolerantStreamBlock):
    """The show's funding links, in the editor's order."""

    link = FundingBlock()


class VerificationCodesBlock(TolerantStreamBlock):
    """The show's ownership codes."""

    code = VerificationCodeBlock()


class RecommendedShowsBlock(TolerantStreamBlock):
    """The show's podroll."""

    show = RecommendedShowBlock()


class LocationsBlock(TolerantStreamBlock):
    """The show's locations."""

    location = LocationBlock()


class SeasonNamesBlock(TolerantStreamBlock):
    """Season names; each season at most once."""

    season = SeasonNameBlock()

    def clean(self, value):
        value = super().clean(value)
        seen: set[int] = set()
        errors = {}
        for index, child in enumerate(value):
            number = child.value["season"]
            if number in seen:
                errors[index] = ValidationError(f"Season {number} is named twice.")
            seen.add(number)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
