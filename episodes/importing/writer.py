"""Save an article as an episode of a show: a new page, or a new revision of the same one."""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from episodes.blocks import values as block_values
from episodes.models import (
    SUMMARY_FEATURES,
    EpisodeGuest,
    EpisodeHost,
    EpisodePage,
    EpisodeTag,
    PodcastPage,
)

from .article import Article, ArticleError, Faq, Heading, Paragraph, Picture, Quote
from .error_messages import describe
from .lookups import ImageUploader, person_for_credit, rubric_named, speaker_for
from .outline import excerpt
from .richtext import sanitize

COMPARED_FIELDS = [
    "title",
    "slug",
    "episode_number",
    "season",
    "rubric_id",
    "headline",
    "broadcast_at",
    "audio_url",
    "audio_duration",
    "summary",
]


@dataclass
class Outcome:
    """What saving one article did: "created", "updated" or "unchanged"."""

    status: str
    page: EpisodePage
    notes: list[str] = field(default_factory=list)


class EpisodeWriter:
    """Writes articles into one show, each in its own transaction."""

    def __init__(self, show: PodcastPage, *, publish: bool = False):
        self.show = show
        self.publish = publish
        self.images = ImageUploader()
        self.body_block = EpisodePage._meta.get_field("body").stream_block
        self._speakers: dict[str, tuple] = {}

    def save(self, article: Article) -> Outcome:
        """Create or update the article's page; ArticleError (and nothing saved) if it can't."""
        mark = self.images.mark()
        try:
            with transaction.atomic():
                return self._save(article)
        except ValidationError as error:
            self.images.forget_written(mark)
            raise ArticleError(describe(error)) from None
        except Exception:
            # Whatever failed, the transaction is rolled back: the files must go with it.
            self.images.forget_written(mark)
            raise

    def _save(self, article: Article) -> Outcome:
        self._speakers = {}
        self._check_show(article)
        self._check_values(article)
        existing = self._existing(article)
        page = existing.get_latest_revision_as_object() if existing else EpisodePage()
        before = self.snapshot(page) if existing else None
        notes: list[str] = []
        self._fill(page, article, notes, new=existing is None)
        self._set_body(page, article, notes, before["body"] if before else [])
        publish = self.publish and article.publishable
        if existing is None:
            page.live = False
            self.show.add_child(instance=page)
            self._full_clean(page)
            self._store(page, publish)
            return Outcome("created", page, notes)
        self._full_clean(page)
        if strip_ids(self.snapshot(page)) == strip_ids(before):
            latest = existing.get_latest_revision()
            if publish and latest and (not existing.live or existing.has_unpublished_changes):
                latest.publish(log_action=True)
                return Outcome("updated", page, [*notes, "published the latest revision"])
            return Outcome("unchanged", page, notes)
        self._store(page, publish)
        return Outcome("updated", page, notes)

    def _full_clean(self, page: EpisodePage) -> None:
        """The model's own validation, with errors that name the block they are about."""
        try:
            page.full_clean()
        except ValidationError as error:
            raise ArticleError(describe(error, [block.block_type for block in page.body])) from None

    def _store(self, page: EpisodePage, publish: bool) -> None:
        revision = page.save_revision(log_action=True, clean=False)
        if publish:
            revision.publish(log_action=True)

    def _check_values(self, article: Article) -> None:
        """The article's values, checked by the model's own fields before anything is written.

        What the database would refuse (a number out of its range, a tag too long) must be
        an error naming the field, not a database error halfway through saving the page.
        """
        values = {
            "title": article.title,
            "slug": article.slug,
            "episode_number": article.episode_number,
            "season": article.season,
            "headline": article.headline,
            "broadcast_at": article.broadcast_at,
            "audio_url": article.audio_url,
            "audio_duration": article.audio_duration,
            "source_url": article.source_url,
        }
        checked = {name for name, value in values.items() if value not in (None, "")}
        errors: dict[str, list[ValidationError]] = {}
        try:
            EpisodePage(**values).clean_fields(
                exclude={field.name for field in EpisodePage._meta.fields} - checked
            )
        except ValidationError as error:
            errors.update(error.error_dict)
        tag_name = EpisodeTag.tag_model()._meta.get_field("name")
        for tag in article.tags:
            try:
                tag_name.clean(tag, None)
            except ValidationError as error:
                errors.setdefault("tags", []).append(
                    ValidationError(f"“{excerpt(tag, 40)}”: {' '.join(error.messages)}")
                )
        if errors:
            raise ArticleError(describe(ValidationError(errors)))

    def _check_show(self, article: Article) -> None:
        named = " ".join(article.show.split()).casefold()
        if named and named not in (self.show.slug.casefold(), self.show.title.casefold()):
            raise ArticleError(
                f"the article belongs to the show “{article.show}”, not “{self.show.title}”"
            )

    def _existing(self, article: Article) -> EpisodePage | None:
        """The page this article was imported into before (same source or same number)."""
        candidates = EpisodePage.objects.child_of(self.show).filter(
            Q(source_url=article.source_url) | Q(episode_number=article.episode_number)
        )
        by_source = by_number = None
        for page in candidates:
            if page.source_url == article.source_url:
                by_source = page
            if page.episode_number == article.episode_number:
                by_number = page
        clash = by_source or (
            by_number
            and by_number.source_url
            and not same_source(by_number.source_url, article.source_url)
        )
        if by_number and by_number != by_source and clash:
            origin = f", imported from {by_number.source_url}" if by_number.source_url else ""
            raise ArticleError(
                f"episode number {article.episode_number} is already used by another article: "
                f"“{by_number.title}”{origin}"
            )
        return by_source or by_number

    def _fill(self, page: EpisodePage, article: Article, notes: list[str], *, new: bool) -> None:
        """Copy the article's metadata; fields the source leaves empty keep the page's values."""
        if article.episode_number is None or article.broadcast_at is None:
            # Sources refuse such articles first (Article.check_complete); this says so too.
            article.check_complete()
            raise ArticleError("no episode number or no broadcast date")
        page.title = article.title
        page.episode_number = article.episode_number
        page.broadcast_at = article.broadcast_at
        page.source_url = article.source_url
        if new or article.slug:
            fallback = slugify(f"{article.episode_number}-{article.title}")[:255].strip("-")
            page.slug = article.slug or fallback or f"episode-{article.episode_number}"
        if article.rubric:
            page.rubric = rubric_named(article.rubric)
        if article.season is not None:
            page.season = article.season
        if article.headline:
            page.headline = article.headline
        if article.audio_url and page.audio_file_id:
            notes.append("the page has an uploaded audio file; the article's audio URL is ignored")
        elif article.audio_url:
            page.audio_url = article.audio_url
        if article.audio_duration:
            page.audio_duration = article.audio_duration
        if article.summary_html:
            page.summary = sanitize(article.summary_html, SUMMARY_FEATURES)[0]
        if article.tags:
            page.tags.set(article.tags)
        if article.hosts:
            page.host_links = [
                EpisodeHost(person=person_for_credit(name)) for name in article.hosts
            ]
        if article.guests:
            page.guest_links = [
                EpisodeGuest(person=person_for_credit(name)) for name in article.guests
            ]

    def _set_body(self, page: EpisodePage, article: Article, notes: list[str], old: list) -> None:
        """Validate the body as the editor would; unchanged blocks keep their ids."""
        raw = [block for item in article.blocks if (block := self._raw_block(item, notes))]
        try:
            cleaned = self.body_block.clean(self.body_block.to_python(raw))
        except ValidationError as error:
            types = [block["type"] for block in raw]
            raise ArticleError(describe(ValidationError({"body": error}), types)) from None
        prepared = self.body_block.get_prep_value(cleaned)
        for new_block, old_block in zip(prepared, old, strict=False):
            if strip_ids(new_block) == strip_ids(old_block):
                new_block["id"] = old_block["id"]
        page.body = prepared

    def _raw_block(self, item, notes: list[str]) -> dict | None:
        match item:
            case Heading():
                return block_values.heading(
                    item.text, f"h{item.level}", item.anchor, item.timestamp
                )
            case Paragraph():
                return block_values.paragraph(item.html)
            case Quote():
                person, name = self._speaker(item.speaker)
                return block_values.pull_quote(item.text, person, name, item.timestamp)
            case Faq():
                items = []
                for entry in item.items:
                    quote = entry.quote or Quote("")
                    person, name = self._speaker(quote.speaker)
                    items.append(
                        block_values.faq_item(
                            entry.question, entry.answer_html, quote.text, person, name
                        )
                    )
                return block_values.faq(items, title=item.title)
            case Picture():
                image = self.images.image_for(item, notes)
                return (
                    block_values.image(image, item.alt, item.caption, item.credit)
                    if image
                    else None
                )
        return None

    def _speaker(self, name: str) -> tuple:
        """speaker_for, asked once per name and article (quotes repeat the same few people)."""
        if name not in self._speakers:
            self._speakers[name] = speaker_for(name)
        return self._speakers[name]

    def snapshot(self, page: EpisodePage) -> dict:
        """Everything an import sets on a page, in a form that compares equal when unchanged."""
        body = self.body_block.to_python(self.body_block.get_prep_value(page.body))
        list(body)  # convert every block, so what follows is the normalised form
        return {
            **{name: getattr(page, name) for name in COMPARED_FIELDS},
            "body": self.body_block.get_prep_value(body),
            "tags": sorted(tag.name for tag in page.tags.all()),
            "hosts": [link.person_id for link in page.host_links.all()],
            "guests": [link.person_id for link in page.guest_links.all()],
        }


def same_source(stored: str, incoming: str) -> bool:
    """True for the same URL, or for file paths of which one ends with the other.

    Files are known by their path below the folder given on the command line, so the same
    file reached through a parent or a child folder must still be recognised.
    """
    if stored == incoming:
        return True
    if not (stored.startswith("file:") and incoming.startswith("file:")):
        return False
    ours, theirs = PurePosixPath(stored[5:]).parts, PurePosixPath(incoming[5:]).parts
    common = min(len(ours), len(theirs))
    return ours[-common:] == theirs[-common:]


def strip_ids(data):
    """Block data without the ids Wagtail gives each block and list item."""
    if isinstance(data, dict):
        return {key: strip_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [strip_ids(value) for value in data]
    return data
