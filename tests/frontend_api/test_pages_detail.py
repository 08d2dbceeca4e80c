"""The episode detail: v2 meta plus everything a frontend needs, from one representation."""

import pytest
from wagtail.models import PageViewRestriction

from episodes import factories as f
from frontend_api.representation import page_representation
from tests.support.content import EMBED_URL, full_episode
from tests.support.site import publish


@pytest.fixture(autouse=True)
def origins(settings):
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"
    settings.WAGTAILAPI_BASE_URL = "https://cms.example"


@pytest.fixture
def episode(show):
    return full_episode(show)


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_meta_is_v2_with_frontend_urls(client, episode, show):
    meta = detail(client, episode)["meta"]
    assert meta["type"] == "episodes.EpisodePage"
    assert meta["detail_url"] == f"https://cms.example/api/v2/pages/{episode.pk}/"
    assert meta["html_url"] == "https://front.example/test-show/episode-1/"
    assert meta["slug"] == "episode-1"
    assert meta["parent"] == {
        "id": show.pk,
        "meta": {
            "type": "episodes.PodcastPage",
            "detail_url": f"https://cms.example/api/v2/pages/{show.pk}/",
            "html_url": "https://front.example/test-show/",
        },
        "title": "Test Show",
    }


def test_episode_fields(client, episode, show):
    data = detail(client, episode)
    assert data["show"] == {
        "id": show.pk,
        "title": "Test Show",
        "slug": "test-show",
        "url": "https://front.example/test-show/",
    }
    assert data["episode_number"] == 1
    assert data["season"] == 1
    assert data["episode_type"] == "full"
    assert data["rubric"]["slug"] == "market"
    assert data["headline"] == "Headline 1"
    assert data["broadcast_at"].startswith("2026-03-04T09:30:00")
    assert data["audio"] == {
        "url": "https://audio.example.com/episode-1.mp3",
        "mime_type": "audio/mpeg",
        "size": 43_200_000,
        "duration_seconds": 3130,
    }
    assert [r["width"] for r in data["cover_image"]["renditions"]] == [64]
    assert data["cover_image"]["alt"] == "Cover 1"
    assert (
        data["summary"]
        == '<p>About <a href="https://front.example/test-show/linked-1/">this</a>.</p>'
    )
    assert [(p["name"], p["role"]) for p in data["hosts"]] == [("Host Person", "Host")]
    assert data["hosts"][0]["photo"]["alt"] == "Host Person"
    assert data["guests"][0]["photo"] is None
    assert data["tags"] == ["audio", "markets"]
    [related] = data["related_episodes"]
    assert related["url"] == "https://front.example/test-show/linked-1/"
    assert related["episode_number"] == 101


def test_body_contract(client, episode):
    body = detail(client, episode)["body"]
    assert [item["type"] for item in body] == [
        "heading",
        "paragraph",
        "heading",
        "pull_quote",
        "pull_quote",
        "image",
        "embed",
        "faq",
    ]
    assert all(set(item) == {"type", "id", "value"} for item in body)
    values = [item["value"] for item in body]
    assert values[0] == {
        "text": "Why we talk about this",
        "level": 2,
        "anchor": "why-we-talk-about-this",
        "timestamp_seconds": 45,
    }
    # A heading without a moment in the audio says so with null.
    assert values[2]["timestamp_seconds"] is None
    assert "linktype" not in values[1]["text"]
    assert 'href="https://front.example/test-show/linked-1/"' in values[1]["text"]
    assert values[3] == {
        "text": "Listening comes first.",
        "speaker": {"name": "Host Person", "role": "Host"},
        "timestamp_seconds": 62,
        "verified": False,  # no transcript to find it in
    }
    assert values[4]["speaker"] == {"name": "A listener", "role": None}
    assert values[4]["timestamp_seconds"] is None
    assert set(values[5]) == {"image", "alt", "caption", "credit"}
    assert values[5]["image"]["renditions"][0]["url"].startswith("https://cms.example/media/")
    assert values[6] == {
        "url": EMBED_URL,
        "html": '<iframe src="https://video.example/embed/demo"></iframe>',
        "provider": "Video Example",
    }
    faq = values[7]
    assert faq["title"] == "Frequently asked questions"
    assert faq["items"][0] == {
        "question": "Who is it for?",
        "answer": "<p>Anyone <b>curious</b>.</p>",
        "quote": {
            "text": "For all.",
            "speaker": {"name": "Guest Person", "role": None},
            "verified": False,
        },
    }
    assert faq["items"][1]["quote"] is None


def test_toc_reading_time_and_seo(client, episode):
    data = detail(client, episode)
    assert data["toc"] == [
        {"text": "Why we talk about this", "level": 2, "anchor": "why-we-talk-about-this"},
        {"text": "A detail", "level": 3, "anchor": "a-detail"},
    ]
    assert data["reading_time"] == 1
    assert data["seo"]["title"] == "Headline 1"
    assert data["seo"]["canonical_url"] == "https://front.example/test-show/episode-1/"
    assert data["seo"]["og_image"]["alt"] == "Cover 1"


