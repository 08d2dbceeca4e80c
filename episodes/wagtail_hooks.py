"""Admin registration: the episode listing and the people and rubric snippets."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn, ParentPageColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .audio.models import AudioProbe
from .audio.tasks import probe_after_commit
from .models import EpisodePage
from .snippets import Person, Rubric
from .transcripts.admin import TranscriptViewSet
from .transcripts.picker import picker_urls


class EpisodeListingViewSet(PageListingViewSet):
    """Every episode of every show, with what editors scan for: number, date, status."""

    model = EpisodePage
    icon = "media"
    menu_label = "Episodes"
    menu_order = 150
    add_to_admin_menu = True
    name = "episodes"
    columns = [
        PageTitleColumn("title", label="Title", sort_key="title", classname="title"),
        Column("episode_number", label="No.", sort_key="episode_number", width="8%"),
        ParentPageColumn("parent", label="Show"),
        Column("rubric", label="Rubric", width="12%"),
        # A plain date: the relative "x ago" of DateColumn reads wrong for upcoming broadcasts.
        Column(
            "broadcast_at",
            label="Broadcast",
            accessor=lambda page: date_format(localtime(page.broadcast_at), "j M Y, H:i"),
            sort_key="broadcast_at",
            width="14%",
        ),
        PageStatusColumn("status", label="Status", sort_key="live", width="12%"),
    ]


class PersonViewSet(SnippetViewSet):
    """Hosts and guests."""

    model = Person
    icon = "user"
    list_display = ["name", "role"]
    search_fields = ["name", "role"]


class RubricViewSet(SnippetViewSet):
    """Recurring sections such as "Marché"."""

    model = Rubric
    icon = "tag"
    list_display = ["name", "slug"]


class EpisodeSnippetsGroup(SnippetViewSetGroup):
    """Groups the snippets an episode refers to under one menu."""

    items = (PersonViewSet, RubricViewSet)
    menu_icon = "group"
    menu_label = "People & rubrics"
    menu_name = "people-rubrics"


register_snippet(EpisodeSnippetsGroup)


@hooks.register("register_admin_viewset")
def register_episode_listing():
    return EpisodeListingViewSet()


@hooks.register("register_admin_viewset")
def register_transcripts():
    return TranscriptViewSet()


@hooks.register("register_admin_urls")
def transcript_picker_urls():
    """The quote blocks' "Insert from the transcript" endpoints."""
    return picker_urls()


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def probe_new_audio_url(request, page) -> None:
    """Check an external audio URL the first time an editor saves it, in the task worker."""
    url = getattr(page, "audio_url", "")
    if url and not AudioProbe.objects.filter(url=url).exists():
        probe_after_commit(url)
