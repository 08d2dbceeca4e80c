"""The feed's channel as a show: found by slug, created under the site's home page if new."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Site

from episodes.choices import APPLE_CATEGORIES, LANGUAGES, PODCAST_TYPES
from episodes.models import PodcastPage

from .article import ArticleError, RemoteImage
from .error_messages import describe
from .feed import Channel
from .lookups import ImageUploader
from .richtext import visible_text

FIELDS = [
    "title",
    "description",
    "author",
    "owner_name",
    "owner_email",
    "language",
    "apple_category",
    "explicit",
    "podcast_type",
    "copyright",
    "website",
    "artwork_id",
]


@dataclass
class ShowOutcome:
    """What importing the channel did to the show: "created", "updated" or "unchanged"."""

    status: str
    show: PodcastPage
    warnings: list[str] = field(default_factory=list)


def slug_for(channel: Channel, slug: str | None) -> str:
    slug = slug or slugify(channel.values["title"])[:255]
    if not slug:
        raise ArticleError("the feed's channel has no title; name the show with --show SLUG")
    return slug


def find_show(slug: str) -> PodcastPage | None:
    shows = list(PodcastPage.objects.filter(slug=slug)[:2])
    if len(shows) > 1:
        raise ArticleError(f"several shows have the slug “{slug}”; rename one of them first")
    return shows[0] if shows else None


def import_show(
    channel: Channel,
    slug: str,
    artwork: RemoteImage | None,
    images: ImageUploader,
    *,
    publish: bool,
) -> ShowOutcome:
    """Create or update the show from the channel, in one transaction; ArticleError if invalid."""
    warnings: list[str] = []
    mark = images.mark()
    try:
        return _import_show(channel, slug, artwork, images, warnings, publish=publish)
    except Exception:
        images.forget_written(mark)  # its row was rolled back
        raise


def _import_show(channel, slug, artwork, images, warnings, *, publish) -> ShowOutcome:
    with transaction.atomic():
        existing = find_show(slug)
        show = existing.get_latest_revision_as_object() if existing else PodcastPage(slug=slug)
        before = {name: getattr(show, name) for name in FIELDS} if existing else None
        _fill(show, channel, warnings)
        if artwork:
            image = images.image_from_bytes(artwork.data, artwork.url, show.title, warnings)
            show.artwork = image or show.artwork
        if existing is None:
            _check_required(show)
            show.live = False
            _home().add_child(instance=show)
        elif {name: getattr(show, name) for name in FIELDS} == before:
            return ShowOutcome("unchanged", existing, warnings)
        try:
            show.full_clean()
        except ValidationError as error:
            raise ArticleError(f"the show can't be saved: {describe(error)}") from None
        revision = show.save_revision(log_action=True, clean=False)
        if publish:
            revision.publish(log_action=True)
        return ShowOutcome("updated" if existing else "created", show, warnings)


def _home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ArticleError("no default site: the new show has no home page to go under")
    return site.root_page


def _check_required(show: PodcastPage) -> None:
    if not show.owner_email:
        raise ArticleError(
            "the feed names no owner email (itunes:owner); create the show in the admin "
            "first and import into it with --show SLUG"
        )


def _fill(show: PodcastPage, channel: Channel, warnings: list[str]) -> None:
    """The channel's values; what the feed leaves empty keeps the show's value."""
    values = channel.values
    text = {
        "title": " ".join(values["title"].split())[:255],
        "description": visible_text(values["description"] or values["summary"]),
        "author": values["author"] or values["owner_name"],
        "owner_name": values["owner_name"] or values["author"],
        "owner_email": values["owner_email"],
        "copyright": values["copyright"][:255],
        "website": values["link"] if values["link"].startswith(("http://", "https://")) else "",
    }
    for name, value in text.items():
        if value:
            setattr(show, name, value)
    language = values["language"].strip().lower().split("-", 1)[0]
    if language in dict(LANGUAGES):
        show.language = language
    elif language:
        warnings.append(f"language “{values['language'][:20]}” is not one the show offers")
    category = next((name for name in channel.categories if name in dict(APPLE_CATEGORIES)), "")
    if category:
        show.apple_category = category
    elif channel.categories:
        warnings.append(f"itunes:category “{channel.categories[0][:60]}” is not Apple's")
    explicit = values["explicit"].strip().lower()
    if explicit in ("yes", "true", "explicit", "no", "false", "clean"):
        show.explicit = explicit in ("yes", "true", "explicit")
    podcast_type = values["type"].strip().lower()
    if podcast_type in dict(PODCAST_TYPES):
        show.podcast_type = podcast_type
