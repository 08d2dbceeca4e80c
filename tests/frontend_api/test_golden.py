"""Golden contract: each page type's detail JSON equals the checked-in file, byte for byte.

The content is built with fixed ids, dates, file names and block ids, so the output is the
same on SQLite and PostgreSQL. After a deliberate contract change, regenerate the files with
`UPDATE_GOLDEN=1 pytest tests/frontend_api/test_golden.py` and review the diff.
"""

import datetime
import json
import os
import re
from pathlib import Path

import pytest
import wagtail_factories
from django.utils import timezone

from episodes import factories as f
from episodes.models import EpisodeGuest, EpisodeHost, RelatedEpisode
from episodes.transcripts.parsing import parse
from episodes.transcripts.storage import store_transcript
from home.factories import HomePageFactory, SiteFactory
from tests.support.content import embed_row, full_body, image
from tests.support.site import without_stock_pages

GOLDEN_TRANSCRIPT = """WEBVTT

00:00:00.000 --> 00:00:04.250
<v Host Person>Welcome to the golden episode.

00:00:04.250 --> 00:00:09.125
<v Speaker 2>Thank you for having me.

00:01:02.000 --> 00:01:20.500
<v Host Person>Listening comes first, always.
"""

GOLDEN_DIR = Path(__file__).parent / "golden"


def fixed(factory, golden_pk: int, **kwargs):
    """A page remembered under a golden id: Wagtail chooses page ids itself."""
    page = factory(first_published_at=PUBLISHED_AT, **kwargs)
    GOLDEN_PAGE_IDS[page.pk] = golden_pk
    return page


GOLDEN_PAGE_IDS: dict[int, int] = {}
DETAIL_URL = re.compile(r"/api/v2/pages/(\d+)/")
TRANSCRIPT_URL = re.compile(r"/transcripts/(\d+)\.")


def with_golden_ids(value):
    """Page ids (in "id" keys and detail URLs) replaced by their golden ids."""
    if isinstance(value, dict):
        return {
            key: GOLDEN_PAGE_IDS.get(item, item)
            if key == "id" and isinstance(item, int)
            else with_golden_ids(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [with_golden_ids(item) for item in value]
    if isinstance(value, str):
        value = TRANSCRIPT_URL.sub(
            lambda match: f"/transcripts/{GOLDEN_PAGE_IDS.get(int(match[1]), match[1])}.", value
        )
        return DETAIL_URL.sub(
            lambda match: f"/api/v2/pages/{GOLDEN_PAGE_IDS.get(int(match[1]), match[1])}/", value
        )
    return value


PUBLISHED_AT = timezone.make_aware(datetime.datetime(2026, 1, 5, 10, 0), datetime.UTC)


@pytest.fixture
def golden_site(settings, tmp_path, db):
    """A site whose every id, date and file name is fixed."""
    settings.MEDIA_ROOT = tmp_path
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"
    settings.WAGTAILAPI_BASE_URL = "https://cms.example"
    settings.TIME_ZONE = "Europe/Paris"
    GOLDEN_PAGE_IDS.clear()
    home = fixed(HomePageFactory, 9001, parent=without_stock_pages(), intro="Shows about the web.")
    SiteFactory(root_page=home, site_name="Golden")
    show = fixed(
        f.PodcastPageFactory,
        9002,
        parent=home,
        title="Golden Show",
        slug="golden-show",
        artwork=image(90301, "show-artwork", size=64),
        license="CC-BY-4.0",
        update_frequency="Every Monday",
        funding_links=[
            {"type": "link", "value": {"url": "https://support.example/", "label": "Support"}}
        ],
        recommended_shows=[
            {
                "type": "show",
                "value": {
                    "feed_guid": "917393e3-1b1e-5cef-ace4-edaa54e1f810",
                    "feed_url": "",
                    "title": "A show we like",
                },
            }
        ],
        # Editors' ownership codes stay out of the API.
        verification_codes=[{"type": "code", "value": {"purpose": "verify", "code": "x-1"}}],
    )
    linked = fixed(
        f.EpisodePageFactory,
        9003,
        parent=show,
        title="Earlier episode",
        slug="earlier",
        episode_number=7,
        cover_image=image(90302, "earlier-cover", size=64),
        broadcast_at=timezone.make_aware(datetime.datetime(2026, 1, 1, 8, 0)),
    )
    host = f.PersonFactory(id=90101, name="Host Person", role="Host")
    host.photo = image(90303, "host-photo", size=64)
    host.save()
    guest = f.PersonFactory(id=90102, name="Guest Person", role="")
    document = wagtail_factories.DocumentFactory(
        id=90401, title="Notes", file__filename="notes.txt"
    )
    transcript = wagtail_factories.DocumentFactory(
        id=90402, title="Transcript", file__filename="golden.vtt"
    )
    embed_row()
    episode = fixed(
        f.EpisodePageFactory,
        9004,
        parent=show,
        title="The golden episode",
        slug="golden-episode",
        episode_number=8,
        season=2,
        headline="What makes an episode golden",
        rubric=f.RubricFactory(id=90201, name="Market", slug="market"),
        cover_image=image(90304, "golden-cover", size=64),
        broadcast_at=timezone.make_aware(datetime.datetime(2026, 1, 8, 7, 0)),
        audio_url="https://audio.example/golden.mp3",
        audio_duration=datetime.timedelta(minutes=48, seconds=5),
        audio_size=46_000_000,
        transcript_file=transcript,
        summary=f'<p>A look back at <a linktype="page" id="{linked.pk}">episode 7</a>.</p>',
        body=full_body(
            people=(host, guest),
            images=[image(90305, "chart", size=64)],
            linked_page=linked,
            document=document,
        ),
    )
    EpisodeHost.objects.create(page=episode, person=host, sort_order=0)
    EpisodeGuest.objects.create(page=episode, person=guest, sort_order=0)
    RelatedEpisode.objects.create(page=episode, episode=linked, sort_order=0)
    episode.tags.add("markets", "audio")
    episode.save()
    # "Speaker 2" matches no person: the API names Host Person only. The first pull quote is
    # found there (verified), and its cue makes it an 18.5-second soundbite; the others are not.
    cues = parse(GOLDEN_TRANSCRIPT, "vtt")
    store_transcript(episode, cues, "vtt", "", "golden.vtt")
    for page in (home, show, linked, episode):
        page.save_revision().publish()
    return {"home": home, "show": show, "episode": episode}


@pytest.mark.parametrize("name", ["home", "show", "episode"])
def test_detail_matches_golden_file(client, golden_site, name):
    response = client.get(f"/api/v2/pages/{golden_site[name].pk}/")
    assert response.status_code == 200
    data = with_golden_ids(response.json())
    actual = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    golden = GOLDEN_DIR / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN_DIR.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
