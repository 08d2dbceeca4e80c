"""The page types the API serves, in one place: routing, loading and the schema read it."""

from dataclasses import dataclass, field

from wagtail.models import Page

from episodes.models import EpisodePage, PodcastPage
from home.models import HomePage


def type_label(model: type[Page]) -> str:
    """The v2 `type` value of a page model, e.g. "episodes.EpisodePage"."""
    return f"{model._meta.app_label}.{model.__name__}"


@dataclass(frozen=True)
class PageType:
    """A page model the API serves and the foreign keys worth joining when loading it."""

    model: type[Page]
    joins: tuple[str, ...] = field(default=())

    @property
    def accessor(self) -> str:
        """Name of the reverse one-to-one from Page to this model."""
        return self.model._meta.model_name

    @property
    def label(self) -> str:
        """The v2 `type` value of this page type."""
        return type_label(self.model)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType(HomePage),
    PageType(PodcastPage),
    PageType(EpisodePage, joins=("rubric", "audio_file", "transcript")),
)


def page_type_accessors() -> list[str]:
    return [page_type.accessor for page_type in PAGE_TYPES]


def page_type_joins() -> list[str]:
    """select_related() arguments that turn a Page query into specific pages in one query."""
    # The locale is joined once, on the base row; specific_from_joins hands it to the page.
    joins = ["locale"]
    for page_type in PAGE_TYPES:
        joins.append(page_type.accessor)
        joins.extend(f"{page_type.accessor}__{join}" for join in page_type.joins)
    return joins
