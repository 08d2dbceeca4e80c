"""Episodes with drafts, editors and clients for the preview and reviewer-link tests."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from episodes.factories import EpisodePageFactory
from episodes.models import EpisodePage
from tests.support import forms


@pytest.fixture
def draft_episode(show):
    """A published episode whose latest revision is an unpublished draft."""
    page = EpisodePageFactory(
        parent=show, title="Published title", slug="first-episode", published=True
    )
    page.title = "Draft title"
    page.save_revision()
    page.refresh_from_db()
    return page


@pytest.fixture
def other_episode(show):
    return EpisodePageFactory(
        parent=show, title="Another episode", slug="another-episode", published=True
    )


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
def editor(draft_episode, django_user_model):
    return editor_of(draft_episode.get_parent(), "editor", django_user_model)


@pytest.fixture
def outsider(other_episode, django_user_model):
    """An admin user who may edit another episode, but not `draft_episode`."""
    return editor_of(other_episode, "outsider", django_user_model)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def episode_form_data():
    return forms.episode_form_data


def unused_episode_number() -> int:
    """An episode number no page uses yet (factories number episodes from a sequence)."""
    return max(EpisodePage.objects.values_list("episode_number", flat=True), default=0) + 1


@pytest.fixture
def free_number(db):
    return unused_episode_number
