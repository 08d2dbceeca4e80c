"""Exactly one webhook delivery per change, for changes made the way editors make them:
through the admin's views, each its own request, committed as the admin commits them."""

from collections.abc import Callable

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from episodes import factories as f
from episodes.models import EpisodePage
from frontend_api.models import WebhookDelivery
from tests.support.forms import TRAILER_URL, every_block_form_data

from .conftest import work_until

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


@pytest.fixture
def live_episode(webhook, editor, show):
    """An episode published through the admin's add view, its own delivery left behind."""
    person, picture = f.PersonFactory(name="Host Person"), f.ImageFactory()
    f.EmbedFactory(url=TRAILER_URL, html="<iframe></iframe>")
    data = every_block_form_data(person, picture, **{"action-publish": "publish"})
    WebhookDelivery.objects.all().delete()  # the image and the embed, each its own change
    add = reverse("wagtailadmin_pages:add", args=["episodes", "episodepage", show.pk])
    assert editor.post(add, data).status_code == 302
    page = EpisodePage.objects.get(slug="every-block")
    assert page.live
    assert WebhookDelivery.objects.count() == 1, "publishing a new page is one change"
    WebhookDelivery.objects.all().delete()
    return page, person, picture, data


def publish_edit(editor, page, data) -> int:
    data = {**data, "title": "Retitled", "action-publish": "publish"}
    return editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code


def unpublish(editor, page) -> int:
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    return editor.post(url, {"include_descendants": ""}).status_code


def move(editor, page, home_page) -> int:
    other = f.PodcastPageFactory(parent=home_page, slug="other-show")
    WebhookDelivery.objects.all().delete()  # the new show's own publication
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk])
    return editor.post(url).status_code


def delete(editor, page) -> int:
    return editor.post(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code


def edit_person(editor, person) -> int:
    url = reverse("wagtailsnippets_episodes_person:edit", args=[person.pk])
    data = nested_form_data(
        {"name": "Renamed Host", "role": "", "bio": "", "links": streamfield([])}
    )
    return editor.post(url, data).status_code


def edit_image(editor, picture) -> int:
    url = reverse("wagtailimages:edit", args=[picture.pk])
    data = {"title": "A new title", "collection": picture.collection_id, "tags": ""}
    return editor.post(url, data).status_code


ACTIONS: dict[str, Callable] = {
    "publish": lambda editor, page, person, picture, data, home: publish_edit(editor, page, data),
    "unpublish": lambda editor, page, *rest: unpublish(editor, page),
    "move": lambda editor, page, person, picture, data, home: move(editor, page, home),
    "delete": lambda editor, page, *rest: delete(editor, page),
    "snippet": lambda editor, page, person, *rest: edit_person(editor, person),
    "image": lambda editor, page, person, picture, *rest: edit_image(editor, picture),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_one_admin_action_sends_one_delivery(action, editor, live_episode, home_page, webhook):
    page, person, picture, data = live_episode
    status = ACTIONS[action](editor, page, person, picture, data, home_page)
    assert status == 302, f"the admin refused the {action}"
    deliveries = list(WebhookDelivery.objects.all())
    assert len(deliveries) == 1, [delivery.payload for delivery in deliveries]
    work_until(lambda: WebhookDelivery.objects.get().status == "delivered")
    assert len(webhook.requests) == 1
