"""Editors fill in a show's distribution settings in its admin form (the Distribution tab)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from episodes.models import PodcastPage

GUID = "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def show_form(show, **overrides) -> dict:
    """The show edit form as Wagtail's editor posts it, distribution settings filled in."""
    data = {
        "title": show.title,
        "slug": show.slug,
        "description": show.description,
        "artwork": str(show.artwork_id),
        "author": show.author,
        "owner_name": show.owner_name,
        "owner_email": show.owner_email,
        "language": show.language,
        "apple_category": show.apple_category,
        "podcast_type": show.podcast_type,
        "copyright": show.copyright,
        "website": "",
        "medium": "podcast",
        "license": "CC-BY-NC-4.0",
        "license_url": "",
        "update_frequency": "Weekly",
        "update_rule": "FREQ=WEEKLY",
        "update_starts_at": "",
        "funding_links": streamfield(
            [
                ("link", {"url": "https://support.example.com/", "label": "Support us"}),
                ("link", {"url": "https://shop.example.com/", "label": "Buy a mug"}),
            ]
        ),
        "verification_codes": streamfield([("code", {"purpose": "verify", "code": "abc-123"})]),
        "recommended_shows": streamfield(
            [("show", {"feed_guid": GUID, "feed_url": "", "title": "Podcasting 2.0"})]
        ),
        "locations": streamfield(
            [
                (
                    "location",
                    {
                        "name": "Lyon",
                        "rel": "creator",
                        "geo": "geo:45.75,4.83",
                        "osm": "R120965",
                        "country": "FR",
                    },
                )
            ]
        ),
        "season_names": streamfield([("season", {"season": "1", "name": "Beginnings"})]),
        "moved_to_url": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def edit(client, show, **overrides):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[show.pk]), show_form(show, **overrides)
    )


@pytest.fixture
def editor(admin_client, show):
    return admin_client


def test_editors_set_every_distribution_setting(editor, show):
    response = edit(editor, show)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = PodcastPage.objects.get(pk=show.pk)
    assert [dict(child.value) for child in saved.funding_links] == [
        {"url": "https://support.example.com/", "label": "Support us"},
        {"url": "https://shop.example.com/", "label": "Buy a mug"},
    ]
    assert saved.verification_codes[0].value["code"] == "abc-123"
    assert saved.recommended_shows[0].value["feed_guid"] == GUID
    assert saved.locations[0].value["country"] == "FR"
    assert saved.season_names[0].value["name"] == "Beginnings"
    assert (saved.license, saved.update_frequency, saved.update_rule) == (
        "CC-BY-NC-4.0",
        "Weekly",
        "FREQ=WEEKLY",
    )


def test_the_edit_form_has_a_distribution_tab(editor, show):
    page = editor.get(reverse("wagtailadmin_pages:edit", args=[show.pk])).content.decode()
    assert "Distribution" in page and 'name="moved_to_url"' in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"license": "house-rules"}, "license_url", "give its URL"),
        ({"update_rule": "every monday"}, "update_rule", "Not an iCalendar recurrence rule"),
        ({"update_rule": "FREQ=WEEKLY;COUNT=4"}, "update_rule", "needs a start date"),
        ({"update_frequency": ""}, "update_frequency", "in words too"),
        ({"moved_to_url": "ftp://feeds.example.net/x"}, "moved_to_url", "Enter a valid URL"),
        (
            {
                "funding_links": streamfield(
                    [("link", {"url": "https://a.example/", "label": "x" * 129})]
                )
            },
            "funding_links",
            "at most 128 characters",
        ),
        (
            {
                "recommended_shows": streamfield(
                    [("show", {"feed_guid": "not-a-guid", "feed_url": "", "title": ""})]
                )
            },
            "recommended_shows",
            "A podcast GUID looks like",
        ),
        (
            {
                "locations": streamfield(
                    [
                        (
                            "location",
                            {
                                "name": "Lyon",
                                "rel": "creator",
                                "geo": "45.7,4.8",
                                "osm": "",
                                "country": "",
                            },
                        )
                    ]
                )
            },
            "locations",
            "geo:latitude,longitude",
        ),
        (
            {
                "season_names": streamfield(
                    [
                        ("season", {"season": "1", "name": "A"}),
                        ("season", {"season": "1", "name": "B"}),
                    ]
                )
            },
            "season_names",
            "Season 1 is named twice",
        ),
    ],
)
def test_bad_settings_are_refused_with_a_message(editor, show, overrides, field, message):
    response = edit(editor, show, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    form = response.context["form"]
    assert field in form.errors
    saved = PodcastPage.objects.get(pk=show.pk)
    assert not saved.funding_links and saved.license == ""


def test_a_published_move_redirects_the_feed(editor, show, client):
    response = edit(editor, show, moved_to_url="https://feeds.example.net/show.xml")
    assert response.status_code == 302
    feed = client.get(reverse("feeds:show", args=[show.slug]))
    assert (feed.status_code, feed["Location"]) == (301, "https://feeds.example.net/show.xml")


def test_a_move_saved_as_draft_keeps_the_feed(editor, show, client):
    overrides = {"moved_to_url": "https://feeds.example.net/show.xml", "action-publish": ""}
    data = show_form(show, **overrides)
    del data["action-publish"]
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[show.pk]), data)
    assert response.status_code == 302
    assert client.get(reverse("feeds:show", args=[show.slug])).status_code == 200
