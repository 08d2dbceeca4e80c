"""Shows and episodes; the snippets their articles refer to live in episodes/snippets.py."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from .audio.filling import fill_blank_audio_details
from .audio.models import AudioProbe  # noqa: F401 (the app's models are registered from here)
from .audio.panels import AudioProbePanel
from .blocks import EpisodeBodyBlock, timestamp_errors
from .blocks.distribution import (
    FundingLinksBlock,
    LocationsBlock,
    RecommendedShowsBlock,
    SeasonNamesBlock,
    VerificationCodesBlock,
)
from .choices import APPLE_CATEGORIES, EPISODE_EXPLICIT, EPISODE_TYPES, LANGUAGES, PODCAST_TYPES
from .distribution import KNOWN_LICENSES, MEDIUM_CHOICES, TEXT_LIMIT, rrule_error
from .forms import EpisodePageForm

# Re-exported: code across the project imports the snippets from here.
from .snippets import Person, Rubric
from .transcripts.models import Transcript  # noqa: F401 (registered from here, as AudioProbe)

SUMMARY_FEATURES = ["bold", "italic", "link"]


class PodcastPage(HeadlessMixin, Page):
    """A show: its feed-level metadata; its children are the episodes."""

    description = models.TextField(help_text="What the show is about, for apps and search.")
    artwork = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Square, 1400 to 3000 pixels wide, as Apple Podcasts asks.",
    )
    author = models.CharField(max_length=255)
    owner_name = models.CharField(max_length=255)
    owner_email = models.EmailField(help_text="Where podcast directories contact the owner.")
    language = models.CharField(max_length=10, choices=LANGUAGES, default="fr")
    apple_category = models.CharField(max_length=80, choices=APPLE_CATEGORIES, default="Business")
    explicit = models.BooleanField(default=False)
    podcast_type = models.CharField(
        "show type",
        max_length=10,
        choices=PODCAST_TYPES,
        default="episodic",
        help_text="Episodic: newest first. Serial: listened to in order.",
    )
    copyright = models.CharField(max_length=255, blank=True)
    website = models.URLField(blank=True)
    # Distribution: the Podcasting 2.0 tags of the show's feed (docs/feeds.md).
    podcast_guid = models.CharField(
        "podcast GUID",
        max_length=36,
        blank=True,
        editable=False,
        help_text="Set at first publish from the feed URL; it never changes afterwards.",
    )
    medium = models.CharField(max_length=12, choices=MEDIUM_CHOICES, default="podcast")
    license = models.CharField(
        max_length=TEXT_LIMIT,
        blank=True,
        help_text="e.g. CC-BY-4.0 or ARR (all rights reserved); any other license needs its URL.",
    )
    license_url = models.URLField("license URL", blank=True, max_length=500)
    update_frequency = models.CharField(
        max_length=TEXT_LIMIT, blank=True, help_text="As listeners read it, e.g. “Every Monday”."
    )
    update_rule = models.CharField(
        "update rule",
        max_length=255,
        blank=True,
        help_text="The same schedule as an iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=MO.",
    )
    update_starts_at = models.DateTimeField("schedule starts", null=True, blank=True)
    complete = models.BooleanField(
        "complete", default=False, help_text="No further episodes will be released."
    )
    funding_links = StreamField(FundingLinksBlock(), blank=True)
    verification_codes = StreamField(
        VerificationCodesBlock(),
        blank=True,
        help_text="Codes directories give to prove you own the feed; not shown to listeners.",
    )
    recommended_shows = StreamField(RecommendedShowsBlock(), blank=True)
    locations = StreamField(LocationsBlock(), blank=True)
    season_names = StreamField(SeasonNamesBlock(), blank=True)
    moved_to_url = models.URLField(
        "moved to",
        blank=True,
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=(
            "The show's new feed URL, once it is hosted elsewhere. Once published, the feed "
            "answers with a permanent redirect there and apps move their subscribers."
        ),
    )

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("artwork"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("owner_name"), FieldPanel("owner_email")]),
            ],
            heading="People",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("language"), FieldPanel("apple_category")]),
                FieldRowPanel([FieldPanel("podcast_type"), FieldPanel("explicit")]),
                FieldPanel("copyright"),
                FieldPanel("website"),
            ],
            heading="Directory listing",
        ),
    ]
    distribution_panels = [
        FieldPanel("funding_links", heading="Funding"),
        FieldRowPanel([FieldPanel("medium"), FieldPanel("license"), FieldPanel("license_url")]),
        MultiFieldPanel(
            [
                FieldPanel("update_frequency"),
                FieldRowPanel([FieldPanel("update_rule"), FieldPanel("update_starts_at")]),
                FieldPanel("complete"),
            ],
            heading="Release schedule",
        ),
        FieldPanel("locations"),
        FieldPanel("season_names"),
        FieldPanel("recommended_shows", heading="Recommended shows (podroll)"),
        FieldPanel("verification_codes"),
        FieldPanel("moved_to_url"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(distribution_panels, heading="Distribution"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("description")]
    # What the API exposes; names without a model attribute are computed by the serving app.
    api_fields = [
        APIField("description"),
        APIField("artwork"),
        APIField("author"),
        APIField("language"),
        APIField("apple_category"),
        APIField("explicit"),
        APIField("podcast_type"),
        APIField("copyright"),
        APIField("website"),
        APIField("funding"),
        APIField("podroll"),
        APIField("license"),
        APIField("license_url"),
        APIField("update_frequency"),
        APIField("seo"),
        APIField("json_ld"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["episodes.EpisodePage"]
    # A copy is another show with its own feed, so its own GUID.
    exclude_fields_in_copy = ["podcast_guid"]

    class Meta:
        verbose_name = "show"

    def clean(self):
        super().clean()
        errors = {}
        if self.license and self.license.lower() not in KNOWN_LICENSES and not self.license_url:
            errors["license_url"] = (
                f"“{self.license}” is not in the Podcasting 2.0 license list: give its URL."
            )
        if self.update_rule:
            problem = rrule_error(self.update_rule, self.update_starts_at is not None)
            if problem:
                errors["update_rule"] = problem
        schedule = self.update_rule or self.update_starts_at or self.complete
        if schedule and not self.update_frequency:
            errors["update_frequency"] = "Say the schedule in words too; apps show this text."
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """A revision's show, keeping the GUID stored at first publish (older revisions lack it)."""
        show = super().with_content_json(content)
        show.podcast_guid = self.podcast_guid or show.podcast_guid
        return show