def test_json_ld_graph(client, episode):
    graph = detail(client, episode)["json_ld"]["@graph"]
    by_type = {node["@type"]: node for node in graph}
    assert set(by_type) == {"PodcastEpisode", "FAQPage", "BreadcrumbList"}
    episode_node = by_type["PodcastEpisode"]
    assert episode_node["url"] == "https://front.example/test-show/episode-1/"
    assert episode_node["partOfSeries"]["@type"] == "PodcastSeries"
    assert episode_node["partOfSeries"]["url"] == "https://front.example/test-show/"
    assert (
        episode_node["associatedMedia"]["contentUrl"] == "https://audio.example.com/episode-1.mp3"
    )
    assert episode_node["associatedMedia"]["duration"] == "PT52M10S"
    assert [q["name"] for q in by_type["FAQPage"]["mainEntity"]] == [
        "Who is it for?",
        "How long is it?",
    ]
    crumbs = by_type["BreadcrumbList"]["itemListElement"]
    assert [c["item"] for c in crumbs] == [
        "https://front.example/",
        "https://front.example/test-show/",
        "https://front.example/test-show/episode-1/",
    ]


def test_an_image_whose_file_is_lost_is_served_without_renditions(client, show, caplog):
    cover = f.ImageFactory(title="Lost cover")
    cover.file.storage.delete(cover.file.name)
    episode = f.EpisodePageFactory(parent=show, cover_image=cover, published=True)

    response = client.get(f"/api/v2/pages/{episode.pk}/")

    assert response.status_code == 200
    assert response.json()["cover_image"]["renditions"] == []
    assert response.json()["cover_image"]["alt"] == "Lost cover"
    assert f"image {cover.pk} has no original file" in caplog.text


def test_editor_choice_beats_recent_episodes_and_hidden_ones_drop(client, episode, show):
    related = episode.related_links.get().episode
    related.unpublish()
    assert detail(client, episode)["related_episodes"] == []


def test_recent_episodes_of_the_same_rubric_stand_in(client, show):
    rubric = f.RubricFactory(slug="tools")
    older, newer = (
        f.EpisodePageFactory(parent=show, rubric=rubric, slug=slug, published=True)
        for slug in ("older", "newer")
    )
    newer.broadcast_at = older.broadcast_at.replace(year=older.broadcast_at.year + 1)
    publish(newer)
    f.EpisodePageFactory(parent=show, slug="other-rubric", published=True)
    page = f.EpisodePageFactory(parent=show, rubric=rubric, slug="main", published=True)
    urls = [item["url"] for item in detail(client, page)["related_episodes"]]
    assert urls == [
        "https://front.example/test-show/newer/",
        "https://front.example/test-show/older/",
    ]


def test_recent_episodes_sharing_a_tag_stand_in(client, show):
    tagged = f.EpisodePageFactory(parent=show, slug="tagged")
    tagged.tags.add("ai")
    publish(tagged)
    page = f.EpisodePageFactory(parent=show, slug="main")
    page.tags.add("ai")
    publish(page)
    assert [item["id"] for item in detail(client, page)["related_episodes"]] == [tagged.pk]


@pytest.mark.parametrize("restricted", ["page", "show"])
def test_private_pages_are_404(client, episode, show, restricted):
    target = episode if restricted == "page" else show
    PageViewRestriction.objects.create(page=target, restriction_type="login")
    response = client.get(f"/api/v2/pages/{episode.pk}/")
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_drafts_are_404(client, show):
    draft = f.EpisodePageFactory(parent=show, live=False)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_unknown_page_is_json_404(client, db):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_show_and_home_details(client, show, home_page):
    answer = detail(client, show)
    assert answer["meta"]["type"] == "episodes.PodcastPage"
    assert answer["author"] == "The Podcast Team"
    assert [node["@type"] for node in answer["json_ld"]["@graph"]] == [
        "PodcastSeries",
        "BreadcrumbList",
    ]
    home = detail(client, home_page)
    assert home["meta"]["html_url"] == "https://front.example/"
    assert home["seo"]["canonical_url"] == "https://front.example/"


def test_representation_of_a_draft_uses_the_instance_given(client, episode, rf):
    draft = episode.get_latest_revision_as_object()
    draft.title = "Unsaved title"
    draft.body = [*draft.body.raw_data, {"type": "paragraph", "value": {"text": "<p>New</p>"}}]
    data = page_representation(draft, rf.get("/"))
    assert data["title"] == "Unsaved title"
    assert data["body"][-1]["value"] == {"text": "<p>New</p>"}
    assert data["json_ld"]["@graph"][0]["name"] == "Unsaved title"
    live = detail(client, episode)
    assert list(data) == list(live)
    changed = ("title", "body", "json_ld")
    assert {key: value for key, value in data.items() if key not in changed} == {
        key: value for key, value in live.items() if key not in changed
    }


def test_pages_past_their_expiry_are_hidden_before_the_scheduler_runs(client, show):
    from django.utils import timezone

    page = f.EpisodePageFactory(parent=show, slug="expiring", published=True)
    linking = f.EpisodePageFactory(
        parent=show,
        slug="linking",
        summary=f'<p><a linktype="page" id="{page.pk}">gone</a></p>',
        published=True,
    )
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now())
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert "expiring" not in client.get("/api/v2/pages/?limit=50").content.decode()
    assert detail(client, linking)["summary"] == "<p><a>gone</a></p>"


def test_reading_time_counts_the_words_a_reader_sees_not_the_markup(client, show):
    # 400 visible words at 200 a minute: 2 minutes. Each word sits in a link whose address
    # holds 5 more words and is followed by an entity, which must not count.
    word = '<a href="https://example.com/one/two/three/four/five">word</a>&amp;'
    episode = f.EpisodePageFactory(
        parent=show,
        body=[f.paragraph(f"<p>{' '.join([word] * 100)}</p>") for _ in range(4)],
        published=True,
    )
    assert detail(client, episode)["reading_time"] == 2
