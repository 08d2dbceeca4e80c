"""From "Preview" in the admin to the frontend URL, for saved and unsaved pages, per site."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail.models import Site
from wagtail_headless_preview.models import PagePreview

from episodes.factories import EpisodePageFactory, PodcastPageFactory
from home.factories import HomePageFactory


def frontend_preview_url(client, preview_url: str, data: dict) -> str:
    """Posts the editor's form to the preview view, then reads the frontend URL it frames."""
    posted = client.post(preview_url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"], posted.json()
    response = client.get(preview_url)
    assert response.status_code == 200
    iframe = BeautifulSoup(response.content, "html.parser").find("iframe")
    return iframe["src"]


def preview_params(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.django_db
def test_preview_of_an_edited_page_frames_the_frontend(
    editor_client, draft_episode, episode_form_data
):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_episode.pk])
    data = episode_form_data(draft_episode, "Typed but unsaved", "A sentence typed a moment ago.")
    url = frontend_preview_url(editor_client, preview_url, data)

    assert url.startswith(settings.FRONTEND_URL + "/?")
    params = preview_params(url)
    assert params["content_type"] == "episodes.episodepage"
    preview = PagePreview.objects.get(token=params["token"])
    page = preview.as_page()
    assert (page.pk, page.title) == (draft_episode.pk, "Typed but unsaved")
    assert "A sentence typed a moment ago." in str(page.body)


@pytest.mark.django_db
def test_typing_again_gives_the_frontend_the_new_text(
    editor_client, draft_episode, episode_form_data
):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_episode.pk])
    first = frontend_preview_url(
        editor_client, preview_url, episode_form_data(draft_episode, "First", "First words.")
    )
    second = frontend_preview_url(
        editor_client, preview_url, episode_form_data(draft_episode, "Second", "Second words.")
    )
    latest = PagePreview.objects.get(token=preview_params(second)["token"]).as_page()
    assert latest.title == "Second"
    assert first.startswith(settings.FRONTEND_URL) and second.startswith(settings.FRONTEND_URL)


@pytest.mark.django_db
def test_the_edit_view_has_a_live_preview_panel(editor_client, draft_episode):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[draft_episode.pk]))
    panel = BeautifulSoup(response.content, "html.parser").find(
        attrs={"data-w-preview-url-value": True}
    )
    assert panel["data-w-preview-url-value"] == reverse(
        "wagtailadmin_pages:preview_on_edit", args=[draft_episode.pk]
    )
    # A positive interval makes Wagtail refresh the panel while the editor types.
    assert int(panel["data-w-preview-auto-update-interval-value"]) > 0


@pytest.mark.django_db
def test_preview_of_a_new_unsaved_page(editor_client, show, episode_form_data, free_number):
    new_page = EpisodePageFactory.build(slug="not-yet-saved", episode_number=free_number())
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["episodes", "episodepage", show.pk]
    )
    data = episode_form_data(new_page, "Brand new", "Words of a page never saved.")
    url = frontend_preview_url(editor_client, preview_url, data)

    params = preview_params(url)
    assert url.startswith(settings.FRONTEND_URL + "/?")
    page = PagePreview.objects.get(token=params["token"]).as_page()
    assert page.pk is None
    assert page.title == "Brand new"
    assert not type(page).objects.filter(slug="not-yet-saved").exists()


@pytest.mark.django_db
def test_each_site_previews_on_its_own_frontend(
    client, django_user_model, home_page, settings, episode_form_data, free_number
):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {
            "default": "https://main-front.example",
            "second.example": "https://second-front.example",
        },
    }
    second_home = HomePageFactory(parent=home_page.get_parent(), slug="second-home")
    Site.objects.create(hostname="second.example", port=80, root_page=second_home)
    second_show = PodcastPageFactory(parent=second_home, slug="second-show")
    page = EpisodePageFactory(parent=second_show, slug="on-the-second-site")
    page.save_revision()
    client.force_login(django_user_model.objects.create_superuser("admin", password="pw"))

    # The admin is used from the main site's host; the page still goes to its own frontend
    # (Wagtail previews through a request made for the page's own site).
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    url = frontend_preview_url(client, preview_url, episode_form_data(page, "Second", "Text."))
    assert url.startswith("https://second-front.example/?")

    new_page = EpisodePageFactory.build(slug="new-on-the-second-site", episode_number=free_number())
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["episodes", "episodepage", second_show.pk]
    )
    data = episode_form_data(new_page, "New", "Text.")
    assert frontend_preview_url(client, preview_url, data).startswith(
        "https://second-front.example/?"
    )

    page.save_revision().publish()
    live = client.get("/second-show/on-the-second-site/", HTTP_HOST="second.example")
    assert live["Location"] == "https://second-front.example/second-show/on-the-second-site/"


@pytest.mark.django_db
def test_view_live_leads_to_the_frontend(editor_client, draft_episode):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[draft_episode.pk]))
    live_link = BeautifulSoup(response.content, "html.parser").find(
        "a", attrs={"aria-label": "Visible to all. Visit the live page"}
    )
    live = editor_client.get(live_link["href"])
    assert live.status_code == 302
    assert live["Location"] == f"{settings.FRONTEND_URL}/test-show/first-episode/"