class EpisodeTag(TaggedItemBase):
    """Links a tag to an episode."""

    content_object = ParentalKey(
        "episodes.EpisodePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EpisodePage(HeadlessMixin, Page):
    """One episode of a show and the article written about it."""

    episode_number = models.PositiveIntegerField(help_text="Unique within the show.")
    season = models.PositiveIntegerField(null=True, blank=True)
    episode_type = models.CharField(max_length=10, choices=EPISODE_TYPES, default="full")
    explicit = models.CharField(
        max_length=5,
        blank=True,
        choices=EPISODE_EXPLICIT,
        help_text="Apple's explicit flag for this episode; blank follows the show.",
    )
    rubric = models.ForeignKey(
        Rubric, null=True, blank=True, on_delete=models.SET_NULL, related_name="episodes"
    )
    headline = models.CharField(
        max_length=255,
        blank=True,
        help_text="The article's title when it differs from the episode title.",
    )
    broadcast_at = models.DateTimeField("broadcast date", help_text="When the episode aired.")
    audio_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Upload the audio here, or give an external URL below.",
    )
    audio_url = models.URLField(
        "external audio URL",
        blank=True,
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="An http(s) link to the audio on your host, when it isn't uploaded.",
    )
    audio_duration = models.DurationField(
        null=True,
        blank=True,
        help_text='Length of the audio, e.g. "00:52:10.250". Left blank, read from the audio.',
    )
    audio_size = models.PositiveBigIntegerField(
        "audio size in bytes",
        null=True,
        blank=True,
        help_text="Podcast apps need it. Left blank, read from the audio.",
    )
    audio_mime_type = models.CharField(
        "audio MIME type",
        max_length=50,
        blank=True,
        help_text="Left blank, read from the audio's content (e.g. audio/mpeg, audio/mp4).",
    )
    transcript_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="transcript file, served as is",
        help_text=(
            "For transcripts the CMS can't read (plain text, HTML). Attach WebVTT, SRT or "
            "JSON transcripts under Transcripts instead: they get speakers and every format."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = RichTextField(
        features=SUMMARY_FEATURES, blank=True, help_text="Two or three sentences for listings."
    )
    body = StreamField(EpisodeBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=EpisodeTag, blank=True)
    source_url = models.CharField(
        "imported from",
        max_length=500,
        blank=True,
        db_index=True,
        help_text="The article import_episodes read this page from; re-imports update this page.",
    )
    guid = models.CharField(
        "feed GUID",
        max_length=500,
        blank=True,
        db_index=True,
        help_text=(
            "The item's guid in the show's feed, unique within the show: stored at first "
            "publish, or kept verbatim from a feed the show was moved from, so podcast apps "
            "track the same episode."
        ),
    )
    guid_is_permalink = models.BooleanField(
        "GUID is a permalink",
        default=False,
        help_text="The GUID is the episode's web address (isPermaLink in the feed).",
    )

    content_panels = [
        TitleFieldPanel("title", help_text="The episode title as podcast apps show it."),
        FieldPanel("headline"),
        FieldRowPanel([FieldPanel("episode_number"), FieldPanel("rubric")]),
        FieldPanel("broadcast_at"),
        FieldPanel("cover_image"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    audio_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audio_file"),
                FieldPanel("audio_url"),
                FieldRowPanel(
                    [
                        FieldPanel("audio_duration"),
                        FieldPanel("audio_size"),
                        FieldPanel("audio_mime_type"),
                    ]
                ),
                AudioProbePanel(),
                FieldPanel("transcript_file"),
            ],
            heading="Audio",
        ),
        FieldRowPanel(
            [FieldPanel("season"), FieldPanel("episode_type"), FieldPanel("explicit")],
            heading="Episode",
        ),
        FieldPanel("guid", read_only=True),
        InlinePanel("host_links", label="Hosts", heading="Hosts"),
        InlinePanel("guest_links", label="Guests", heading="Guests"),
        FieldPanel("tags"),
        InlinePanel("related_links", label="Similar episode", heading="Similar episodes"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(audio_panels, heading="Audio & metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ],
        base_form_class=EpisodePageForm,
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("headline"),
        index.SearchField("summary"),
        index.SearchField("body"),
        # The admin's page search matches as you type (autocomplete), so the article joins in.
        index.AutocompleteField("headline"),
        index.AutocompleteField("body"),
        index.FilterField("episode_number"),
        index.FilterField("broadcast_at"),
    ]
    # What the API exposes; names without a model attribute are computed by the serving app.
    api_fields = [
        APIField("show"),
        APIField("episode_number"),
        APIField("season"),
        APIField("episode_type"),
        APIField("rubric"),
        APIField("headline"),
        APIField("broadcast_at"),
        APIField("audio"),
        APIField("transcript"),
        APIField("soundbites"),
        APIField("cover_image"),
        APIField("summary"),
        APIField("hosts"),
        APIField("guests"),
        APIField("tags"),
        APIField("related_episodes"),
        APIField("body"),
        APIField("toc"),
        APIField("reading_time"),
        APIField("seo"),
        APIField("json_ld"),
    ]
    parent_page_types = ["episodes.PodcastPage"]
    subpage_types: list[str] = []
    # A copy is another episode for podcast apps: it gets its own GUID when published.
    exclude_fields_in_copy = ["guid"]

    class Meta:
        verbose_name = "episode"

    def save(self, *args, **kwargs):
        # First publish: the GUID apps will know the episode by, kept through every later edit.
        if self.live and not self.guid:
            self.guid = str(self.translation_key)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "guid"]
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision's episode, keeping the GUID stored at first publish."""
        episode = super().with_content_json(content)
        episode.guid = self.guid or episode.guid
        return episode

    @cached_property
    def audio_duration_seconds(self) -> int | None:
        return int(self.audio_duration.total_seconds()) if self.audio_duration else None

    @property
    def audio_source_url(self) -> str:
        """The audio's address: the uploaded file's URL or the external one."""
        return self.audio_file.url if self.audio_file else self.audio_url

    @staticmethod
    def guid_clash(show, guid: str, exclude_pk=None) -> str:
        """A message when another episode of the show already has this feed GUID, else ""."""
        if not guid:
            return ""
        siblings = EpisodePage.objects.child_of(show).filter(guid=guid)
        other = siblings.exclude(pk=exclude_pk).first()
        return f"Another episode of this show has this GUID: “{other.title}”." if other else ""

    @staticmethod
    def number_clash(show, number: int, exclude_pk=None) -> str:
        """A message when another episode of the show already has this number, else ""."""
        siblings = EpisodePage.objects.child_of(show).filter(episode_number=number)
        other = siblings.exclude(pk=exclude_pk).first()
        return f"Episode {number} already exists in this show: “{other.title}”." if other else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.audio_file_id and self.audio_url:
            errors["audio_url"] = "Upload a file or give a URL, not both."
        if self.path and self.depth and self.depth > 1:
            show = self.get_parent()
            clash = self.number_clash(show, self.episode_number, exclude_pk=self.pk)
            if clash:
                errors["episode_number"] = clash
            guid_clash = self.guid_clash(show, self.guid, exclude_pk=self.pk)
            if guid_clash:
                errors["guid"] = guid_clash
        if errors:
            raise ValidationError(errors)
        fill_blank_audio_details(self)

    def clean_fields(self, exclude=None):
        # Here rather than in clean(), which can't tell that a form left the body out because
        # it refused it: the page still holds the stored body then, and the form checks the
        # posted one (EpisodePageForm.check_timestamps).
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.audio_duration and not {"body", "audio_duration"} & set(exclude or ()):
            # Not audio_duration_seconds: cached, it may predate the duration being checked.
            beyond = timestamp_errors(self.body, int(self.audio_duration.total_seconds()))
            if beyond:
                errors.setdefault("body", []).append(
                    StreamBlockValidationError(block_errors=beyond)
                )
        if errors:
            raise ValidationError(errors)


class EpisodePerson(Orderable):
    """A person credited on an episode; subclasses say in which role."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        abstract = True


class EpisodeHost(EpisodePerson):
    """A host of an episode."""

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="host_links")


class EpisodeGuest(EpisodePerson):
    """A guest of an episode."""

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="guest_links")


class RelatedEpisode(Orderable):
    """An episode the editor recommends after this one, in the editor's order."""

    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="related_links")
    episode = models.ForeignKey(EpisodePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("episode", "episodes.EpisodePage")]

    def clean(self):
        if self.episode_id and self.episode_id == self.page_id:
            raise ValidationError({"episode": "An episode can't be similar to itself."})
