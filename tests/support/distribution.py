"""A show's distribution settings filled in as an editor would, for feed, API and admin tests."""

import datetime

from django.utils import timezone

RECOMMENDED_GUID = "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def distribution_settings() -> dict:
    """Field values of every distribution setting (not "moved to")."""
    return {
        "medium": "podcast",
        "license": "CC-BY-4.0",
        "update_frequency": "Every other Monday",
        "update_rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
        "update_starts_at": datetime.datetime(2026, 1, 5, 6, 0, tzinfo=datetime.UTC),
        "funding_links": [
            {
                "type": "link",
                "value": {"url": "https://support.example.com/signal", "label": "Back the show"},
            },
            {
                "type": "link",
                "value": {"url": "https://members.example.com/", "label": "Join the club"},
            },
        ],
        "verification_codes": [
            {"type": "code", "value": {"purpose": "verify", "code": "sig-7Qk2-owner"}},
        ],
        "recommended_shows": [
            {
                "type": "show",
                "value": {
                    "feed_guid": RECOMMENDED_GUID,
                    "feed_url": "https://feeds.example.org/friends.xml",
                    "title": "Friends of the show",
                },
            },
            {
                "type": "show",
                "value": {
                    "feed_guid": "9b024349-ccf0-5f69-a609-6b82873eab3c",
                    "feed_url": "",
                    "title": "",
                },
            },
        ],
        "locations": [
            {
                "type": "location",
                "value": {
                    "name": "Lyon",
                    "rel": "creator",
                    "geo": "geo:45.7578,4.832",
                    "osm": "R120965",
                    "country": "FR",
                },
            },
        ],
        "season_names": [{"type": "season", "value": {"season": 1, "name": "Starting out"}}],
    }


def aired_trailer_kwargs() -> dict:
    """A trailer episode's fields: it goes to the channel's podcast:trailer too."""
    return {
        "title": "Coming soon: Signal & Noise",
        "episode_type": "trailer",
        "season": 1,
        "broadcast_at": timezone.now() - datetime.timedelta(days=20),
        "audio_duration": datetime.timedelta(minutes=2),
        "audio_size": 1_920_000,
    }
