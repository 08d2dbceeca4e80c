"""Pages, people and clients shared by the frontend API tests."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from episodes.factories import EpisodePageFactory, HomePageFactory, PodcastPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    page = HomePageFactory(parent=root, slug="podcast-home")
    Site.objects.update(root_page=page, hostname="localhost", port=80, is_default_site=True)
    return page


@pytest.fixture
def show(home):
    page = PodcastPageFactory(parent=home, title="Inside Stories", slug="inside-stories")
    page.save_revision().publish()
    return page


@pytest.fixture
def episode(show):
    """A published episode whose latest revision is an unpublished draft."""
    page = EpisodePageFactory(parent=show, title="Published title", slug="first-episode")
    page.save_revision().publish()
    page.title = "Draft title"
    page.save_revision()
    page.refresh_from_db()
    return page


@pytest.fixture
def other_episode(show):
    page = EpisodePageFactory(parent=show, title="Another episode", slug="another-episode")
    page.save_revision().publish()
    return page


def editor_of(page: Page, username: str, django_user_model):
    """A non-superuser who may edit `page` and its descendants."""
    group = Group.objects.create(name=f"Editors of {page.pk} {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in ("add", "change", "publish"):
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    user = django_user_model.objects.create_user(username=username, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(episode, django_user_model):
    return editor_of(episode.get_parent(), "editor", django_user_model)


@pytest.fixture
def outsider(home, other_episode, django_user_model):
    """An admin user who may edit another episode, but not the `episode` fixture."""
    return editor_of(other_episode, "outsider", django_user_model)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


def build_episode_form_data(page, title: str, paragraph: str, number: int | None = None) -> dict:
    """The edit form of an episode with a new title and a one-paragraph body."""
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "headline": "",
            "episode_number": number or page.episode_number,
            "broadcast_at": "2026-01-02 10:00",
            "summary": rich_text("<p>What the episode covers.</p>"),
            "body": streamfield(
                [
                    ("heading", {"text": "Opening", "level": "h2", "anchor": "", "timestamp": ""}),
                    ("paragraph", {"text": rich_text(f"<p>{paragraph}</p>")}),
                ]
            ),
            "audio_url": "https://audio.example.com/episode.mp3",
            "audio_mime_type": "audio/mpeg",
            "episode_type": "full",
            "host_links": inline_formset([]),
            "guest_links": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def episode_form_data():
    return build_episode_form_data
