"""A show's distribution settings in the API: what frontends show, never the ownership codes."""

import pytest

from tests.support.distribution import RECOMMENDED_GUID, distribution_settings


@pytest.fixture
def distributed(show):
    for name, value in distribution_settings().items():
        setattr(show, name, value)
    show.save_revision().publish()
    return show


def test_the_show_detail_carries_funding_podroll_license_and_schedule(client, distributed):
    body = client.get(f"/api/v2/pages/{distributed.pk}/").json()
    assert body["funding"] == [
        {"url": "https://support.example.com/signal", "label": "Back the show"},
        {"url": "https://members.example.com/", "label": "Join the club"},
    ]
    assert body["podroll"][0] == {
        "feed_guid": RECOMMENDED_GUID,
        "feed_url": "https://feeds.example.org/friends.xml",
        "title": "Friends of the show",
    }
    assert body["podroll"][1]["feed_url"] == ""
    assert (body["license"], body["license_url"], body["update_frequency"]) == (
        "CC-BY-4.0",
        "",
        "Every other Monday",
    )


def test_ownership_codes_and_the_move_stay_out_of_the_api(client, distributed):
    distributed.moved_to_url = "https://feeds.example.net/elsewhere.xml"
    distributed.save_revision().publish()
    detail = client.get(f"/api/v2/pages/{distributed.pk}/")
    listing = client.get("/api/v2/pages/?type=episodes.PodcastPage&fields=*")
    for response in (detail, listing):
        assert response.status_code == 200
        text = response.content.decode()
        assert "sig-7Qk2-owner" not in text and "feeds.example.net" not in text
    assert listing.json()["items"][0]["funding"][0]["label"] == "Back the show"
