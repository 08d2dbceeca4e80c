"""Save an article as an episode of a show: a new page, or a new revision of the same one."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
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
from .links import LinkTargets, unresolved_note
from .lookups import ImageUploader, person_for_credit, rubric_named, speaker_for
from .matching import existing_page
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
    "audio_size",
    "audio_mime_type",
    "summary",
    "guid",
    "guid_is_permalink",
    "episode_type",
    "cover_image_id",
]


@dataclass
class Outcome:
    """What saving one article did: "created", "updated" or "unchanged"."""

    status: str
    page: EpisodePage
    notes: list[str] = field(default_factory=list)


class EpisodeWriter:
    """Writes articles into one show, each in its own transaction."""

    def __init__(
        self, show: PodcastPage, *, publish: bool = False, images: ImageUploader | None = None
    ):
        self.show = show
        self.publish = publish
        # Shared with whoever uploads around the writer (a show's artwork), to undo a dry run.
        self.images = images or ImageUploader()
        self.body_block = EpisodePage._meta.get_field("body").stream_block
        self._speakers: dict[str, tuple] = {}
        self.links = LinkTargets()
        self._unresolved: set[str] = set()
        # Articles saved with links to the old site's pages that were not imported yet.
        self.forward_links: dict[str, tuple[Article, set[str]]] = {}

    def save(self, article: Article) -> Outcome:
        """Create or update the article's page; ArticleError (and nothing saved) if it can't."""
        mark = self.images.mark()
        try:
            with transaction.atomic():
                outcome = self._save(article)
                self._note_links(article, outcome)
                return outcome
        except ValidationError as error:
            self.images.forget_written(mark)
            raise ArticleError(describe(error)) from None
        except Exception:
            # Whatever failed, the transaction is rolled back: the files must go with it.
            self.images.forget_written(mark)
            raise

    def _note_links(self, article: Article, outcome: Outcome) -> None:
        self.links.add(article.source_url, outcome.page.pk)
        self.forward_links.pop(article.location, None)
        if self._unresolved:
            self.forward_links[article.location] = (article, set(self._unresolved))
            outcome.notes.append(unresolved_note(self._unresolved))

    def relink(self) -> list[tuple[Article, Outcome | ArticleError]]:
        """Save again the articles whose links to the old site now have their imported page.

        Run after a batch: an article may link to one that comes after it. Links that still
        match no page stay as they are (each save notes them).
        """
        results: list[tuple[Article, Outcome | ArticleError]] = []
        pending = list(self.forward_links.values())
        for article, unresolved in pending:
            if not self.links.resolves_any(unresolved):
                continue
            try:
                results.append((article, self.save(article)))
            except ArticleError as error:
                results.append((article, error))
        self.forward_links.clear()
        return results

    def _save(self, article: Article) -> Outcome:
        self._speakers = {}
        self._unresolved = set()
        self._check_show(article)
        self._check_values(article)
        existing = existing_page(self.show, article)
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
            "guid": article.guid,
            "audio_size": article.audio_size,
            "audio_mime_type": article.audio_mime_type,
            "episode_type": article.episode_type,
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
        self._fill_feed_details(page, article, notes)
        if article.summary_html:
            summary = sanitize(article.summary_html, SUMMARY_FEATURES)[0]
            page.summary = self.links.rewrite(summary, self._unresolved)
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

    def _fill_feed_details(self, page: EpisodePage, article: Article, notes: list[str]) -> None:
        """What a podcast feed's item adds; GUIDs are kept verbatim, never changed once set."""
        if article.guid and not page.guid:
            page.guid = article.guid
            page.guid_is_permalink = article.guid_is_permalink
        elif article.guid and page.guid != article.guid:
            notes.append(f"the page keeps its GUID {page.guid}; the source's {article.guid} is not")
        if article.episode_type:
            page.episode_type = article.episode_type
        if not page.audio_file_id:
            if article.audio_size is not None:
                page.audio_size = article.audio_size
            if article.audio_mime_type:
                page.audio_mime_type = article.audio_mime_type
        if article.cover:
            image = self.images.image_from_bytes(
                article.cover.data, article.cover.url, article.cover.alt, notes
            )
            if image:
                page.cover_image = image

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
            keep_filled_in(new_block, old_block)
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
                return block_values.paragraph(self.links.rewrite(item.html, self._unresolved))
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
                            entry.question,
                            self.links.rewrite(entry.answer_html, self._unresolved),
                            quote.text,
                            person,
                            name,
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


def keep_filled_in(new: dict, old: dict) -> None:
    """What the source leaves blank in a block keeps what the page has there: a quote's moment
    and speaker filled in from the transcript, a heading's moment from the chapters."""
    if new["type"] != old.get("type") or new["type"] not in ("pull_quote", "heading"):
        return
    value, before = new["value"], old.get("value") or {}
    if value.get("text") != before.get("text"):
        return
    if not value.get("timestamp") and before.get("timestamp"):
        value["timestamp"] = before["timestamp"]
    unnamed = (
        new["type"] == "pull_quote" and not value.get("speaker") and not value.get("speaker_name")
    )
    if unnamed and before.get("speaker"):
        value["speaker"] = before["speaker"]


def strip_ids(data):
    """Block data without the ids Wagtail gives each block and list item."""
    if isinstance(data, dict):
        return {key: strip_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [strip_ids(value) for value in data]
    return data
